"""What an attachment's own content says about the mail, for the classifier.

The classifier (:mod:`orderintake.classify`) weighs a mail's words; issue 4 §5 asks that
the attachments count too: a PDF with a strong order-number candidate and order wording
strengthens the decision, a PDF that is clearly an invoice or a quote weakens it. This
module turns one real engine result (the reader's :class:`~orderintake.model.Document`
and the engine's analysis) into a small :class:`DocumentHint`.

How a document names itself is read from its **head** (the top of its first page) and
its **title**: runs of words set larger than the page's usual text, or in capitals. A
purchase order *mentions* invoices ("adresse de facturation") and quotes ("votre devis
n° …"); only an invoice or a quote is *titled* so. Order wording may also be a field in
the head ("N° de commande : …", "Objet : commande"), unless the title says the document is
something else (an invoice quoting "votre commande n° …").
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .classify_rules import normalise
from .extract import sniff
from .model import Attachment, Document, Line, Page, Word


@dataclass(frozen=True, slots=True)
class DocumentHint:
    """What an attachment's own content says, as found by the readers and the engine.

    ``filename`` links the hint to its attachment. ``has_text_layer`` False means a scan
    (the PDF had to be OCRed); None means unknown (then the PDF's bytes are looked at).
    """

    filename: str
    order_number_score: float = 0.0
    order_wording: bool = False
    invoice_wording: bool = False
    quote_wording: bool = False
    has_text_layer: bool | None = None
    is_signed: bool | None = None
    #: Titled as a delivery note or an order acknowledgement: about an order, not one.
    other_wording: bool = False


#: The head of a document: this top fraction of its first page.
HEAD_FRACTION = 0.45
#: A word at least this many times the page's median word height is set as a title
#: (OCR boxes vary more with ascenders and descenders, so scans need a larger ratio).
TITLE_SIZE_RATIO = 1.25
TITLE_SIZE_RATIO_OCR = 1.6

_ORDER_TITLE = re.compile(
    r"\b(bons? de commande|purchase order|ordre d'achat|commande( fournisseur| d'achat)?"
    r"|order( form)?|bestelbon|bestellung)\b"
)
_INVOICE_TITLE = re.compile(
    r"\b(facture|avoir|invoice|credit note|note de credit)\b(?!\s*(a|to|au|aux)\b)"
)
_QUOTE_TITLE = re.compile(
    r"\b(devis|offre( de prix| commerciale)?|proposition (commerciale|de prix)|quotation"
    r"|quote)\b"
)
#: Titles of documents that speak of an order without being one.
_OTHER_TITLE = re.compile(
    r"\b(bons? de livraison|bordereau de livraison|delivery note|accuse (de )?reception"
    r"|confirmation de commande|order (confirmation|acknowledge?ment)|avis d'expedition)\b"
)
#: Words before a title word that make it a reference to another document ("RÉF. DEVIS").
_REFERENCE_BEFORE = re.compile(
    r"\b(ref|reference|references|votre|vos|notre|nos|v|n|selon|suivant|sur|your|our|per)"
    r"\s*[./:]?\s*$"
)
#: Order wording as a field of the head (a label, an object line).
_ORDER_FIELD = re.compile(
    r"\b(bons? de commande|purchase order|ordre d'achat|numero de commande|order (no|number|#)"
    r"|ref(erence)?s?\.? (de )?(notre |la )?commande|objet ?: .{0,30}\bcommande)\b"
    r"|\b(commande|cde) (n\s?[°o]|no\b|num)|\bn\s?[°o] (de )?commande\b|\bp\.?o\.? ?(no|number|#)"
    r"|^commande ?(:|$)",
    re.MULTILINE,
)


def _titled(pattern: re.Pattern[str], before: str, fragment: str) -> bool:
    """The fragment names itself so: the title word is not a reference ("réf. devis");
    ``before`` is the line's text before the fragment."""
    return any(
        not _REFERENCE_BEFORE.search(f"{before} {fragment[: m.start()]}")
        for m in pattern.finditer(fragment)
    )


def _is_caps(word: Word) -> bool:
    letters = [c for c in word.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _head(page: Page) -> list[Line]:
    limit = page.height * HEAD_FRACTION
    return [line for line in page.lines if line.bbox.y0 <= limit]


#: A head with more capitals than this is printed all in capitals (a line printer's
#: listing): there capitals do not make a title, only size and letter spacing do.
ALL_CAPS_SHARE = 0.6
#: A spaced-out title ("B O N  D E  C O M M A N D E"): this many one-letter words in a row.
SPACED_LETTERS = 5
_SPACED_RUN = re.compile(rf"(?:(?<=\s)|^)(?:\w\s+){{{SPACED_LETTERS - 1},}}\w(?=\s|$)")
#: What a spaced-out title says, its letters run together (the spaces are gone).
_SPACED_TITLES = (
    ("order", re.compile(r"commande|purchaseorder|ordredachat")),
    ("invoice", re.compile(r"facture|avoir|invoice")),
    ("quote", re.compile(r"devis|offredeprix|propositioncommerciale|quotation")),
)


def spaced_titles(page: Page) -> set[str]:
    """Kinds ("order", "invoice", "quote") named by spaced-out titles in the page's head."""
    kinds: set[str] = set()
    for line in _head(page):
        for m in _SPACED_RUN.finditer(normalise(line.text)):
            letters = re.sub(r"\s+", "", m.group())
            kinds.update(k for k, pattern in _SPACED_TITLES if pattern.search(letters))
    return kinds


def title_fragments(page: Page) -> list[tuple[str, str]]:
    """Runs of title words (large or in capitals) in the page's head, normalised, each
    with its line's text before it: (before, fragment)."""
    heights = [w.bbox.y1 - w.bbox.y0 for w in page.words]
    if not heights:
        return []
    ratio = TITLE_SIZE_RATIO_OCR if page.source == "ocr" else TITLE_SIZE_RATIO
    large = ratio * statistics.median(heights)
    head = _head(page)
    lettered = [w for line in head for w in line.words if sum(c.isalpha() for c in w.text) >= 2]
    caps_make_titles = (
        not lettered or sum(map(_is_caps, lettered)) / len(lettered) <= ALL_CAPS_SHARE
    )
    fragments: list[tuple[str, str]] = []
    for line in head:
        run: list[str] = []
        words = line.words
        for i, word in enumerate((*words, None)):
            if word is not None and (
                word.bbox.y1 - word.bbox.y0 >= large or (caps_make_titles and _is_caps(word))
            ):
                run.append(word.text)
            elif run:
                before = " ".join(w.text for w in words[: i - len(run)])
                fragments.append((normalise(before), normalise(" ".join(run))))
                run = []
    return fragments


def _best_order_number_score(analysis: Any) -> float:
    """The best candidate's score from an ``Analysis`` or its ``to_json()`` dict."""
    if analysis is None:
        return 0.0
    if isinstance(analysis, Mapping):
        found = analysis.get("order_numbers") or []
        scores = [float(c.get("score", 0.0)) for c in found if isinstance(c, Mapping)]
    else:
        scores = [float(c.score) for c in getattr(analysis, "order_numbers", ())]
    return max(scores, default=0.0)


def hint_from_analysis(
    attachment: Attachment | str, document: Document, analysis: Any
) -> DocumentHint:
    """The classifier's view of one read and analysed attachment.

    ``attachment`` is the mail's :class:`Attachment` (its bytes tell a signed PDF) or just
    its filename; ``analysis`` the engine's ``Analysis`` or its ``to_json()`` dict (what the
    pipeline keeps), or None when the engine did not run.
    """
    filename = attachment if isinstance(attachment, str) else attachment.filename
    signed = None if isinstance(attachment, str) else pdf_is_signed(attachment.data)
    has_text_layer = (
        None if not document.pages else document.source in ("pdf-text", "order-x", "mixed")
    )
    order_title = invoice_title = quote_title = other_title = False
    order_field = False
    if document.pages:
        page = document.pages[0]
        for before, fragment in title_fragments(page):
            other = bool(_OTHER_TITLE.search(fragment))
            other_title = other_title or other
            order_title = order_title or (not other and _titled(_ORDER_TITLE, before, fragment))
            invoice_title = invoice_title or _titled(_INVOICE_TITLE, before, fragment)
            quote_title = quote_title or _titled(_QUOTE_TITLE, before, fragment)
        spaced = spaced_titles(page)
        order_title = order_title or "order" in spaced
        invoice_title = invoice_title or "invoice" in spaced
        quote_title = quote_title or "quote" in spaced
        head = "\n".join(normalise(line.text) for line in _head(page))
        order_field = bool(_ORDER_FIELD.search(head))
    ox = document.orderx
    if ox is not None and ox.flavor == "order-x":
        order_title = order_title or ox.type_code in ("220", "230", None)
    elif ox is not None and ox.flavor == "factur-x":
        invoice_title = True
    elsewhere = invoice_title or quote_title or other_title
    order_wording = order_title or (order_field and not elsewhere)
    return DocumentHint(
        filename=filename,
        order_number_score=_best_order_number_score(analysis),
        order_wording=order_wording,
        invoice_wording=invoice_title and not order_title,
        quote_wording=quote_title and not order_title,
        other_wording=other_title and not order_title,
        has_text_layer=has_text_layer,
        is_signed=signed,
    )


def pdf_is_signed(data: bytes) -> bool:
    """A PDF with a digital signature field (cheap byte test, no parsing)."""
    return sniff.sniff_type(data) == sniff.PDF and b"/ByteRange" in data and b"/Sig" in data
