"""The data that travels through the pipeline: small, frozen, typed.

Coordinates: every box is in PDF points (1/72 inch) on the page, with the origin at the
**top-left** corner and y growing downwards, whatever the source. pdfminer's bottom-left
boxes and Tesseract's pixel boxes are converted by their readers, so the rules can ask
"right of" and "below" without caring where the text came from.

Nothing here imports a third-party library: the model is safe to pickle across the
process pool used for OCR and cheap to import for the command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

PageSource = Literal["pdf-text", "ocr", "order-x"]
DocumentSource = Literal["pdf-text", "ocr", "mixed", "order-x", "none"]
IdentifierKind = Literal["vat", "siren", "siret", "eu-vat"]


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle in page points, top-left origin (x0 <= x1, y0 <= y1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __post_init__(self) -> None:
        if self.x1 < self.x0 or self.y1 < self.y0:
            raise ValueError(f"inverted box {self!r}")

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    @staticmethod
    def enclosing(boxes: Iterator[BBox] | list[BBox] | tuple[BBox, ...]) -> BBox:
        it = iter(boxes)
        try:
            out = next(it)
        except StopIteration:
            raise ValueError("no boxes to enclose") from None
        for b in it:
            out = out.union(b)
        return out

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.y0, 2), round(self.x1, 2), round(self.y1, 2)]


@dataclass(frozen=True, slots=True)
class Word:
    """One word as read: ``confidence`` is 0..1 (1.0 for a PDF text layer)."""

    text: str
    bbox: BBox
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if not self.text or any(c.isspace() for c in self.text):
            raise ValueError(f"a word is non-empty and has no whitespace: {self.text!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence out of 0..1: {self.confidence}")


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one visual line, left to right, in reading order within the page."""

    words: tuple[Word, ...]

    def __post_init__(self) -> None:
        if not self.words:
            raise ValueError("a line has at least one word")

    @property
    def bbox(self) -> BBox:
        return BBox.enclosing([w.bbox for w in self.words])

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True, slots=True)
class Page:
    """One page. ``number`` is 1-based. OCR pages carry dpi, rotation and mean confidence."""

    number: int
    width: float
    height: float
    source: PageSource
    lines: tuple[Line, ...] = ()
    dpi: int | None = None
    rotation: float | None = None
    mean_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.number < 1:
            raise ValueError("page numbers start at 1")
        if self.width <= 0 or self.height <= 0:
            raise ValueError("a page has a positive size")

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def words(self) -> Iterator[Word]:
        for line in self.lines:
            yield from line.words


@dataclass(frozen=True, slots=True)
class OrderX:
    """What an embedded Order-X (or Factur-X) XML says, exactly.

    ``type_code`` is the UN/CEFACT document type: 220 order, 230 order change,
    231 order response.
    """

    order_number: str | None
    type_code: str | None
    flavor: str
    level: str | None = None
    buyer_name: str | None = None
    buyer_siren: str | None = None
    buyer_siret: str | None = None
    buyer_vat: str | None = None
    seller_vat: str | None = None
    quote_reference: str | None = None
    total_ht: str | None = None
    currency: str | None = None

    @property
    def is_change(self) -> bool:
        return self.type_code == "230"


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document, whatever it arrived as (text PDF, scan, image, Order-X PDF)."""

    name: str
    pages: tuple[Page, ...]
    orderx: OrderX | None = None

    @property
    def source(self) -> DocumentSource:
        if self.orderx is not None:
            return "order-x"
        kinds = {p.source for p in self.pages}
        if not kinds:
            return "none"
        if len(kinds) == 1:
            return next(iter(kinds))
        return "mixed"

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)


@dataclass(frozen=True, slots=True)
class Identifier:
    """A company identifier found on a page. ``value`` is compact (no spaces); on a scan,
    ``corrections`` says how a misread was repaired (``raw`` keeps what was read)."""

    kind: IdentifierKind
    value: str
    valid: bool
    page: int
    bbox: BBox | None = None
    raw: str = ""
    is_ours: bool = False
    corrections: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible order number with the evidence a clerk needs to trust it.

    ``value`` is what a clerk would type (intentional prefix space kept, suffix split
    into ``suffix``); ``corrections`` lists OCR repairs such as ``"O→0 at 3"``.
    """

    value: str
    score: float
    page: int
    suffix: str = ""
    bbox: BBox | None = None
    keyword: str | None = None
    evidence: str = ""
    corrections: tuple[str, ...] = ()
    reasons: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score out of 0..1: {self.score}")


# --- Mail --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MailRef:
    """Where a mail lives: remembered so that no mail is processed twice.

    ``mailbox`` is the source URL without credentials plus the folder; ``uidvalidity``
    and ``uid`` are IMAP's (a Maildir uses 0 and a stable integer derived from its key,
    with ``key`` holding the Maildir key itself).
    """

    mailbox: str
    uidvalidity: int
    uid: int
    key: str = ""


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file carried by a mail, with what its bytes really are (sniffed).

    ``is_real`` is False for what is not a document the customer meant to send: a
    signature logo referenced from the HTML body, a tiny inline image, a vCard.
    """

    filename: str
    content_type: str
    data: bytes
    sha256: str
    sniffed_type: str = "application/octet-stream"
    is_inline: bool = False
    is_real: bool = True
    origin: str = ""  # e.g. "winmail.dat", "archive.zip", "forwarded message"

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """A mail, parsed: its own words apart from the quoted history."""

    message_id: str
    subject: str
    sender: str
    to: tuple[str, ...]
    date: str | None
    body: str  # the mail's own words (quoted reply text removed)
    quoted: str  # the quoted history, kept for the clerk
    attachments: tuple[Attachment, ...]
    headers: tuple[tuple[str, str], ...] = ()
    defects: tuple[str, ...] = ()

    def header(self, name: str) -> str | None:
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None

    @property
    def real_attachments(self) -> tuple[Attachment, ...]:
        return tuple(a for a in self.attachments if a.is_real)


@dataclass(frozen=True, slots=True)
class Classification:
    """Is this mail an order? The decision and every reason that led to it.

    ``bucket`` is one of ``order``, ``not-order``, ``order-no-attachment`` (looks like an
    order but carries no real attachment: kept for a clerk, never dropped).
    """

    is_order: bool
    bucket: str
    reasons: tuple[str, ...]
    score: float = 0.0
