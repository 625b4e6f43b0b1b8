"""Storage: the only package that imports SQLAlchemy.

``db`` opens engines and runs migrations, ``schema`` holds the tables, ``blobs`` the
files kept as they arrived, and ``repo`` the functions the rest of orderintake calls.
No ORM object leaves this package: callers get the model's frozen dataclasses or the
small records defined in ``repo``.
"""
