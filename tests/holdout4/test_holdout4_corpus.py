"""The committed holdout4 corpus is whole and its labels are true to its files.

Why: holdout4 is a frozen exam (pdflatex, WeasyPrint and the scan pipeline do not write the
same bytes twice, so the documents and mails themselves are committed). Nothing is regenerated
here and no OCR or extraction engine is run: the test only checks the files against
labels.csv — every labelled file exists, every order number of a text PDF is in its text layer,
every labelled identifier is valid and is the customer's (never ours), scans carry no text
layer, and the mails parse with the standard library, order mails carrying a real attachment.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from frozen_corpus import compact, pdf_text, read_mail, real_attachments
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT4 = ROOT / "training_set" / "holdout4"
HEADER = ["path", "kind", "is_order", "order_number", "vat", "siret"]
IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (HOLDOUT4 / "labels.csv").open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\r\n")
        assert header == ",".join(HEADER)
        fh.seek(0)
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER
        return list(reader)


@pytest.fixture(scope="module")
def docs(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if r["kind"] != "eml"]


@pytest.fixture(scope="module")
def mails(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if r["kind"] == "eml"]


@pytest.fixture(scope="module")
def own_ids() -> set[str]:
    lines = (HOLDOUT4 / "own_identifiers.txt").read_text(encoding="utf-8").splitlines()
    ids = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    assert len(ids) == 3
    return ids


@pytest.fixture(scope="module")
def texts(docs: list[dict[str, str]]) -> dict[str, str]:
    """Text layer of every text PDF, whitespace collapsed."""
    return {
        r["path"]: re.sub(r"\s+", " ", pdf_text(HOLDOUT4 / r["path"]))
        for r in docs
        if r["kind"] == "pdf-text"
    }


def test_paths_kinds_and_counts(
    rows: list[dict[str, str]], docs: list[dict[str, str]], mails: list[dict[str, str]]
) -> None:
    assert len({r["path"] for r in rows}) == len(rows)
    for r in docs:
        assert r["kind"] in {"pdf-text", "scan"}, r
        assert r["is_order"] == "", r
        assert re.fullmatch(r"documents/[a-z0-9_]+/[A-Za-z0-9_.-]+", r["path"]), r
        path = HOLDOUT4 / r["path"]
        assert path.is_file() and path.stat().st_size > 0, r["path"]
        if r["kind"] == "pdf-text":
            assert path.suffix == ".pdf", r
    for r in mails:
        assert re.fullmatch(r"mails/[a-z0-9-]+/mail-\d{3}\.eml", r["path"]), r
        assert r["is_order"] in {"0", "1"}, r
        assert r["vat"] == r["siret"] == "", r
        assert (HOLDOUT4 / r["path"]).is_file(), r["path"]
    assert 80 <= len(docs) <= 100
    assert 45 <= len(mails) <= 60
    scans = sum(r["kind"] == "scan" for r in docs)
    assert 0.35 <= scans / len(docs) <= 0.5
    families = {r["path"].split("/")[1] for r in docs}
    assert len([f for f in families if not f.startswith("neg_")]) >= 12
    assert len([f for f in families if f.startswith("neg_")]) >= 5
    suffixes = {Path(r["path"]).suffix for r in docs if r["kind"] == "scan"}
    assert {".pdf", ".jpg", ".png", ".tif"} <= suffixes


def test_every_file_is_labelled(rows: list[dict[str, str]]) -> None:
    on_disk = {
        p.relative_to(HOLDOUT4).as_posix()
        for sub in ("documents", "mails")
        for p in (HOLDOUT4 / sub).rglob("*")
        if p.is_file()
    }
    assert on_disk == {r["path"] for r in rows}


def test_negatives_have_no_number_and_orders_have_one(docs: list[dict[str, str]]) -> None:
    negatives = 0
    for r in docs:
        negative = r["path"].split("/")[1].startswith("neg_")
        negatives += negative
        assert (r["order_number"] == "") == negative, r
        assert r["order_number"] == r["order_number"].strip(), r
        assert "  " not in r["order_number"], r
    assert 0.12 <= negatives / len(docs) <= 0.25


def test_order_numbers_are_in_the_text_layer(
    docs: list[dict[str, str]], texts: dict[str, str]
) -> None:
    for r in docs:
        if r["kind"] != "pdf-text" or not r["order_number"]:
            continue
        num, text = r["order_number"], texts[r["path"]]
        assert num in text or (" " in num and compact(num) in compact(text)), (r["path"], num)


def test_identifiers_valid_printed_and_not_ours(
    docs: list[dict[str, str]], texts: dict[str, str], own_ids: set[str]
) -> None:
    own_sirens = {i for i in own_ids if len(i) == 9}
    assert own_sirens and all(fr_siren.is_valid(s) for s in own_sirens)
    assert any(fr_siret.is_valid(i) for i in own_ids) and any(fr_tva.is_valid(i) for i in own_ids)
    for r in docs:
        if r["vat"]:
            assert re.fullmatch(r"FR\d{11}", r["vat"]) and fr_tva.is_valid(r["vat"]), r
            assert r["vat"][4:] not in own_sirens and r["vat"] not in own_ids, r
        if r["siret"]:
            assert re.fullmatch(r"\d{14}", r["siret"]) and fr_siret.is_valid(r["siret"]), r
            assert r["siret"][:9] not in own_sirens and r["siret"] not in own_ids, r
        if r["vat"] and r["siret"]:
            assert r["vat"][4:] == r["siret"][:9], r  # one customer per document
        if r["kind"] == "pdf-text":
            flat = compact(texts[r["path"]])
            for ident in (r["vat"], r["siret"]):
                assert not ident or ident in flat, (r["path"], ident)
    assert sum(bool(r["vat"]) for r in docs) >= 40
    assert sum(bool(r["siret"]) for r in docs) >= 40


def test_scans_are_image_only(docs: list[dict[str, str]]) -> None:
    for r in docs:
        if r["kind"] != "scan":
            continue
        path = HOLDOUT4 / r["path"]
        if path.suffix == ".pdf":
            assert pdf_text(path).strip() == "", r["path"]
        else:
            assert path.suffix in IMAGE_EXT, r["path"]


def test_mails_parse_and_orders_carry_an_attachment(
    mails: list[dict[str, str]], docs: list[dict[str, str]]
) -> None:
    numbers = {r["order_number"] for r in docs if r["order_number"]}
    orders = 0
    for r in mails:
        msg = read_mail(HOLDOUT4 / r["path"])
        assert msg["From"] and msg["Date"] and msg["Subject"] is not None, r["path"]
        atts = real_attachments(msg)
        for part in atts:
            assert part.get_filename(), r["path"]
            assert len(part.get_content()) > 1000, r["path"]
        if r["is_order"] == "1":
            orders += 1
            assert atts, r["path"]
            assert not r["order_number"] or r["order_number"] in numbers, r
        else:
            assert r["order_number"] == "", r
    assert 0.4 <= orders / len(mails) <= 0.65


def test_corpus_size() -> None:
    total = sum(
        p.stat().st_size
        for sub in ("documents", "mails")
        for p in (HOLDOUT4 / sub).rglob("*")
        if p.is_file()
    )
    assert total < 12 * 1024 * 1024, total
