"""``orderintake extract`` as a user runs it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docgen
import pytest
from orderintake.cli.extract_cmd import document_json

EXE = Path(sys.executable).parent / "orderintake"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXE), "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory, header_crop) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    (d / "docs").mkdir()
    (d / "docs" / "a-order.pdf").write_bytes(docgen.order_pdf("CF20230987")[0])
    (d / "docs" / "b-order.pdf").write_bytes(docgen.order_pdf("4500012345")[0])
    (d / "docs" / "c-scan.png").write_bytes(docgen.image_bytes(header_crop, "PNG", 300))
    (d / "docs" / "notes.txt").write_text("not a document: skipped inside folders")
    (d / "bad.pdf").write_bytes(b"<html><body>Not found</body></html>")
    return d


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_folder_json_lines_in_input_order_with_boxes(folder) -> None:
    r = run("--json", "docs", cwd=folder)
    assert r.returncode == 0, r.stderr
    objs = lines(r.stdout)
    assert [Path(o["path"]).name for o in objs] == ["a-order.pdf", "b-order.pdf", "c-scan.png"]
    assert [o["source"] for o in objs] == ["pdf-text", "pdf-text", "ocr"]
    assert all(o["error"] is None and o["pages"] == 1 for o in objs)
    assert "CF20230987" in objs[0]["text"] and "4500012345" in objs[1]["text"]
    page = objs[2]["page_details"][0]
    assert page["dpi"] == 300 and 0 < page["mean_confidence"] <= 1
    word = page["lines"][0]["words"][0]
    assert set(word) == {"text", "bbox", "confidence"} and len(word["bbox"]) == 4
    assert r.stderr == ""  # no progress bar when not on a terminal


def test_jobs_2_keeps_input_order_and_failures_give_exit_1(folder) -> None:
    r = run(
        "--json",
        "--jobs",
        "2",
        "docs/c-scan.png",
        "bad.pdf",
        "docs/*.pdf",
        "missing.pdf",
        cwd=folder,
    )
    assert r.returncode == 1
    objs = lines(r.stdout)
    assert [Path(o["path"]).name for o in objs] == [
        "c-scan.png",
        "bad.pdf",
        "a-order.pdf",
        "b-order.pdf",
        "missing.pdf",
    ]
    assert "web page" in objs[1]["error"] and objs[1]["pages"] == 0
    assert "no such file" in objs[4]["error"]
    assert objs[0]["error"] is None and objs[2]["error"] is None


def test_out_dir_writes_txt_and_json_and_human_summary(folder, tmp_path) -> None:
    r = run("--out", str(tmp_path / "o"), "docs/a-order.pdf", "bad.pdf", cwd=folder)
    assert r.returncode == 1
    assert "a-order.pdf: 1 page(s), pdf-text" in r.stdout
    assert "bad.pdf: FAILED" in r.stdout and "1 of 2 file(s) read, 1 failed" in r.stdout
    assert "CF20230987" in (tmp_path / "o" / "a-order.txt").read_text()
    saved = json.loads((tmp_path / "o" / "a-order.json").read_text())
    assert saved["source"] == "pdf-text" and saved["page_details"][0]["lines"]
    assert json.loads((tmp_path / "o" / "bad.json").read_text())["error"]


def test_usage_errors_exit_2(folder) -> None:
    assert run(cwd=folder).returncode == 2  # no path at all
    r = run("nothing-here", "*.nomatch", cwd=folder)
    assert r.returncode == 2 and "nothing to read" in r.stderr
    assert run("--jobs", "0", "bad.pdf", cwd=folder).returncode == 2


def test_document_json_is_extensible() -> None:
    obj = document_json("x.pdf", None, "broken", extra={"order_numbers": ["CF1"]})
    assert obj["order_numbers"] == ["CF1"] and obj["error"] == "broken"
    assert obj["pages"] == 0 and obj["text"] == ""


def test_unknown_ocr_language_is_a_usage_error(folder) -> None:
    r = run("--lang", "fra+klingon", "bad.pdf", cwd=folder)
    assert r.returncode == 2 and "klingon" in r.stderr
    r = run("--lang", "eng", "--json", "docs/a-order.pdf", cwd=folder)
    assert r.returncode == 0 and lines(r.stdout)[0]["error"] is None
