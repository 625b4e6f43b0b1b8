"""A minimal winmail.dat (Microsoft TNEF) carrying one attachment, as Outlook sends it
when "Rich Text" format is on: the real PDF hides inside ``application/ms-tnef``.

Only the attributes a reader needs are written (version, code page, message class,
body, and per attachment its rendering data, title and data), each with its checksum.
"""

from __future__ import annotations

import struct

SIGNATURE = 0x223E9F78
LVL_MESSAGE, LVL_ATTACHMENT = 0x01, 0x02


def _attr(level: int, name: int, kind: int, data: bytes) -> bytes:
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BHHI", level, name, kind, len(data)) + data + struct.pack("<H", checksum)


def winmail(body: str, filename: str, payload: bytes) -> bytes:
    """TNEF bytes with ``body`` (cp1252) and one attached file."""
    out = struct.pack("<IH", SIGNATURE, 0x0001)
    out += _attr(LVL_MESSAGE, 0x9006, 0x0008, struct.pack("<I", 0x00010000))  # TNEF version
    out += _attr(LVL_MESSAGE, 0x9007, 0x0006, struct.pack("<II", 1252, 0))  # OEM code page
    out += _attr(LVL_MESSAGE, 0x8008, 0x0007, b"IPM.Microsoft Mail.Note\x00")  # message class
    out += _attr(LVL_MESSAGE, 0x800C, 0x0002, body.encode("cp1252", "replace"))  # body
    out += _attr(
        LVL_ATTACHMENT, 0x9002, 0x0006, struct.pack("<HIIIH", 1, 0xFFFFFFFF, 0, 0, 0)
    )  # rendering
    out += _attr(
        LVL_ATTACHMENT, 0x8010, 0x0001, filename.encode("cp1252", "replace") + b"\x00"
    )  # title
    out += _attr(LVL_ATTACHMENT, 0x800F, 0x0006, payload)  # the file
    return out
