"""Word, Excel and OpenDocument orders → PDF, with LibreOffice headless.

Customers send orders as .docx, .doc, .odt, .xlsx, .xls and .ods. Converting them to
PDF (rather than reading their XML) keeps the page layout, so the engine's "right of /
below the label" rules work on them exactly as on a PDF order.

Each conversion runs ``soffice --headless --convert-to pdf`` in its own temporary folder
with its own ``-env:UserInstallation`` profile: two LibreOffice processes sharing a
profile block each other (or silently do nothing), and a user's desktop profile must
never be touched. A conversion that takes longer than ``timeout`` is killed with its whole
process group. Every failure is an :class:`~orderintake.errors.ExtractionError` a clerk
can read.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import ExtractionError
from . import sniff

log = logging.getLogger(__name__)

#: Sniffed type → the extension LibreOffice needs to pick its import filter.
_SUFFIX = {
    sniff.DOCX: ".docx",
    sniff.XLSX: ".xlsx",
    sniff.ODT: ".odt",
    sniff.ODS: ".ods",
}
_OLE_SUFFIXES = (".doc", ".xls", ".ppt")
OFFICE_SUFFIXES = (".docx", ".doc", ".odt", ".xlsx", ".xls", ".ods", ".rtf")


def is_office(data: bytes, filename: str = "") -> bool:
    """True for the office formats this module converts (judged from the bytes)."""
    kind = sniff.sniff_type(data)
    if kind in _SUFFIX:
        return True
    return kind == sniff.OLE and filename.lower().endswith(_OLE_SUFFIXES)


def _suffix(data: bytes, filename: str) -> str:
    kind = sniff.sniff_type(data)
    if kind in _SUFFIX:
        return _SUFFIX[kind]
    lower = filename.lower()
    if kind == sniff.OLE:
        # A compound file may be Word or Excel; only the name tells (or LibreOffice guesses).
        return next((s for s in _OLE_SUFFIXES if lower.endswith(s)), ".doc")
    if lower.endswith(OFFICE_SUFFIXES):
        return Path(lower).suffix
    raise ExtractionError(f"{filename or 'attachment'}: not a Word, Excel or OpenDocument file")


def soffice_binary() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ExtractionError(
            "LibreOffice is not installed: Word/Excel orders cannot be read "
            "(install libreoffice-writer and libreoffice-calc)"
        )
    return found


def convert_to_pdf(
    data: bytes, filename: str = "document", *, timeout: float = 120.0, soffice: str | None = None
) -> bytes:
    """The PDF rendering of an office document's bytes."""
    name = filename or "document"
    suffix = _suffix(data, name)
    binary = soffice or soffice_binary()
    with tempfile.TemporaryDirectory(prefix="orderintake-office-") as tmp:
        work = Path(tmp)
        src = work / f"input{suffix}"
        src.write_bytes(data)
        outdir = work / "out"
        outdir.mkdir()
        cmd = [
            binary,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(src),
        ]
        log.debug("converting %s: %s", name, " ".join(cmd))
        env = dict(os.environ, HOME=str(work))  # some LibreOffice helpers write to $HOME
        try:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )
        except OSError as exc:
            raise ExtractionError(f"{name}: LibreOffice could not start: {exc}") from exc
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ExtractionError(
                f"{name}: LibreOffice took more than {timeout:.0f} s to convert it; given up",
                retryable=True,
            ) from None
        pdf = outdir / "input.pdf"
        if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise ExtractionError(
                f"{name}: LibreOffice could not convert it to PDF "
                f"(exit {proc.returncode}{': ' + detail[-1][:200] if detail else ''}); "
                "the file may be damaged or protected by a password"
            )
        return pdf.read_bytes()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
