"""End to end in Debian's Chromium (Playwright, headless): log in, validate with the
keyboard (``1``, Enter), correct, reject, see the highlight box over the page image,
and a form without its CSRF token refused. Screenshots of the queue and the detail page
go to ``test-artifacts/`` (repository root, git-ignored) for a human to look at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from orderintake.config import Settings
from orderintake.store import review
from orderintake.store.repo import Store
from orderintake.web import create_app
from playwright.sync_api import Browser, Page, sync_playwright
from seeding import PAGE_H, PAGE_W, LiveServer, seed_mail
from web_helpers import PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _state(store: Store, message_id: int) -> tuple[str, list[tuple[str, str | None, int | None]]]:
    with store.db.session() as db:
        d = review.message_detail(db, message_id)
        assert d is not None
        return d.status, [(v.action, v.value, v.candidate_rank) for v in d.validations]


@pytest.mark.slow
def test_clerk_works_through_the_queue_with_the_keyboard(
    browser: Browser, settings: Settings, store: Store
) -> None:
    start = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
    a, b, c, d = (
        seed_mail(
            store,
            order_number=number,
            subject=f"Commande {number}",
            received_at=start + timedelta(minutes=10 * i),
            sender=sender,
        )
        for i, (number, sender) in enumerate(
            [
                ("PO-2024-0001", "Achats ACME <achats@acme-industrie.fr>"),
                ("4500123456", "Service achats <commandes@globex.fr>"),
                ("CF20230987", "Marie Dupont <m.dupont@initech.fr>"),
                ("BC 778812", "Approvisionnement <appro@umbrella-labo.fr>"),
            ]
        )
    )
    ARTIFACTS.mkdir(exist_ok=True)
    with LiveServer(create_app(settings, store=store)) as live:
        page: Page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(live.url + "/")
        assert "/login" in page.url
        page.fill("input[name=name]", "claire")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live.url + "/")
        assert page.locator("table.queue tbody tr").count() == 4
        page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)

        page.click(f'a[href="/mail/{a.message_id}"]')
        page.wait_for_url(f"**/mail/{a.message_id}")
        img = page.locator(".page-frame img").first
        img.wait_for()
        page.wait_for_function("() => document.querySelector('.page-frame img').naturalWidth > 0")
        box = page.locator(".box.best").first
        assert box.is_visible()
        ib, bb = img.bounding_box(), box.bounding_box()
        assert ib and bb
        # The highlight sits where the number is drawn: x ≈ 154 pt, top ≈ 143 pt on A4.
        assert abs((bb["x"] + 3 - ib["x"]) / ib["width"] - 154.3 / PAGE_W) < 0.02
        assert abs((bb["y"] + 3 - ib["y"]) / ib["height"] - 143 / PAGE_H) < 0.02
        page.screenshot(path=str(ARTIFACTS / "detail.png"), full_page=True)

        page.keyboard.press("1")  # accept the first candidate, the next mail opens
        page.wait_for_url(f"**/mail/{b.message_id}")
        assert _state(store, a.message_id) == ("validated", [("accept", "PO-2024-0001", 1)])

        page.fill("input[name=value]", "4500123456-02")
        page.keyboard.press("Enter")  # Enter in the field submits the correction, not rank 1
        page.wait_for_url(f"**/mail/{c.message_id}")
        assert _state(store, b.message_id) == ("validated", [("correct", "4500123456-02", None)])

        # A form stripped of its CSRF token is refused, and nothing changes.
        page.evaluate(
            "() => document.querySelector('form[action$=\"/reject\"] input[name=csrf]').remove()"
        )
        page.click("form[action$='/reject'] button")
        assert "security token" in page.locator(".error").inner_text()
        assert _state(store, c.message_id) == ("awaiting-validation", [])
        page.goto(f"{live.url}/mail/{c.message_id}")
        page.select_option("select[name=reason]", "not-order")
        page.click("form[action$='/reject'] button")
        page.wait_for_url(f"**/mail/{d.message_id}")
        assert _state(store, c.message_id)[0] == "not-order"

        page.keyboard.press("Enter")  # Enter accepts the best candidate
        page.wait_for_url(live.url + "/")
        assert _state(store, d.message_id) == ("validated", [("accept", "BC 778812", 1)])
        assert "every mail is validated" in page.content()
        page.close()
