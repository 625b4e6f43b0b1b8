"""The document record shared by the family builders and the generator, and HTML helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

from h2_data import Party, esc


@dataclass
class Doc:
    family: str
    engine: str  # "html" (Chromium) or "fodt" (LibreOffice)
    source: str  # the HTML or flat-ODT text
    order_number: str = ""  # the label ("" for negatives)
    printed: str = ""  # the number as printed (with its suffix), used to keep stamps off it
    customer: Party | None = None  # whose VAT/SIRET are labelled
    name: str = ""
    scan: str | None = None  # scan profile, None for a text PDF
    marks: list[str] = field(default_factory=list)  # "stamp", "scribble", "note"
    pages: int = 1
    date: tuple[int, int, int] | None = None  # the document's date (a stamp comes later)

    @property
    def vat(self) -> str:
        return self.customer.vat_label if self.customer else ""

    @property
    def siret(self) -> str:
        return self.customer.siret_label if self.customer else ""


def dated(doc: Doc, t: tuple[int, int, int]) -> Doc:
    doc.date = t
    return doc


def html_page(css: str, body: str, size: str = "A4", margin: str = "12mm") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<style>@page {{ size: {size}; margin: {margin}; }}\n"
        "html, body { margin: 0; padding: 0; -webkit-print-color-adjust: exact; "
        "print-color-adjust: exact; }\n"
        f"{css}</style></head><body>\n{body}\n</body></html>\n"
    )


def lines_html(p: Party, sep: str = "<br>") -> str:
    return sep.join(esc(x) for x in p.addr_lines())


def ids_html(
    p: Party, *, vat_label: str = "N° TVA intracom. :", siret_label: str = "SIRET :"
) -> list[str]:
    out = []
    if p.siret_txt:
        out.append(f"{siret_label} {esc(p.siret_txt)}")
    if p.vat_txt:
        out.append(f"{vat_label} {esc(p.vat_txt)}")
    return out


def table(rows: list[list[str]], cls: str = "", header: bool = True) -> str:
    out = [f'<table class="{cls}">']
    for i, row in enumerate(rows):
        tag = "th" if header and i == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)
