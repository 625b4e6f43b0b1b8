"""The committed holdout3 corpus is whole and its labels are true to its files.

Why: holdout3 is a frozen exam (LibreOffice output is not byte-reproducible, so the documents
themselves are committed). Nothing is regenerated here and no OCR or extraction engine is run:
the test only checks the files against labels.csv — every labelled file exists, every order
number of a text PDF is in its text layer, every labelled identifier is valid and is the
customer's (never ours), and scans carry no text layer.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT3 = ROOT / "training_set" / "holdout3"
HEADER = ["path", "kind", "is_order", "order_number", "vat", "siret"]
IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()).upper()


def _pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (HOLDOUT3 / "labels.csv").open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\r\n")
        assert header == ",".join(HEADER)
        fh.seek(0)
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER
        return list(reader)


@pytest.fixture(scope="module")
def own_ids() -> set[str]:
    lines = (HOLDOUT3 / "own_identifiers.txt").read_text(encoding="utf-8").splitlines()
    ids = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    assert len(ids) == 3
    return ids


@pytest.fixture(scope="module")
def texts(rows: list[dict[str, str]]) -> dict[str, str]:
    """Text layer of every text PDF, whitespace collapsed."""
    return {
        r["path"]: re.sub(r"\s+", " ", _pdf_text(HOLDOUT3 / r["path"]))
        for r in rows
        if r["kind"] == "pdf-text"
    }


def test_paths_kinds_and_counts(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 60
    assert len({r["path"] for r in rows}) == len(rows)
    for r in rows:
        assert r["kind"] in {"pdf-text", "scan"}, r
        assert r["is_order"] == "", r
        assert re.fullmatch(r"documents/[a-z0-9_]+/[A-Za-z0-9_.-]+", r["path"]), r
        path = HOLDOUT3 / r["path"]
        assert path.is_file() and path.stat().st_size > 0, r["path"]
        if r["kind"] == "pdf-text":
            assert path.suffix == ".pdf", r
    assert sum(r["kind"] == "scan" for r in rows) >= 25
    assert sum(r["kind"] == "pdf-text" for r in rows) >= 30
    families = {r["path"].split("/")[1] for r in rows}
    assert len(families) >= 12
    assert len([f for f in families if not f.startswith("neg_")]) >= 10
    assert len([f for f in families if f.startswith("neg_")]) >= 2


def test_every_file_is_labelled(rows: list[dict[str, str]]) -> None:
    on_disk = {
        p.relative_to(HOLDOUT3).as_posix()
        for p in (HOLDOUT3 / "documents").rglob("*")
        if p.is_file()
    }
    assert on_disk == {r["path"] for r in rows}


def test_negatives_have_no_number_and_orders_have_one(rows: list[dict[str, str]]) -> None:
    negatives = 0
    for r in rows:
        negative = r["path"].split("/")[1].startswith("neg_")
        negatives += negative
        assert (r["order_number"] == "") == negative, r
        assert r["order_number"] == r["order_number"].strip(), r
        assert "  " not in r["order_number"], r
    assert 0.10 <= negatives / len(rows) <= 0.25


def test_order_numbers_are_in_the_text_layer(
    rows: list[dict[str, str]], texts: dict[str, str]
) -> None:
    for r in rows:
        if r["kind"] != "pdf-text" or not r["order_number"]:
            continue
        num, text = r["order_number"], texts[r["path"]]
        if (
            " " in num
        ):  # an intentional blank after a prefix: some layouts collapse it in the text layer
            assert num in text or _compact(num) in _compact(text), (r["path"], num)
        else:
            assert num in text, (r["path"], num)


def test_identifiers_valid_printed_and_not_ours(
    rows: list[dict[str, str]], texts: dict[str, str], own_ids: set[str]
) -> None:
    own_sirens = {i for i in own_ids if len(i) == 9}
    assert own_sirens and all(fr_siren.is_valid(s) for s in own_sirens)
    for r in rows:
        if r["vat"]:
            assert re.fullmatch(r"FR\d{11}", r["vat"]) and fr_tva.is_valid(r["vat"]), r
            assert r["vat"][4:] not in own_sirens and r["vat"] not in own_ids, r
        if r["siret"]:
            assert re.fullmatch(r"\d{14}", r["siret"]) and fr_siret.is_valid(r["siret"]), r
            assert r["siret"][:9] not in own_sirens and r["siret"] not in own_ids, r
        if r["vat"] and r["siret"]:
            assert r["vat"][4:] == r["siret"][:9], r  # one customer per document
        if r["kind"] == "pdf-text":
            flat = _compact(texts[r["path"]])
            for ident in (r["vat"], r["siret"]):
                assert not ident or ident in flat, (r["path"], ident)


def test_scans_are_image_only(rows: list[dict[str, str]]) -> None:
    for r in rows:
        if r["kind"] != "scan":
            continue
        path = HOLDOUT3 / r["path"]
        if path.suffix == ".pdf":
            assert _pdf_text(path).strip() == "", r["path"]
        else:
            assert path.suffix in IMAGE_EXT, r["path"]


def test_corpus_size() -> None:
    total = sum(p.stat().st_size for p in (HOLDOUT3 / "documents").rglob("*") if p.is_file())
    assert total < 10 * 1024 * 1024, total
