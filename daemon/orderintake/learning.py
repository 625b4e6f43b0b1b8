"""Learning from clerks: each customer's usual order number, used to rank its next orders.

Every validation is a labelled example. A customer's purchase orders come out of the same
software, so their order numbers keep one *shape* (``PO-######``, ``CF########``,
``L #####``), one label ("N° de commande"), one place on the page. The generic engine
does not know that; a customer's history does. :func:`learn_profile` sums the history
up, :func:`rerank` nudges the engine's candidates towards it and says why, in words a
clerk reads on the review page ("matches this customer's usual PO-######").

Everything here is pure: the store hands in the validated examples of one customer
(oldest first), the pipeline hands in the engine's candidates; no SQL, no I/O. The
weights were chosen on the simulated stream of ``tests/bench/bench_learning.py``
(figures in ``docs/learning.md``): learning adds log-odds to the engine's score, so a
candidate the engine finds very unlikely is not rescued by its shape alone, and a
candidate nobody ever validated is never invented.
"""

from __future__ import annotations

import math
import os.path
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from email.utils import parseaddr
from statistics import median

from .errors import MessageError
from .model import Candidate, Document

#: Webmail providers: two customers on gmail.com are two customers, so their key is the
#: full address. Entries ending in "." match every top-level domain (hotmail.fr, .com…).
_WEBMAIL = (
    "gmail.com googlemail.com orange.fr wanadoo.fr free.fr sfr.fr neuf.fr laposte.net bbox.fr "
    "numericable.fr club-internet.fr aliceadsl.fr icloud.com me.com aol.com msn.com ymail.com "
    "protonmail.com proton.me gmx.fr gmx.com gmx.de"
)
PUBLIC_MAIL_DOMAINS = frozenset(_WEBMAIL.split())
PUBLIC_MAIL_FAMILIES = ("hotmail.", "outlook.", "live.", "yahoo.")

# OCR confusions (seed notes 004: I/1, O/0, B/8, S/5, Z/2 make most of the errors).
_AS_LETTER = {"1": "I", "0": "O", "8": "B", "5": "S", "2": "Z"}
_AS_DIGIT = {"I": "1", "l": "1", "|": "1", "O": "0", "o": "0", "B": "8", "S": "5", "Z": "2"}

ORDER_X_KEYWORD = "order-x"  # an Order-X number is exact: learning leaves it alone
_SIREN = re.compile(r"[0-9]{9}")
_LETTER_LEAD = re.compile(r"^[^0-9]+")


@dataclass(frozen=True, slots=True)
class ValidatedExample:
    """One order a clerk validated (or the engine auto-accepted), for one customer.

    ``keyword``, ``page``, ``x`` and ``y`` describe the accepted candidate: its owner
    label and the centre of its box relative to the page (0..1 from the top-left corner).
    They are None when the clerk typed a number no candidate offered.
    ``engine_top1_right`` says whether the engine's best candidate was the validated one.
    """

    customer: str
    order_number: str
    keyword: str | None = None
    page: int | None = None
    x: float | None = None
    y: float | None = None
    engine_top1_right: bool = False

    def __post_init__(self) -> None:
        if not self.order_number.strip():
            raise ValueError("a validated example has an order number")
        for v in (self.x, self.y):
            if v is not None and not 0.0 <= v <= 1.0:
                raise ValueError(f"relative position out of 0..1: {v}")


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    """What a customer's validated history says about its order numbers.

    ``shapes`` are (shape, count) pairs, most frequent first;
    ``prefix`` is the usual start (``"PO-"``, ``"4500"``) or "" when there is none;
    ``zone`` is (page, x, y, tolerance x, tolerance y) in relative page units, or None
    when the history has too few positions.
    """

    customer: str
    examples: int
    shapes: tuple[tuple[str, int], ...]
    prefix: str
    prefix_count: int
    min_length: int
    max_length: int
    keyword: str | None
    keyword_count: int
    zone: tuple[int, float, float, float, float] | None
    top1_rate: float

    @property
    def usual_shape(self) -> str:
        return self.shapes[0][0]


@dataclass(frozen=True, slots=True)
class RerankWeights:
    """Log-odds added to a candidate's score per agreement with the profile (the shape
    ones are multiplied by the share of the history with that shape). ``mismatch``
    applies when neither the shape nor the prefix agrees: a slight demotion."""

    shape: float = 2.0
    prefix: float = 0.8
    length: float = 0.3
    keyword: float = 0.8
    zone: float = 1.0
    mismatch: float = -0.7
    repair: bool = True  # read OCR look-alikes as the usual shape (OCR pages only)


DEFAULT_WEIGHTS = RerankWeights()


def shape_of(value: str) -> str:
    """The shape of an order number: letters and punctuation kept, each digit as ``#``,
    spaces collapsed (``"PO-12345"`` → ``"PO-#####"``, ``"L 12345"`` → ``"L #####"``).
    Digit runs are not compressed (``#+``): on the simulated stream that changed
    nothing, and the exact length tells a customer's number from its neighbours."""
    out = "".join("#" if c.isdigit() else c for c in value.strip())
    return " ".join(out.split())


def _compact_length(value: str) -> int:
    return len("".join(value.split()))


def normalise_keyword(keyword: str | None) -> str | None:
    """A label as compared across orders: no accents, case, punctuation or ``n°``."""
    if not keyword:
        return None
    text = unicodedata.normalize("NFKD", keyword).encode("ascii", "ignore").decode()
    words = re.sub(r"[^0-9a-z]+", " ", text.casefold()).split()
    words = [w for w in words if w not in ("n", "no", "num", "o")]
    return " ".join(words) or None


def _lead(value: str) -> str:
    m = _LETTER_LEAD.match(value)
    return m.group() if m else ""


def _usual_prefix(values: Sequence[str]) -> tuple[str, int]:
    """The lead most values share: their letters before the first digit, else (numbers
    such as SAP's 4500…) the digits all of them start with, keeping four free digits."""
    leads = Counter(_lead(v) for v in values)
    lead, count = leads.most_common(1)[0]
    if lead.strip():
        return lead, count
    digit_led = [v for v in values if not _lead(v)]
    common = os.path.commonprefix(digit_led)  # noqa: RUF071 - characters are wanted
    common = common[: max(0, min(len(v) for v in digit_led) - 4)]
    return (common, len(digit_led)) if len(common) >= 2 else ("", 0)


def _zone(
    examples: Sequence[ValidatedExample],
) -> tuple[int, float, float, float, float] | None:
    placed = [e for e in examples if e.page is not None and e.x is not None and e.y is not None]
    if len(placed) < 2:
        return None
    page = Counter(e.page for e in placed).most_common(1)[0][0]
    xs = [e.x for e in placed if e.page == page and e.x is not None]
    ys = [e.y for e in placed if e.page == page and e.y is not None]
    if len(xs) < 2 or page is None:
        return None
    cx, cy = median(xs), median(ys)
    spread_x = median(abs(x - cx) for x in xs)
    spread_y = median(abs(y - cy) for y in ys)
    # Vertical tolerance under one line (~1.4 % of an A4 height): the neighbouring row of
    # a label/value block is a different field. Layouts drift a little with the length
    # of an address, so the tolerance grows with the spread the history shows.
    tol_x = min(0.25, max(0.05, 2.5 * spread_x + 0.02))
    tol_y = min(0.15, max(0.012, 2.5 * spread_y + 0.004))
    return page, cx, cy, tol_x, tol_y


def learn_profile(
    examples: Sequence[ValidatedExample], *, min_examples: int = 2, window: int = 50
) -> CustomerProfile | None:
    """The profile of one customer from its validated examples (oldest first), or None
    when there are fewer than ``min_examples``. Only the last ``window`` count: customers
    change software, and the profile should follow within a few orders."""
    recent = list(examples)[-window:]
    if len(recent) < max(1, min_examples):
        return None
    customers = {e.customer for e in recent}
    if len(customers) > 1:
        raise ValueError(f"examples of several customers mixed: {sorted(customers)}")
    values = [e.order_number.strip() for e in recent]
    prefix, prefix_count = _usual_prefix(values)
    keywords = Counter(k for e in recent if (k := normalise_keyword(e.keyword)))
    keyword, keyword_count = keywords.most_common(1)[0] if keywords else (None, 0)
    lengths = [_compact_length(v) for v in values]
    return CustomerProfile(
        customer=recent[0].customer,
        examples=len(recent),
        shapes=tuple(Counter(shape_of(v) for v in values).most_common()),
        prefix=prefix,
        prefix_count=prefix_count,
        min_length=min(lengths),
        max_length=max(lengths),
        keyword=keyword,
        keyword_count=keyword_count,
        zone=_zone(recent),
        top1_rate=sum(e.engine_top1_right for e in recent) / len(recent),
    )


def relative_centre(
    candidate: Candidate, page_sizes: Mapping[int, tuple[float, float]]
) -> tuple[float, float] | None:
    """The centre of a candidate's box as a fraction of its page (None without a box)."""
    size = page_sizes.get(candidate.page)
    if candidate.bbox is None or size is None or size[0] <= 0 or size[1] <= 0:
        return None
    x = min(1.0, max(0.0, candidate.bbox.cx / size[0]))
    y = min(1.0, max(0.0, candidate.bbox.cy / size[1]))
    return x, y


def page_sizes_of(document: Document) -> dict[int, tuple[float, float]]:
    """Page number → (width, height) in points, as :func:`rerank` wants them."""
    return {p.number: (p.width, p.height) for p in document.pages}


def ocr_pages_of(document: Document) -> frozenset[int]:
    """The pages read by OCR, where :func:`rerank` may repair look-alikes."""
    return frozenset(p.number for p in document.pages if p.source == "ocr")


def example_from(
    customer: str,
    order_number: str,
    accepted: Candidate | None,
    page_sizes: Mapping[int, tuple[float, float]],
    *,
    engine_top1_right: bool,
) -> ValidatedExample:
    """The example a validation teaches: the number as validated, and where the
    accepted candidate stood (nothing positional when the clerk typed the number)."""
    if accepted is None:
        return ValidatedExample(customer, order_number, engine_top1_right=engine_top1_right)
    centre = relative_centre(accepted, page_sizes)
    keyword = accepted.keyword if accepted.keyword != ORDER_X_KEYWORD else None
    return ValidatedExample(
        customer,
        order_number,
        keyword=keyword,
        page=accepted.page,
        x=centre[0] if centre else None,
        y=centre[1] if centre else None,
        engine_top1_right=engine_top1_right,
    )


def repair_to_shape(value: str, shape: str) -> tuple[str, tuple[str, ...]] | None:
    """``value`` read again as ``shape`` where only OCR look-alikes differ: ``"1B7732"``
    as ``IB####`` is ``"IB7732"``. Returns the value and its corrections, or None when
    the value does not fit the shape or needs no repair."""
    text = " ".join(value.split())
    if len(text) != len(shape):
        return None
    out: list[str] = []
    corrections: list[str] = []
    for i, (v, s) in enumerate(zip(text, shape, strict=True)):
        if s == "#":
            fixed = v if v.isdigit() else _AS_DIGIT.get(v)
        else:
            fixed = v if v == s else _AS_LETTER.get(v) if s.isalpha() else None
            fixed = fixed if fixed == s else None
        if fixed is None:
            return None
        if fixed != v:
            corrections.append(f"{v}→{fixed} at {i + 1}")
        out.append(fixed)
    return ("".join(out), tuple(corrections)) if corrections else None


def _repaired(
    c: Candidate, profile: CustomerProfile, taken: set[str]
) -> tuple[Candidate, str] | None:
    """The candidate read as one of the customer's usual shapes (OCR pages only), when
    that also gives the customer's usual prefix and a value no other candidate has."""
    n = profile.examples
    if _share(profile.shapes, shape_of(c.value)):
        return None
    for shape, count in profile.shapes:
        if count * 2 < n:
            break
        fixed = repair_to_shape(c.value, shape)
        if fixed is None or fixed[0] in taken:
            continue
        if profile.prefix and not fixed[0].startswith(profile.prefix):
            continue
        note = f"read as {fixed[0]}, this customer's usual {shape}: {', '.join(fixed[1])}"
        return replace(c, value=fixed[0], corrections=(*c.corrections, *fixed[1])), note
    return None


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _share(pairs: tuple[tuple[str, int], ...], key: str) -> int:
    return next((n for s, n in pairs if s == key), 0)


def _judge(
    c: Candidate,
    profile: CustomerProfile,
    page_sizes: Mapping[int, tuple[float, float]],
    w: RerankWeights,
) -> tuple[float, list[str], bool]:
    """Log-odds to add to one candidate, the reasons a clerk reads, and whether the
    candidate resembles the customer's numbers at all (shape or prefix)."""
    n = profile.examples
    delta = 0.0
    reasons: list[str] = []
    shape = shape_of(c.value)
    same_shape = _share(profile.shapes, shape)
    has_prefix = bool(profile.prefix) and profile.prefix_count * 2 >= n
    prefix_ok = has_prefix and c.value.startswith(profile.prefix)
    if same_shape:
        delta += w.shape * same_shape / n
        if same_shape * 2 >= n:
            reasons.append(f"matches this customer's usual {shape} ({same_shape} of {n} orders)")
        else:
            reasons.append(f"matches {shape}, seen in {same_shape} of this customer's {n} orders")
    if prefix_ok:
        delta += w.prefix * profile.prefix_count / n
        if not same_shape:
            reasons.append(f"starts like this customer's orders ({profile.prefix.strip()}…)")
    if not same_shape and not prefix_ok:
        delta += w.mismatch
        reasons.append(f"unlike this customer's usual {profile.usual_shape}")
    elif profile.min_length <= _compact_length(c.value) <= profile.max_length:
        delta += w.length
    kw = normalise_keyword(c.keyword)
    if kw and kw == profile.keyword and profile.keyword_count * 2 >= n:
        delta += w.keyword * profile.keyword_count / n
        reasons.append(f"this customer's usual label «{c.keyword}»")
    centre = relative_centre(c, page_sizes)
    if profile.zone and centre and c.page == profile.zone[0]:
        _, zx, zy, tol_x, tol_y = profile.zone
        if abs(centre[0] - zx) <= tol_x and abs(centre[1] - zy) <= tol_y:
            delta += w.zone
            reasons.append("at this customer's usual place on the page")
    # Two examples are a hint, ten a habit.
    return delta * n / (n + 1), reasons, bool(same_shape or prefix_ok)


def rerank(
    candidates: Sequence[Candidate],
    profile: CustomerProfile | None,
    page_sizes: Mapping[int, tuple[float, float]],
    weights: RerankWeights = DEFAULT_WEIGHTS,
    *,
    ocr_pages: Collection[int] = (),
) -> list[Candidate]:
    """The engine's candidates re-scored with the customer's profile, best first.

    Agreement (shape, prefix, length, label, place) raises a candidate's score, a
    candidate unlike anything the customer ever sent loses a little; scores stay in
    0..1, every change is explained in ``reasons`` (prefixed ``learned:``), and the list
    holds exactly the candidates given. Without a profile, or when no candidate has the
    customer's shape or prefix, the list comes back unchanged. An Order-X number is exact
    and is left as it is.

    On ``ocr_pages`` a candidate that differs from the customer's usual shape only by
    OCR look-alikes (``1B7732`` for ``IB####``) is read as that shape, when the result
    starts with the customer's usual prefix; the repair is listed in ``corrections``.
    """
    if profile is None:
        return list(candidates)
    if ocr_pages and weights.repair:
        taken = {c.value for c in candidates}
        notes: dict[int, str] = {}
        fixed_list = list(candidates)
        for i, c in enumerate(candidates):
            if c.page in ocr_pages and c.keyword != ORDER_X_KEYWORD:
                fixed = _repaired(c, profile, taken)
                if fixed is not None:
                    fixed_list[i], notes[i] = fixed
                    taken.add(fixed[0].value)
        candidates = fixed_list
    else:
        notes = {}
    judged = [
        None if c.keyword == ORDER_X_KEYWORD else _judge(c, profile, page_sizes, weights)
        for c in candidates
    ]
    if not any(j and j[2] for j in judged):
        # Nothing looks like this customer's numbers: its software changed, or this is
        # not its usual kind of document. The label and place alone would then point
        # at whatever now stands there, so learning abstains.
        return list(candidates)
    scored: list[tuple[float, int, Candidate]] = []
    for i, (c, j) in enumerate(zip(candidates, judged, strict=True)):
        if j is None:
            scored.append((c.score, i, c))
            continue
        delta, reasons, _ = j
        score = _sigmoid(_logit(c.score) + delta)
        # Only Order-X is certain: a learned guess stays strictly below 1.
        score = min(score, 1 - 1e-6)
        if i in notes:
            reasons.insert(0, notes[i])
        new = replace(
            c,
            score=score,
            reasons=(*c.reasons, *(f"learned: {r}" for r in reasons)),
        )
        scored.append((score, i, new))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [c for _, _, c in scored]


def _domain_is_public(domain: str) -> bool:
    return domain in PUBLIC_MAIL_DOMAINS or domain.startswith(PUBLIC_MAIL_FAMILIES)


def customer_key(sender: str, siren: str | None) -> str:
    """Who a customer is, for learning: its SIREN when known (9 digits), else the
    sender's domain (``acme.fr``), else, for webmail, the whole address: two small
    customers on orange.fr are two customers. Raises :class:`MessageError` when there
    is neither a SIREN nor a usable sender address."""
    if siren:
        compact = "".join(siren.split())
        if _SIREN.fullmatch(compact):
            return compact
    address = parseaddr(sender or "")[1].strip().lower()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise MessageError(
            f"the sender {sender!r} has no usable address and no SIREN is known: "
            "the customer cannot be told apart"
        )
    domain = domain.rstrip(".")
    return address if _domain_is_public(domain) else domain
