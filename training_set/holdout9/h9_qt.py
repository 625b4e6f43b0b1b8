"""holdout9: Qt 6 back-end (PySide6 QPdfWriter, offscreen platform). Reads drawing lists (TSV,
see h9_draw.py) and writes PDFs. Run as its own process with PySide6 on the path:
``python h9_qt.py jobs.txt`` (each line ``<list.tsv>\\t<out.pdf>``). Imports nothing from the
repository."""

from __future__ import annotations

import os
import re
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QPageSize, QPainter,
    QPainterPath, QPdfWriter, QPen,
)

DPI = 720
MM = DPI / 25.4


def rgb(s: str) -> QColor:
    r, g, b = (int(v) for v in s.split(","))
    return QColor(r, g, b)


def build(list_path: str, out_path: str) -> None:
    lines = [ln for ln in open(list_path, encoding="utf-8").read().split("\n") if ln]
    fonts: dict[str, str] = {}
    meta: dict[str, str] = {}
    writer = painter = None
    cache: dict[tuple[str, float], QFont] = {}
    for line in lines:
        f = line.split("\t")
        op = f[0]
        if op == "F":
            fid = QFontDatabase.addApplicationFont(f[2])
            fonts[f[1]] = QFontDatabase.applicationFontFamilies(fid)[0]
            continue
        if op == "M":
            meta[f[1]] = f[2]
            continue
        if op == "P":
            w, h = float(f[1]), float(f[2])
            if writer is None:
                writer = QPdfWriter(out_path)
                writer.setResolution(DPI)
                writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4) if abs(w - 210) < 1 and abs(h - 297) < 1
                                   else QPageSize(QRectF(0, 0, w, h).size(), QPageSize.Unit.Millimeter))
                writer.setPageMargins(QMarginsF(0, 0, 0, 0))
                writer.setCreator(meta.get("creator", ""))
                writer.setTitle(meta.get("title", ""))
                painter = QPainter(writer)
            else:
                writer.newPage()
            continue
        assert painter is not None
        if op == "T":
            font_name, size, col, align, x, y = f[1:7]
            text = "\t".join(f[7:])
            key = (font_name, float(size))
            if key not in cache:
                qf = QFont(fonts[font_name])
                qf.setPointSizeF(float(size))
                qf.setKerning(True)
                # ligature glyphs lose their text in Qt's ToUnicode: draw without shaping
                qf.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
                cache[key] = qf
            painter.setFont(cache[key])
            painter.setPen(QPen(rgb(col)))
            px, py = float(x) * MM, float(y) * MM
            if align in "rc":
                adv = QFontMetricsF(cache[key], writer).horizontalAdvance(text)
                px -= adv if align == "r" else adv / 2
            painter.drawText(QPointF(px, py), text)
            continue
        if op == "L":
            x1, y1, x2, y2, w, col = f[1:7]
            painter.setPen(QPen(rgb(col), float(w) * MM))
            painter.drawLine(QPointF(float(x1) * MM, float(y1) * MM), QPointF(float(x2) * MM, float(y2) * MM))
            continue
        if op == "R":
            x, y, w, h, lw, sc, fc = f[1:8]
            painter.setPen(Qt.PenStyle.NoPen if sc == "-" else QPen(rgb(sc), float(lw) * MM))
            painter.setBrush(Qt.BrushStyle.NoBrush if fc == "-" else QBrush(rgb(fc)))
            painter.drawRect(QRectF(float(x) * MM, float(y) * MM, float(w) * MM, float(h) * MM))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            continue
        if op == "S":
            w, col, pts = f[1:4]
            pen = QPen(rgb(col), float(w) * MM)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            path = QPainterPath()
            for i, p in enumerate(pts.split(";")):
                a, b = (float(v) * MM for v in p.split(","))
                path.moveTo(a, b) if i == 0 else path.lineTo(a, b)
            painter.drawPath(path)
            continue
    assert painter is not None
    painter.end()
    del painter, writer
    # Qt stamps the wall clock: replace it by the fixed date (same length, offsets unchanged).
    data = open(out_path, "rb").read()
    fixed = meta.get("pdfdate", "20261207090000")
    data = re.sub(rb"\(D:\d{14}", b"(D:" + fixed.encode(), data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", b"2026-12-07T09:00:00", data)  # XMP dates
    seed = meta.get("id", "0" * 32).lower().encode()
    data = re.sub(rb"uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                  b"uuid:" + seed[:8] + b"-" + seed[8:12] + b"-" + seed[12:16] + b"-" + seed[16:20] + b"-" + seed[20:32],
                  data)
    data = re.sub(rb"/ID \[\s*<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*\]",
                  lambda m: re.sub(rb"<([0-9a-fA-F]+)>",
                                   lambda h: b"<" + (seed * 8)[: len(h.group(1))] + b">", m.group(0)), data)
    open(out_path, "wb").write(data)


def main() -> None:
    # PySide6 6.12 on CPython 3.11 drops a reference to None on some calls returning None;
    # holding extra references keeps None alive for the whole batch.
    global _NONES
    _NONES = [None] * 5_000_000
    app = QGuiApplication(sys.argv[:1])  # noqa: F841
    for job in open(sys.argv[1], encoding="utf-8").read().split("\n"):
        if job:
            a, b = job.split("\t")
            build(a, b)


if __name__ == "__main__":
    main()
