"""Storage: migrations, leases, dedup of resends, UIDVALIDITY re-keying, retention.

Every test runs twice (SQLite and PostgreSQL, see conftest.py) on a fresh database.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from orderintake.errors import StoreError
from orderintake.model import (
    Attachment,
    Candidate,
    Classification,
    Document,
    MailRef,
    Page,
    ParsedMessage,
)
from orderintake.store import schema
from orderintake.store.db import (
    Database,
    check_current,
    current_revision,
    downgrade,
    head_revision,
    upgrade,
)
from orderintake.store.records import AttachmentResult, MailResult
from orderintake.store.repo import Store

T0 = datetime(2026, 11, 14, 10, 0, tzinfo=UTC)
BOX = "imap://orders@mail.example:993/INBOX"


def att(data: bytes, name: str = "bc.pdf") -> Attachment:
    return Attachment(
        name, "application/pdf", data, hashlib.sha256(data).hexdigest(), "application/pdf"
    )


def result(
    msgid: str, attachments: tuple[bytes, ...] = (b"%PDF-1.4 order A",), number: str = "CF20231234"
) -> MailResult:
    atts = tuple(att(d, f"bc{i}.pdf") for i, d in enumerate(attachments))
    msg = ParsedMessage(
        msgid,
        "Commande",
        "achats@client.fr",
        ("cmd@nous.fr",),
        "Fri, 13 Nov 2026 09:00:00 +0100",
        "ci-joint",
        "",
        atts,
    )
    cand = Candidate(
        number, 0.9, 1, keyword="N° de commande", evidence="N° de commande : " + number
    )
    return MailResult(
        "t",
        msg,
        Classification(True, "order", ("+4 bon de commande",), 5.0),
        tuple(
            AttachmentResult(
                a,
                Document(a.filename, (Page(1, 595, 842, "pdf-text"),)),
                candidates=(cand,),
                is_order_document=True,
            )
            for a in atts
        ),
        order_number=cand,
    )


def process(store: Store, ref: MailRef, res: MailResult, now: datetime = T0):
    claim = store.claim(ref, "w1", now, 60, 3)
    assert claim is not None
    return store.save_result(
        claim,
        b"raw " + res.name.encode() + ref.uid.to_bytes(8, "big"),
        res,
        now,
        "move:Orders/Processed",
    )


def _all_metadata() -> list[object]:
    found: list[object] = [schema.Base.metadata]
    try:
        from orderintake.store import sirene_tables
    except ImportError:
        return found
    return [*found, sirene_tables.metadata]


def test_migrations_match_models_and_refuse_a_database_behind(db_url: str) -> None:
    db = Database(db_url)
    with pytest.raises(StoreError, match="orderintake db upgrade"):
        check_current(db.engine)  # empty database
    assert upgrade(db.engine) == head_revision()
    check_current(db.engine)
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, _all_metadata())  # type: ignore[arg-type]
    assert diff == []
    if head_revision() != "0001":
        downgrade(db.engine, "0001")
        assert current_revision(db.engine) == "0001"
        with pytest.raises(StoreError, match=r"at revision 0001.*orderintake db upgrade"):
            check_current(db.engine)
        upgrade(db.engine)
    downgrade(db.engine, "base")
    assert current_revision(db.engine) is None
    db.dispose()


def test_claim_is_exclusive_and_an_expired_lease_is_taken_over(store: Store) -> None:
    ref = MailRef(BOX, 7, 101)
    first = store.claim(ref, "w1", T0, 60, 3)
    assert first is not None and first.attempts == 1
    assert store.claim(ref, "w2", T0 + timedelta(seconds=30), 60, 3) is None
    # w1 was killed: after the lease, w2 takes the same row (no second row)
    second = store.claim(ref, "w2", T0 + timedelta(seconds=61), 60, 3)
    assert second is not None and second.message_id == first.message_id and second.attempts == 2
    with pytest.raises(StoreError, match="lease was lost"):
        store.save_result(first, b"raw", result("<a@x>"), T0, "none")
    saved = store.save_result(second, b"raw", result("<a@x>"), T0 + timedelta(seconds=62), "none")
    assert saved.status == "awaiting-validation"
    assert store.claim(ref, "w3", T0 + timedelta(days=1), 60, 3) is None  # done: never twice
    assert store.count_by_status() == {"awaiting-validation": 1}


def test_a_mail_that_kills_the_daemon_every_time_ends_failed(store: Store) -> None:
    ref = MailRef(BOX, 7, 5)
    now = T0
    for _ in range(3):
        assert store.claim(ref, "w", now, 60, 3) is not None
        now += timedelta(seconds=61)
    assert store.claim(ref, "w", now, 60, 3) is None
    (rec,) = store.list_messages()
    assert rec.status == "failed" and "interrupted 3 times" in (rec.last_error or "")


def test_concurrent_claims_have_one_winner(store: Store) -> None:
    ref = MailRef(BOX, 7, 9)
    wins: list[object] = []
    barrier = threading.Barrier(4)

    def worker(name: str) -> None:
        barrier.wait()
        wins.append(store.claim(ref, name, T0, 60, 3))

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(w is not None for w in wins) == 1
    assert len(store.list_messages()) == 1


def test_failures_back_off_then_give_up(store: Store) -> None:
    ref = MailRef(BOX, 7, 11)
    now = T0
    for attempt in (1, 2):
        claim = store.claim(ref, "w", now, 60, 3)
        assert claim is not None and claim.attempts == attempt
        saved = store.record_failure(
            claim,
            "OCR timed out",
            now,
            max_attempts=3,
            retry_base_seconds=100,
            post_action="move:NA",
        )
        assert saved.status == "needs-attention"
        rec = store.get_message(claim.message_id)
        assert rec.next_attempt_at == now + timedelta(seconds=100 * 2 ** (attempt - 1))
        assert store.claim(ref, "w", now + timedelta(seconds=50), 60, 3) is None  # not due yet
        now = rec.next_attempt_at
    claim = store.claim(ref, "w", now, 60, 3)
    assert claim is not None
    saved = store.record_failure(
        claim, "OCR timed out", now, max_attempts=3, retry_base_seconds=100, post_action="move:NA"
    )
    rec = store.get_message(claim.message_id)
    assert (rec.status, rec.post_action, rec.post_action_done) == ("failed", "move:NA", False)
    assert rec.last_error == "OCR timed out"


def test_resends_and_forwards_are_linked_not_queued_twice(store: Store) -> None:
    first = process(store, MailRef(BOX, 7, 1), result("<order-1@client.fr>"))
    resend = process(store, MailRef(BOX, 7, 2), result("<order-1@client.fr>"))
    forward = process(store, MailRef(BOX, 7, 3), result("<fwd-9@client.fr>"))
    other = process(store, MailRef(BOX, 7, 4), result("<order-2@client.fr>", (b"%PDF other",)))
    assert first.status == "awaiting-validation"
    assert (resend.status, resend.duplicate_of) == ("duplicate", first.message_id)
    assert (forward.status, forward.duplicate_of) == ("duplicate", first.message_id)
    assert (other.status, other.duplicate_of) == ("awaiting-validation", None)
    queue = store.list_messages("awaiting-validation")
    assert [r.order_number for r in queue] == ["CF20231234", "CF20231234"]
    assert [c.value for c in store.candidates(first.message_id)] == ["CF20231234"]


def test_uidvalidity_change_rekeys_instead_of_requeueing(store: Store) -> None:
    assert store.note_uidvalidity(BOX, 7) is None
    old = process(store, MailRef(BOX, 7, 1), result("<order-1@client.fr>"))
    assert store.note_uidvalidity(BOX, 8) == 7
    again = process(store, MailRef(BOX, 8, 40), result("<order-1@client.fr>"))
    assert again.rekeyed and again.message_id == old.message_id
    (rec,) = store.list_messages()
    assert (rec.uidvalidity, rec.uid, rec.status) == (8, 40, "awaiting-validation")
    assert store.ref_states(BOX, 8, [40])[40].id == old.message_id


def test_blobs_are_kept_and_retention_purges_only_unshared_old_files(
    store: Store, tmp_path: Path
) -> None:
    a = process(store, MailRef(BOX, 7, 1), result("<a@x>", (b"%PDF shared", b"%PDF only-a")), T0)
    b = process(
        store,
        MailRef(BOX, 7, 2),
        result("<b@x>", (b"%PDF shared", b"%PDF only-b")),
        T0 + timedelta(days=40),
    )
    raw_a = store.raw_message(a.message_id)
    assert raw_a.startswith(b"raw ")
    removed = store.purge_old_blobs(T0 + timedelta(days=41), retention_days=30)
    assert removed == 2  # a's raw mail and its own attachment; the shared one stays
    assert store.blobs.exists(hashlib.sha256(b"%PDF shared").hexdigest())
    assert not store.blobs.exists(hashlib.sha256(b"%PDF only-a").hexdigest())
    assert store.blobs.exists(hashlib.sha256(b"%PDF only-b").hexdigest())
    with pytest.raises(StoreError, match="missing"):
        store.raw_message(a.message_id)
    assert store.raw_message(b.message_id).startswith(b"raw ")


def test_an_order_is_never_hidden_as_the_duplicate_of_a_non_order(store: Store) -> None:
    question = result("<q-1@client.fr>")
    question = MailResult(
        question.name,
        question.message,
        Classification(False, "not-order", ("-7 question sur une commande",), -5.0),
        question.attachments,
    )
    asked = process(store, MailRef(BOX, 7, 1), question)
    order = process(store, MailRef(BOX, 7, 2), result("<o-1@client.fr>"))
    again = process(store, MailRef(BOX, 7, 3), question)
    assert asked.status == "not-order" and again.status == "not-order"
    assert (order.status, order.duplicate_of) == ("awaiting-validation", None)
