"""The application factory, login and logout.

The login form has no session yet, so its CSRF protection is a double-submit token: a
random value in a short-lived cookie that the form must repeat. Failed logins are
throttled per user name and per address (:class:`~orderintake.auth.LoginRateLimiter`).
"""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import auth, handoff
from ..config import Settings
from ..errors import IntakeError
from ..store import decisions
from ..store.repo import Store
from .deps import (
    STATIC_DIR,
    TEMPLATES_DIR,
    Forbidden,
    LoginRequired,
    WebState,
    check_csrf,
    current_user,
    render,
    state,
)

log = logging.getLogger(__name__)
LOGIN_COOKIE = "orderintake_login"


def _safe_next(target: str | None) -> str:
    """Only redirect within this site after login (no open redirect to //evil.example)."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


def _delivery_loop(st: WebState, every: float, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            handoff.deliver_due(st.store, st.settings)
        except IntakeError as exc:  # one bad round must not end the loop
            log.warning("hand-off round failed: %s", exc)
        stop.wait(every)


def create_app(
    settings: Settings,
    *,
    store: Store | None = None,
    clock: Callable[[], datetime] | None = None,
    limiter: auth.LoginRateLimiter | None = None,
    secure_cookies: bool | None = None,
    deliver_every: float | None = None,
) -> FastAPI:
    """The review app for ``settings`` (opens the store unless one is given).

    ``deliver_every`` (seconds) also runs the hand-off job in a background thread while
    the app is up, so validated orders leave even when the daemon runs elsewhere.
    """
    from . import admin, pages

    store = store or Store.open(settings.database_url, settings.data_dir)
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.filters["pct"] = lambda v: "" if v is None else f"{100 * v:.0f} %"
    templates.env.filters["when"] = lambda d: d.strftime("%d/%m/%Y %H:%M") if d else ""
    st = WebState(
        settings=settings,
        store=store,
        signer=auth.SessionSigner(auth.load_or_create_secret(settings.data_dir)),
        limiter=limiter or auth.LoginRateLimiter(),
        templates=templates,
        secure_cookies=_secure_cookies(settings.public_base_url)
        if secure_cookies is None
        else secure_cookies,
    )
    if clock is not None:
        st.clock = clock

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        worker = None
        if deliver_every and handoff.sinks(settings):
            worker = threading.Thread(
                target=_delivery_loop, args=(st, deliver_every, stop), daemon=True
            )
            worker.start()
        try:
            yield
        finally:
            stop.set()
            if worker is not None:
                worker.join(timeout=30)

    app = FastAPI(
        title="orderintake review",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.web = st
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":
            target = "/"
        return RedirectResponse(f"/login?next={target}", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return render(request, "error.html", 403, title="Refused", message=exc.message)

    @app.exception_handler(IntakeError)
    async def _intake_error(request: Request, exc: IntakeError) -> Response:
        return render(request, "error.html", 409, title="Not done", message=str(exc))

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = "/", error: str = "") -> Response:
        token = secrets.token_urlsafe(24)
        resp = render(request, "login.html", login_token=token, next=_safe_next(next), error=error)
        resp.set_cookie(
            LOGIN_COOKIE,
            token,
            max_age=3600,
            httponly=True,
            samesite="lax",
            secure=st.secure_cookies,
        )
        return resp

    @app.post("/login")
    def login(
        request: Request,
        name: Annotated[str, Form()] = "",
        password: Annotated[str, Form()] = "",
        csrf: Annotated[str, Form()] = "",
        next: Annotated[str, Form()] = "/",
    ) -> Response:
        cookie = request.cookies.get(LOGIN_COOKIE, "")
        if not cookie or not hmac.compare_digest(cookie.encode(), csrf.encode()):
            raise Forbidden("The login form has expired. Reload the page and try again.")
        address = request.client.host if request.client else "?"
        wait = st.limiter.blocked(name, address)
        if wait > 0:
            return _login_again(request, next, f"Too many failed attempts: wait {int(wait) + 1} s.")
        with st.store.db.session() as db:
            user = decisions.user_by_name(db, name.strip())
            good = (
                user is not None
                and user.active
                and auth.verify_password(user.password_hash, password)
            )
            decisions.audit(
                db,
                name.strip()[:100],
                "login" if good else "login.failed",
                None,
                {"address": address},
            )
            if good and user is not None and auth.needs_rehash(user.password_hash):
                decisions.set_password_hash(db, user.id, auth.hash_password(password))
        if not good or user is None:
            st.limiter.failed(name, address)
            return _login_again(request, next, "Unknown user or wrong password.")
        st.limiter.succeeded(name)
        _session, token = st.signer.new(user.id)
        resp = RedirectResponse(_safe_next(next), status_code=303)
        resp.set_cookie(
            auth.SESSION_COOKIE,
            token,
            max_age=st.signer.max_age,
            httponly=True,
            samesite="lax",
            secure=st.secure_cookies,
        )
        resp.delete_cookie(LOGIN_COOKIE)
        return resp

    def _login_again(request: Request, next: str, error: str) -> Response:
        token = secrets.token_urlsafe(24)
        resp: Any = render(
            request, "login.html", 401, login_token=token, next=_safe_next(next), error=error
        )
        resp.set_cookie(
            LOGIN_COOKIE,
            token,
            max_age=3600,
            httponly=True,
            samesite="lax",
            secure=st.secure_cookies,
        )
        return resp

    @app.post("/logout", dependencies=[Depends(check_csrf)])
    def logout(request: Request, user: Annotated[Any, Depends(current_user)]) -> Response:
        with state(request).store.db.session() as db:
            decisions.audit(db, user.name, "logout", None, {})
        resp = RedirectResponse("/login", status_code=303)
        resp.delete_cookie(auth.SESSION_COOKIE)
        return resp

    app.include_router(pages.router)
    app.include_router(admin.router)
    return app


def _secure_cookies(public_base_url: str) -> bool:
    """Session cookies are ``Secure`` unless the app is only reached on this machine over
    plain HTTP (the demo): behind a TLS proxy the public URL is https, and any other
    plain-HTTP address would leak the session, so it gets Secure cookies and refuses to log
    anyone in until TLS is set up."""
    from urllib.parse import urlsplit

    parts = urlsplit(public_base_url)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    return not (parts.scheme == "http" and loopback)
