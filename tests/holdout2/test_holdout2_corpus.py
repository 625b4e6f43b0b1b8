"""The committed holdout2 corpus is whole and its labels are true to its files.

Why: holdout2 is a frozen exam (Chromium and LibreOffice output is not byte-reproducible, so
the documents themselves are committed). Nothing is regenerated here and no OCR is run: the
test only checks that every labelled file exists, that every order number of a text PDF is
printed in it, that every labelled identifier is valid and is the customer's (never ours),
and that scans carry no text layer.
"""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from stdnum.eu import vat as eu_vat
from stdnum.fr import siret as fr_siret

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT2 = ROOT / "training_set" / "holdout2"
HEADER = ["path", "kind", "is_order", "order_number", "vat", "siret"]
IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()).upper()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (HOLDOUT2 / "labels.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER
        return list(reader)


@pytest.fixture(scope="module")
def own_ids() -> set[str]:
    lines = (HOLDOUT2 / "own_identifiers.txt").read_text(encoding="utf-8").splitlines()
    ids = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    assert len(ids) == 3
    return ids


@pytest.fixture(scope="module")
def texts(rows: list[dict[str, str]]) -> dict[str, str]:
    """pdfminer text of every text PDF, whitespace collapsed."""
    return {
        r["path"]: re.sub(r"\s+", " ", extract_text(str(HOLDOUT2 / r["path"])))
        for r in rows
        if r["kind"] == "pdf-text"
    }


def test_header_kinds_and_paths(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 100
    assert len({r["path"] for r in rows}) == len(rows)
    for r in rows:
        assert r["kind"] in {"pdf-text", "scan"}, r
        assert r["is_order"] == "", r
        assert re.fullmatch(r"documents/[a-z0-9_]+/[A-Za-z0-9_.-]+", r["path"]), r
        assert (HOLDOUT2 / r["path"]).is_file(), r["path"]
        if r["kind"] == "pdf-text":
            assert r["path"].endswith(".pdf"), r
    scans = sum(r["kind"] == "scan" for r in rows)
    assert 0.35 <= scans / len(rows) <= 0.55
    families = {r["path"].split("/")[1] for r in rows}
    assert len([f for f in families if not f.startswith("neg_")]) >= 12


def test_every_file_is_labelled(rows: list[dict[str, str]]) -> None:
    on_disk = {
        p.relative_to(HOLDOUT2).as_posix()
        for p in (HOLDOUT2 / "documents").rglob("*")
        if p.is_file()
    }
    assert on_disk == {r["path"] for r in rows}


def test_negatives_have_no_number_and_orders_have_one(rows: list[dict[str, str]]) -> None:
    for r in rows:
        negative = r["path"].split("/")[1].startswith("neg_")
        assert (r["order_number"] == "") == negative, r
        assert r["order_number"] == r["order_number"].strip(), r


def test_order_numbers_are_printed(rows: list[dict[str, str]], texts: dict[str, str]) -> None:
    for r in rows:
        if r["kind"] == "pdf-text" and r["order_number"]:
            assert r["order_number"] in texts[r["path"]], (r["path"], r["order_number"])


def test_identifiers_valid_printed_and_not_ours(
    rows: list[dict[str, str]], texts: dict[str, str], own_ids: set[str]
) -> None:
    for r in rows:
        if r["vat"]:
            assert r["vat"] == _compact(r["vat"]) and eu_vat.is_valid(r["vat"]), r
            assert r["vat"] not in own_ids and r["vat"][2:] not in own_ids, r
        if r["siret"]:
            assert r["siret"].isdigit() and fr_siret.is_valid(r["siret"]), r
            assert r["siret"] not in own_ids and r["siret"][:9] not in own_ids, r
        if r["kind"] == "pdf-text":
            flat = _compact(texts[r["path"]])
            for ident in (r["vat"], r["siret"]):
                assert not ident or ident in flat, (r["path"], ident)


def test_scans_are_image_only(rows: list[dict[str, str]]) -> None:
    for r in rows:
        if r["kind"] != "scan":
            continue
        path = HOLDOUT2 / r["path"]
        if path.suffix == ".pdf":
            assert extract_text(str(path)).strip() == "", r["path"]
        else:
            assert path.suffix in IMAGE_EXT, r["path"]


def test_corpus_size() -> None:
    total = sum(p.stat().st_size for p in (HOLDOUT2 / "documents").rglob("*") if p.is_file())
    assert total < 20 * 1024 * 1024, total
