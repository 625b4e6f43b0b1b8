"""Everything the engine reads from one document, in one frozen result.

``analyse`` is the single entry point the pipeline and the command line call: Order-X
first (exact, score 1.0), then identifiers, then order-number candidates with the
identifiers masked, then the other labelled fields. Pure: safe in a process pool.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import id_repair, ordernumber
from . import identifiers as ids
from .engine_rules import EngineRules
from .model import Candidate, Document, Identifier


@dataclass(frozen=True)
class Analysis:
    """What the engine read. ``order_numbers`` best first; ``is_change`` for an Order-X
    order change (type 230); ``timing`` in milliseconds per stage."""

    order_numbers: tuple[Candidate, ...]
    identifiers: tuple[Identifier, ...]
    customer_vat: Identifier | None = None
    customer_siret: Identifier | None = None
    customer_siren: str | None = None
    consistency: tuple[str, ...] = ()
    total_ht: Decimal | None = None
    total_ttc: Decimal | None = None
    totals_coherent: bool | None = None
    quote_number: str | None = None
    code_service: str | None = None
    ej: str | None = None
    is_change: bool = False
    source: str = "text"
    timing: dict[str, float] = field(default_factory=dict)

    @property
    def best(self) -> Candidate | None:
        return self.order_numbers[0] if self.order_numbers else None

    def to_json(self) -> dict[str, Any]:
        """The fields merged into ``orderintake extract --json`` (issue 3 §5)."""
        return {
            "order_numbers": [
                {
                    "value": c.value,
                    "suffix": c.suffix,
                    "score": round(c.score, 4),
                    "page": c.page,
                    "bbox": c.bbox.as_list() if c.bbox else None,
                    "keyword": c.keyword,
                    "evidence": c.evidence,
                    "corrections": list(c.corrections),
                }
                for c in self.order_numbers
            ],
            "identifiers": [
                {
                    "kind": i.kind,
                    "value": i.value,
                    "valid": i.valid,
                    "page": i.page,
                    "bbox": i.bbox.as_list() if i.bbox else None,
                    "is_ours": i.is_ours,
                    "corrections": list(i.corrections),
                }
                for i in self.identifiers
            ],
            "customer": {
                "vat": self.customer_vat.value if self.customer_vat else None,
                "siret": self.customer_siret.value if self.customer_siret else None,
                "siren": self.customer_siren,
            },
            "consistency": list(self.consistency),
            "total_ht": str(self.total_ht) if self.total_ht is not None else None,
            "total_ttc": str(self.total_ttc) if self.total_ttc is not None else None,
            "totals_coherent": self.totals_coherent,
            "quote_number": self.quote_number,
            "code_service": self.code_service,
            "ej": self.ej,
            "is_change": self.is_change,
            "order_number_source": self.source,
        }


def analyse(
    document: Document, rules: EngineRules, own_identifiers: Iterable[str] = ()
) -> Analysis:
    """Read the order number, identifiers and fields of one document."""
    t0 = time.perf_counter()
    own = tuple(own_identifiers)
    found = [f for p in document.pages for f in ids.find_on_page(p, own)]
    if any(p.source == "ocr" for p in document.pages):
        found = id_repair.repair_document(document, found, own)
    identifiers = tuple(dict.fromkeys(f.identifier for f in found))  # a wrapped one once
    t1 = time.perf_counter()
    candidates = ordernumber.find_order_numbers(document, rules, found)
    t2 = time.perf_counter()
    customer = ids.customer_identifiers(document, identifiers, rules)
    total_ht, total_ttc, coherent = ids.find_totals(document, rules)
    fields = {
        name: ids.find_field(document, rules.fields[name])
        for name in ("quote_number", "code_service", "ej")
        if name in rules.fields
    }
    values = {k: (v.value if v else None) for k, v in fields.items()}
    # A customer outside France has no French VAT number: its EU one is its VAT number.
    vat = customer.get("vat") or customer.get("eu-vat")
    siret, siren = customer.get("siret"), customer.get("siren")
    customer_siren = (
        siren.value
        if siren
        else siret.value[:9]
        if siret
        else vat.value[-9:]
        if vat and vat.kind == "vat"
        else None
    )
    is_change = False
    source = "text"
    ox = document.orderx
    if ox is not None:
        is_change = ox.is_change
        if ox.order_number:
            source = "order-x"
            candidates = [ordernumber.orderx_candidate(ox.order_number)] + [
                c for c in candidates if c.value != ox.order_number
            ]
        if ox.quote_reference:
            values["quote_number"] = ox.quote_reference
        if ox.buyer_siren:
            customer_siren = ox.buyer_siren
        if ox.buyer_vat:
            vat = Identifier(
                "vat" if ox.buyer_vat.startswith("FR") else "eu-vat",
                ox.buyer_vat,
                True,
                1,
                raw="order-x",
            )
        if ox.buyer_siret:
            siret = Identifier("siret", ox.buyer_siret, True, 1, raw="order-x")
        if ox.total_ht and total_ht is None:
            with contextlib.suppress(ArithmeticError):
                total_ht = Decimal(ox.total_ht)
    t3 = time.perf_counter()
    return Analysis(
        order_numbers=tuple(candidates),
        identifiers=identifiers,
        customer_vat=vat,
        customer_siret=siret,
        customer_siren=customer_siren,
        consistency=ids.consistency_flags(customer),
        total_ht=total_ht,
        total_ttc=total_ttc,
        totals_coherent=coherent,
        quote_number=values.get("quote_number"),
        code_service=values.get("code_service"),
        ej=values.get("ej"),
        is_change=is_change,
        source=source,
        timing={
            "identifiers_ms": (t1 - t0) * 1000,
            "order_numbers_ms": (t2 - t1) * 1000,
            "fields_ms": (t3 - t2) * 1000,
            "total_ms": (t3 - t0) * 1000,
        },
    )
