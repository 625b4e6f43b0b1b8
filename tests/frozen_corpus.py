"""The checks every frozen exam corpus passes (holdout5, holdout6): its files are whole
and its labels true to them.

Why: a frozen corpus's committed files are the corpus, never regenerated. No OCR or
extraction engine runs here: only the files against labels.csv — every labelled file
exists, every order number of a text PDF is in its text layer, every labelled identifier is
valid and the customer's (never ours), scans carry no text layer, the mails parse with the
standard library and order mails carry a real attachment that is a corpus document byte for
byte (a ZIP's member counts, an inline logo does not). Written by holdout5's author; each
corpus's test subclasses :class:`FrozenCorpusChecks` with its folder and size limit.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

HEADER = ["path", "kind", "is_order", "order_number", "vat", "siret"]
IMAGE_EXT = {".jpg", ".png", ".tif"}


def compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()).upper()


def pdf_text(data: bytes | Path) -> str:
    doc = pdfium.PdfDocument(data if isinstance(data, bytes) else str(data))
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def read_mail(path: Path) -> EmailMessage:
    with path.open("rb") as fh:
        msg = BytesParser(policy=policy.default).parse(fh)
    assert isinstance(msg, EmailMessage)
    return msg


def real_attachments(msg: EmailMessage) -> list[EmailMessage]:
    """Real attachments, also inside a forwarded message/rfc822; inline logos do not count."""
    found = []
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()[0]
            found += real_attachments(inner)
            continue
        if part.is_multipart() or part.get_content_disposition() != "attachment":
            continue
        found.append(part)
    return found


def payloads(part: EmailMessage) -> list[bytes]:
    """The bytes an attachment carries (the members of a ZIP)."""
    data = part.get_content()
    data = data.encode() if isinstance(data, str) else data
    if part.get_content_type() == "application/zip":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [z.read(n) for n in z.namelist()]
    return [data]


class FrozenCorpusChecks:
    """Subclass as ``TestHoldoutN`` with ``CORPUS`` (its folder) and ``MAX_BYTES``."""

    CORPUS: Path
    MAX_BYTES: int

    @pytest.fixture(scope="class")
    @classmethod
    def rows(cls) -> list[dict[str, str]]:
        with (cls.CORPUS / "labels.csv").open(encoding="utf-8", newline="") as fh:
            header = fh.readline().rstrip("\r\n")
            assert header == ",".join(HEADER)
            fh.seek(0)
            reader = csv.DictReader(fh)
            assert reader.fieldnames == HEADER
            return list(reader)

    @pytest.fixture(scope="class")
    @classmethod
    def docs(cls, rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [r for r in rows if r["kind"] != "eml"]

    @pytest.fixture(scope="class")
    @classmethod
    def mails(cls, rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [r for r in rows if r["kind"] == "eml"]

    @pytest.fixture(scope="class")
    @classmethod
    def own_ids(cls) -> set[str]:
        lines = (cls.CORPUS / "own_identifiers.txt").read_text(encoding="utf-8").splitlines()
        ids = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
        assert len(ids) == 3
        return ids

    @pytest.fixture(scope="class")
    @classmethod
    def texts(cls, docs: list[dict[str, str]]) -> dict[str, str]:
        """Text layer of every text PDF, whitespace collapsed."""
        return {
            r["path"]: re.sub(r"\s+", " ", pdf_text(cls.CORPUS / r["path"]))
            for r in docs
            if r["kind"] == "pdf-text"
        }

    def test_paths_kinds_and_counts(
        self, rows: list[dict[str, str]], docs: list[dict[str, str]], mails: list[dict[str, str]]
    ) -> None:
        assert len({r["path"] for r in rows}) == len(rows)
        for r in docs:
            assert r["kind"] in {"pdf-text", "scan"}, r
            assert r["is_order"] == "", r
            assert re.fullmatch(r"documents/[a-z0-9_]+/[A-Za-z0-9_.-]+", r["path"]), r
            path = self.CORPUS / r["path"]
            assert path.is_file() and path.stat().st_size > 0, r["path"]
            if r["kind"] == "pdf-text":
                assert path.suffix == ".pdf", r
        for r in mails:
            assert re.fullmatch(r"mails/[a-z0-9-]+/mail-\d{3}\.eml", r["path"]), r
            assert r["is_order"] in {"0", "1"}, r
            assert r["vat"] == r["siret"] == "", r
            assert (self.CORPUS / r["path"]).is_file(), r["path"]
        assert 70 <= len(docs) <= 95
        assert 35 <= len(mails) <= 50
        scans = sum(r["kind"] == "scan" for r in docs)
        assert 0.38 <= scans / len(docs) <= 0.5
        families = {r["path"].split("/")[1] for r in docs}
        assert len([f for f in families if not f.startswith("neg_")]) >= 10
        assert len([f for f in families if f.startswith("neg_")]) >= 5
        suffixes = {Path(r["path"]).suffix for r in docs if r["kind"] == "scan"}
        assert {".pdf", ".jpg", ".png", ".tif"} <= suffixes

    def test_every_file_is_labelled(self, rows: list[dict[str, str]]) -> None:
        on_disk = {
            p.relative_to(self.CORPUS).as_posix()
            for sub in ("documents", "mails")
            for p in (self.CORPUS / sub).rglob("*")
            if p.is_file()
        }
        assert on_disk == {r["path"] for r in rows}

    def test_negatives_have_no_number_and_orders_have_one(self, docs: list[dict[str, str]]) -> None:
        negatives = 0
        for r in docs:
            negative = r["path"].split("/")[1].startswith("neg_")
            negatives += negative
            assert (r["order_number"] == "") == negative, r
            assert r["order_number"] == r["order_number"].strip(), r
            assert "  " not in r["order_number"], r
        assert 0.12 <= negatives / len(docs) <= 0.25

    def test_order_numbers_are_in_the_text_layer(
        self, docs: list[dict[str, str]], texts: dict[str, str]
    ) -> None:
        for r in docs:
            if r["kind"] != "pdf-text" or not r["order_number"]:
                continue
            num, text = r["order_number"], texts[r["path"]]
            assert num in text or (" " in num and compact(num) in compact(text)), (r["path"], num)

    def test_identifiers_valid_printed_and_not_ours(
        self, docs: list[dict[str, str]], texts: dict[str, str], own_ids: set[str]
    ) -> None:
        own_sirens = {i for i in own_ids if len(i) == 9}
        assert own_sirens and all(fr_siren.is_valid(s) for s in own_sirens)
        assert any(fr_siret.is_valid(i) for i in own_ids) and any(
            fr_tva.is_valid(i) for i in own_ids
        )
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

    def test_scans_are_image_only(self, docs: list[dict[str, str]]) -> None:
        pages = 0
        for r in docs:
            if r["kind"] != "scan":
                continue
            path = self.CORPUS / r["path"]
            if path.suffix == ".pdf":
                assert pdf_text(path).strip() == "", r["path"]
            else:
                assert path.suffix in IMAGE_EXT, r["path"]
                with Image.open(path) as im:
                    pages = max(pages, getattr(im, "n_frames", 1))
        assert pages >= 2  # a multi-page TIFF

    def test_mails_parse_and_orders_carry_an_attachment(
        self, mails: list[dict[str, str]], docs: list[dict[str, str]]
    ) -> None:
        numbers = {r["order_number"] for r in docs if r["order_number"]}
        files = {(self.CORPUS / r["path"]).read_bytes(): r for r in docs}
        orders = 0
        for r in mails:
            msg = read_mail(self.CORPUS / r["path"])
            assert msg["From"] and msg["Date"] and msg["Subject"] is not None, r["path"]
            atts = real_attachments(msg)
            for part in atts:
                assert part.get_filename(), r["path"]
                assert len(part.get_content()) > 1000, r["path"]
            if r["is_order"] == "1":
                orders += 1
                assert atts, r["path"]
                carried = [files.get(b) for part in atts for b in payloads(part)]
                assert any(carried), r["path"]  # a corpus document, byte for byte
                assert not r["order_number"] or r["order_number"] in numbers, r
                if r["order_number"]:
                    assert r["order_number"] in {d["order_number"] for d in carried if d}, r
            else:
                assert r["order_number"] == "", r
        assert 0.4 <= orders / len(mails) <= 0.65

    def test_corpus_size(self) -> None:
        total = sum(
            p.stat().st_size
            for sub in ("documents", "mails")
            for p in (self.CORPUS / sub).rglob("*")
            if p.is_file()
        )
        assert total < self.MAX_BYTES, total
