"""Fixtures of the engine tests; the page-building helpers are in engine_helpers.py."""

from __future__ import annotations

import pytest
from engine_helpers import RULES_DIR
from orderintake.engine_rules import EngineRules, load_engine_rules


@pytest.fixture(scope="session")
def rules() -> EngineRules:
    return load_engine_rules(RULES_DIR)
