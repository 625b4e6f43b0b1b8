"""A minimal flat-ODT (.fodt) writer: paragraphs, spans, tables, a page footer.

Enough for the Word-like order forms and letters small companies and town halls send;
LibreOffice converts the result to PDF.
"""

from __future__ import annotations

import re

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)

FONTS = [
    "Liberation Serif",
    "Liberation Sans",
    "Liberation Sans Narrow",
    "DejaVu Sans",
    "DejaVu Serif",
    "Nimbus Roman",
    "Nimbus Sans",
    "URW Bookman",
    "C059",
    "P052",
    "Liberation Mono",
    "Z003",
]


def _xml(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _txt(s: str) -> str:
    """Escape, and write tabs, line breaks and runs of spaces the ODF way."""
    out = []
    for k, line in enumerate(s.split("\n")):
        if k:
            out.append("<text:line-break/>")
        parts = line.split("\t")
        for j, part in enumerate(parts):
            if j:
                out.append("<text:tab/>")
            part = _xml(part)
            part = re.sub(r"  +", lambda m: " " + f'<text:s text:c="{len(m.group(0)) - 1}"/>', part)
            if part.startswith(" "):
                part = "<text:s/>" + part[1:]
            out.append(part)
    return "".join(out)


class Fodt:
    def __init__(
        self,
        font: str = "Liberation Serif",
        size: float = 11,
        margins: tuple[float, float, float, float] = (1.8, 2.0, 1.6, 2.0),
        page: tuple[float, float] = (21.0, 29.7),
    ) -> None:
        self.font = font
        self.size = size
        self.margins = margins
        self.page = page
        self.auto: dict[str, str] = {}
        self._keys: dict[tuple, str] = {}
        self.body: list[str] = []
        self.footer: list[str] = []
        self.header: list[str] = []
        self._tables = 0

    # ---- styles
    def _style(self, family: str, props: tuple) -> str:
        key = (family, props)
        if key in self._keys:
            return self._keys[key]
        prefix = {"paragraph": "P", "text": "T", "table-cell": "C"}[family]
        name = f"{prefix}{len(self._keys) + 1}"
        self._keys[key] = name
        d = dict(props)
        tp = []
        if "font" in d:
            tp.append(f'style:font-name="{_xml(d["font"])}"')
        if "size" in d:
            tp.append(f'fo:font-size="{d["size"]}pt"')
        if d.get("bold"):
            tp.append('fo:font-weight="bold"')
        if d.get("italic"):
            tp.append('fo:font-style="italic"')
        if d.get("underline"):
            tp.append(
                'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"'
            )
        if "color" in d:
            tp.append(f'fo:color="{d["color"]}"')
        if "spacing" in d:
            tp.append(f'fo:letter-spacing="{d["spacing"]}cm"')
        if d.get("caps"):
            tp.append('fo:text-transform="uppercase"')
        text_props = f"<style:text-properties {' '.join(tp)}/>" if tp else ""
        if family == "text":
            xml = f'<style:style style:name="{name}" style:family="text">{text_props}</style:style>'
        elif family == "paragraph":
            pp = []
            if "align" in d:
                pp.append(f'fo:text-align="{d["align"]}"')
            pp.append(
                f'fo:margin-top="{d.get("before", 0)}cm" fo:margin-bottom="{d.get("after", 0.15)}cm"'
            )
            if "indent" in d:
                pp.append(f'fo:margin-left="{d["indent"]}cm"')
            if "first" in d:
                pp.append(f'fo:text-indent="{d["first"]}cm"')
            if "border" in d:
                pp.append(f'fo:border="{d["border"]}" fo:padding="0.15cm"')
            if "bottom" in d:
                pp.append(f'fo:border-bottom="{d["bottom"]}" fo:padding-bottom="0.08cm"')
            if "bg" in d:
                pp.append(f'fo:background-color="{d["bg"]}"')
            if "line" in d:
                pp.append(f'fo:line-height="{d["line"]}%"')
            tabs = ""
            if "tabs" in d:
                stops = []
                for pos, right in d["tabs"]:
                    kind = ' style:type="right"' if right else ""
                    stops.append(f'<style:tab-stop style:position="{pos}cm"{kind}/>')
                tabs = "<style:tab-stops>" + "".join(stops) + "</style:tab-stops>"
            xml = (
                f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Standard">'
                f"<style:paragraph-properties {' '.join(pp)}>{tabs}</style:paragraph-properties>{text_props}</style:style>"
            )
        else:  # table-cell
            cp = [f'fo:padding="{d.get("pad", 0.1)}cm"']
            if d.get("cell_border"):
                cp.append(f'fo:border="{d["cell_border"]}"')
            for side in ("top", "bottom", "left", "right"):
                if f"b_{side}" in d:
                    cp.append(f'fo:border-{side}="{d[f"b_{side}"]}"')
            if "cell_bg" in d:
                cp.append(f'fo:background-color="{d["cell_bg"]}"')
            if "valign" in d:
                cp.append(f'style:vertical-align="{d["valign"]}"')
            xml = f'<style:style style:name="{name}" style:family="table-cell"><style:table-cell-properties {" ".join(cp)}/></style:style>'
        self.auto[name] = xml
        return name

    def ps(self, **kw) -> str:
        if "tabs" in kw:
            kw["tabs"] = tuple(tuple(x) for x in kw["tabs"])
        return self._style("paragraph", tuple(sorted(kw.items())))

    def ts(self, **kw) -> str:
        return self._style("text", tuple(sorted(kw.items())))

    def cs(self, **kw) -> str:
        return self._style("table-cell", tuple(sorted(kw.items())))

    # ---- content
    def para(self, content, **kw) -> str:
        """content: a string, or a list of strings and (text, {span style}) pairs."""
        style = self.ps(**kw)
        if isinstance(content, str):
            inner = _txt(content)
        else:
            parts = []
            for c in content:
                if isinstance(c, str):
                    parts.append(_txt(c))
                else:
                    text, sk = c
                    parts.append(
                        f'<text:span text:style-name="{self.ts(**sk)}">{_txt(text)}</text:span>'
                    )
            inner = "".join(parts)
        return f'<text:p text:style-name="{style}">{inner}</text:p>'

    def p(self, content, **kw) -> None:
        self.body.append(self.para(content, **kw))

    def foot(self, content, **kw) -> None:
        self.footer.append(self.para(content, **kw))

    def head(self, content, **kw) -> None:
        self.header.append(self.para(content, **kw))

    def table(
        self,
        rows: list[list],
        widths: list[float],
        *,
        border: str | None = "0.5pt solid #000000",
        header_bg: str | None = None,
        size: float | None = None,
        header_bold: bool = True,
        aligns: list[str] | None = None,
        pad: float = 0.08,
        raw_cells: bool = False,
    ) -> str:
        """rows of cells; a cell is a string, a list of paragraph xml (raw_cells) or a dict."""
        self._tables += 1
        tname = f"Tab{self._tables}"
        total = sum(widths)
        self.auto[tname] = (
            f'<style:style style:name="{tname}" style:family="table"><style:table-properties style:width="{total}cm" table:align="left"/></style:style>'
        )
        cols = []
        for k, w in enumerate(widths):
            cname = f"{tname}.{k}"
            self.auto[cname] = (
                f'<style:style style:name="{cname}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>'
            )
            cols.append(f'<table:table-column table:style-name="{cname}"/>')
        out = [f'<table:table table:name="{tname}" table:style-name="{tname}">', *cols]
        for r, row in enumerate(rows):
            out.append("<table:table-row>")
            for k, cell in enumerate(row):
                ckw: dict = {"pad": pad}
                if border:
                    ckw["cell_border"] = border
                if r == 0 and header_bg:
                    ckw["cell_bg"] = header_bg
                pkw: dict = {"after": 0}
                if size:
                    pkw["size"] = size
                if r == 0 and header_bold and header_bg is not None:
                    pkw["bold"] = True
                if aligns:
                    pkw["align"] = aligns[k]
                if isinstance(cell, dict):
                    ckw.update(cell.get("cell", {}))
                    pkw.update(cell.get("p", {}))
                    cell = cell["text"]
                cstyle = self.cs(**ckw)
                if raw_cells and isinstance(cell, list):
                    inner = "".join(cell)
                elif isinstance(cell, list):
                    inner = "".join(self.para(c, **pkw) for c in cell)
                else:
                    inner = self.para(cell, **pkw)
                out.append(
                    f'<table:table-cell table:style-name="{cstyle}" office:value-type="string">{inner}</table:table-cell>'
                )
            out.append("</table:table-row>")
        out.append("</table:table>")
        xml = "".join(out)
        self.body.append(xml)
        return xml

    def render(self) -> str:
        w, h = self.page
        t, r, b, left = self.margins
        fonts = "".join(
            f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;"/>' for f in FONTS
        )
        footer = f"<style:footer>{''.join(self.footer)}</style:footer>" if self.footer else ""
        header = f"<style:header>{''.join(self.header)}</style:header>" if self.header else ""
        orient = "landscape" if w > h else "portrait"
        layout = (
            f'<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{w}cm" fo:page-height="{h}cm" '
            f'style:print-orientation="{orient}" fo:margin-top="{t}cm" fo:margin-right="{r}cm" fo:margin-bottom="{b}cm" fo:margin-left="{left}cm"/>'
            '<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.3cm"/></style:header-style>'
            '<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>'
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:font-face-decls>{fonts}</office:font-face-decls>"
            "<office:styles>"
            '<style:default-style style:family="paragraph"><style:paragraph-properties style:tab-stop-distance="1.25cm"/>'
            f'<style:text-properties style:font-name="{self.font}" fo:font-size="{self.size}pt" fo:language="fr" fo:country="FR"/></style:default-style>'
            '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
            "</office:styles>"
            f"<office:automatic-styles>{layout}{''.join(self.auto.values())}</office:automatic-styles>"
            f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}</style:master-page></office:master-styles>'
            f"<office:body><office:text>{''.join(self.body)}</office:text></office:body></office:document>\n"
        )
