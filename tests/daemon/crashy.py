"""A worker function that kills its worker process on a marked mail (a module of its own:
worker processes are spawned and import it by name)."""

from __future__ import annotations

import os

from orderintake.poller import _worker_process
from orderintake.store.records import MailResult

MARK = b"X-Test-Crash-Worker: yes"


def crash_on_mark(raw: bytes, name: str) -> MailResult:
    if MARK in raw:
        os._exit(3)  # as an OOM kill or a segfault in a library would
    return _worker_process(raw, name)


def marked(raw: bytes) -> bytes:
    return MARK + b"\r\n" + raw
