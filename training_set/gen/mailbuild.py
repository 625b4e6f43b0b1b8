"""Low-level mail assembly with the stdlib ``email`` package, byte-stable.

Boundaries, dates and Message-IDs are derived from the mail's seed, never from the
clock or a random generator, so the same .eml comes out on every run.
"""

from __future__ import annotations

import base64
import hashlib
import io
import random
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from PIL import Image, ImageDraw

from .parties import Party

OUR_ADDRESS = "commandes@acme-fournitures.fr"
CHARSETS = ["utf-8", "utf-8", "windows-1252", "iso-8859-1"]
CTES = ["quoted-printable", "base64", "8bit"]


def latin1_safe(text: str) -> str:
    """iso-8859-1 has no €, œ or –: write what a mail client would have sent instead."""
    return text.replace("€", "EUR").replace("œ", "oe").replace("–", "-").replace("’", "'")


def new_message(
    rng: random.Random,
    seed: str,
    sender: Party,
    subject: str,
    *,
    to: str = OUR_ADDRESS,
    sender_addr: str | None = None,
) -> EmailMessage:
    msg = EmailMessage(policy=policy.default)
    msg["From"] = f"{sender.contact} <{sender_addr or sender.email}>"
    msg["To"] = to
    msg["Subject"] = subject
    when = datetime(
        2024,
        rng.randint(1, 12),
        rng.randint(1, 28),
        rng.randint(7, 18),
        rng.randint(0, 59),
        rng.randint(0, 59),
        tzinfo=timezone(timedelta(hours=rng.choice([1, 2]))),
    )
    msg["Date"] = format_datetime(when)
    domain = (sender_addr or sender.email).rsplit("@", 1)[-1]
    msg["Message-ID"] = f"<{hashlib.sha1(seed.encode()).hexdigest()[:20]}@{domain}>"
    msg["MIME-Version"] = "1.0"
    return msg


def set_body(
    msg: EmailMessage,
    rng: random.Random,
    text: str,
    *,
    html: str | None = None,
    html_only: bool = False,
) -> None:
    """Plain text, HTML only, or both as multipart/alternative, in a varied charset/encoding."""
    charset = rng.choice(CHARSETS)
    cte = rng.choice(CTES)
    if charset == "iso-8859-1":
        text = latin1_safe(text)
        html = latin1_safe(html) if html else html
    if html_only and html:
        msg.set_content(html, subtype="html", charset=charset, cte=cte)
        return
    msg.set_content(text, charset=charset, cte=cte)
    if html:
        msg.add_alternative(html, subtype="html", charset=charset, cte=cte)


def to_html(text: str) -> str:
    paras = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return f'<html><head><meta charset="utf-8"></head><body style="font-family:Calibri,sans-serif">{paras}</body></html>'


def attach(msg: EmailMessage, data: bytes, filename: str, mime: str) -> None:
    maintype, subtype = mime.split("/")
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)


def logo_png(seed: str) -> bytes:
    """A small company logo for signatures (inline image, referenced by Content-ID)."""
    h = hashlib.sha1(seed.encode()).digest()
    im = Image.new("RGB", (160, 48), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((2, 2, 44, 44), fill=(h[0], h[1] // 2, 120))
    d.rectangle((52, 14, 150, 22), fill=(40, 40, 40))
    d.rectangle((52, 28, 120, 34), fill=(120, 120, 120))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def logo_cid(seed: str, domain: str) -> str:
    return f"logo-{hashlib.sha1(seed.encode()).hexdigest()[:8]}@{domain}"


def add_inline_logo(msg: EmailMessage, seed: str, domain: str) -> str:
    """Add the logo to the HTML part as multipart/related; returns its Content-ID."""
    cid = logo_cid(seed, domain)
    html_part = msg.get_body(("html",))
    assert html_part is not None
    html_part.add_related(
        logo_png(seed),
        maintype="image",
        subtype="png",
        cid=f"<{cid}>",
        disposition="inline",
        filename="image001.png",
    )
    return cid


def finish(msg: EmailMessage, seed: str) -> bytes:
    """Fix every multipart boundary (the email package would draw random ones)."""
    tag = hashlib.sha1(seed.encode()).hexdigest()[:12]
    for n, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"----=_Part_{n}_{tag}")
    return msg.as_bytes(policy=policy.default)


def rfc2047_filename(raw: bytes, placeholder: str, real: str) -> bytes:
    """Rewrite a filename the way Outlook does (RFC 2047 encoded word inside quotes)."""
    word = "=?utf-8?B?" + base64.b64encode(real.encode()).decode() + "?="
    return raw.replace(f'filename="{placeholder}"'.encode(), f'filename="{word}"'.encode())


def signature(p: Party, rng: random.Random) -> str:
    return f"\n\n{rng.choice(['Cordialement', 'Bien cordialement', 'Bonne journée', 'Merci d’avance'])},\n\n{p.contact}\n{p.name}\nTél. {p.phone}"
