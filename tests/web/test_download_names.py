"""Attachment downloads keep any file name (RFC 6266), and cookies are Secure off loopback."""

from __future__ import annotations

from urllib.parse import unquote

import httpx
from orderintake.store.repo import Store
from orderintake.web.app import _secure_cookies
from seeding import seed_mail
from web_helpers import login


def test_a_non_latin1_file_name_downloads_with_its_utf8_name(
    client: httpx.Client, store: Store
) -> None:
    m = seed_mail(store, order_number="Œuvres-12", subject="Commande Œuvres-12")
    login(client, "claire")
    r = client.get(f"/attachment/{m.attachment_id}")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    disposition = r.headers["content-disposition"]
    assert 'filename="commande _uvres-12.pdf"' in disposition
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "commande Œuvres-12.pdf"


def test_session_cookies_are_secure_unless_served_on_loopback_http() -> None:
    assert _secure_cookies("http://127.0.0.1:8000") is False
    assert _secure_cookies("http://localhost:8000/") is False
    assert _secure_cookies("https://orders.example.com") is True
    assert _secure_cookies("http://orders.example.com") is True  # plain HTTP would leak it
