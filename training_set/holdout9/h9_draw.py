"""holdout9: one drawing list (mm, top-left origin, baseline y for text) serialised as TSV and
drawn by three back-ends: jsPDF (Node, ``h9_jspdf.js``), Qt 6 QPdfWriter (``h9_qt.py``) and
Apache PDFBox 2 (Java, ``h9_pdfbox.java``); PDFBox's own PDFRenderer rasterises the PDFs a scan
is made from. Imports nothing from the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONTS = {
    # jsPDF
    "ptsans": "/usr/share/fonts/truetype/paratype/PTS55F.ttf",
    "ptsans-b": "/usr/share/fonts/truetype/paratype/PTS75F.ttf",
    "ptnarrow": "/usr/share/fonts/truetype/paratype/PTN57F.ttf",
    "ptnarrow-b": "/usr/share/fonts/truetype/paratype/PTN77F.ttf",
    "ptmono": "/usr/share/fonts/truetype/paratype/PTM55F.ttf",
    # Qt
    "rasa": "/usr/share/fonts/truetype/fonts-yrsa-rasa/Rasa-Regular.ttf",
    "rasa-b": "/usr/share/fonts/truetype/fonts-yrsa-rasa/Rasa-Bold.ttf",
    "yrsa": "/usr/share/fonts/truetype/fonts-yrsa-rasa/Yrsa-Regular.ttf",
    "yrsa-b": "/usr/share/fonts/truetype/fonts-yrsa-rasa/Yrsa-Bold.ttf",
    "anon": "/usr/share/fonts/truetype/anonymous-pro/Anonymous Pro.ttf",
    "anon-b": "/usr/share/fonts/truetype/anonymous-pro/Anonymous Pro B.ttf",
    # PDFBox
    "charis": "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf",
    "charis-b": "/usr/share/fonts/truetype/charis/CharisSIL-Bold.ttf",
    "vollkorn": "/usr/share/fonts/truetype/vollkorn/Vollkorn-Regular.ttf",
    "vollkorn-b": "/usr/share/fonts/truetype/vollkorn/Vollkorn-Bold.ttf",
    "tuffy": "/usr/share/fonts/truetype/tuffy/Tuffy.ttf",
    "tuffy-b": "/usr/share/fonts/truetype/tuffy/Tuffy_Bold.ttf",
    # hand-writing (filled forms, signed quotes)
    "ecolier": "/usr/share/fonts/truetype/ecolier-court/Ecolier-court.ttf",
}
JAVA_CP = "/usr/share/java/pdfbox2.jar:/usr/share/java/commons-logging.jar"
WIDTH = {"anon": 0.5, "ptmono": 0.6}


class Canvas:
    def __init__(self, fonts: dict[str, str], meta: dict[str, str] | None = None) -> None:
        self.fonts = fonts  # role -> font key of FONTS
        self.meta = meta or {}
        self.ops: list[str] = []
        self.texts: list[str] = []

    def page(self, w: float = 210, h: float = 297) -> None:
        self.ops.append(f"P\t{w}\t{h}")

    def text(self, x: float, y: float, s: str, role: str = "r", size: float = 9,
             col: tuple = (0, 0, 0), align: str = "l") -> None:
        s = s.replace("\t", " ")
        if not s:
            return
        self.ops.append(f"T\t{self.fonts[role]}\t{size:.2f}\t{','.join(map(str, col))}\t{align}\t{x:.2f}\t{y:.2f}\t{s}")
        self.texts.append(s)

    def width(self, s: str, size: float, role: str = "r") -> float:
        k = WIDTH.get(self.fonts[role].split("-")[0], 0.5)
        return len(s) * size * 0.3528 * k

    def line(self, x1, y1, x2, y2, w=0.25, col=(0, 0, 0)) -> None:
        self.ops.append(f"L\t{x1:.2f}\t{y1:.2f}\t{x2:.2f}\t{y2:.2f}\t{w}\t{','.join(map(str, col))}")

    def rect(self, x, y, w, h, lw=0.25, stroke=(0, 0, 0), fill=None) -> None:
        sc = "-" if stroke is None else ",".join(map(str, stroke))
        fc = "-" if fill is None else ",".join(map(str, fill))
        self.ops.append(f"R\t{x:.2f}\t{y:.2f}\t{w:.2f}\t{h:.2f}\t{lw}\t{sc}\t{fc}")

    def poly(self, pts, w=0.45, col=(20, 30, 120)) -> None:
        self.ops.append(f"S\t{w}\t{','.join(map(str, col))}\t" + ";".join(f"{a:.2f},{b:.2f}" for a, b in pts))

    def wrap(self, x: float, y: float, s: str, width: float, size: float = 9, role: str = "r",
             lead: float = 1.45, col=(0, 0, 0)) -> float:
        words, line = s.split(" "), ""
        for w in words:
            cand = (line + " " + w).strip()
            if self.width(cand, size, role) > width and line:
                self.text(x, y, line, role, size, col)
                y += size * 0.3528 * lead
                line = w
            else:
                line = cand
        if line:
            self.text(x, y, line, role, size, col)
            y += size * 0.3528 * lead
        return y

    def tsv(self) -> str:
        head = [f"F\t{k}\t{FONTS[k]}" for k in sorted(set(self.fonts.values()))]
        head += [f"M\t{k}\t{v}" for k, v in self.meta.items()]
        return "\n".join(head + self.ops) + "\n"


def run_backends(jobs: dict[str, list[tuple[Path, Path]]], node_dir: str, qt_dir: str, tmp: Path) -> None:
    """jobs: stack -> [(tsv, pdf)]. One process per stack."""
    for stack, items in jobs.items():
        if not items:
            continue
        jf = tmp / f"jobs-{stack}.txt"
        jf.write_text("".join(f"{a}\t{b}\n" for a, b in items), encoding="utf-8")
        if stack == "jspdf":
            env = dict(os.environ, NODE_PATH=str(Path(node_dir) / "node_modules"))
            subprocess.run(["node", str(HERE / "h9_jspdf.js"), str(jf)], check=True, env=env)
        elif stack == "qt":
            env = dict(os.environ, PYTHONPATH=qt_dir, QT_QPA_PLATFORM="offscreen")
            # one process per document (PySide6 6.12 on CPython 3.11 aborts in long batches)
            for k, (a, b) in enumerate(items):
                one = tmp / f"jobs-qt-{k}.txt"
                one.write_text(f"{a}\t{b}\n", encoding="utf-8")
                subprocess.run([os.environ.get("H9_QT_PYTHON", "python3"), str(HERE / "h9_qt.py"), str(one)],
                               check=True, env=env)
        elif stack == "pdfbox":
            java_classes(tmp)
            subprocess.run(["java", "-cp", f"{JAVA_CP}:{tmp / 'java'}", "H9Pdfbox", "pdf", str(jf)],
                           check=True, stderr=subprocess.DEVNULL)
        else:
            raise ValueError(stack)


def java_classes(tmp: Path) -> None:
    out = tmp / "java"
    if not (out / "H9Pdfbox.class").exists():
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(["javac", "-cp", JAVA_CP, "-d", str(out), str(HERE / "h9_pdfbox.java")], check=True)


def render(items: list[tuple[Path, int, Path]], tmp: Path) -> None:
    """PDFBox PDFRenderer: (pdf, dpi, out prefix) -> prefix-<page>.png"""
    java_classes(tmp)
    jf = tmp / "jobs-render.txt"
    jf.write_text("".join(f"{a}\t{d}\t{p}\n" for a, d, p in items), encoding="utf-8")
    subprocess.run(["java", "-Djava.awt.headless=true", "-cp", f"{JAVA_CP}:{tmp / 'java'}", "H9Pdfbox", "render",
                    str(jf)], check=True, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit("module only")
