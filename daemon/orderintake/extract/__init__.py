"""Readers: a file's bytes → one :class:`~orderintake.model.Document`, whatever the source."""
