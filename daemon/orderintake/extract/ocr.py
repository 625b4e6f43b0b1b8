"""OCR of one page image: OpenCV preprocessing, then Tesseract, then words in page points.

This module is the only door to the ``tesseract`` binary (through pytesseract). Every
call runs with ``OMP_THREAD_LIMIT=1``: Debian's Tesseract uses OpenMP and on a shared
2-core machine its threads made a page 2.7–4.5× slower; parallelism comes from worker
processes instead (``docs/ocr.md``). The page image is handed to Tesseract as an
uncompressed file it parses fast: a 1-bit PBM once binarised, else a BMP (a PNG encode of
a 300-dpi page costs 60–300 ms, and Leptonica reads an 8-bit PGM byte by byte).

Preprocessing follows the measurements of ``docs/ocr.md``: grey, upscale below 250 dpi
(or further, when the characters themselves are small: screenshots and photos have no
true resolution),
median 3×3 against specks, deskew from the angle of the text lines (``minAreaRect`` of
line blobs, falling back to the whole ink), Otsu binarisation (it helped once pages are
upscaled; adaptive thresholding read edge specks as text), long rules painted white
before that (framed and shaded rows were read as nothing or garbage, :mod:`.regions`),
``--psm 6`` (``--psm 3`` read words slightly better but found no more order numbers and
costs more), then one more read of the inked rows ``--psm 6`` skipped, if any, and of
the number-like words it doubted (:mod:`.reread`), and of the lines that announce an
order number (:mod:`.focus`). A bilevel
(fax-like) page is read a second time anti-aliased instead of median-filtered, and the two
readings are merged line by line by confidence (:mod:`.merge`); grey pages never pay it.
Orientation (90/180/270) is checked with Tesseract's own detector only when the first read
looks wrong, so upright pages do not pay for it.
"""

from __future__ import annotations

import logging
import math
import os
import shlex
import tempfile
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import pytesseract

from ..errors import OcrError
from ..model import BBox, Page, Word
from .focus import plan_focus
from .lighting import flatten
from .lines import group_lines
from .marks import drop_marks, mark_mask, merge_unmarked
from .merge import is_bilevel, merge_reads
from .options import ExtractOptions, OcrSteps
from .regions import ink_mask, missed_rows, remove_rules
from .reread import plan_numbers, read_again
from .sideways import read_sideways

log = logging.getLogger(__name__)

#: Below this resolution small print is enlarged before OCR.
UPSCALE_BELOW_DPI = 250
UPSCALE_TO_DPI = 300
#: Whatever the resolution says, small print is enlarged until its median character is
#: about this tall (pixels): a 200-dpi scan's characters are 14–16 px before its 1.5×
#: enlargement. A screenshot of a PDF viewer or a messenger photo has no true
#: resolution (an A4 page is assumed), and its characters were 7–9 px (holdout5).
TARGET_CHAR_PX = 22.0
#: Only images this small are measured (a 300-dpi A4 page is 8.7 Mpx and never needs it).
MEASURE_BELOW_PIXELS = 5_000_000
MAX_TEXT_UPSCALE = 4.0
#: Skew angles beyond this are not text lines (a logo, a table border): left alone.
MAX_SKEW_DEGREES = 10.0
#: A first read under this mean confidence triggers the orientation check.
ORIENTATION_CHECK_BELOW = 0.6

os.environ["OMP_THREAD_LIMIT"] = "1"  # inherited by every tesseract process we start


@dataclass(frozen=True, slots=True)
class Prepared:
    """The image Tesseract will read, with what was done to get it."""

    image: np.ndarray
    dpi: int
    skew: float  # degrees the page was turned to level its lines
    grey: np.ndarray  # the levelled page before binarisation (for re-reads)
    factor: float = 1.0  # how much the page was enlarged (resolution now ``dpi``)


def to_gray(image: np.ndarray) -> np.ndarray:
    """Any 8-bit image array (grey, grey+alpha, RGB, RGBA) → 2-D uint8 grey."""
    if image.dtype != np.uint8:
        lo, hi = float(image.min()), float(image.max())
        scaled = (image.astype(np.float64) - lo) * (255.0 / ((hi - lo) or 1.0))
        image = scaled.astype(np.uint8)
    if image.ndim == 3:
        channels = image.shape[2]
        if channels == 1:
            return image[:, :, 0]
        if channels == 4:
            return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
        return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return image


def _line_angle(box: np.ndarray) -> tuple[float, float]:
    """(angle in degrees of the longest edge, its length) for minAreaRect's corners."""
    best = (0.0, 0.0)
    for i in range(4):
        (x0, y0), (x1, y1) = box[i], box[(i + 1) % 4]
        length = math.hypot(x1 - x0, y1 - y0)
        if length > best[1]:
            angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
            if angle > 90:
                angle -= 180
            elif angle <= -90:
                angle += 180
            best = (angle, length)
    return best


def estimate_skew(gray: np.ndarray, dpi: int) -> float:
    """Angle (degrees, image y downwards) of the text lines; 0.0 when unsure."""
    return skew_of_ink(ink_mask(gray, 0.5)[1], dpi * 0.5)


def skew_of_ink(ink: np.ndarray, sdpi: float) -> float:
    """Angle (degrees) of the text lines of an ink mask (255 = ink) at ``sdpi``.

    Characters are smeared sideways into line blobs; the median angle of the long, thin
    blobs is the skew. Logos and stamps make blobs that are not long and thin, so they
    do not vote. With too few lines, the whole ink's minimal rectangle decides.
    """
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(sdpi * 0.08)), 1))
    blobs = cv2.dilate(ink, kernel)
    contours, _ = cv2.findContours(blobs, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    votes: list[tuple[float, float]] = []
    for c in contours:
        rect = cv2.minAreaRect(c)
        w, h = rect[1]
        long_side, short_side = max(w, h), min(w, h)
        if long_side < sdpi * 0.6 or short_side <= 0 or long_side < 6 * short_side:
            continue
        angle, length = _line_angle(cv2.boxPoints(rect))
        if abs(angle) <= MAX_SKEW_DEGREES:
            votes.append((angle, length))
    if len(votes) >= 3:
        votes.sort()
        half = sum(v[1] for v in votes) / 2
        acc = 0.0
        for angle, length in votes:  # length-weighted median
            acc += length
            if acc >= half:
                return angle
    points = cv2.findNonZero(ink)
    if points is None or len(points) < 50:
        return 0.0
    angle, _ = _line_angle(cv2.boxPoints(cv2.minAreaRect(points)))
    return angle if abs(angle) <= MAX_SKEW_DEGREES else 0.0


def char_height(gray: np.ndarray) -> float | None:
    """Median height (pixels) of the character-like ink blobs, None with too few of them.

    Blobs are Otsu's dark connected components that are neither specks nor rules:
    4–150 px tall, not much wider than three times their height, not thinner than an
    eighth of it, and filling some of their box (a frame's outline does not).
    """
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    w = stats[1:, cv2.CC_STAT_WIDTH]
    area = stats[1:, cv2.CC_STAT_AREA]
    keep = (h >= 4) & (h <= 150) & (w <= 3 * h) & (w * 8 >= h) & (area * 20 >= 3 * w * h)
    if int(keep.sum()) < 100:
        return None
    return float(np.median(h[keep]))


def enlargement(gray: np.ndarray, dpi: int) -> tuple[float, int]:
    """(factor, resolution after it): to 300 dpi below 250 dpi, and further when the
    characters are still smaller than :data:`TARGET_CHAR_PX` (an image whose resolution
    was guessed, or tiny print). The enlarged page is then taken to be a 300-dpi page:
    its print has the size of ordinary print at 300 dpi, and the steps that measure in
    inches (rules, margins, line gaps) see the sizes they were made for."""
    factor = UPSCALE_TO_DPI / dpi if dpi < UPSCALE_BELOW_DPI else 1.0
    if gray.shape[0] * gray.shape[1] <= MEASURE_BELOW_PIXELS:
        height = char_height(gray)
        if height is not None and height * factor < TARGET_CHAR_PX * 0.8:
            return min(MAX_TEXT_UPSCALE, TARGET_CHAR_PX / height), UPSCALE_TO_DPI
    return factor, (UPSCALE_TO_DPI if factor > 1.0 else dpi)


#: A bilevel page whose strokes are thinner than this (pixels at 300 dpi) is a faded fax
#: (low toner): its broken strokes are thickened by a pixel before anything else. Faxes
#: and 1-bit scans of the corpora measure 3.2–5.4 px (one bold face 15); low-toner ones
#: 2.2–2.8 px, and those read "2026.0400" as "2026.6400" until thickened.
THIN_STROKE_PX_300 = 2.9


def stroke_width(ink: np.ndarray) -> float:
    """Mean stroke width (pixels) of an ink mask (255 = ink): twice the ink's area over
    the length of its outlines."""
    area = int(np.count_nonzero(ink))
    contours, _ = cv2.findContours(ink, cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE)
    outline = sum(len(c) for c in contours)
    return 2.0 * area / outline if outline else 0.0


def thicken_if_faded(gray: np.ndarray, dpi: int) -> np.ndarray:
    """The page with its strokes one pixel thicker when it is a faded bilevel page."""
    if not is_bilevel(gray):
        return gray
    ink = cv2.bitwise_not(gray)
    ink[ink < 128] = 0
    if stroke_width(ink) * 300.0 / dpi >= THIN_STROKE_PX_300:
        return gray
    return cv2.erode(gray, np.ones((2, 2), np.uint8))  # the white shrinks: ink grows


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """Turn the image by ``degrees`` (counter-clockwise as displayed), white borders."""
    h, w = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(
        gray,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )


def preprocess(
    gray: np.ndarray,
    dpi: int,
    steps: OcrSteps,
    *,
    antialias: bool = False,
    skew_angle: float | None = None,
    enlarge: tuple[float, int] | None = None,
) -> Prepared:
    """The measured preprocessing chain (see the module docstring).

    An unevenly lit page (a photo) is first divided by its paper's brightness
    (:mod:`.lighting`). The half-resolution ink mask (Otsu) is computed once, on the
    denoised page, and serves the skew estimate and, with the same threshold after the
    turn, the rule mask. ``antialias`` swaps the median for a Gaussian 3×3 (the second
    reading of bilevel pages, :mod:`.merge`); ``skew_angle`` imposes the angle found by
    the first reading, so both readings' boxes coincide, and ``enlarge`` its
    (factor, resolution) for the same reason.
    """
    img = to_gray(gray)
    if steps.flatten:
        img, _ = flatten(img)
    if enlarge is not None:
        factor, new_dpi = enlarge
    else:
        factor, new_dpi = enlargement(img, dpi) if steps.upscale else (1.0, dpi)
    if factor > 1.0:
        img = cv2.resize(img, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        dpi = new_dpi
    if antialias:
        img = cv2.GaussianBlur(img, (3, 3), 0)
    elif steps.denoise:
        img = cv2.medianBlur(img, 3)
    threshold, ink = ink_mask(img, 0.5)
    skew = 0.0
    if steps.deskew:
        angle = skew_of_ink(ink, dpi * 0.5) if skew_angle is None else skew_angle
        if abs(angle) >= 0.1:
            img = rotate(img, angle)
            skew = angle
            if steps.rules:
                ink = ink_mask(img, 0.5, threshold)[1]
    if steps.rules:
        img = remove_rules(img, dpi, ink)
    grey = img
    if steps.binarize == "otsu":
        # Otsu again, at full resolution on the cleaned page: the shared half-resolution
        # threshold is 2–6 grey levels higher, and that moved two training documents'
        # order numbers (one lost, one gained); the masks above do not need that precision.
        _, img = cv2.threshold(img, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    elif steps.binarize == "adaptive":
        img = cv2.adaptiveThreshold(
            img, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 15
        )
    return Prepared(img, dpi, skew, grey, factor if factor > 1.0 else 1.0)


def _run(fn: Any, path: str, lang: str, config: str, timeout: float, quiet: bool = False) -> Any:
    """Call pytesseract; log the command and Tesseract's stderr when it fails
    (at DEBUG level when ``quiet``: a failure the caller expects and handles)."""
    cmd = shlex.join(["tesseract", path, "-", "-l", lang, *shlex.split(config)])
    log.debug("running %s", cmd)
    try:
        if fn is pytesseract.image_to_data:
            return fn(
                path,
                lang=lang,
                config=config,
                timeout=timeout,
                output_type=pytesseract.Output.DICT,
            )
        return fn(path, lang=lang, config=config, timeout=timeout)
    except pytesseract.TesseractNotFoundError as exc:
        log.error("tesseract not found: %s", cmd)
        raise OcrError("the OCR program (tesseract) is not installed", retryable=False) from exc
    except pytesseract.TesseractError as exc:
        log.log(
            logging.DEBUG if quiet else logging.ERROR,
            "tesseract failed (status %s): %s\nstderr: %s",
            exc.status,
            cmd,
            exc.message,
        )
        raise OcrError(f"OCR failed on this page: {exc.message.strip()[:200]}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        log.error("tesseract timed out after %ss: %s", timeout, cmd)
        raise OcrError(f"OCR took longer than {timeout:g} s on this page and was stopped") from exc


def image_file(img: np.ndarray, binary: bool) -> tuple[str, bytes]:
    """(suffix, bytes) of the page image in the format Tesseract reads fastest.

    A binarised page goes as a 1-bit PBM, any other as an uncompressed 8-bit BMP. The
    8-bit PGM we used before gave the same words but Leptonica reads it byte by byte:
    Tesseract took 0.92–0.96 s on the benchmark page as PGM, 0.68–0.72 s as PBM and
    0.76–0.88 s as BMP (docs/ocr.md); a PNG encode costs 60 ms.
    """
    suffix = ".pbm" if binary else ".bmp"
    ok, buf = cv2.imencode(suffix, img)
    if not ok:
        raise OcrError("could not prepare the page image for OCR")
    return suffix, buf.tobytes()


def _write_image(folder: str, stem: str, img: np.ndarray, binary: bool) -> str:
    """``img`` written into ``folder`` in the format of :func:`image_file`; its path."""
    suffix, data = image_file(img, binary)
    path = os.path.join(folder, stem + suffix)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def _read(
    img: np.ndarray, lang: str, psm: int, timeout: float, binary: bool = False
) -> dict[str, list[Any]]:
    """Tesseract's words for ``img``; ``binary`` when it holds only 0 and 255."""
    with tempfile.TemporaryDirectory(prefix="orderintake-ocr-") as tmp:
        path = _write_image(tmp, "page", img, binary)
        words: dict[str, list[Any]] = _run(
            pytesseract.image_to_data, path, lang, f"--psm {psm}", timeout
        )
        return words


def _read_pages(
    imgs: list[np.ndarray], lang: str, psm: int, timeout: float
) -> list[dict[str, list[Any]]]:
    """Tesseract's words for each of ``imgs`` (binarised), in ONE call: Tesseract reads
    a text file listing images as the pages of one document, each segmented on its
    own, and loads its language models once (0.16 s for fra+eng, a call of its own)."""
    with tempfile.TemporaryDirectory(prefix="orderintake-ocr-") as tmp:
        names = [_write_image(tmp, f"strip{i}", img, True) for i, img in enumerate(imgs)]
        listing = os.path.join(tmp, "pages.txt")
        with open(listing, "w", encoding="utf-8") as fh:
            fh.write("\n".join(names) + "\n")
        data_all: dict[str, list[Any]] = _run(
            pytesseract.image_to_data, listing, lang, f"--psm {psm}", timeout
        )
    pages: list[dict[str, list[Any]]] = [{k: [] for k in data_all} for _ in imgs]
    for row in range(len(data_all["page_num"])):
        index = int(data_all["page_num"][row]) - 1
        if 0 <= index < len(pages):
            for key, values in data_all.items():
                pages[index][key].append(values[row])
    return pages


def _osd_rotation(img: np.ndarray, timeout: float) -> int:
    """Degrees (0/90/180/270) Tesseract's detector says the page must turn clockwise."""
    with tempfile.TemporaryDirectory(prefix="orderintake-osd-") as tmp:
        small = cv2.resize(img, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        suffix, data = image_file(small, binary=False)
        path = os.path.join(tmp, "page" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            out = _run(pytesseract.image_to_osd, path, "osd", "--psm 0", timeout, quiet=True)
        except OcrError:
            return 0  # "too few characters": nothing to turn
    for line in str(out).splitlines():
        if line.startswith("Rotate:"):
            return int(line.split(":")[1].strip()) % 360
    return 0


#: Punctuation-only words read with less confidence than this are specks or rules.
SPECK_CONFIDENCE = 0.6


def is_speck(text: str, confidence: float) -> bool:
    """A "word" that is a scanner speck, dust or a table rule read as text.

    Specks come out as ``:`` ``.`` ``;`` ``'`` with low confidence, vertical table rules
    as ``|``; none of them is part of an order number or an identifier, and on noisy
    scans they were a large share of the character errors (docs/ocr.md).
    """
    if any(ch.isalnum() for ch in text):
        return False
    return confidence < SPECK_CONFIDENCE or set(text) <= set("|¦[]_")


def _words(data: dict[str, list[Any]], dpi: int) -> list[list[Word]]:
    """Tesseract's TSV → its lines (runs of words), boxes in points, specks dropped.

    The runs are regrouped word by word into our own lines (:mod:`.lines`): on the
    deskewed page that read closer to the truth than keeping Tesseract's lines whole
    (docs/ocr.md).
    """
    k = 72.0 / dpi
    runs: dict[tuple[int, int, int, int], list[Word]] = {}
    for text, conf, left, top, width, height, *key in zip(
        data["text"],
        data["conf"],
        data["left"],
        data["top"],
        data["width"],
        data["height"],
        data["page_num"],
        data["block_num"],
        data["par_num"],
        data["line_num"],
        strict=True,
    ):
        text = str(text).strip()
        c = float(conf)
        if not text or c < 0 or any(ch.isspace() for ch in text):
            continue
        if is_speck(text, c / 100.0):
            continue
        box = BBox(left * k, top * k, (left + width) * k, (top + height) * k)
        runs.setdefault(tuple(key), []).append(Word(text, box, min(1.0, c / 100.0)))
    return list(runs.values())


def _mean(runs: list[list[Word]]) -> float:
    confs = [w.confidence for run in runs for w in run]
    return sum(confs) / len(confs) if confs else 0.0


def _recover(
    img: np.ndarray, runs: list[list[Word]], dpi: int, options: ExtractOptions
) -> list[list[Word]]:
    """Words of the rows the first read skipped: the rows are cut out, stacked on one
    white strip and read in one more Tesseract call, then put back where they were."""
    boxes = missed_rows(img, runs, dpi)
    if not boxes:
        return []
    margin = max(4, round(dpi * 0.05))
    h_img, w_img = img.shape[:2]
    crops, offsets, y = [], [], 0
    for x0, y0, x1, y1 in boxes:
        cx0, cy0 = max(0, x0 - margin), max(0, y0 - margin)
        crop = img[cy0 : min(h_img, y1 + margin), cx0 : min(w_img, x1 + margin)]
        crops.append((crop, y))
        offsets.append((y, y + crop.shape[0], cx0, cy0 - y))
        y += crop.shape[0] + margin
    strip = np.full((y, max(c.shape[1] for c, _ in crops)), 255, np.uint8)
    for crop, top in crops:
        strip[top : top + crop.shape[0], : crop.shape[1]] = crop
    k = 72.0 / dpi
    out: list[list[Word]] = []
    binary = options.steps.binarize != "none"
    for run in _words(_read(strip, options.lang, 6, options.timeout, binary), dpi):
        kept = []
        for w in run:
            mid = (w.bbox.y0 + w.bbox.y1) / 2 / k
            off = next(((dx, dy) for a, b, dx, dy in offsets if a <= mid < b), None)
            if off is None:
                continue
            dx, dy = off[0] * k, off[1] * k
            b = w.bbox
            kept.append(
                Word(w.text, BBox(b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy), w.confidence)
            )
        if kept:
            out.append(kept)
    return out


def _second_read(prep: Prepared, options: ExtractOptions) -> list[list[Word]]:
    """The anti-aliased reading of a bilevel page, skipped rows included."""
    steps = options.steps
    data = _read(prep.image, options.lang, steps.psm, options.timeout, steps.binarize != "none")
    words = _words(data, prep.dpi)
    if options.steps.recover:
        words += _recover(prep.image, words, prep.dpi, options)
    return words


def _levelled_mask(mask: np.ndarray, prep: Prepared) -> np.ndarray:
    """A mask of the page as scanned, enlarged and turned as ``prep``'s page was."""
    h, w = prep.image.shape[:2]
    out = cv2.resize(mask, (w, h), interpolation=cv2.INTER_NEAREST)
    if prep.skew:
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), prep.skew, 1.0)
        out = cv2.warpAffine(out, matrix, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    return out


def _without_marks(
    gray: np.ndarray,
    colour: np.ndarray,
    dpi: int,
    prep: Prepared,
    words: list[list[Word]],
    options: ExtractOptions,
) -> tuple[list[list[Word]], np.ndarray] | None:
    """(reading merged with the one made without the coloured marks, the unmarked
    levelled grey page for the re-reads), or None when the page has no marks
    (:mod:`.marks`). The second page is prepared exactly as the first (same enlargement
    and skew), so the boxes coincide."""
    mask = mark_mask(colour)
    if mask is None or mask.shape != gray.shape:
        return None
    steps = options.steps
    clean = preprocess(
        drop_marks(gray, mask), dpi, steps, skew_angle=prep.skew, enlarge=(prep.factor, prep.dpi)
    )
    if clean.image.shape != prep.image.shape:
        return None
    binary = steps.binarize != "none"
    second = _words(_read(clean.image, options.lang, steps.psm, options.timeout, binary), clean.dpi)
    merged = merge_unmarked(words, second, _levelled_mask(mask, prep), prep.dpi)
    return merged, clean.grey


def ocr_page(
    image: np.ndarray,
    dpi: int,
    number: int,
    options: ExtractOptions,
    colour: np.ndarray | None = None,
) -> Page:
    """OCR one page image (any 8-bit array) scanned at ``dpi`` → a :class:`Page`.

    ``colour`` is the same page in colour (RGB or BGR) when the scan has colour: coloured
    ink marks over the print (a ballpoint circle, a stamp) are then read through
    (:mod:`.marks`). Boxes are in points of the *levelled* page (after orientation and
    deskew), which is the page as a clerk would hold it.
    """
    steps = options.steps
    if steps.thicken:  # once: a bilevel page is prepared twice below
        image = thicken_if_faded(to_gray(image), dpi)
    prep = preprocess(image, dpi, steps)
    img, eff_dpi = prep.image, prep.dpi
    binary = steps.binarize != "none"  # Otsu and adaptive leave only 0 and 255
    grey = prep.grey  # turned with the page if it has to be (the re-read cuts from it)
    words = _words(_read(img, options.lang, steps.psm, options.timeout, binary), eff_dpi)
    orientation = 0
    if steps.orientation and _mean(words) < ORIENTATION_CHECK_BELOW:
        turn = _osd_rotation(img, options.timeout)
        if turn:
            codes = {
                90: cv2.ROTATE_90_CLOCKWISE,
                180: cv2.ROTATE_180,
                270: cv2.ROTATE_90_COUNTERCLOCKWISE,
            }
            turned = cv2.rotate(img, codes[turn])
            turned_grey = cv2.rotate(grey, codes[turn])
            if steps.deskew:
                angle = estimate_skew(turned, eff_dpi)
                if abs(angle) >= 0.1:
                    turned = rotate(turned, angle)
                    turned_grey = rotate(turned_grey, angle)
            again = _words(_read(turned, options.lang, steps.psm, options.timeout, binary), eff_dpi)
            if _mean(again) > _mean(words):
                img, grey, words, orientation = turned, turned_grey, again, turn
    if steps.recover:
        words += _recover(img, words, eff_dpi, options)
    if steps.bilevel_second_read and orientation == 0 and is_bilevel(to_gray(image)):
        second = preprocess(image, dpi, steps, antialias=True, skew_angle=prep.skew)
        words = merge_reads(words, _second_read(second, options))
    if steps.dropout and colour is not None and orientation == 0:
        unmarked = _without_marks(to_gray(image), colour, dpi, prep, words, options)
        if unmarked is not None:
            words, grey = unmarked

    def read_strip(strip: np.ndarray) -> list[list[Word]]:
        """A strip of crops (binarised), read as lines; boxes in the strip's pixels."""
        return _words(_read(strip, options.lang, 6, options.timeout, True), 72)

    def read_strips(strips: list[np.ndarray]) -> list[list[list[Word]]]:
        """Several strips in one Tesseract call, each a page of its own."""
        if len(strips) == 1:
            return [read_strip(strips[0])]
        pages = _read_pages(strips, options.lang, 6, options.timeout)
        return [_words(page, 72) for page in pages]

    # The word re-read and the line re-read, planned on the same words and read in one
    # Tesseract call (each call reloads the language models).
    plans = [
        plan_numbers(words, grey.shape, eff_dpi) if steps.reread else None,
        plan_focus(words, grey.shape, eff_dpi) if steps.focus else None,
    ]
    words = read_again(grey, words, eff_dpi, read_strips, plans)
    lines = group_lines([w for run in words for w in run])
    if steps.sideways:
        raw = to_gray(image)

        def levelled() -> np.ndarray:
            page = raw
            if page.shape != grey.shape:
                fy, fx = grey.shape[0] / page.shape[0], grey.shape[1] / page.shape[1]
                page = cv2.resize(page, None, fx=fx, fy=fy, interpolation=cv2.INTER_CUBIC)
                page = page[: grey.shape[0], : grey.shape[1]]
            return rotate(page, prep.skew) if prep.skew else page

        if orientation == 0:
            flat = [w for run in words for w in run]
            lines = (*lines, *read_sideways(grey, eff_dpi, flat, read_strip, raw, levelled))
    h, w = img.shape[:2]
    k = 72.0 / eff_dpi
    rotation = round(orientation + prep.skew, 2)
    if rotation > 180:
        rotation -= 360  # a page turned 270° clockwise is one turned 90° the other way
    return Page(
        number=number,
        width=w * k,
        height=h * k,
        source="ocr",
        lines=lines,
        dpi=eff_dpi,
        rotation=rotation,
        mean_confidence=round(_mean(words), 4),
    )
