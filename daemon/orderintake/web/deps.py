"""What every route needs: the app's state, the logged-in user, CSRF checks, templates.

Login is enforced by a dependency that raises :class:`LoginRequired`; the app turns that
into a redirect to ``/login`` (HTML) so no route can forget it: every router is built
with ``dependencies=[Depends(current_user)]`` except the login page itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from ..auth import SESSION_COOKIE, LoginRateLimiter, Session, SessionSigner, csrf_ok
from ..config import Settings
from ..store import decisions
from ..store.records import UserRecord
from ..store.repo import Store

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"


class LoginRequired(Exception):
    """No valid session: the app redirects to the login page."""


class Forbidden(Exception):
    """Logged in, but this needs another role or a valid CSRF token."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class WebState:
    settings: Settings
    store: Store
    signer: SessionSigner
    limiter: LoginRateLimiter
    templates: Jinja2Templates
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    secure_cookies: bool = False


def state(request: Request) -> WebState:
    st: WebState = request.app.state.web
    return st


def session_of(request: Request) -> Session | None:
    return state(request).signer.loads(request.cookies.get(SESSION_COOKIE))


def current_user(request: Request) -> UserRecord:
    st = state(request)
    sess = session_of(request)
    if sess is None:
        raise LoginRequired()
    with st.store.db.session() as db:
        user = decisions.user_by_id(db, sess.user_id)
    if user is None or not user.active:
        raise LoginRequired()
    request.state.user = user
    request.state.session = sess
    return user


def admin_user(user: Annotated[UserRecord, Depends(current_user)]) -> UserRecord:
    if user.role != "admin":
        raise Forbidden("This page is for administrators.")
    return user


async def check_csrf(request: Request) -> None:
    """Refuse a POST whose form (or X-CSRF-Token header) lacks the session's token."""
    form = await request.form()
    token = form.get("csrf") or request.headers.get("x-csrf-token")
    if not csrf_ok(session_of(request), token if isinstance(token, str) else None):
        raise Forbidden(
            "This form has expired or did not come from this site (missing security token). "
            "Reload the page and try again."
        )


def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> Any:
    st = state(request)
    sess: Session | None = getattr(request.state, "session", None)
    ctx.setdefault("user", getattr(request.state, "user", None))
    ctx["csrf"] = sess.csrf if sess else ""
    ctx["now"] = st.clock()
    return st.templates.TemplateResponse(request, name, ctx, status_code=status_code)
