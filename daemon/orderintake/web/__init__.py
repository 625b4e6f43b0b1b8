"""The clerks' review web app: FastAPI, Jinja2 templates, a little plain JavaScript.

:func:`create_app` builds the application for one :class:`~orderintake.config.Settings`;
``orderintake serve`` runs it with uvicorn, and the tests drive it with httpx. Pages are
server-rendered (no build step, nothing fetched from a CDN: the page works offline).
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
