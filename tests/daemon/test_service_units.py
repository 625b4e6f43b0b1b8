"""Small pure parts of the service: backoff delays, JSON log lines, settings checks."""

from __future__ import annotations

import io
import json
import logging

import pytest
from orderintake.config import load_settings
from orderintake.errors import ConfigError
from orderintake.service import Backoff, JsonFormatter, _safe_url


def test_backoff_doubles_with_jitter_up_to_the_cap_and_resets() -> None:
    b = Backoff(cap=10.0, rng=lambda: 1.0)
    assert [b.next_delay() for _ in range(6)] == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    b.reset()
    low = Backoff(cap=10.0, rng=lambda: 0.0)
    assert low.next_delay() == 0.5  # jitter keeps at least half the delay
    assert b.next_delay() == 1.0


def test_json_log_lines_carry_the_mail_id() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("orderintake.test-json")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("mail #%s %s", 42, "needs-attention", extra={"mail_id": 42})
    finally:
        logger.removeHandler(handler)
    obj = json.loads(stream.getvalue())
    assert obj["message"] == "mail #42 needs-attention"
    assert obj["mail_id"] == 42 and obj["level"] == "WARNING"


def test_passwords_never_reach_the_logs() -> None:
    assert (
        _safe_url("imaps://bob:secret@mail.example:993/INBOX")
        == "imaps://bob@mail.example:993/INBOX"
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("post_action", "delete", "post_action"),
        ("max_attempts", 0, "max_attempts"),
        ("poll_interval", 0.0, "poll_interval"),
    ],
)
def test_daemon_settings_are_checked_at_start(key: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env={}, **{key: value})
