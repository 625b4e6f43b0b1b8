"""Fixtures of the end-to-end tests: the real pipeline, store, daemon jobs and review page
wired together, with a fake INSEE register and a fake order-entry system on loopback.

The fake register is the SIRENE tests' own (``tests/sirene/conftest.py``, loaded here as
``sirene_conftest``), answering in INSEE's documented JSON (``sirene_samples``); the
review page is served by uvicorn on a free port (``tests/web/seeding.LiveServer``). No
test reaches the internet.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]
for folder in ("integration", "daemon", "web", "sirene"):
    if str(TESTS / folder) not in sys.path:
        sys.path.insert(0, str(TESTS / folder))


def _sirene_conftest() -> Any:
    if "sirene_conftest" in sys.modules:  # tests/sirene ran in this session too
        return sys.modules["sirene_conftest"]
    spec = importlib.util.spec_from_file_location(
        "sirene_conftest", TESTS / "sirene" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sirene_conftest"] = module
    spec.loader.exec_module(module)
    return module


register = _sirene_conftest().register  # the fake INSEE server fixture

from integration_helpers import Receiver, Wired, wire  # noqa: E402
from orderintake.config import Settings  # noqa: E402
from orderintake.pipeline import Stages  # noqa: E402


@pytest.fixture(scope="session")
def stages() -> Stages:
    from orderintake.config import load_settings

    return Stages.load(load_settings(env={}))


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as r:
        yield r


@pytest.fixture
def wired(tmp_path: Path, register: Any, stages: Stages) -> Iterator[Callable[..., Wired]]:
    """``wired(**settings)``: a Maildir, a migrated store, a daemon with its SIRENE client
    on the fake INSEE server; everything closed at the end."""
    made: list[Wired] = []

    def make(**overrides: Any) -> Wired:
        w = wire(tmp_path, register.url, stages, **overrides)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


__all__ = ["Settings", "register"]
