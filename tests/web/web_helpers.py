"""Helpers of the web tests (not in conftest: ``from conftest import`` picks whichever
test folder's conftest was loaded last when several folders run together)."""

from __future__ import annotations

import re

import httpx

PASSWORD = "correct horse battery"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


def login(client: httpx.Client, name: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the CSRF token of the session."""
    page = client.get("/login")
    token = CSRF_RE.search(page.text)
    assert token, page.text
    r = client.post(
        "/login",
        data={"name": name, "password": password, "csrf": token.group(1), "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    home = client.get("/")
    found = CSRF_RE.search(home.text)
    assert found
    return found.group(1)
