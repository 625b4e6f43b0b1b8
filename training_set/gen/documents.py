"""The document half of the corpus: which documents exist, how each is drawn and saved.

``plan()`` lists every document with its family, format and seed; ``draw()`` prints it
(cheap: this is also how labels are computed, from what was actually printed);
``files()`` turns a drawing into the bytes written to disk (text PDF, Order-X PDF, or a
scan as image-only PDF, JPEG, PNG, TIFF, mixed PDF) plus the scan's ground-truth text.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass

from . import layouts_po as A
from . import layouts_po2 as B
from . import numbers, orderx, others, parties, scan
from .blocks import Ctx
from .pen import Pen

SEED = "orderintake-corpus-v1"

# family -> (draw function, customer sectors, order-number prefix styles, text count, scan count)
PO_FAMILIES: dict[str, tuple[Callable[[Ctx], None], list[str], list[str], int, int]] = {
    "header-box": (
        A.draw_header_box,
        ["company", "company", "public", "small"],
        ["CF", "BC", "BDC", "CDA", "CO", "CDE", "CA", "none", "mixed"],
        16,
        9,
    ),
    "label-value": (
        A.draw_label_value,
        ["company", "company", "small", "public"],
        ["CF", "BC", "BDC", "4000", "ZINV", "CDA", "CO", "CDE", "CA", "PO", "none", "mixed"],
        18,
        9,
    ),
    "table-header": (
        A.draw_table_header,
        ["company", "public"],
        ["CF", "BC", "BDC", "4500", "4000", "CO", "CDE", "none", "mixed"],
        16,
        8,
    ),
    "public-ej": (
        A.draw_public_ej,
        ["public"],
        ["EJ-digits", "EJ-digits", "EJ-digits", "EJ"],
        14,
        8,
    ),
    "cnrs-l": (A.draw_cnrs, ["cnrs"], ["L"], 16, 8),
    "sap-4500": (
        A.draw_sap,
        ["company", "company", "english"],
        ["4500", "4500", "4500", "4000"],
        16,
        8,
    ),
    "multipage": (
        B.draw_multipage,
        ["company", "public"],
        ["CF", "BC", "4500", "CDE", "PO", "none"],
        12,
        6,
    ),
    "small-prose": (
        B.draw_small_prose,
        ["small"],
        ["none", "none", "CDE", "BC", "CF", "mixed"],
        16,
        10,
    ),
    "english-po": (
        B.draw_english_po,
        ["english"],
        ["PO", "PO", "P.O.", "none", "4500", "ZINV"],
        14,
        6,
    ),
    "two-column": (
        B.draw_two_column,
        ["company", "small", "public"],
        ["CF", "BC", "BDC", "CDA", "CO", "CDE", "CA", "PO", "none", "mixed"],
        14,
        8,
    ),
    "below-label": (
        B.draw_below_label,
        ["company", "public"],
        ["CF", "BC", "BDC", "CDE", "CA", "4500", "none", "mixed"],
        14,
        8,
    ),
}
# family -> (issued kind(s), text count, scan count): our own documents, no order number
ISSUED_FAMILIES = {
    "quote": (["quote"], 8, 3),
    "invoice": (["invoice", "invoice", "credit"], 8, 3),
    "delivery-note": (["delivery"], 6, 3),
    "order-ack": (["ack"], 6, 2),
}
N_ORDERX, N_ORDERX_CHANGES, N_BPA, N_MIXED = 6, 2, 8, 8


@dataclass(frozen=True)
class DocItem:
    """One document of the corpus. ``fmt``: text | orderx | pdf | jpg | jpg-exif | png | tif | mixed."""

    path: str
    family: str
    recipe: str  # po | issued | orderx | bpa | mixed
    fmt: str
    seed: str
    kind: str  # value of the labels' kind column
    category: str  # what mails may attach: po-text, po-scan, orderx, bpa, quote, invoice, credit, delivery


@dataclass(frozen=True)
class Drawn:
    """A drawn document: its typed PDF, printed lines per page, and the labels read back."""

    pdf: bytes
    truth: list[list[str]]
    order_number: str
    vat: str
    siret: str
    change: bool = False
    ctx: Ctx | None = None


def _scan_fmt(rng: random.Random) -> str:
    return rng.choices(["pdf", "jpg", "jpg-exif", "png", "tif"], weights=[35, 27, 4, 12, 22])[0]


EXT = {
    "pdf": "pdf",
    "jpg": "jpg",
    "jpg-exif": "jpg",
    "png": "png",
    "tif": "tif",
    "text": "pdf",
    "orderx": "pdf",
    "mixed": "pdf",
}


def plan() -> list[DocItem]:
    items: list[DocItem] = []

    def add(
        family: str,
        recipe: str,
        stem: str,
        i: int,
        fmt: str | None,
        category: str,
        multipage: bool = False,
    ) -> None:
        seed = f"{SEED}/{family}/{stem}-{i:03d}"
        if fmt is None and multipage:
            fmt = "tif" if i % 3 == 2 else "pdf"  # multi-page TIFFs and image-only PDFs
        elif fmt is None:
            fmt = _scan_fmt(random.Random(seed + "/fmt"))
        kind = "pdf-text" if fmt in ("text", "orderx") else "scan"
        name = f"{stem}-{i:03d}.{EXT[fmt]}"
        items.append(
            DocItem(f"documents/{family}/{name}", family, recipe, fmt, seed, kind, category)
        )

    for family, (_fn, _s, _p, n_text, n_scan) in PO_FAMILIES.items():
        for i in range(1, n_text + 1):
            add(family, "po", "po", i, "text", "po-text")
        for i in range(1, n_scan + 1):
            add(family, "po", "scan", i, None, "po-scan", multipage=family == "multipage")
    for family, (kinds, n_text, n_scan) in ISSUED_FAMILIES.items():
        for i in range(1, n_text + 1):
            add(family, "issued", "doc", i, "text", kinds[(i - 1) % len(kinds)])
        for i in range(1, n_scan + 1):
            add(family, "issued", "scan", i, None, "scan-" + kinds[(i - 1) % len(kinds)])
    for i in range(1, N_ORDERX + 1):
        add("orderx", "orderx", "orderx", i, "orderx", "orderx")
    for i in range(1, N_BPA + 1):
        add("bon-pour-accord", "bpa", "scan", i, None, "bpa")
    for i in range(1, N_MIXED + 1):
        add("mixed", "mixed", "mixed", i, "mixed", "po-scan")
    return items


def _prefix_number(
    rng: random.Random, style: str, ctx_customer: parties.Party
) -> numbers.OrderNumber:
    if style == "L":
        unit = ctx_customer.name.rsplit("(", 1)[-1].rstrip(")")
        return numbers.cnrs_number(rng, unit)
    if style == "EJ-digits":
        return numbers.OrderNumber(numbers.ej_number(rng))
    return numbers.order_number(rng, style)


def _issued_kind(item: DocItem) -> str:
    kinds = ISSUED_FAMILIES[item.family][0]
    return kinds[(int(item.path[-7:-4]) - 1) % len(kinds)]


def draw(item: DocItem) -> Drawn:
    """Print the document; the labels are read back from what was printed."""
    rng = random.Random(item.seed)
    pen = Pen.pick(rng)
    change = False
    if item.recipe in ("po", "mixed", "orderx"):
        family = (
            item.family
            if item.recipe == "po"
            else rng.choice(
                [
                    "header-box",
                    "label-value",
                    "table-header",
                    "two-column",
                    "below-label",
                    "sap-4500",
                ]
            )
        )
        fn, sectors, styles, _t, _s = PO_FAMILIES[family]
        customer = parties.customer(rng, rng.choice(sectors))
        order = _prefix_number(rng, rng.choice(styles), customer)
        if item.recipe == "orderx":
            order = numbers.OrderNumber(order.label)  # the XML ID is the bare number
        ctx = Ctx.make(rng, pen, customer, order, english=customer.sector == "english")
        fn(ctx)
        if item.recipe == "mixed":
            pen.new_page()
            others.draw_signature_page(ctx)
        change = item.recipe == "orderx" and int(item.path[-7:-4]) > N_ORDERX - N_ORDERX_CHANGES
    else:
        customer = parties.customer(
            rng, rng.choice(["company", "company", "public", "cnrs", "small"])
        )
        ctx = Ctx.make(rng, pen, customer, None)
        kind = "quote" if item.recipe == "bpa" else _issued_kind(item)
        box = others.draw_issued(ctx, kind)
        if item.recipe == "bpa":
            others.bon_pour_accord(ctx, box)
    pdf = pen.finish()
    printed = "".join(s for _p, _y, _x, s in pen.lines).replace(" ", "")
    c = ctx.customer
    vat = c.vat if c.vat_ok and c.vat in printed else ""
    siret = c.siret if c.siret_ok and c.siret in printed else ""
    return Drawn(
        pdf, pen.truth_pages(), ctx.order.label if ctx.order else "", vat, siret, change, ctx
    )


def _int_seed(seed: str) -> int:
    return int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16)


def files(item: DocItem, drawn: Drawn) -> dict[str, bytes]:
    """Relative path -> bytes for the document (and its truth text when it is a scan)."""
    if item.fmt == "text":
        return {item.path: drawn.pdf}
    if item.fmt == "orderx":
        assert drawn.ctx is not None
        xml = orderx.order_xml(drawn.ctx, change=drawn.change)
        return {item.path: orderx.embed(drawn.pdf, xml, change=drawn.change)}
    rng = random.Random(item.seed + "/scan")
    d = scan.choose(rng, dpi=200 if item.fmt in ("png", "tif") else None)
    if item.fmt == "png":
        d = scan.Degradation(d.dpi, d.angle, d.blur, min(d.noise, 3.0), d.specks, d.contrast, None)
    n_pages = len(drawn.truth)
    wanted = [n_pages - 1] if item.fmt == "mixed" else list(range(n_pages))
    pages = [
        scan.degrade(img, d, _int_seed(item.seed) + i)
        for i, img in zip(wanted, scan.render(drawn.pdf, d.dpi, wanted), strict=True)
    ]
    if item.fmt == "mixed":
        data = scan.mixed_pdf(drawn.pdf, pages[0], d.dpi, list(range(n_pages - 1)))
    elif item.fmt == "pdf":
        data = scan.to_pdf(pages, d.dpi)
    elif item.fmt in ("jpg", "jpg-exif"):
        data = scan.to_jpeg(
            pages[0], d.dpi, d.jpeg_quality or 80, exif_rotated=item.fmt == "jpg-exif"
        )
    elif item.fmt == "png":
        data = scan.to_png(pages[0], d.dpi)
    else:
        data = scan.to_tiff(pages, d.dpi, fax=rng.random() < 0.7)
    truth = "\f".join("".join(line + "\n" for line in page) for page in drawn.truth)
    return {item.path: data, f"truth/{item.path}.txt": truth.encode("utf-8")}
