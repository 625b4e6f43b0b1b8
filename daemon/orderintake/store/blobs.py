"""Content-addressed files: the original .eml and every attachment, kept as they arrived.

A blob's name is the SHA-256 of its bytes, under ``data_dir/blobs/ab/cdef…``: the same
attachment resent ten times is stored once, a stored file can be checked against its
name, and writing is idempotent (write to a temporary file, then an atomic rename), so a
daemon killed mid-write never leaves a half file under a real name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..errors import StoreError


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Files named by their SHA-256 under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, digest: str) -> Path:
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise StoreError(f"not a SHA-256 blob name: {digest!r}")
        return self.root / digest[:2] / digest[2:]

    def put(self, data: bytes) -> str:
        """Store ``data`` (once); returns its SHA-256."""
        digest = sha256_hex(data)
        target = self.path(digest)
        if target.exists():
            return digest
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StoreError(f"cannot store a file under {self.root}: {exc}") from exc
        return digest

    def get(self, digest: str) -> bytes:
        try:
            return self.path(digest).read_bytes()
        except FileNotFoundError:
            raise StoreError(
                f"stored file {digest[:12]}… is missing (deleted by retention?)"
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot read stored file {digest[:12]}…: {exc}") from exc

    def exists(self, digest: str) -> bool:
        return self.path(digest).is_file()

    def delete(self, digest: str) -> bool:
        """Remove a blob; True when a file was removed."""
        try:
            self.path(digest).unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise StoreError(f"cannot delete stored file {digest[:12]}…: {exc}") from exc
        return True
