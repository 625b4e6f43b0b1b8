"""Administrators' pages (rule files, mailbox, hand-off, users) and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import auth, handoff
from ..errors import IntakeError, StoreError
from ..store import decisions, review_stats
from ..store.records import UserRecord
from .deps import admin_user, check_csrf, current_user, render, state

router = APIRouter(dependencies=[Depends(current_user)])
Admin = Annotated[UserRecord, Depends(admin_user)]


@dataclass
class RuleStatus:
    name: str
    loaded: bool
    error: str | None = None
    tests: list[tuple[str, str, str, bool, bool]] = field(default_factory=list)


def rule_status(rules_dir: object) -> list[RuleStatus]:
    """Load each rule set as the daemon would, and report rather than raise."""
    from pathlib import Path

    folder = Path(str(rules_dir))
    out: list[RuleStatus] = []
    try:
        from .. import engine_rules

        files = engine_rules.load_files(folder)
        for f in files:
            out.append(
                RuleStatus(
                    f.path.name,
                    True,
                    tests=[(t.file, t.key, t.example, t.expected, t.ok) for t in f.self_tests],
                )
            )
        engine_rules.compile_rules(*files)
    except IntakeError as exc:
        out.append(RuleStatus("order-number engine", False, str(exc)))
    try:
        from .. import classify_rules

        classify_rules.load_classify_rules(folder)
        out.append(RuleStatus("classification.toml", True))
    except IntakeError as exc:
        out.append(RuleStatus("classification.toml", False, str(exc)))
    for st in out:
        failed = [t for t in st.tests if not t[4]]
        if failed and st.error is None:
            st.error = f"{len(failed)} self-test example(s) fail"
    return out


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    st = state(request)
    with st.store.db.session() as db:
        dash = review_stats.dashboard(db, st.clock())
    peak = max((n for _d, n in dash.per_day), default=0)
    return render(request, "dashboard.html", d=dash, peak=peak)


@router.get("/admin", response_class=HTMLResponse)
def admin_home(request: Request, user: Admin) -> Response:
    st = state(request)
    with st.store.db.session() as db:
        states, counts = review_stats.mailbox_status(db)
        deliveries = review_stats.list_deliveries(db, limit=200)
        dcounts = review_stats.delivery_counts(db)
        users = decisions.list_users(db)
        events = review_stats.recent_audit(db, 50)
    return render(
        request,
        "admin.html",
        rules=rule_status(st.settings.rules_dir),
        rules_dir=st.settings.rules_dir,
        states=states,
        counts=counts,
        deliveries=deliveries,
        dcounts=dcounts,
        users=users,
        events=events,
        sinks=handoff.sinks(st.settings),
        roles=auth.ROLES,
    )


@router.post("/admin/delivery/{delivery_id}/retry", dependencies=[Depends(check_csrf)])
def retry_delivery(
    request: Request, delivery_id: int, user: Admin, background: BackgroundTasks
) -> Response:
    st = state(request)
    with st.store.db.session() as db:
        review_stats.retry_delivery(db, delivery_id, st.clock())
        decisions.audit(db, user.name, "delivery.retry", f"delivery:{delivery_id}", {})
    # Deliver after the answer is sent: the admin gets the page back at once.
    background.add_task(handoff.deliver_due, st.store, st.settings)
    return RedirectResponse("/admin#handoff", status_code=303)


@router.post("/admin/users", dependencies=[Depends(check_csrf)])
def add_user(
    request: Request,
    user: Admin,
    name: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "clerk",
    password: Annotated[str, Form()] = "",
) -> Response:
    try:
        pw_hash = auth.hash_password(password)
    except ValueError as exc:
        raise StoreError(str(exc)) from None
    with state(request).store.db.session() as db:
        added = decisions.add_user(db, name, role, pw_hash)
        decisions.audit(
            db, user.name, "user.add", f"user:{added.id}", {"name": added.name, "role": role}
        )
    return RedirectResponse("/admin#users", status_code=303)


@router.post("/admin/users/{user_id}/active", dependencies=[Depends(check_csrf)])
def set_active(
    request: Request, user_id: int, user: Admin, active: Annotated[bool, Form()] = False
) -> Response:
    if user_id == user.id and not active:
        raise StoreError("you cannot deactivate yourself")
    with state(request).store.db.session() as db:
        decisions.set_user_active(db, user_id, active)
        decisions.audit(
            db, user.name, "user.activate" if active else "user.deactivate", f"user:{user_id}", {}
        )
    return RedirectResponse("/admin#users", status_code=303)
