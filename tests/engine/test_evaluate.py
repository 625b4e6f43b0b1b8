"""`orderintake evaluate` end to end on a tiny corpus this test writes with reportlab.

Four text PDFs in two layout families (three orders, one quote without an order number)
and a labels.csv with one mail row that evaluate must skip. The figures printed are
checked: accuracy, the quiet share on the quote, VAT/SIRET recall, the baseline, and the
list of changed answers when a second rule set is given.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from engine_helpers import RULES_DIR
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

ORDERX = Path(sys.executable).with_name("orderintake")

DOCS = {
    "header/po1.pdf": (
        "CF20241234",
        [
            "Laboratoires Hélios - SIRET 732 829 320 00074",
            "TVA FR 44 732 829 320",
            "Tél. 01 23 45 67 89",
            "N° de commande : CF20241234/JD",
            "Date : 12/03/2024",
        ],
    ),
    "header/po2.pdf": (
        "L 54321",
        ["CNRS - Institut Néel", "Bon de commande n° L 54321 UPR 2940", "Devis n° DEV-2024-0001"],
    ),
    "table/po3.pdf": (
        "4500123456",
        [
            [(50, "Date"), (200, "Order No."), (400, "Customer")],
            [(50, "12/03/2024"), (200, "4500123456"), (400, "C123456")],
        ],
    ),
    "table/quote.pdf": (
        "",
        ["DEVIS", "Devis n° DEV-2024-7777", "Validité 30 jours", "Total HT : 1 234,56 €"],
    ),
}


def _pdf(path: Path, rows: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800.0
    for row in rows:
        for x, text in [(50, row)] if isinstance(row, str) else row:
            c.drawString(x, y, text)
        y -= 18
    c.save()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    with (root / "labels.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        for rel, (number, rows) in DOCS.items():
            _pdf(root / rel, rows)
            vat, siret = (
                ("FR44732829320", "73282932000074") if rel.endswith("po1.pdf") else ("", "")
            )
            w.writerow([rel, "pdf-text", "", number, vat, siret])
        w.writerow(["mails/m1.eml", "eml", "1", "CF1", "", ""])
    return root


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ORDERINTAKE_AUTO_ACCEPT_THRESHOLD": "1.01"}
    return subprocess.run(
        [str(ORDERX), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_evaluate_json_figures(corpus: Path):
    proc = run("evaluate", str(corpus), "--json", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    assert res["documents"] == 4 and res["errors"] == 0  # the eml row is skipped
    on = res["order_numbers"]["pdf-text"]
    assert on["documents"] == 3 and on["top1"] == 100.0 and on["top3"] == 100.0
    assert res["by_family"]["pdf-text/table"]["documents"] == 1
    assert (
        res["no_number"]["documents"] == 1 and res["no_number"]["nothing_above_threshold"] == 100.0
    )
    assert res["identifiers"]["pdf-text/vat"] == {
        "labelled": 1,
        "recall": 100.0,
        "precision": 100.0,
    }
    assert res["identifiers"]["pdf-text/siret"]["recall"] == 100.0
    assert res["baseline"]["pdf-text"]["top1_ignoring_spaces"] < 100.0
    assert res["failures"] == []
    assert res["timing"]["pdf-text"]["pages"] == 4
    assert sum(b["count"] for b in res["reliability"]) >= 3


def test_evaluate_text_report_and_rule_change(corpus: Path, tmp_path: Path):
    worse = tmp_path / "worse"
    shutil.copytree(RULES_DIR, worse)
    path = worse / "ordernumber.toml"
    text = path.read_text(encoding="utf-8")
    # An admin "simplifies" the suffix rules: no initials after a slash any more, so the
    # clerk would get "CF20241234/JD" where the order is CF20241234.
    simpler = text.replace("inner = ['/(?:[A-Z]|0(?=[A-Z]))[A-Z]{0,2}[0-9]?', ", "inner = [", 1)
    simpler = simpler.replace(', "2025-10213/0P"]', "]", 1)  # and its example with it
    assert simpler.count("2025-10213/0P") == text.count("2025-10213/0P") - 1
    path.write_text(simpler, encoding="utf-8")
    proc = run(
        "evaluate",
        str(corpus),
        "--rules",
        str(worse),
        "--baseline-rules",
        str(RULES_DIR),
        "--jobs",
        "2",
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "ORDER NUMBERS" in out and "RELIABILITY" in out and "NAIVE BASELINE" in out
    assert "CHANGED ANSWERS vs baseline rules (1; 0 better, 1 worse)" in out
    assert "worse   header/po1.pdf: 'CF20241234' -> 'CF20241234/JD'" in out


def test_evaluate_without_labels_is_a_usage_error(tmp_path: Path):
    proc = run("evaluate", str(tmp_path))
    assert proc.returncode == 2 and "labels.csv" in proc.stderr
