"""The holdout corpus regenerates byte-identically and its labels are true to its files.

Why: the holdout is the engine's exam on papers nobody tuned on. If regenerating it moved a
single label, or labelled a number the document does not print, or an identifier the
register would refuse, every figure measured on it would be meaningless.
"""

from __future__ import annotations

import csv
import email
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from stdnum.eu import vat as eu_vat
from stdnum.fr import siret as fr_siret
from stdnum.gb import vat as gb_vat

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "training_set" / "holdout"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("holdout")
    subprocess.run(
        [sys.executable, str(HOLDOUT / "generate_holdout.py"), "--out", str(out), "--jobs", "2"],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def rows(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "labels.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_labels_regenerate_byte_identical(corpus: Path) -> None:
    assert (corpus / "labels.csv").read_bytes() == (HOLDOUT / "labels.csv").read_bytes()


def test_files_regenerate_byte_identical(corpus: Path) -> None:
    """A text PDF, an image PDF and a JPEG scan made again in-process equal the written ones."""
    sys.path.insert(0, str(HOLDOUT))
    try:
        import generate_holdout as gen
    finally:
        sys.path.remove(str(HOLDOUT))
    for task in [("erp_grid", 0, 6, 0), ("two_page", 7, 6, 28), ("btp_ordre_achat", 6, 6, 9)]:
        doc = gen._one(task)
        assert (corpus / doc.path).read_bytes() == doc.data, doc.path


def test_size_and_format(corpus: Path, rows: list[dict[str, str]]) -> None:
    assert list(rows[0]) == ["path", "kind", "is_order", "order_number", "vat", "siret"]
    kinds = [r["kind"] for r in rows]
    assert kinds.count("pdf-text") >= 80
    assert kinds.count("scan") >= 40
    assert kinds.count("eml") >= 60
    families = {r["path"].split("/")[1] for r in rows if r["kind"] != "eml" and r["order_number"]}
    assert len(families) >= 12
    for r in rows:
        assert (corpus / r["path"]).is_file(), r["path"]
        assert (r["is_order"] in ("0", "1")) == (r["kind"] == "eml"), r
    suffixes = {Path(r["path"]).suffix for r in rows if r["kind"] == "scan"}
    assert {".pdf", ".jpg", ".png", ".tif"} <= suffixes


def test_order_numbers_and_identifiers_printed_in_text_pdfs(
    corpus: Path, rows: list[dict[str, str]]
) -> None:
    missing = []
    for r in rows:
        if r["kind"] != "pdf-text":
            continue
        text = extract_text(corpus / r["path"])
        compact = "".join(text.split()).replace(".", "")
        if r["order_number"] and r["order_number"] not in text:
            missing.append((r["path"], r["order_number"]))
        for ident in (r["vat"], r["siret"]):
            if ident and ident not in compact:
                missing.append((r["path"], ident))
    assert missing == []


def test_labelled_identifiers_are_valid(rows: list[dict[str, str]]) -> None:
    for r in rows:
        if r["vat"]:
            validator = gb_vat if r["vat"].startswith("GB") else eu_vat
            assert validator.is_valid(r["vat"]), r
        if r["siret"]:
            assert fr_siret.is_valid(r["siret"]), r


def test_negatives_have_no_order_number(rows: list[dict[str, str]]) -> None:
    negatives = [r for r in rows if r["path"].startswith("documents/neg_")]
    assert len(negatives) >= 20
    assert all(r["order_number"] == "" for r in negatives)


def test_mails_parse_and_order_mails_carry_an_attachment(
    corpus: Path, rows: list[dict[str, str]]
) -> None:
    orders = others = 0
    for r in rows:
        if r["kind"] != "eml":
            continue
        msg = email.message_from_bytes((corpus / r["path"]).read_bytes(), policy=policy.default)
        assert msg["Message-ID"] and msg["Date"], r["path"]
        attachments = [p for p in msg.walk() if p.get_content_disposition() == "attachment"]
        if r["is_order"] == "1":
            orders += 1
            assert attachments, r["path"]
        else:
            others += 1
            assert r["order_number"] == ""
        if "_ooo" in r["path"]:
            assert msg["Auto-Submitted"] == "auto-replied"
    assert orders >= 30 and others >= 25
