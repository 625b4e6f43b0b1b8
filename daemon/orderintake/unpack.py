"""Attachments as the customer meant them: sniffed, logos told apart, archives opened.

A mail's MIME parts are not yet its documents: Outlook wraps them in ``winmail.dat``
(TNEF), customers zip a batch of orders, and signatures add logos. This module turns one
attachment into the files it really carries, with limits so that a zip bomb is refused
with a reason instead of filling the disk, and says which files are *real* (a document
meant for us) and which are not (logos, icons, vCards, S/MIME signatures).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import zipfile
from dataclasses import dataclass

from .extract import sniff
from .model import Attachment


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Limits that keep a hostile or broken mail from eating the daemon's memory."""

    max_zip_members: int = 50
    max_zip_member_bytes: int = 50 * 1024 * 1024
    max_zip_total_bytes: int = 100 * 1024 * 1024
    #: A member compressing better than this is a zip bomb, not a purchase order.
    max_zip_ratio: float = 200.0
    #: Nesting of forwarded mails / archives inside each other.
    max_depth: int = 4
    #: Images at most this many pixels wide *and* high are logos or icons.
    logo_max_side: int = 300
    #: A ``cid:``-referenced image below this size is a signature image.
    cid_logo_max_bytes: int = 64 * 1024
    #: Undecodable images below this size are taken as icons.
    tiny_image_bytes: int = 8 * 1024


@dataclass
class UnpackBudget:
    """What is left to unpack for one whole mail, shared by every archive in it.

    Each archive's own limits are not enough: nested archives (or many archives in one
    mail) would each get a fresh 100 MiB. One budget per mail, spent by every level.
    """

    bytes_left: int
    members_left: int

    @classmethod
    def for_mail(cls, limits: ParseLimits) -> UnpackBudget:
        return cls(limits.max_zip_total_bytes, limits.max_zip_members)


_NOT_REAL_TYPES = frozenset(
    {
        "text/vcard",
        "text/x-vcard",
        "text/calendar",
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
        "application/pgp-signature",
    }
)
_NOT_REAL_SUFFIXES = (".vcf", ".ics", ".p7s", ".asc", ".sig")


def _decode_name(data: bytes, charset: None) -> tuple[str, bool]:
    """A legacy (non-UTF-8 flagged) ZIP member name: UTF-8 if it fits, else cp1252."""
    for cs in ("utf-8", "cp1252"):
        try:
            return data.decode(cs), True
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), False


def _is_logo(
    side: tuple[int, int] | None, size: int, referenced: bool, limits: ParseLimits
) -> bool:
    """Signature logos and icons: small in pixels; or, when the image cannot be measured,
    tiny in bytes. An image shown in the HTML body (``cid:``) may be a bit larger and still
    be a logo; a pasted scan is thousands of pixels wide."""
    if side is not None:
        limit = limits.logo_max_side * (2 if referenced else 1)
        return max(side) <= limit
    if size < limits.tiny_image_bytes:
        return True
    return referenced and size < limits.cid_logo_max_bytes


def _image_side(data: bytes) -> tuple[int, int] | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            return img.size
    except Exception:  # any undecodable image: its size decides instead
        return None


def make_attachment(
    filename: str,
    declared: str,
    data: bytes,
    limits: ParseLimits,
    *,
    inline: bool = False,
    referenced: bool = False,
    origin: str = "",
) -> Attachment:
    sniffed = sniff.sniff_type(data)
    real = True
    lname = filename.lower()
    if declared in _NOT_REAL_TYPES or lname.endswith(_NOT_REAL_SUFFIXES):
        real = False
    elif sniffed in sniff.IMAGE_TYPES:
        side = _image_side(data)
        real = not _is_logo(side, len(data), referenced, limits)
    return Attachment(
        filename=filename,
        content_type=declared,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        sniffed_type=sniffed,
        is_inline=inline,
        is_real=real,
        origin=origin,
    )


def unpack_zip(
    att: Attachment,
    limits: ParseLimits,
    defects: list[str],
    budget: UnpackBudget | None = None,
) -> list[Attachment]:
    """Open a ZIP attachment's members, refusing zip bombs and oversize archives.

    ``budget`` is the mail's unpacking budget (see :class:`UnpackBudget`); without one,
    this archive gets the limits for itself.
    """
    budget = budget if budget is not None else UnpackBudget.for_mail(limits)
    name = att.filename or "archive.zip"
    try:
        zf = zipfile.ZipFile(io.BytesIO(att.data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        defects.append(f"{name}: unreadable ZIP archive ({exc}); kept as it is")
        return [att]
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        reason = ""
        mib = limits.max_zip_total_bytes // 2**20
        if len(members) > limits.max_zip_members:
            reason = f"{len(members)} files (limit {limits.max_zip_members})"
        elif len(members) > budget.members_left:
            reason = f"the mail's archives hold more than {limits.max_zip_members} files in all"
        elif sum(i.file_size for i in members) > limits.max_zip_total_bytes:
            reason = f"unpacks to more than {mib} MiB"
        elif sum(i.file_size for i in members) > budget.bytes_left:
            reason = f"the mail's archives unpack to more than {mib} MiB in all"
        elif any(i.file_size > limits.max_zip_ratio * max(i.compress_size, 1) for i in members):
            reason = f"compression ratio above {limits.max_zip_ratio:.0f} (a zip bomb)"
        if reason:
            defects.append(f"{name}: archive refused: {reason}")
            return [replace_real(att, False)]
        out: list[Attachment] = []
        total = 0
        budget.members_left -= len(members)
        for info in members:
            if info.flag_bits & 0x1:
                defects.append(f"{name}: {info.filename} is password-protected; not opened")
                continue
            try:
                with zf.open(info) as fh:
                    # Never trust the declared size: read one byte past the limit.
                    data = fh.read(min(limits.max_zip_member_bytes, budget.bytes_left) + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                defects.append(f"{name}: {info.filename} unreadable ({exc})")
                continue
            total += len(data)
            budget.bytes_left -= len(data)
            if (
                len(data) > limits.max_zip_member_bytes
                or total > limits.max_zip_total_bytes
                or budget.bytes_left < 0
            ):
                defects.append(f"{name}: archive refused: unpacks to more than its limits")
                return [replace_real(att, False)]
            member_name = info.filename.rsplit("/", 1)[-1]
            if not info.flag_bits & 0x800:
                # Legacy ZIPs store names in cp437 or, from French Windows, in cp850/cp1252.
                with contextlib.suppress(UnicodeEncodeError):
                    member_name = _decode_name(member_name.encode("cp437"), None)[0]
            out.append(
                make_attachment(member_name, "application/octet-stream", data, limits, origin=name)
            )
        return out


def replace_real(att: Attachment, real: bool) -> Attachment:
    return Attachment(
        att.filename, att.content_type, att.data, att.sha256, att.sniffed_type,
        att.is_inline, real, att.origin,
    )  # fmt: skip


def unpack_tnef(att: Attachment, limits: ParseLimits, defects: list[str]) -> list[Attachment]:
    """winmail.dat (Outlook's TNEF) holds the real attachments: take them out."""
    from tnefparse import TNEF

    name = att.filename or "winmail.dat"
    try:
        tnef = TNEF(att.data, do_checksum=False)
    except Exception as exc:  # tnefparse raises bare ValueError/IndexError/struct.error
        defects.append(f"{name}: unreadable TNEF (winmail.dat) data ({exc}); kept as it is")
        return [att]
    out: list[Attachment] = []
    for i, member in enumerate(tnef.attachments, 1):
        try:
            member_name = str(member.long_filename() or member.name)
        except (UnicodeDecodeError, AttributeError):
            member_name = ""
        data = member.data if isinstance(member.data, bytes) else b""
        if not data:
            continue
        out.append(
            make_attachment(
                member_name.strip("\x00") or f"attachment-{i}",
                "application/octet-stream",
                data,
                limits,
                origin=name,
            )
        )
    if not out:
        defects.append(f"{name}: TNEF (winmail.dat) holds no attachment")
    return out


def expand(
    att: Attachment,
    limits: ParseLimits,
    defects: list[str],
    depth: int,
    budget: UnpackBudget | None = None,
) -> list[Attachment]:
    """The files ``att`` really carries (archives opened, nested ones too, to ``max_depth``).

    Pass the same ``budget`` for every attachment of a mail; without one, this attachment
    and everything nested in it share a budget of their own.
    """
    budget = budget if budget is not None else UnpackBudget.for_mail(limits)
    # The TNEF signature is tested first: sniff_type() sees "%PDF-" in a winmail.dat that
    # carries a PDF near its start.
    if (
        att.data[:4] == b"\x78\x9f\x3e\x22"
        or att.content_type == "application/ms-tnef"
        or att.filename.lower() == "winmail.dat"
    ):
        members = unpack_tnef(att, limits, defects)
    elif att.sniffed_type == sniff.ZIP and att.is_real:
        members = unpack_zip(att, limits, defects, budget)
    else:
        return [att]
    if members == [att] or depth >= limits.max_depth:
        return members
    out: list[Attachment] = []
    for m in members:
        out.extend(expand(m, limits, defects, depth + 1, budget))
    return out
