"""`orderintake extract --json` carries the engine's fields (issue 3 §5) and SIRENE status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from stdnum.fr import tva

REPO = Path(__file__).resolve().parents[2]


def _order_pdf(path: Path, siren: str) -> str:
    vat = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    assert tva.is_valid(vat)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    for text in (
        "Laboratoire Dubois SARL",
        "12 rue des Lilas, 69003 Lyon",
        f"N° TVA : {vat}",
        "Tél. : 04 72 00 11 22",
        "",
        "BON DE COMMANDE",
        "N° de commande : CF20230987",
        "Date : 12/03/2024",
        "Référence devis : DEV-2024-0117",
        "Total HT : 1 250,00 €",
    ):
        c.drawString(60, y, text)
        y -= 18
    c.save()
    return vat


def test_extract_json_has_ranked_candidates_identifiers_and_sirene(tmp_path: Path) -> None:
    pdf = tmp_path / "order.pdf"
    vat = _order_pdf(pdf, "732829320")
    proc = subprocess.run(
        [sys.executable, "-m", "orderintake.cli", "extract", "--json", str(pdf)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    best = obj["order_numbers"][0]
    assert best["value"] == "CF20230987"
    assert best["keyword"] and "commande" in best["keyword"].lower()
    assert 0.0 <= best["score"] <= 1.0 and best["page"] == 1 and len(best["bbox"]) == 4
    assert "CF20230987" in best["evidence"]
    vats = [i for i in obj["identifiers"] if i["kind"] == "vat"]
    assert vats and vats[0]["value"] == vat and vats[0]["valid"] is True
    # No database here: the register has not been asked, and the output says so.
    assert vats[0]["sirene"]["status"] == "unknown"
    assert obj["quote_number"] == "DEV-2024-0117"
    assert obj["total_ht"] in ("1250.00", "1250.0", "1250")
    # The phone number and the date are never offered as order numbers.
    values = {c["value"] for c in obj["order_numbers"]}
    assert not values & {"0472001122", "12/03/2024", "69003"}


def test_extract_refuses_a_broken_rule_file_with_exit_2(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    for f in (REPO / "rules").glob("*.toml"):
        (rules / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    text = (rules / "ordernumber.toml").read_text(encoding="utf-8")
    (rules / "ordernumber.toml").write_text(text + "\nbogus_key = 1\n", encoding="utf-8")
    pdf = tmp_path / "order.pdf"
    _order_pdf(pdf, "732829320")
    proc = subprocess.run(
        [sys.executable, "-m", "orderintake.cli", "extract", str(pdf)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={"ORDERINTAKE_RULES_DIR": str(rules), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert "ordernumber.toml" in proc.stderr and "bogus_key" in proc.stderr
    assert "Traceback" not in proc.stderr
