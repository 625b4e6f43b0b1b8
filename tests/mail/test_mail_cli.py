"""``orderintake classify`` and ``classify-eval`` on files written by the test."""

from __future__ import annotations

import json
from pathlib import Path

from mail_samples import TEXT_PDF, mail, order_mail
from orderintake.cli import _register, app
from typer.testing import CliRunner

_register()
runner = CliRunner()


def test_classify_json_lines_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(order_mail())
    (tmp_path / "b.eml").write_bytes(mail(subject="Facture 12", body="Ci-joint notre facture",
                                          attachments=[("f.pdf", TEXT_PDF, "application/pdf")]).as_bytes())  # fmt: skip
    result = runner.invoke(app, ["classify", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["is_order"], o["bucket"]) for o in lines] == [(True, "order"), (False, "not-order")]
    assert lines[0]["attachments"] == [
        {"filename": "commande.pdf", "content_type": "application/pdf",
         "sniffed_type": "application/pdf", "size": len(TEXT_PDF), "real": True, "origin": ""}
    ]  # fmt: skip
    assert all(isinstance(r, str) for r in lines[0]["reasons"])
    (tmp_path / "bad.eml").write_bytes(b"")
    result = runner.invoke(app, ["classify", "--json", str(tmp_path / "bad.eml")])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"] == "the mail is empty"
    assert runner.invoke(app, ["classify", str(tmp_path / "missing*.eml")]).exit_code == 2


def test_classify_eval_prints_precision_recall_and_mistakes(tmp_path: Path) -> None:
    (tmp_path / "mails").mkdir()
    (tmp_path / "mails" / "o.eml").write_bytes(order_mail())
    (tmp_path / "mails" / "n.eml").write_bytes(order_mail(subject="Où en est notre commande ?",
                                                          body="Merci de nous répondre."))  # fmt: skip
    (tmp_path / "labels.csv").write_text(
        "path,kind,is_order\nmails/o.eml,eml,1\nmails/n.eml,eml,1\nx.pdf,pdf,\n"
    )
    result = runner.invoke(app, ["classify-eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "precision 100.00%  recall 50.00%" in result.output
    assert "false negative" in result.output and "n.eml" in result.output
