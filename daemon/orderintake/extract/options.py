"""How to read documents: languages, resolution, limits and the OCR preprocessing steps.

Kept apart from the readers so that ``extract/__init__`` and the command line can build
options without importing a single heavy library, and so options pickle across the
process pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..config import Settings

Binarize = Literal["none", "otsu", "adaptive"]


@dataclass(frozen=True, slots=True)
class OcrSteps:
    """Which preprocessing steps run before Tesseract (and which extra reads after it).

    The defaults are the steps that lowered the character error rate in the study of
    ``docs/ocr.md`` (``tests/bench/cer_study.py``), and the page segmentation mode that
    found the most order numbers on the training set's scans; every step stays
    switchable so the study can be re-run on another corpus.
    """

    thicken: bool = True  # faded bilevel pages (low-toner faxes): strokes thickened a pixel
    flatten: bool = True  # unevenly lit pages (photos) divided by the paper's brightness
    deskew: bool = True
    denoise: bool = True  # median blur 3×3
    upscale: bool = True  # pages under 250 dpi are enlarged to 300 dpi
    binarize: Binarize = "otsu"
    rules: bool = True  # erase long table and frame rules before Tesseract reads
    recover: bool = True  # read again, as lines, the inked rows the page read skipped
    orientation: bool = True  # Tesseract OSD, only when the first read looks wrong
    # Bilevel (fax-like) pages only: a second read anti-aliased (Gaussian 3×3, no median),
    # merged line by line with the first by confidence (docs/ocr.md).
    bilevel_second_read: bool = True
    # Number-like words read with low confidence, read again alone and enlarged (reread.py)
    reread: bool = True
    # The lines announcing an order number, read again as lines, enlarged (focus.py)
    focus: bool = True
    # Tall thin strips of print the page read left unread, read turned a quarter turn
    # (titles and numbers printed up a side band, sideways.py)
    sideways: bool = True
    # Colour scans with coloured marks over the print (a ballpoint circle, a highlighter,
    # a stamp): read again without them, their lines taken from that reading (marks.py)
    dropout: bool = True
    psm: int = 6  # psm 3 reads better but drops text in framed boxes (docs/ocr.md)


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Everything a reader needs; build it once with :meth:`from_settings`."""

    lang: str = "fra+eng"
    dpi: int = 300
    timeout: float = 120.0
    max_image_pixels: int = 120_000_000
    steps: OcrSteps = field(default_factory=OcrSteps)

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> ExtractOptions:
        values: dict[str, object] = {
            "lang": settings.ocr_lang,
            "dpi": settings.ocr_dpi,
            "timeout": settings.ocr_timeout,
            "max_image_pixels": settings.max_image_pixels,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
