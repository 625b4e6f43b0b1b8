"""Helpers of the daemon tests (a module of its own, not conftest: several test folders
have a conftest.py, and ``from conftest import`` picks whichever was loaded last)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from imapclient import IMAPClient
from orderintake.config import Settings

SCRIPT = Path(__file__).resolve().parents[1] / "mail" / "imap-test-server.sh"
ORDERINTAKE = str(Path(sys.executable).with_name("orderintake"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Dovecot:
    dir: Path
    port: int

    def run(self, cmd: str) -> None:
        env = dict(os.environ, IMAP_PORT=str(self.port), IMAPS_PORT=str(free_port()),
                   LMTP_PORT=str(free_port()))  # fmt: skip
        with (self.dir.parent / "script.log").open("ab") as log:  # never capture: see script
            subprocess.run([str(SCRIPT), cmd, str(self.dir)], env=env, stdin=subprocess.DEVNULL,
                           stdout=log, stderr=log, check=True, timeout=60)  # fmt: skip

    def signal(self, sig: str) -> None:
        pgid = (self.dir / "run" / "master.pid").read_text().strip()
        subprocess.run(["kill", f"-{sig}", "--", f"-{pgid}"], check=False)

    def client(self) -> IMAPClient:
        c = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        c.login("alice", "alicepw")
        return c

    def append(self, folder: str, *raws: bytes) -> None:
        with self.client() as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            for raw in raws:
                c.append(folder, raw)

    def count(self, folder: str) -> int:
        with self.client() as c:
            if not c.folder_exists(folder):
                return 0
            return int(c.folder_status(folder, [b"MESSAGES"])[b"MESSAGES"])

    def subjects(self, folder: str) -> list[str]:
        with self.client() as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            uids = c.search("ALL")
            data = c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (SUBJECT)]"])
            return sorted(
                d[b"BODY[HEADER.FIELDS (SUBJECT)]"].decode().strip().removeprefix("Subject: ")
                for d in data.values()
            )


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a subprocess ``orderintake`` the same settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORDERINTAKE_")}
    for key in ("data_dir", "mailbox_url", "imap_starttls", "imap_password_file", "imap_timeout",
                "poll_interval", "retry_delay", "max_attempts", "lease_seconds", "database_url"):  # fmt: skip
        env[f"ORDERINTAKE_{key.upper()}"] = str(getattr(settings, key))
    return env
