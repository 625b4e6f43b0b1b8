"""Settings that would break the daemon later (nan, inf, overflowing retries) are refused
at start-up, naming the key."""

from __future__ import annotations

import pytest
from orderintake.config import load_settings
from orderintake.errors import ConfigError


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("poll_interval", float("nan")),
        ("lease_seconds", float("inf")),
        ("reconnect_max", float("nan")),
        ("retry_delay", -1.0),
        ("retry_delay", float("inf")),
        ("ocr_timeout", 0.0),
        ("ocr_timeout", float("nan")),
        ("imap_timeout", float("inf")),
        ("max_attempts", 101),
    ],
)
def test_non_finite_or_out_of_range_values_are_refused(key: str, value: float) -> None:
    with pytest.raises(ConfigError, match=rf"^{key}: expected"):
        load_settings(env={}, **{key: value})


def test_sensible_values_still_load() -> None:
    s = load_settings(env={}, retry_delay=0.0, max_attempts=100, ocr_timeout=30.0)
    assert (s.retry_delay, s.max_attempts, s.ocr_timeout) == (0.0, 100, 30.0)
