"""Store defects found in review: crash-looping mails that stuck in ``new``, retry delays
that overflowed, decisions taken on mails the daemon had not read yet.

Every test runs on SQLite and PostgreSQL (see conftest.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from orderintake.errors import StoreError
from orderintake.model import MailRef
from orderintake.store import decisions, repo
from orderintake.store.repo import Store
from test_store import BOX, T0, result


def test_expired_leases_of_a_mail_out_of_attempts_end_failed_with_a_move_owed(
    store: Store,
) -> None:
    # The daemon died on this mail three times; maintenance ran between the restarts.
    ref = MailRef(BOX, 7, 21)
    now = T0
    for _ in range(3):
        assert store.claim(ref, "w", now, 60, 3) is not None
        now += timedelta(seconds=61)
        store.expire_leases(now, max_attempts=3, post_action="move:Orders/NeedsAttention")
    (rec,) = store.list_messages()
    assert rec.status == "failed" and rec.attempts == 3
    assert (rec.post_action, rec.post_action_done) == ("move:Orders/NeedsAttention", False)
    assert "the daemon stopped 3 times while processing this mail" in (rec.last_error or "")


def test_claim_fails_a_mail_put_back_to_new_once_out_of_attempts(store: Store) -> None:
    # An older maintenance (no max_attempts) put it back to 'new' after the last attempt.
    ref = MailRef(BOX, 7, 22)
    now = T0
    for _ in range(3):
        assert store.claim(ref, "w", now, 60, 3) is not None
        now += timedelta(seconds=61)
        store.expire_leases(now)
    assert store.list_messages()[0].status == "new"
    assert store.claim(ref, "w", now, 60, 3) is None
    (rec,) = store.list_messages()
    assert rec.status == "failed" and not rec.post_action_done
    assert "interrupted 3 times" in (rec.last_error or "")


def test_a_lost_lease_is_its_own_error(store: Store) -> None:
    ref = MailRef(BOX, 7, 23)
    claim = store.claim(ref, "w", T0, 60, 3)
    assert claim is not None
    store.expire_leases(T0 + timedelta(seconds=61), max_attempts=3)
    with pytest.raises(repo.LeaseLost, match="lease was lost"):
        store.save_result(claim, b"raw", result("<l@x>"), T0, "none")
    assert store.get_message(claim.message_id).status == "new"


def test_retry_delay_is_capped_for_many_attempts(store: Store) -> None:
    ref = MailRef(BOX, 7, 24)
    claim = store.claim(ref, "w", T0, 60, 100)
    assert claim is not None
    with store.db.session() as s:  # as if it had failed 80 times already
        from orderintake.store import schema as t

        row = s.get(t.Message, claim.message_id)
        assert row is not None
        row.attempts = 80
    saved = store.record_failure(
        claim, "OCR timed out", T0, max_attempts=100, retry_base_seconds=300, post_action="none"
    )
    rec = store.get_message(saved.message_id)
    assert rec.status == "needs-attention"
    assert rec.next_attempt_at == T0 + timedelta(seconds=repo.MAX_RETRY_DELAY)


@pytest.mark.parametrize("action", ["requeue", "accept", "reject"])
def test_no_decision_on_a_mail_the_daemon_has_not_read(store: Store, action: str) -> None:
    claim = store.claim(MailRef(BOX, 7, 25), "w", T0, 60, 3)
    assert claim is not None  # 'processing'
    for _status in ("processing", "new"):  # released to 'new' after the first round
        with store.db.session() as s, pytest.raises(StoreError, match="not been read"):
            decisions.decide(s, claim.message_id, None, action, value="CF1")
        store.release(claim)
    assert store.get_message(claim.message_id).status == "new"
    with store.db.session() as s:  # a note changes nothing and stays possible
        decisions.decide(s, claim.message_id, None, "note", note="client called")
