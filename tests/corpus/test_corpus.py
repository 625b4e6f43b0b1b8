"""The training corpus regenerates identically, and every label is true of its file.

Why: issue 3's figures (top-1 accuracy by kind and family, VAT/SIRET recall) mean nothing
if labels.csv drifts from the generator or claims something a document does not print.
The full corpus takes about a minute to render, so these tests regenerate all labels
(cheap: drawing only) plus a subset of files covering every family and format, and check
that subset's labels, files and bytes.
"""

from __future__ import annotations

import csv
import email
import hashlib
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from facturx import get_orderx_type, get_xml_from_pdf
from lxml import etree
from pdfminer.high_level import extract_text
from PIL import Image
from stdnum.fr import siret as std_siret
from stdnum.fr import tva as std_tva

from training_set.gen import documents
from training_set.gen.parties import SUPPLIER

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "training_set" / "labels.csv"
EXIF_JPEG = next(d.path for d in documents.plan() if d.fmt == "jpg-exif")
SUBSET = [
    "documents/*/po-001.pdf",
    "documents/*/doc-001.pdf",
    "documents/orderx/*",
    "documents/mixed/mixed-001.pdf",
    "documents/cnrs-l/scan-00[1-4].*",
    "documents/multipage/scan-00[12].*",
    "documents/bon-pour-accord/scan-001.*",
    EXIF_JPEG,
    "mails/*/mail-001.eml",
    "mails/order-forwarded/mail-002.eml",
]


def generate(out: Path, *args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "training_set.generate", "--out", str(out), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def committed() -> list[dict[str, str]]:
    return rows(LABELS)


@pytest.fixture(scope="module")
def subset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, "--jobs", "2", *[a for glob in SUBSET for a in ("--only", glob)])
    return out


def test_labels_regenerate_byte_identical(tmp_path: Path) -> None:
    generate(tmp_path, "--labels-only")
    assert (tmp_path / "labels.csv").read_bytes() == LABELS.read_bytes()


def test_committed_labels_format_and_sizes(committed: list[dict[str, str]]) -> None:
    assert (
        LABELS.read_text(encoding="utf-8").splitlines()[0]
        == "path,kind,is_order,order_number,vat,siret"
    )
    paths = [r["path"] for r in committed]
    assert paths == sorted(paths) and len(set(paths)) == len(paths)
    docs = [r for r in committed if r["kind"] != "eml"]
    mails = [r for r in committed if r["kind"] == "eml"]
    assert len(docs) >= 300 and len(mails) >= 150
    assert {r["kind"] for r in docs} == {"pdf-text", "scan"}
    assert all(r["is_order"] == "" for r in docs) and {r["is_order"] for r in mails} == {"0", "1"}
    assert all(
        r["order_number"] == r["vat"] == r["siret"] == "" for r in mails if r["is_order"] == "0"
    )
    families_with_orders = {r["path"].split("/")[1] for r in docs if r["order_number"]}
    assert len(families_with_orders) >= 10
    assert {r["path"].rsplit(".", 1)[1] for r in docs if r["kind"] == "scan"} == {
        "pdf",
        "jpg",
        "png",
        "tif",
    }
    assert sum(1 for r in docs if r["kind"] == "scan") >= 100
    assert any(
        " " in r["order_number"] for r in docs
    )  # the intentional space after a prefix is kept
    assert any(r["order_number"].startswith("L ") for r in docs)


def test_identifier_labels_pass_their_checksums(committed: list[dict[str, str]]) -> None:
    for r in committed:
        assert not r["vat"] or std_tva.is_valid(r["vat"]), r
        assert not r["siret"] or std_siret.is_valid(r["siret"]), r
        if r["vat"] and r["siret"]:
            assert r["vat"][4:] == r["siret"][:9], r  # both belong to the customer
    assert sum(1 for r in committed if r["vat"]) > 200
    # the supplier (us) is printed on most documents but is never the labelled customer
    assert std_tva.is_valid(SUPPLIER.vat) and std_siret.is_valid(SUPPLIER.siret)
    assert all(r["vat"] != SUPPLIER.vat and r["siret"] != SUPPLIER.siret for r in committed)


def test_subset_files_exist_with_the_committed_labels(
    subset: Path, committed: list[dict[str, str]]
) -> None:
    got = rows(subset / "labels.csv")
    assert len(got) > 40
    by_path = {r["path"]: r for r in committed}
    for r in got:
        assert r == by_path[r["path"]]
        assert (subset / r["path"]).stat().st_size > 0


def test_text_pdfs_print_their_labels(subset: Path) -> None:
    for r in rows(subset / "labels.csv"):
        if r["kind"] != "pdf-text":
            continue
        text = extract_text(subset / r["path"])
        assert r["order_number"] in text, r
        compact = "".join(text.split())
        assert r["vat"] in compact and r["siret"] in compact, r


def test_scans_are_images_with_ground_truth(subset: Path) -> None:
    scans = [r for r in rows(subset / "labels.csv") if r["kind"] == "scan"]
    assert len(scans) >= 8
    for r in scans:
        truth = (subset / "truth" / (r["path"] + ".txt")).read_text(encoding="utf-8")
        assert r["order_number"] in truth and len(truth.splitlines()) > 15, r
        if r["path"].endswith(".pdf"):
            pages = extract_text(subset / r["path"]).split("\f")
            if "/mixed/" in r["path"]:
                assert (
                    r["order_number"] in pages[0] and not pages[1].strip()
                )  # typed page 1, scanned page 2
            else:
                assert not "".join(pages).strip(), r  # image only: no text layer
        if r["path"].endswith(".tif") and "/multipage/" in r["path"]:
            with Image.open(subset / r["path"]) as im:
                assert getattr(im, "n_frames", 1) == len(truth.split("\f")) > 1
    assert any(r["path"].endswith(".tif") and "/multipage/" in r["path"] for r in scans)
    with Image.open(subset / EXIF_JPEG) as im:
        assert im.getexif().get(0x0112) == 6 and im.width > im.height


def test_orderx_pdfs_embed_the_labelled_order(subset: Path) -> None:
    ns = {
        "rsm": "urn:un:unece:uncefact:data:SCRDMCCBDACIOMessageStructure:100",
        "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:128",
    }
    types = []
    for r in rows(subset / "labels.csv"):
        if "/orderx/" not in r["path"]:
            continue
        name, xml = get_xml_from_pdf((subset / r["path"]).read_bytes(), check_xsd=True)
        root = etree.fromstring(xml)
        assert name == "order-x.xml"
        assert root.findtext("rsm:ExchangedDocument/ram:ID", namespaces=ns) == r["order_number"]
        buyer = root.find(".//ram:BuyerTradeParty", ns)
        assert buyer is not None
        assert (
            buyer.findtext("ram:SpecifiedLegalOrganization/ram:ID", namespaces=ns) == r["siret"][:9]
            or not r["siret"]
        )
        assert (
            buyer.findtext("ram:SpecifiedTaxRegistration/ram:ID", namespaces=ns) == r["vat"]
            or not r["vat"]
        )
        types.append(get_orderx_type(root))
    assert types.count("order_change") == 2 and types.count("order") == 4


def _attachments(msg: email.message.EmailMessage) -> list[email.message.EmailMessage]:
    return [p for p in msg.iter_attachments() if p.get_content_disposition() == "attachment"]


def test_mails_parse_and_order_mails_carry_their_order(subset: Path) -> None:
    got = rows(subset / "labels.csv")
    mails = {r["path"]: r for r in got if r["kind"] == "eml"}
    assert len(mails) >= 20
    for path, r in mails.items():
        msg = email.message_from_bytes((subset / path).read_bytes(), policy=policy.default)
        assert isinstance(msg, email.message.EmailMessage)
        assert msg["Message-ID"] and msg["Date"] and msg["Subject"]
        family = path.split("/")[1]
        if r["is_order"] == "1":
            assert _attachments(msg), path  # an order mail always carries the order
        if family == "auto-reply":
            assert msg["Auto-Submitted"] == "auto-replied"
        if family == "newsletter":
            assert msg["List-Unsubscribe"]
        if family == "inline-logo":
            assert not _attachments(msg) and "cid:" in msg.get_body(("html",)).get_content()
        if family == "order-forwarded":
            inner = _attachments(msg)[0]
            assert inner.get_content_type() == "message/rfc822"
        if family == "order-octet":
            assert _attachments(msg)[0].get_content_type() == "application/octet-stream"
        if family in ("order-pdf", "order-scan") and r["order_number"]:
            data = _attachments(msg)[0].get_content()
            # the attachment is one of the corpus documents with the same label
            twins = [
                d
                for d in got
                if d["kind"] != "eml"
                and (subset / d["path"]).exists()
                and d["order_number"] == r["order_number"]
            ]
            assert not twins or any((subset / d["path"]).read_bytes() == data for d in twins)


def test_generation_is_byte_stable(tmp_path: Path) -> None:
    picks = [
        "documents/header-box/po-002.pdf",
        "documents/mixed/mixed-002.pdf",
        "documents/orderx/orderx-005.pdf",
        "documents/two-column/scan-001.*",
        "mails/order-filename/mail-002.eml",
        "mails/inline-logo/mail-002.eml",
    ]
    digests = []
    for run in ("a", "b"):
        generate(tmp_path / run, "--jobs", "1", *[a for glob in picks for a in ("--only", glob)])
        files = sorted(p for p in (tmp_path / run).rglob("*") if p.is_file())
        digests.append(
            {
                str(p.relative_to(tmp_path / run)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in files
            }
        )
    assert len(digests[0]) >= 8
    assert digests[0] == digests[1]
