"""Raw mail bytes → :class:`~orderintake.model.ParsedMessage`: pure, lenient, explained.

Built on the standard library's ``email`` parser (``compat32`` policy, which never raises
on bad MIME and records *defects* instead). mail-parser, which wraps the same parser, was
tried first and falls short for this job: it flattens the part tree, so it loses which
image a ``cid:`` in the HTML body refers to, which parts came from a forwarded
``message/rfc822``, and the parser's defects; it also trusts declared charsets. So the
part walk is ours, and each library does what it is best at: html2text for HTML-only
bodies, tnefparse for ``winmail.dat``, zipfile (with limits) for archives, and
:func:`~orderintake.extract.sniff.sniff_type` for what an attachment really is.

What counts as a *real* attachment (``Attachment.is_real``): anything a customer meant to
send. Not real: signature logos and other small images (tiny pixel size, or referenced by
``cid:`` from the HTML body and small), vCards, calendar invites, S/MIME signatures.

Malformed MIME is salvaged as far as possible; what went wrong is listed in
``ParsedMessage.defects``. Only input that is not a mail at all raises
:class:`~orderintake.errors.MessageError`.
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.utils
import logging
import re
from dataclasses import dataclass, field
from email.message import Message

from .errors import MessageError
from .extract import sniff
from .model import Attachment, ParsedMessage
from .quoting import is_forward_subject, split_quoted
from .unpack import ParseLimits, UnpackBudget, expand, make_attachment

log = logging.getLogger(__name__)

_CID_RE = re.compile(r"""cid:([^"'\s>)]+)""", re.IGNORECASE)

__all__ = ["ParseLimits", "decode_bytes", "decode_header_value", "html_to_text", "parse_message"]


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, bool]:
    """Text from bytes: the declared charset, else UTF-8, else cp1252, else latin-1.

    Returns (text, clean): ``clean`` is False when the declared charset was missing,
    unknown or wrong and a fallback was used.
    """
    tried: list[str] = []
    if charset:
        cs = charset.strip().strip('"').lower()
        if cs in ("unknown-8bit", "x-unknown", "us-ascii", "ascii"):
            cs = ""
        if cs:
            tried.append(cs)
    for cs in [*tried, "utf-8", "cp1252"]:
        try:
            return data.decode(cs), bool(tried) and cs == tried[0]
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1"), False


def decode_header_value(value: object) -> str:
    """An RFC 2047 header (or raw 8-bit header bytes) as readable text."""
    if isinstance(value, email.header.Header):
        value = str(value)
    text = str(value or "")
    if any("\udc80" <= c <= "\udcff" for c in text):
        # compat32 keeps undeclared 8-bit header bytes as surrogates: guess their charset.
        text = decode_bytes(text.encode("ascii", "surrogateescape"), None)[0]
    try:
        chunks = email.header.decode_header(text)
    except (email.errors.HeaderParseError, ValueError):
        return " ".join(text.split())
    out: list[str] = []
    for chunk, charset in chunks:
        out.append(decode_bytes(chunk, charset)[0] if isinstance(chunk, bytes) else chunk)
    # decode_header drops the whitespace between an encoded word and plain text.
    joined = "".join(out) if len(chunks) > 1 else out[0] if out else ""
    return " ".join(joined.split())


def html_to_text(html: str) -> str:
    """HTML body → plain text (blockquotes become '> ' lines, so quoting still works)."""
    import html2text

    conv = html2text.HTML2Text()
    conv.body_width = 0
    conv.ignore_images = True
    conv.ignore_links = True
    conv.ignore_emphasis = True
    try:
        return str(conv.handle(html))
    except Exception:  # html2text is lenient, but a parser bug must not lose the mail
        return re.sub(r"<[^>]+>", " ", html)


@dataclass
class _Walk:
    limits: ParseLimits
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    forwarded: list[str] = field(default_factory=list)
    parts: list[tuple[Message, str]] = field(default_factory=list)  # (part, origin)
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    cids: set[str] = field(default_factory=set)


def _defects_of(part: Message, where: str, out: list[str]) -> None:
    for d in getattr(part, "defects", []):
        out.append(f"{where}: {type(d).__name__}" + (f" ({d})" if str(d) else ""))


def _is_attachment(part: Message) -> bool:
    disposition = (part.get_content_disposition() or "").lower()
    if disposition == "attachment":
        return True
    if part.get_filename():
        return True
    return part.get_content_maintype() not in ("text", "multipart", "message")


def _text_of(part: Message, walk: _Walk, where: str) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text, clean = decode_bytes(payload, part.get_content_charset())
    if not clean and any(b > 127 for b in payload):
        walk.defects.append(
            f"{where}: charset {part.get_content_charset() or 'undeclared'} did not fit; "
            "decoded by guessing"
        )
    return text


def _walk(
    part: Message, walk: _Walk, origin: str, depth: int, where: str, skip_html: bool = False
) -> None:
    _defects_of(part, where, walk.defects)
    ctype = part.get_content_type()
    if part.is_multipart() and ctype != "message/rfc822":
        subparts = part.get_payload()
        if not isinstance(subparts, list):
            return
        if ctype == "multipart/alternative":
            # Prefer the plain-text alternative; the HTML one only when plain is empty
            # (its images are still walked: a pasted scan lives there).
            plain = [
                p
                for p in subparts
                if isinstance(p, Message)
                and p.get_content_type() == "text/plain"
                and not _is_attachment(p)
            ]
            skip_html = skip_html or any(_text_of(p, walk, where).strip() for p in plain)
        for i, sub in enumerate(subparts, 1):
            if isinstance(sub, Message):
                _walk(sub, walk, origin, depth, f"{where}.{i}", skip_html)
        return
    if ctype == "message/rfc822":
        inner = part.get_payload()
        inner_msg = inner[0] if isinstance(inner, list) and inner else None
        if not isinstance(inner_msg, Message):
            walk.defects.append(f"{where}: forwarded message is empty")
            return
        if depth >= walk.limits.max_depth:
            walk.defects.append(f"{where}: forwarded message nested too deeply; not opened")
            return
        subject = decode_header_value(_raw_header(inner_msg, "Subject"))
        sub = _Walk(walk.limits, cids=walk.cids)
        _walk(inner_msg, sub, "forwarded message", depth + 1, where + ".fwd")
        text = "\n".join(t for t in sub.plain if t.strip()) or "\n".join(
            html_to_text(h) for h in sub.html
        )
        walk.forwarded.append(f"--- forwarded message: {subject} ---\n{text.strip()}")
        walk.forwarded.extend(sub.forwarded)
        walk.parts.extend(sub.parts)
        walk.defects.extend(sub.defects)
        return
    if _is_attachment(part):
        walk.parts.append((part, origin))
        return
    text = _text_of(part, walk, where)
    if ctype == "text/html":
        walk.cids.update(m.lower() for m in _CID_RE.findall(text))
        if not skip_html:
            walk.html.append(text)
    else:
        walk.plain.append(text)


def _attachment_from_part(part: Message, origin: str, walk: _Walk, i: int) -> Attachment:
    raw_name = part.get_filename()
    filename = decode_header_value(raw_name) if raw_name else ""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        inner = part.get_payload()
        payload = inner.encode("utf-8", "surrogateescape") if isinstance(inner, str) else b""
    cid = (part.get("Content-ID") or "").strip().strip("<>").lower()
    disposition = (part.get_content_disposition() or "").lower()
    if not filename:
        ext = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}.get(
            sniff.sniff_type(payload), ".bin"
        )
        filename = f"attachment-{i}{ext}"
    return make_attachment(
        filename,
        part.get_content_type(),
        payload,
        walk.limits,
        inline=disposition == "inline" or (bool(cid) and disposition != "attachment"),
        referenced=bool(cid) and cid in walk.cids,
        origin=origin,
    )


def _raw_header(msg: Message, name: str) -> str:
    """A header as sent: ``msg.get`` would turn undeclared 8-bit bytes into U+FFFD."""
    lname = name.lower()
    return next((str(v) for k, v in msg.raw_items() if k.lower() == lname), "")


def _addresses(value: str) -> tuple[str, ...]:
    return tuple(addr for _, addr in email.utils.getaddresses([value]) if addr)


def parse_message(raw: bytes, limits: ParseLimits | None = None) -> ParsedMessage:
    """Parse one mail. Raises :class:`MessageError` only when ``raw`` is not a mail."""
    limits = limits or ParseLimits()
    if not raw or not raw.strip():
        raise MessageError("the mail is empty")
    try:
        msg = email.message_from_bytes(raw)
    except Exception as exc:  # compat32 hardly raises; if it does, say so plainly
        raise MessageError(f"the mail could not be read at all: {exc}") from exc
    if not msg.keys():
        raise MessageError("this is not a mail: no header lines (From, Subject, …) were found")
    walk = _Walk(limits)
    try:
        _walk(msg, walk, "", 0, "mail")
    except RecursionError as exc:
        raise MessageError("the mail's MIME structure is nested too deeply to read") from exc
    attachments: list[Attachment] = []
    budget = UnpackBudget.for_mail(limits)  # one for the whole mail, nested archives too
    for i, (part, origin) in enumerate(walk.parts, 1):
        try:
            att = _attachment_from_part(part, origin, walk, i)
        except Exception as exc:  # one broken part must not lose the others
            walk.defects.append(f"attachment {i}: unreadable ({type(exc).__name__}: {exc})")
            continue
        attachments.extend(expand(att, limits, walk.defects, 0, budget))
    subject = decode_header_value(_raw_header(msg, "Subject"))
    plain = "\n".join(t for t in walk.plain if t.strip())
    text = plain if plain.strip() else "\n".join(html_to_text(h) for h in walk.html)
    own, quoted = split_quoted(text.replace("\r\n", "\n"), forward=is_forward_subject(subject))
    if walk.forwarded:
        own = "\n\n".join([own, *walk.forwarded]).strip()
    headers = tuple((k, decode_header_value(v)) for k, v in msg.raw_items())
    return ParsedMessage(
        message_id=decode_header_value(_raw_header(msg, "Message-ID")).strip(),
        subject=subject,
        sender=decode_header_value(_raw_header(msg, "From")),
        to=_addresses(decode_header_value(_raw_header(msg, "To"))),
        date=decode_header_value(_raw_header(msg, "Date")) or None,
        body=own,
        quoted=quoted,
        attachments=tuple(attachments),
        headers=headers,
        defects=tuple(dict.fromkeys(walk.defects)),
    )
