"""Scans: a text PDF rendered to grey pages with poppler's pdftoppm, marked (stamp, pen
scribble, handwritten note) and degraded with ImageMagick only, then written as JPEG, PNG,
G4 TIFF or an image-only PDF (JPEG pages wrapped by hand, no text layer).

Profiles: office, skew, photocopy, fax, phone. Every ImageMagick call that draws noise gets
`-seed`, so one run is reproducible on the same ImageMagick build.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

FONT_HAND = "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf"
FONT_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONT_STAMP = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"

MONTHS_ABBR = [
    "JAN.",
    "FÉV.",
    "MARS",
    "AVR.",
    "MAI",
    "JUIN",
    "JUIL.",
    "AOÛT",
    "SEPT.",
    "OCT.",
    "NOV.",
    "DÉC.",
]


def run(args: list[str]) -> str:
    res = subprocess.run(args, check=True, capture_output=True, text=True)
    return res.stdout


def size_of(img: Path) -> tuple[int, int]:
    w, h = run(["identify", "-format", "%w %h\n", str(img)]).split("\n")[0].split()
    return int(w), int(h)


# ---- where the number is printed -----------------------------------------------------------


def _lines(obj):
    if isinstance(obj, LTTextLine):
        yield obj
    elif isinstance(obj, LTTextContainer) or hasattr(obj, "__iter__"):
        for child in obj:
            yield from _lines(child)


def number_boxes(pdf: Path, needle: str, dpi: int) -> list[tuple[int, int, int, int]]:
    """Pixel boxes (x0, y0, x1, y1, top-left origin) of every occurrence of needle on page 1."""
    boxes = []
    for page in extract_pages(str(pdf), maxpages=1):
        height = page.bbox[3]
        scale = dpi / 72.0
        for line in _lines(page):
            text, chars = "", []
            for ch in line:
                t = ch.get_text()
                text += t
                chars.extend([ch if isinstance(ch, LTChar) else None] * len(t))
            start = text.find(needle)
            while start >= 0:
                sel = [c for c in chars[start : start + len(needle)] if c is not None]
                if sel:
                    x0 = min(c.x0 for c in sel)
                    x1 = max(c.x1 for c in sel)
                    y0 = min(c.y0 for c in sel)
                    y1 = max(c.y1 for c in sel)
                    boxes.append(
                        (
                            int(x0 * scale),
                            int((height - y1) * scale),
                            int(x1 * scale),
                            int((height - y0) * scale),
                        )
                    )
                start = text.find(needle, start + 1)
    return boxes


# ---- marks ----------------------------------------------------------------------------------


def _free(rect, boxes, margin: int) -> bool:
    x0, y0, x1, y1 = rect
    for bx0, by0, bx1, by1 in boxes:
        if x0 < bx1 + margin and x1 > bx0 - margin and y0 < by1 + margin and y1 > by0 - margin:
            return False
    return True


def keep_clear(box: tuple[int, int, int, int], dpi: int) -> tuple[int, int, int, int]:
    """The number and where its keyword usually is: on its left, or just above it."""
    x0, y0, x1, y1 = box
    return (x0 - int(2.2 * dpi), y0 - int(0.35 * dpi), x1 + int(0.1 * dpi), y1 + int(0.1 * dpi))


def _place(
    w: int, h: int, page_w: int, page_h: int, anchor, avoid, rng: random.Random, dpi: int
) -> tuple[int, int]:
    """A spot near the number (anchor) that touches none of the avoid boxes."""
    gap = int(0.18 * dpi)
    if anchor:
        bx0, by0, bx1, by1 = anchor
        cands = [
            (bx1 + gap, (by0 + by1) // 2 - h // 2 + rng.randint(-gap, gap)),
            (bx0 + rng.randint(-gap, gap), by1 + gap),
            (bx0 + rng.randint(-gap, gap), by0 - h - int(0.45 * dpi)),
            (bx1 - w, by1 + gap),
            (bx1 + gap, by1 + gap),
            (bx1 - w, by0 - h - int(0.45 * dpi)),
        ]
        rng.shuffle(cands)
        for x, y in cands:
            x = max(int(0.2 * dpi), min(x, page_w - w - int(0.2 * dpi)))
            y = max(int(0.2 * dpi), min(y, page_h - h - int(0.2 * dpi)))
            if _free((x, y, x + w, y + h), avoid, int(0.06 * dpi)):
                return x, y
    return page_w - w - int(0.8 * dpi), page_h - h - int(1.5 * dpi)


def _stamp(work: Path, rng: random.Random, dpi: int, date: tuple[int, int, int]) -> Path:
    w, h = int(2.0 * dpi), int(0.85 * dpi)
    fs = int(0.16 * dpi)
    top = rng.choice(["REÇU LE", "ENREGISTRÉ LE", "ARRIVÉ LE", "SERVICE ADV"])
    mid = f"{date[2]:02d} {MONTHS_ABBR[date[1] - 1]} {date[0]}"
    bottom = rng.choice(["NORMAPRO", "COURRIER", "ADV – NORMAPRO", ""])
    out = work / "stamp.png"
    grey = rng.choice(["gray20", "gray30", "gray38"])
    args = [
        "convert",
        "-size",
        f"{w}x{h}",
        "xc:none",
        "-stroke",
        grey,
        "-strokewidth",
        str(max(2, dpi // 70)),
        "-fill",
        "none",
        "-draw",
        f"roundrectangle 4,4 {w - 5},{h - 5} {dpi // 12},{dpi // 12}",
        "-stroke",
        "none",
        "-fill",
        grey,
        "-font",
        FONT_STAMP,
        "-pointsize",
        str(int(fs * 0.75)),
        "-gravity",
        "north",
        "-annotate",
        f"+0+{int(0.08 * dpi)}",
        top,
        "-pointsize",
        str(int(fs * 1.05)),
        "-gravity",
        "center",
        "-annotate",
        "+0+0",
        mid,
        "-pointsize",
        str(int(fs * 0.7)),
        "-gravity",
        "south",
        "-annotate",
        f"+0+{int(0.07 * dpi)}",
        bottom,
        "-background",
        "none",
        "-rotate",
        f"{rng.uniform(-14, 14):.1f}",
        "+repage",
        "-channel",
        "A",
        "-evaluate",
        "multiply",
        f"{rng.uniform(0.7, 0.9):.2f}",
        "+channel",
        str(out),
    ]
    run(args)
    return out


def _scribble(work: Path, rng: random.Random, dpi: int) -> Path:
    w, h = int(rng.uniform(1.2, 2.0) * dpi), int(rng.uniform(0.35, 0.6) * dpi)
    pts = []
    x = 6
    y = h // 2
    path = f"M {x},{y}"
    while x < w - 20:
        nx = min(w - 8, x + rng.randint(dpi // 6, dpi // 3))
        c1 = (x + rng.randint(5, 40), rng.randint(4, h - 4))
        c2 = (nx - rng.randint(5, 40), rng.randint(4, h - 4))
        ny = rng.randint(h // 4, 3 * h // 4)
        path += f" C {c1[0]},{c1[1]} {c2[0]},{c2[1]} {nx},{ny}"
        pts.append((nx, ny))
        x = nx
    out = work / "scribble.png"
    run(
        [
            "convert",
            "-size",
            f"{w}x{h}",
            "xc:none",
            "-stroke",
            rng.choice(["gray15", "gray25"]),
            "-strokewidth",
            str(max(2, dpi // 80)),
            "-fill",
            "none",
            "-draw",
            f"path '{path}'",
            "-background",
            "none",
            "-rotate",
            f"{rng.uniform(-8, 8):.1f}",
            "+repage",
            str(out),
        ]
    )
    return out


def _note(work: Path, rng: random.Random, dpi: int, date: tuple[int, int, int]) -> Path:
    text = rng.choice(
        [
            f"OK {rng.choice(['JM', 'SL', 'PB', 'CD'])}",
            f"saisi le {date[2]}/{date[1]}",
            "urgent !",
            f"vu {rng.choice(['Marc', 'Céline', 'Yann'])}",
            "livrer mardi",
            "appeler client",
        ]
    )
    out = work / "note.png"
    run(
        [
            "convert",
            "-background",
            "none",
            "-fill",
            rng.choice(["gray10", "gray20"]),
            "-font",
            FONT_HAND,
            "-pointsize",
            str(int(0.28 * dpi)),
            f"label:{text}",
            "-rotate",
            f"{rng.uniform(-9, 5):.1f}",
            "+repage",
            str(out),
        ]
    )
    return out


def add_marks(page: Path, marks: list[str], boxes, rng: random.Random, dpi: int, date) -> None:
    pw, ph = size_of(page)
    anchor = boxes[0] if boxes else None
    placed = [keep_clear(b, dpi) for b in boxes]
    for mark in marks:
        work = page.parent
        img = {"stamp": _stamp, "scribble": _scribble, "note": _note}[mark]
        made = img(work, rng, dpi, date) if mark != "scribble" else img(work, rng, dpi)
        w, h = size_of(made)
        x, y = _place(w, h, pw, ph, anchor, placed, rng, dpi)
        run(
            [
                "convert",
                str(page),
                str(made),
                "-geometry",
                f"+{x}+{y}",
                "-compose",
                "over",
                "-composite",
                "-colorspace",
                "Gray",
                str(page),
            ]
        )
        placed.append((x, y, x + w, y + h))


# ---- profiles -------------------------------------------------------------------------------


def rasterize(pdf: Path, dpi: int, work: Path) -> list[Path]:
    prefix = work / "pg"
    run(["pdftoppm", "-gray", "-png", "-r", str(dpi), str(pdf), str(prefix)])
    return sorted(work.glob("pg*.png"))


def degrade(
    page: Path, profile: str, rng: random.Random, dpi: int, fax_header: str = ""
) -> tuple[Path, float]:
    """The degraded page and its resolution (a phone photo is resized)."""
    eff = float(dpi)
    seed = str(rng.randint(1, 10**6))
    out = page.with_name(page.stem + "_d.png")
    w, h = size_of(page)
    if profile == "office":
        run(
            [
                "convert",
                str(page),
                "-seed",
                seed,
                "-blur",
                "0x0.45",
                "-attenuate",
                "0.1",
                "+noise",
                "Gaussian",
                "-level",
                "4%,96%",
                "-colorspace",
                "Gray",
                str(out),
            ]
        )
    elif profile == "skew":
        angle = rng.choice([-1, 1]) * rng.uniform(0.6, 3.0)
        run(
            [
                "convert",
                str(page),
                "-seed",
                seed,
                "-background",
                "white",
                "-rotate",
                f"{angle:.2f}",
                "-gravity",
                "center",
                "-extent",
                f"{w}x{h}",
                "+repage",
                "-blur",
                "0x0.6",
                "-attenuate",
                "0.25",
                "+noise",
                "Gaussian",
                "-level",
                "6%,95%",
                "-colorspace",
                "Gray",
                str(out),
            ]
        )
    elif profile == "photocopy":
        angle = rng.uniform(-1.2, 1.2)
        edge = int(rng.uniform(0.25, 0.6) * dpi)
        run(
            [
                "convert",
                str(page),
                "-seed",
                seed,
                "-background",
                "white",
                "-rotate",
                f"{angle:.2f}",
                "-gravity",
                "center",
                "-extent",
                f"{w}x{h}",
                "+repage",
                "-blur",
                "0x0.7",
                "+level",
                f"{rng.randint(6, 14)}%,{rng.randint(78, 88)}%",
                "(",
                "+clone",
                "-sparse-color",
                "Barycentric",
                f"0,0 gray({rng.randint(25, 50)}%) {edge},0 gray(100%)",
                ")",
                "-compose",
                "Multiply",
                "-composite",
                "-attenuate",
                "0.05",
                "+noise",
                "Impulse",
                "-attenuate",
                "0.18",
                "+noise",
                "Gaussian",
                "-colorspace",
                "Gray",
                str(out),
            ]
        )
    elif profile == "fax":
        angle = rng.uniform(-1.5, 1.5)
        args = [
            "convert",
            str(page),
            "-seed",
            seed,
            "-background",
            "white",
            "-rotate",
            f"{angle:.2f}",
            "-gravity",
            "center",
            "-extent",
            f"{w}x{h}",
            "+repage",
        ]
        if fax_header:
            args += [
                "-gravity",
                "NorthWest",
                "-font",
                FONT_MONO,
                "-pointsize",
                str(int(0.12 * dpi)),
                "-fill",
                "black",
                "-annotate",
                f"+{dpi // 5}+{dpi // 12}",
                fax_header,
            ]
        args += [
            "-blur",
            "0x0.8",
            "-attenuate",
            "0.012",
            "+noise",
            "Impulse",
            "-threshold",
            f"{rng.randint(52, 62)}%",
            "-colorspace",
            "Gray",
            str(out),
        ]
        run(args)
    elif profile == "phone":
        border = int(0.45 * dpi)
        W, H = w + 2 * border, h + 2 * border
        j = lambda k: rng.randint(int(0.02 * dpi * k), int(0.12 * dpi * k))  # noqa: E731
        persp = (
            f"0,0 {j(1)},{j(1)}  {W},0 {W - j(1)},{j(2)}  "
            f"0,{H} {j(3)},{H - j(1)}  {W},{H} {W - j(2)},{H - j(3)}"
        )
        lo, hi = rng.randint(55, 72), rng.randint(92, 100)
        pct = rng.randint(78, 90)
        eff = dpi * pct / 100
        corner = rng.choice([("0,0", f"{W},{H}"), (f"{W},0", f"0,{H}"), (f"0,{H}", f"{W},0")])
        run(
            [
                "convert",
                str(page),
                "-seed",
                seed,
                "-bordercolor",
                rng.choice(["gray30", "gray40", "gray22"]),
                "-border",
                f"{border}x{border}",
                "-virtual-pixel",
                "edge",
                "-distort",
                "Perspective",
                persp,
                "(",
                "+clone",
                "-sparse-color",
                "Barycentric",
                f"{corner[0]} gray({hi}%) {corner[1]} gray({lo}%)",
                ")",
                "-compose",
                "Multiply",
                "-composite",
                "-blur",
                f"0x{rng.uniform(0.9, 1.5):.2f}",
                "-attenuate",
                "0.45",
                "+noise",
                "Gaussian",
                "-resize",
                f"{pct}%",
                "-colorspace",
                "Gray",
                str(out),
            ]
        )
    else:
        raise ValueError(profile)
    return out, eff


# ---- writers --------------------------------------------------------------------------------


def _jpeg_dims(data: bytes) -> tuple[int, int, int]:
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        seg = int.from_bytes(data[i + 2 : i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            h = int.from_bytes(data[i + 5 : i + 7], "big")
            w = int.from_bytes(data[i + 7 : i + 9], "big")
            return w, h, data[i + 9]
        i += 2 + seg
    raise ValueError("no SOF")


def image_pdf(jpegs: list[bytes], dpi: float) -> bytes:
    """An image-only PDF, one JPEG page each, no text layer (DCTDecode streams)."""
    objs: list[bytes] = []
    n = len(jpegs)
    kids = " ".join(f"{3 + 3 * k} 0 R" for k in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for k, data in enumerate(jpegs):
        w, h, comps = _jpeg_dims(data)
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        page_no, img_no, cont_no = 3 + 3 * k, 4 + 3 * k, 5 + 3 * k
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
            f"/Resources << /XObject << /Im{k} {img_no} 0 R >> >> /Contents {cont_no} 0 R >>".encode()
        )
        cs = "/DeviceGray" if comps == 1 else "/DeviceRGB"
        objs.append(
            f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace {cs} /BitsPerComponent 8 "
            f"/Filter /DCTDecode /Length {len(data)} >>\nstream\n".encode()
            + data
            + b"\nendstream"
        )
        content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im{k} Do Q".encode()
        objs.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
        _ = page_no
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write(
    pages: list[Path], fmt: str, dest: Path, dpi: float, quality: int, fax_half: bool = False
) -> None:
    dpi_i = round(dpi)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jpg":
        run(
            [
                "convert",
                str(pages[0]),
                "-strip",
                "-density",
                str(dpi_i),
                "-units",
                "PixelsPerInch",
                "-quality",
                str(quality),
                "-sampling-factor",
                "1x1",
                f"jpg:{dest}",
            ]
        )
    elif fmt == "png":
        run(
            [
                "convert",
                str(pages[0]),
                "-strip",
                "-density",
                str(dpi_i),
                "-units",
                "PixelsPerInch",
                "-posterize",
                "16",
                "-define",
                "png:compression-level=9",
                f"png:{dest}",
            ]
        )
    elif fmt == "tif":
        args = ["convert", *map(str, pages)]
        if fax_half:
            args += [
                "-resize",
                "100%x50%!",
                "-threshold",
                "50%",
                "-density",
                f"{dpi_i}x{dpi_i // 2}",
            ]
        else:
            args += ["-density", str(dpi_i)]
        run(
            [
                *args,
                "-units",
                "PixelsPerInch",
                "-strip",
                "-type",
                "bilevel",
                "-compress",
                "Group4",
                f"tiff:{dest}",
            ]
        )
    elif fmt == "pdf":
        jpegs = []
        for k, p in enumerate(pages):
            tmp = p.with_name(f"page{k}.jpg")
            run(
                [
                    "convert",
                    str(p),
                    "-strip",
                    "-quality",
                    str(quality),
                    "-sampling-factor",
                    "1x1",
                    "-colorspace",
                    "Gray",
                    "-type",
                    "Grayscale",
                    f"jpg:{tmp}",
                ]
            )
            jpegs.append(tmp.read_bytes())
        dest.write_bytes(image_pdf(jpegs, dpi))
    else:
        raise ValueError(fmt)
