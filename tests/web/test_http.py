"""The review app over HTTP (httpx through FastAPI's httpx.Client): login, CSRF, roles,
every clerk action with its validation and audit rows, queue filters and pagination,
the detail page's highlight boxes and page images."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
from orderintake.auth import LoginRateLimiter
from orderintake.config import Settings
from orderintake.store import review_stats
from orderintake.store import schema as t
from orderintake.store.repo import Store
from orderintake.web import create_app
from seeding import LiveServer, seed_mail
from sqlalchemy import select
from web_helpers import PASSWORD, login


def _status(store: Store, message_id: int) -> tuple[str, str | None]:
    with store.db.session() as s:
        m = s.get(t.Message, message_id)
        assert m is not None
        return m.status, m.order_number


def _validations(
    store: Store, message_id: int
) -> list[tuple[str, str, str | None, int | None, str | None]]:
    with store.db.session() as s:
        rows = s.scalars(
            select(t.Validation)
            .where(t.Validation.message_id == message_id)
            .order_by(t.Validation.id)
        )
        return [(v.user_name, v.action, v.value, v.candidate_rank, v.reason_code) for v in rows]


def _audit_actions(store: Store) -> list[str]:
    with store.db.session() as s:
        return [a.action for a in s.scalars(select(t.AuditEvent).order_by(t.AuditEvent.id))]


def test_every_page_needs_a_login(client: httpx.Client, store: Store) -> None:
    m = seed_mail(store)
    for path in (
        "/",
        f"/mail/{m.message_id}",
        f"/attachment/{m.attachment_id}",
        "/dashboard",
        "/admin",
    ):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/login?next=")
    r = client.post(f"/mail/{m.message_id}/accept", data={"rank": "1"}, follow_redirects=False)
    assert r.status_code in (303, 403)
    assert _status(store, m.message_id)[0] == "awaiting-validation"


def test_forged_session_cookie_is_refused(client: httpx.Client, store: Store) -> None:
    client.cookies.set("orderintake_session", "eyJ1IjoxLCJjIjoieCJ9.forged.signature")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_sets_httponly_samesite_cookie_and_logout_ends_it(client: httpx.Client) -> None:
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token
    r = client.post(
        "/login",
        data={
            "name": "claire",
            "password": PASSWORD,
            "csrf": token.group(1),
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/"  # no open redirect
    cookie = r.headers["set-cookie"]
    assert "orderintake_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    home = client.get("/")
    assert home.status_code == 200 and "claire" in home.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', home.text)
    assert csrf
    assert (
        client.post("/logout", data={"csrf": csrf.group(1)}, follow_redirects=False).status_code
        == 303
    )
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_form_without_token_is_refused(client: httpx.Client) -> None:
    r = client.post("/login", data={"name": "claire", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 303


def test_failed_logins_are_throttled(settings: Settings, store: Store) -> None:
    now = [1000.0]
    limiter = LoginRateLimiter(max_failures=3, window=60, clock=lambda: now[0])
    with (
        LiveServer(create_app(settings, store=store, limiter=limiter)) as live,
        httpx.Client(base_url=live.url) as c,
    ):

        def attempt(pw: str) -> tuple[int, str]:
            token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text)
            assert token
            data = {"name": "claire", "password": pw, "csrf": token.group(1)}
            r = c.post("/login", data=data, follow_redirects=False)
            return r.status_code, r.text

        for _ in range(3):
            code, text = attempt("wrong")
            assert code == 401 and "wrong password" in text
        code, text = attempt(PASSWORD)  # even the right password waits now
        assert code == 401 and "Too many failed attempts" in text
        now[0] += 61
        assert attempt(PASSWORD)[0] == 303
    assert "login.failed" in _audit_actions(store)


def test_csrf_token_is_required_on_every_action(client: httpx.Client, store: Store) -> None:
    m = seed_mail(store)
    csrf = login(client, "claire")
    for action, data in (
        ("accept", {"rank": "1"}),
        ("correct", {"value": "X-1234"}),
        ("reject", {"reason": "not-order"}),
        ("requeue", {}),
        ("note", {"note": "hello"}),
    ):
        r = client.post(f"/mail/{m.message_id}/{action}", data=data, follow_redirects=False)
        assert r.status_code == 403, action
        assert "security token" in r.text
        bad = client.post(
            f"/mail/{m.message_id}/{action}",
            data={**data, "csrf": csrf + "x"},
            follow_redirects=False,
        )
        assert bad.status_code == 403
    assert _status(store, m.message_id)[0] == "awaiting-validation"
    assert _validations(store, m.message_id) == []


def test_roles_admin_pages_for_admins_only(client: httpx.Client, store: Store) -> None:
    login(client, "claire")
    assert client.get("/admin").status_code == 403
    assert client.get("/dashboard").status_code == 200
    client.cookies.clear()
    login(client, "admin")
    r = client.get("/admin")
    assert r.status_code == 200
    assert (
        "Rule files" in r.text and "ordernumber.toml" in r.text and "classification.toml" in r.text
    )


def test_accept_validates_audits_and_opens_the_next_mail(
    client: httpx.Client, store: Store
) -> None:
    first = seed_mail(store, received_at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    second = seed_mail(
        store, order_number="CF20230987", received_at=datetime(2026, 11, 2, 10, tzinfo=UTC)
    )
    csrf = login(client, "claire")
    r = client.post(
        f"/mail/{first.message_id}/accept", data={"rank": "1", "csrf": csrf}, follow_redirects=False
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"/mail/{second.message_id}"
    assert _status(store, first.message_id) == ("validated", "PO-2024-0001")
    assert _validations(store, first.message_id) == [("claire", "accept", "PO-2024-0001", 1, None)]
    assert "message.accept" in _audit_actions(store)
    # A second click on the same mail cannot validate it twice.
    again = client.post(
        f"/mail/{first.message_id}/accept", data={"rank": "1", "csrf": csrf}, follow_redirects=False
    )
    assert again.status_code == 409 and "already validated" in again.text
    assert len(_validations(store, first.message_id)) == 1


def test_accepting_the_second_candidate_counts_as_accept(
    client: httpx.Client, store: Store
) -> None:
    m = seed_mail(store)
    csrf = login(client, "claire")
    client.post(
        f"/mail/{m.message_id}/accept", data={"rank": "2", "csrf": csrf}, follow_redirects=False
    )
    assert _validations(store, m.message_id) == [("claire", "accept", "DV-77812", 2, None)]


def test_correct_reject_requeue_and_note(client: httpx.Client, store: Store) -> None:
    a = seed_mail(store, received_at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    b = seed_mail(store, received_at=datetime(2026, 11, 2, 10, tzinfo=UTC))
    csrf = login(client, "claire")
    r = client.post(
        f"/mail/{a.message_id}/correct",
        data={"value": " PO-2024-0001/B ", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert _status(store, a.message_id) == ("validated", "PO-2024-0001/B")
    empty = client.post(
        f"/mail/{b.message_id}/correct", data={"value": "  ", "csrf": csrf}, follow_redirects=False
    )
    assert empty.status_code == 409 and "order number is needed" in empty.text
    client.post(
        f"/mail/{b.message_id}/reject",
        data={"reason": "not-order", "csrf": csrf},
        follow_redirects=False,
    )
    assert _status(store, b.message_id)[0] == "not-order"
    client.post(f"/mail/{b.message_id}/requeue", data={"csrf": csrf}, follow_redirects=False)
    assert _status(store, b.message_id)[0] == "awaiting-validation"
    r = client.post(
        f"/mail/{b.message_id}/note",
        data={"note": "call the buyer", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.headers["location"] == f"/mail/{b.message_id}"
    client.post(
        f"/mail/{b.message_id}/reject",
        data={"reason": "duplicate", "csrf": csrf},
        follow_redirects=False,
    )
    assert _status(store, b.message_id)[0] == "rejected"
    assert [v[1] for v in _validations(store, b.message_id)] == [
        "reject",
        "requeue",
        "note",
        "reject",
    ]
    assert _validations(store, a.message_id) == [
        ("claire", "correct", "PO-2024-0001/B", None, None)
    ]
    detail = client.get(f"/mail/{b.message_id}").text
    assert "call the buyer" in detail
    audit = _audit_actions(store)
    for action in ("message.correct", "message.reject", "message.requeue", "message.note"):
        assert action in audit


def test_queue_filters_search_and_keyset_pages(client: httpx.Client, store: Store) -> None:
    start = datetime(2026, 11, 1, 8, tzinfo=UTC)
    ids = []
    for i in range(57):
        sender = "achats@globex.fr" if i % 10 == 0 else "achats@acme-industrie.fr"
        ids.append(
            seed_mail(
                store,
                order_number=f"PO-{i:04d}",
                sender=sender,
                received_at=start + timedelta(hours=i),
            ).message_id
        )
    seed_mail(store, order_number="PO-DONE", status="validated", received_at=start)
    login(client, "claire")
    page1 = client.get("/").text
    found = re.findall(r'href="/mail/(\d+)"', page1)
    assert [int(x) for x in found] == ids[:50]  # oldest first, 50 per page
    nxt = re.search(r'href="(/\?[^"]*after=[^"]+)"', page1)
    assert nxt
    page2 = client.get(nxt.group(1).replace("&amp;", "&")).text
    assert [int(x) for x in re.findall(r'href="/mail/(\d+)"', page2)] == ids[50:]
    assert "after=" not in page2
    only_globex = client.get("/", params={"sender": "GLOBEX"}).text
    assert len(re.findall(r'href="/mail/(\d+)"', only_globex)) == 6
    search = client.get("/", params={"q": " po-0042 "}).text
    assert re.findall(r'href="/mail/(\d+)"', search) == [str(ids[42])]
    validated = client.get("/", params={"status": "validated"}).text
    assert "PO-DONE" in validated and "PO-0001" not in validated
    day = client.get("/", params={"date_from": "2026-11-02", "date_to": "2026-11-02"}).text
    assert len(re.findall(r'href="/mail/(\d+)"', day)) == 24


def test_detail_shows_evidence_boxes_and_page_image(
    client: httpx.Client, store: Store, settings: Settings
) -> None:
    m = seed_mail(store)
    login(client, "claire")
    html = client.get(f"/mail/{m.message_id}").text
    for text in (
        "PO-2024-0001",
        "DV-77812",
        "N° de commande",
        "O→0 at 4",
        "73282932000074",
        "1240.00",
        "Quoted text",
        "a PDF attachment",
    ):
        assert text in html, text
    # The best candidate's box, in % of the page, over the page image.
    box = re.search(r'class="box best"[^>]*style="left:([\d.]+)%;top:([\d.]+)%', html)
    assert box
    assert 20 < float(box.group(1)) < 40 and 16.5 < float(box.group(2)) < 17.5
    img = client.get(f"/attachment/{m.attachment_id}/page/1.png")
    assert img.status_code == 200 and img.content.startswith(b"\x89PNG")
    assert list((settings.data_dir / "page-cache").rglob("*.png"))
    assert client.get(f"/attachment/{m.attachment_id}/page/9.png").status_code == 404
    pdf = client.get(f"/attachment/{m.attachment_id}")
    assert pdf.content.startswith(b"%PDF") and "attachment;" in pdf.headers["content-disposition"]
    assert client.get("/mail/999999").status_code == 404


def test_admin_adds_and_deactivates_users(
    client: httpx.Client, store: Store, server: LiveServer
) -> None:
    csrf = login(client, "admin")
    r = client.post(
        "/admin/users",
        data={"name": "bruno", "role": "clerk", "password": "short", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 409 and "8 characters" in r.text
    client.post(
        "/admin/users",
        data={"name": "bruno", "role": "clerk", "password": "bruno-password", "csrf": csrf},
    )
    with store.db.session() as s:
        bruno = s.scalars(select(t.User).where(t.User.name == "bruno")).one()
        bruno_id = bruno.id
    client.post(f"/admin/users/{bruno_id}/active", data={"active": "false", "csrf": csrf})
    with httpx.Client(base_url=server.url) as other:
        token = re.search(r'name="csrf" value="([^"]+)"', other.get("/login").text)
        assert token
        r = other.post(
            "/login",
            data={"name": "bruno", "password": "bruno-password", "csrf": token.group(1)},
            follow_redirects=False,
        )
    assert r.status_code == 401
    assert {"user.add", "user.deactivate"} <= set(_audit_actions(store))


def test_dashboard_figures(client: httpx.Client, store: Store) -> None:
    a, b, c = (seed_mail(store, sender=f"x@{d}") for d in ("acme.fr", "acme.fr", "globex.fr"))
    csrf = login(client, "claire")
    client.post(f"/mail/{a.message_id}/accept", data={"rank": "1", "csrf": csrf})
    client.post(f"/mail/{b.message_id}/correct", data={"value": "PO-9", "csrf": csrf})
    client.post(f"/mail/{c.message_id}/reject", data={"reason": "not-order", "csrf": csrf})
    html = client.get("/dashboard").text
    tiles = dict(re.findall(r"<b>([^<]+)</b> ([a-z /-]+?)[ <(]", html))
    assert tiles["2"] == "orders"
    assert "<b>50 %</b> straight-through" in html
    assert "acme.fr" in html and "globex.fr" in html


def test_admin_sees_handoff_and_can_hurry_a_failed_delivery(
    client: httpx.Client, store: Store
) -> None:
    m = seed_mail(store, status="validated")
    later = datetime.now(UTC) + timedelta(hours=1)
    with store.db.session() as s:
        did = review_stats.queue_delivery(
            s, m.message_id, "webhook", "k-1", {"order_number": "X"}, later
        )
        s.get(t.Delivery, did).status = "failed"  # type: ignore[union-attr]
    csrf = login(client, "admin")
    page = client.get("/admin").text
    assert "failed 1" in page and "Retry now" in page
    r = client.post(f"/admin/delivery/{did}/retry", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert "delivery.retry" in _audit_actions(store)
    with store.db.session() as s:
        row = s.get(t.Delivery, did)
        assert row is not None and row.status != "delivered"  # no webhook configured here
        assert row.next_attempt_at is not None and row.next_attempt_at < later
