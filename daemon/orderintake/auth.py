"""Who may use the review page: password hashes, signed sessions, CSRF, login throttling.

Passwords are hashed with Argon2id (argon2-cffi's defaults follow RFC 9106's
recommendation); a hash made with older parameters is re-hashed at the next login.
Sessions are not stored server-side: the cookie carries the user id and a CSRF token,
signed and time-stamped with itsdangerous, so a restart of the daemon keeps clerks
logged in and a forged or expired cookie is simply refused. The signing key lives in
``data_dir/web-session.key`` (created on first use, mode 0600): rotating it logs
everybody out, which is the intended way to do that.

CSRF: every form carries the session's token, every POST is refused without it
(the "synchronizer token" pattern; SameSite=Lax cookies are the second line).

Login throttling is in memory, per user name and per client address, with an injected
clock so the tests never sleep. One process serves the page, so memory is enough.
"""

from __future__ import annotations

import hmac
import os
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from .errors import ConfigError

Role = Literal["clerk", "admin"]
ROLES: tuple[Role, ...] = ("clerk", "admin")
SESSION_COOKIE = "orderintake_session"
#: A session lasts a working day and a bit; a clerk logs in once in the morning.
SESSION_MAX_AGE = 12 * 3600

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An Argon2id hash (salt and parameters included in the string)."""
    if len(password) < 8:
        raise ValueError("a password has at least 8 characters")
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches; a malformed stored hash never matches."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@dataclass(frozen=True, slots=True)
class Session:
    """What the signed cookie says: who, and the token their forms must carry."""

    user_id: int
    csrf: str


class SessionSigner:
    """Signs and checks session cookies (itsdangerous, salted for this purpose only)."""

    def __init__(self, secret: str, max_age: int = SESSION_MAX_AGE) -> None:
        self._s = URLSafeTimedSerializer(secret, salt="orderintake.session")
        self.max_age = max_age

    def new(self, user_id: int) -> tuple[Session, str]:
        session = Session(user_id=user_id, csrf=secrets.token_urlsafe(24))
        return session, self.dumps(session)

    def dumps(self, session: Session) -> str:
        return self._s.dumps({"u": session.user_id, "c": session.csrf})

    def loads(self, token: str | None) -> Session | None:
        """The session, or None for a missing, forged, malformed or expired cookie."""
        if not token:
            return None
        try:
            data = self._s.loads(token, max_age=self.max_age)
        except (BadSignature, SignatureExpired):
            return None
        if not isinstance(data, dict):
            return None
        uid, csrf = data.get("u"), data.get("c")
        if not isinstance(uid, int) or not isinstance(csrf, str):
            return None
        return Session(user_id=uid, csrf=csrf)


def csrf_ok(session: Session | None, submitted: str | None) -> bool:
    """Constant-time comparison of the form's token with the session's."""
    if session is None or not submitted:
        return False
    return hmac.compare_digest(session.csrf.encode(), submitted.encode())


def load_or_create_secret(data_dir: Path) -> str:
    """The cookie-signing key: ``ORDERINTAKE_SESSION_SECRET`` or data_dir/web-session.key."""
    env = os.environ.get("ORDERINTAKE_SESSION_SECRET")
    if env:
        return env
    path = data_dir / "web-session.key"
    try:
        if path.is_file():
            text = path.read_text(encoding="utf-8").strip()
            if text:
                return text
        data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(key + "\n")
        return key
    except OSError as exc:
        raise ConfigError(f"cannot read or create the session key {path}: {exc}") from exc


class LoginRateLimiter:
    """At most ``max_failures`` failed logins per ``window`` seconds per name and per address.

    Both keys count: one address guessing many names, and many addresses guessing one
    name, are both slowed down. A successful login clears the name's count.
    """

    def __init__(
        self,
        max_failures: int = 5,
        window: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        q = self._failures.setdefault(key, deque())
        cutoff = self._clock() - self.window
        while q and q[0] < cutoff:
            q.popleft()
        return q

    def blocked(self, username: str, address: str) -> float:
        """Seconds to wait before the next attempt (0 when allowed)."""
        wait = 0.0
        for key in (f"u:{username.lower()}", f"a:{address}"):
            q = self._recent(key)
            if len(q) >= self.max_failures:
                wait = max(wait, q[0] + self.window - self._clock())
        return max(wait, 0.0)

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        for key in (f"u:{username.lower()}", f"a:{address}"):
            self._recent(key).append(now)

    def succeeded(self, username: str) -> None:
        self._failures.pop(f"u:{username.lower()}", None)
