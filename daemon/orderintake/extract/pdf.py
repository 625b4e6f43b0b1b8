"""PDF → pages of words with boxes: the text layer where it is usable, OCR where not.

The PDF is parsed once, by pdfminer.six at character level (``PDFPageAggregator``
without layout analysis: 61 ms/page against 85 ms for ``extract_pages`` with its default
analysis, and our own grouping in :mod:`.lines` is what the rules need anyway). Each page
is then judged on its own: a page whose text layer is missing, too short, or garbage
(``(cid:12)`` runs from a font without a Unicode map, replacement and private-use
characters) is rendered by pdfium straight into a grey array and OCRed, so a typed order
with a scanned signature page comes out as one document with ``pdf-text`` and ``ocr``
pages. pdfium, OpenCV and Tesseract are imported only when a page needs them.

Coordinates: pdfminer's origin is bottom-left; the model's is top-left (``y = H - y``).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from ..errors import IntakeError, PdfError
from ..model import BBox, Line, Page, Word
from .lines import group_lines, split_words
from .options import ExtractOptions

log = logging.getLogger(__name__)
# pdfminer warns about every font descriptor it finds odd ("Could not get FontBBox…", on
# every pdfTeX page with a Type 3 font); the page is read all the same, and what it cannot
# read raises, which we turn into a clerk's message. Its warnings are nobody's business.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

#: A text layer with fewer good characters than this is not trusted on its own.
MIN_GOOD_CHARS = 20
#: Above this share of unmappable characters the text layer is garbage.
MAX_GARBAGE_RATIO = 0.2

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


@dataclass(frozen=True, slots=True)
class TextLayer:
    """What the text layer of one page holds, before deciding whether to trust it."""

    width: float
    height: float
    chars: list[tuple[str, float, float, float, float]]
    good: int
    garbage: int
    has_image: bool
    curves: int
    images: tuple[Any, ...] = ()  # pdfminer LTImage objects, for the direct-decode path

    @property
    def usable(self) -> bool:
        total = self.good + self.garbage
        return self.good >= MIN_GOOD_CHARS and self.garbage <= MAX_GARBAGE_RATIO * total

    @property
    def needs_ocr(self) -> bool:
        """Unusable text, and something drawn that could be text (a scan, outlined text)."""
        return not self.usable and (self.has_image or self.curves > 50 or self.garbage > 0)


def _is_garbage(text: str) -> bool:
    if text.startswith("(cid:") or text == "\ufffd":
        return True
    return any(unicodedata.category(c) in ("Co", "Cc", "Cs", "Cn") for c in text)


def _walk(item: Any, height: float, layer: dict[str, Any]) -> None:
    """Collect characters (top-left boxes) and note images and vector drawings."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

    for child in item:
        if isinstance(child, LTChar):
            text = child.get_text()
            if _is_garbage(text):
                layer["garbage"] += 1
                continue
            text = _LIGATURES.get(text, text)
            if not text.isspace():
                layer["good"] += 1
            layer["chars"].append((text, child.x0, height - child.y1, child.x1, height - child.y0))
        elif isinstance(child, LTImage):
            layer["has_image"] = True
            layer["images"].append(child)
        elif isinstance(child, LTCurve):
            layer["curves"] += 1
        elif isinstance(child, LTContainer):
            _walk(child, height, layer)


def _open(data: bytes) -> tuple[list[Any], bool]:
    """Parse the PDF once: its pages, and whether it declares embedded files."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        doc = PDFDocument(PDFParser(BytesIO(data)), password="")
        pages = list(PDFPage.create_pages(doc))
        names = resolve1(doc.catalog.get("Names")) or {}
        embedded = bool(
            (isinstance(names, dict) and names.get("EmbeddedFiles")) or doc.catalog.get("AF")
        )
    except PDFPasswordIncorrect as exc:
        raise PdfError(
            "the PDF is protected by a password: ask the customer for an unprotected copy"
        ) from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise PdfError(_damaged(data, exc)) from exc
    if not pages:
        raise PdfError(_damaged(data, None))
    return pages, embedded


def _text_layers(data: bytes, pages: list[Any]) -> Iterator[TextLayer | PdfError]:
    """Each page's text layer (or the error that page raised), one page at a time."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=None)
    interpreter = PDFPageInterpreter(rsrc, device)
    for page in pages:
        try:
            interpreter.process_page(page)
            lt = device.get_result()
        except Exception as exc:
            yield PdfError(_damaged(data, exc))
            continue
        layer: dict[str, Any] = {
            "images": [],
            "chars": [],
            "good": 0,
            "garbage": 0,
            "has_image": False,
            "curves": 0,
        }
        _walk(lt, lt.height, layer)
        layer["images"] = tuple(layer["images"])
        yield TextLayer(width=lt.width, height=lt.height, **layer)


def _damaged(data: bytes, exc: Exception | None) -> str:
    if b"%%EOF" not in data[-2048:]:
        return "the PDF is incomplete (truncated: the end of the file is missing)"
    detail = f" ({type(exc).__name__}: {str(exc)[:120]})" if exc is not None else ""
    return f"the PDF is damaged and cannot be read{detail}"


def _text_page(number: int, layer: TextLayer) -> Page:
    words = [
        Word(text, BBox(x0, min(y0, y1), max(x0, x1), max(y0, y1)))
        for text, x0, y0, x1, y1 in split_words(layer.chars)
        if text.strip()
    ]
    lines: tuple[Line, ...] = group_lines(words)
    return Page(
        number=number, width=layer.width, height=layer.height, source="pdf-text", lines=lines
    )


def scanned_jpeg(layer: TextLayer) -> tuple[Any, int, Any] | None:
    """The page's scan decoded straight from its JPEG stream, with its resolution and,
    for a colour JPEG, its colour pixels too (BGR; coloured marks, :mod:`.marks`).

    A scanner's PDF is one JPEG filling the page: decoding it (17 ms at 300 dpi) is far
    cheaper than having pdfium render the page (110 ms) and reads the scan's own pixels
    instead of resampled ones. Anything less plain (several images, a rotation or a
    crop, CMYK, a Decode array, another filter) goes through pdfium.
    """
    if len(layer.images) != 1:
        return None
    from pdfminer.pdftypes import LITERALS_DCT_DECODE, LITERALS_FLATE_DECODE, resolve1

    img = layer.images[0]
    x0, y0, x1, y1 = img.bbox
    bw, bh = x1 - x0, y1 - y0
    if bw < 0.98 * layer.width or bh < 0.98 * layer.height or min(bw, bh) <= 0:
        return None
    stream = img.stream
    filters = stream.get_filters()
    if not filters or filters[-1][0] not in LITERALS_DCT_DECODE:
        return None
    if any(f not in LITERALS_FLATE_DECODE for f, _ in filters[:-1]):
        return None  # pdfminer's ASCII85 decoder is pure Python (0.6 s a page): pdfium is faster
    colorspace = resolve1(stream.get("ColorSpace"))
    name = getattr(colorspace, "name", None)
    if name not in ("DeviceGray", "DeviceRGB") or stream.get("Decode") is not None:
        return None
    w, h = img.srcsize
    if not w or not h or abs((w / h) / (bw / bh) - 1) > 0.02:
        return None  # turned or stretched on the page: let pdfium place it
    import cv2
    import numpy as np

    raw = np.frombuffer(_jpeg_bytes(stream, len(filters)) or b"", dtype=np.uint8)
    flags = cv2.IMREAD_GRAYSCALE | cv2.IMREAD_IGNORE_ORIENTATION
    gray = cv2.imdecode(raw, flags) if raw.size else None
    if gray is None or gray.shape != (h, w):
        return None
    colour = None
    if name == "DeviceRGB":
        colour = cv2.imdecode(raw, cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION)
        if colour is None or colour.shape[:2] != (h, w):
            colour = None
    return gray, round(w / (bw / 72.0)), colour


def _jpeg_bytes(stream: Any, nfilters: int) -> bytes | None:
    """The JPEG bytes of an image stream, or None when pdfminer cannot decode them.

    fpdf2 writes a JPEG with PNG-predictor ``DecodeParms`` (Predictor 15); pdfminer then
    applies the predictor to the JPEG and fails ("Unsupported predictor value: 255")
    where pdfium ignores it. A plain, unencrypted ``DCTDecode`` stream *is* the JPEG, so
    its raw bytes are taken; anything else that fails goes through pdfium.
    """
    try:
        data: bytes | None = stream.get_data()
        return data
    except Exception as exc:
        if nfilters == 1 and stream.decipher is None:
            log.debug("image stream: %s; using the raw JPEG bytes", exc)
            return bytes(stream.rawdata or b"")
        log.debug("image stream: %s; pdfium will render the page", exc)
        return None


class _Renderer:
    """pdfium, opened on first need only; renders one page at a time to a grey array."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.doc: Any = None

    def gray(self, index: int, dpi: int) -> Any:
        import pypdfium2 as pdfium

        if self.doc is None:
            try:
                self.doc = pdfium.PdfDocument(self.data, password="")
            except pdfium.PdfiumError as exc:
                raise PdfError(f"the PDF page images cannot be rendered ({exc})") from exc
        page = self.doc[index]
        try:
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            array = bitmap.to_numpy().copy()
            bitmap.close()
        finally:
            page.close()
        return array

    def colour(self, index: int, dpi: int) -> Any:
        """The page rendered in colour (BGR), for its coloured marks (:mod:`.marks`)."""
        page = self.doc[index]  # gray() opened the document
        try:
            bitmap = page.render(scale=dpi / 72.0, grayscale=False)
            array = bitmap.to_numpy()[:, :, :3].copy()  # BGR, or BGRX: the X dropped
            bitmap.close()
        finally:
            page.close()
        return array

    def close(self) -> None:
        if self.doc is not None:
            self.doc.close()


def _pdfium_only(data: bytes, options: ExtractOptions, error: PdfError) -> tuple[Page, ...]:
    """Every page rendered by pdfium and OCRed: pdfminer could not parse the document.

    Only a PDF that pdfium cannot open either is an error (pdfminer's, which says more).
    """
    import pypdfium2 as pdfium

    from .ocr import ocr_page

    try:
        doc = pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as exc:
        raise error from exc
    try:
        count = len(doc)
    finally:
        doc.close()
    if not count:
        raise error
    log.warning("pdfminer cannot parse the PDF (%s): every page is rendered and OCRed", error)
    renderer = _Renderer(data)
    pages: list[Page] = []
    try:
        for i in range(count):
            try:
                gray = renderer.gray(i, options.dpi)
            except Exception as exc:  # pdfium counted the page but cannot draw it
                raise error from exc
            pages.append(ocr_page(gray, options.dpi, i + 1, options))
    finally:
        renderer.close()
    return tuple(pages)


def _ocr_layer(layer: TextLayer, index: int, renderer: _Renderer, options: ExtractOptions) -> Page:
    from .ocr import ocr_page

    log.debug(
        "page %d: text layer unusable (%d good, %d garbage chars), OCR",
        index + 1,
        layer.good,
        layer.garbage,
    )
    direct = scanned_jpeg(layer)
    if direct is not None:
        gray, dpi, colour = direct
    else:
        gray, dpi = renderer.gray(index, options.dpi), options.dpi
        colour = renderer.colour(index, dpi) if _has_colour(layer) else None
    return ocr_page(gray, dpi, index + 1, options, colour)


def _has_colour(layer: TextLayer) -> bool:
    """Does one of the page's images hold colour (three or four components)?"""
    from pdfminer.pdftypes import resolve1

    for img in layer.images:
        for cs in img.colorspace or ():
            cs = resolve1(cs)
            name = getattr(cs, "name", None)
            if name in ("DeviceRGB", "DeviceCMYK", "CalRGB", "Indexed"):
                return True
            if isinstance(cs, list) and cs and getattr(resolve1(cs[0]), "name", None) == "ICCBased":
                stream = resolve1(cs[1]) if len(cs) > 1 else None
                if stream is not None and stream.get("N") in (3, 4):
                    return True
    return False


def _rendered(index: int, renderer: _Renderer, options: ExtractOptions, why: object) -> Page:
    """pdfminer choked on this page: pdfium may still draw it, and OCR reads it."""
    from .ocr import ocr_page

    log.warning("page %d: pdfminer cannot read it (%s), rendering it for OCR", index + 1, why)
    try:
        gray = renderer.gray(index, options.dpi)
    except Exception as exc:
        message = why.message if isinstance(why, PdfError) else _damaged(renderer.data, None)
        raise PdfError(f"page {index + 1}: {message}") from exc
    return ocr_page(gray, options.dpi, index + 1, options)


def read_pdf(data: bytes, options: ExtractOptions) -> tuple[tuple[Page, ...], bool]:
    """Every page of a PDF, text layer or OCR per page (see the module docstring),
    and whether the PDF declares embedded files (where an Order-X XML would be).

    Where pdfminer fails (the whole document, or one page's content or image streams)
    but pdfium can draw, the affected pages are rendered and OCRed: only a PDF that
    neither can read is an error.
    """
    try:
        pdf_pages, embedded = _open(data)
    except PdfError as exc:
        if "password" in exc.message or "incomplete" in exc.message:
            raise
        return _pdfium_only(data, options, exc), False
    pages: list[Page] = []
    renderer = _Renderer(data)
    try:
        for index, layer in enumerate(_text_layers(data, pdf_pages)):
            if isinstance(layer, PdfError):
                pages.append(_rendered(index, renderer, options, layer))
            elif layer.needs_ocr:
                try:
                    pages.append(_ocr_layer(layer, index, renderer, options))
                except IntakeError:
                    raise
                except Exception as exc:  # a pdfminer decoder failing on the page's image
                    pages.append(_rendered(index, renderer, options, exc))
            else:
                pages.append(_text_page(index + 1, layer))
    except IntakeError:
        raise
    except Exception as exc:
        raise PdfError(_damaged(data, exc)) from exc
    finally:
        renderer.close()
    return tuple(pages), embedded
