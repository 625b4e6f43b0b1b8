"""Order numbers and the other document numbers printed beside them.

Order numbers follow the habits described in the practitioner's notes: upper-case
prefixes (CF, BC, BDC, 4000, 4500, PO, ZINV, CDA, CO, CDE, CA, EJ, P.O., the CNRS "L "),
at least four consecutive digits, separators - / . _, sometimes an intentional space after
the prefix (kept in the label) and sometimes a suffix (initials, a version, a CNRS unit)
that the clerk leaves out. ``OrderNumber.printed`` is what the page shows,
``OrderNumber.label`` what a clerk types.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class OrderNumber:
    label: str
    suffix: str = ""  # printed right after the label, e.g. "/JD" or " UMR 7590"

    @property
    def printed(self) -> str:
        return self.label + self.suffix


def _d(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _year(rng: random.Random) -> str:
    return str(rng.choice([2023, 2024, 2025]))


def _initials(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTV") for _ in range(rng.choice([2, 2, 3])))


SHAPES: dict[str, Callable[[random.Random], str]] = {
    "CF": lambda r: "CF" + _year(r) + _d(r, 4),
    "BC": lambda r: r.choice(["BC-{y}-{n5}", "BC{y}/{n4}", "BC {n6}", "BC.{y2}.{n4}"]).format(
        y=_year(r), y2=_year(r)[2:], n4=_d(r, 4), n5=_d(r, 5), n6=_d(r, 6)
    ),
    "BDC": lambda r: r.choice(["BDC_{y2}_{n5}", "BDC{n6}", "BDC-{y}-{n4}"]).format(
        y=_year(r), y2=_year(r)[2:], n4=_d(r, 4), n5=_d(r, 5), n6=_d(r, 6)
    ),
    "4000": lambda r: "4000" + _d(r, 6),
    "4500": lambda r: "4500" + _d(r, 6),
    "PO": lambda r: r.choice(["PO-{n5}", "PO{n6}", "PO {y}-{n4}", "PO/{y2}/{n4}"]).format(
        y=_year(r), y2=_year(r)[2:], n4=_d(r, 4), n5=_d(r, 5), n6=_d(r, 6)
    ),
    "ZINV": lambda r: "ZINV" + _d(r, 7),
    "CDA": lambda r: r.choice(["CDA-{y}-{n4}", "CDA{n6}", "CDA {n6}"]).format(
        y=_year(r), n4=_d(r, 4), n6=_d(r, 6)
    ),
    "CO": lambda r: r.choice(["CO-{n5}", "CO{y}.{n4}", "CO_{n6}"]).format(
        y=_year(r), n4=_d(r, 4), n5=_d(r, 5), n6=_d(r, 6)
    ),
    "CDE": lambda r: r.choice(["CDE {n6}", "CDE-{y}-{n4}", "CDE{n5}", "CDE {y}/{n4}"]).format(
        y=_year(r), n4=_d(r, 4), n5=_d(r, 5), n6="00" + _d(r, 4)
    ),
    "CA": lambda r: r.choice(["CA {n7}", "CA{y2}-{n4}"]).format(
        y2=_year(r)[2:], n4=_d(r, 4), n7="00" + _d(r, 5)
    ),
    "EJ": lambda r: r.choice(["EJ{n10}", "EJ-{n8}", "EJ {n10}"]).format(
        n8=_d(r, 8), n10=r.choice(["1300", "2100", "2300"]) + _d(r, 6)
    ),
    "P.O.": lambda r: r.choice(["P.O. {n5}", "P.O.-{n5}", "P.O.{n6}"]).format(
        n5=_d(r, 5), n6=_d(r, 6)
    ),
    "none": lambda r: r.choice(
        ["{y}-{n4}", "{n8}", "{n3}/{y}", "{y2}{n4}", "A{y2}-{n4}", "{n4}-{y2}", "{n5}"]
    ).format(y=_year(r), y2=_year(r)[2:], n3=_d(r, 3), n4=_d(r, 4), n5=_d(r, 5), n8=_d(r, 8)),
}
# 0/8/1/5 beside letters: shapes whose reading an OCR may get wrong (B/8, S/5, O/0, I/1).
SHAPES["mixed"] = lambda r: r.choice(["SB{n4}", "B8-{n5}", "OS{n4}", "D0{n5}", "IB{n4}"]).format(
    n4=r.choice(["8015", "0518", "5108", "1850", "0081"]), n5="5" + _d(r, 3) + "0"
)


def order_number(
    rng: random.Random, prefix: str | None = None, suffix_rate: float = 0.15
) -> OrderNumber:
    """An order number with the given (or a random) prefix style, sometimes with a suffix."""
    style = prefix or rng.choice(list(SHAPES))
    label = SHAPES[style](rng)
    suffix = ""
    if rng.random() < suffix_rate:
        suffix = rng.choice(
            ["/" + _initials(rng), "/" + _initials(rng), "-V2", "/A1", " -" + _initials(rng)]
        )
    return OrderNumber(label, suffix)


def cnrs_number(rng: random.Random, unit: str) -> OrderNumber:
    """CNRS purchase orders: "L 12345" then a suffix (the buyer's initials or the unit)."""
    label = "L " + _d(rng, 5) if rng.random() < 0.8 else "L" + _d(rng, 6)
    suffix = rng.choice(["/" + _initials(rng), " " + unit, "/" + _initials(rng)])
    return OrderNumber(label, suffix)


def ej_number(rng: random.Random) -> str:
    """A Chorus Pro engagement juridique: ten digits."""
    return rng.choice(["1300", "2100", "2300", "1000"]) + _d(rng, 6)


def quote_number(rng: random.Random) -> str:
    return rng.choice(["DEV-{y}-{n4}", "D{y2}{n5}", "OF{y}{n4}", "DV{n6}", "G{n4}"]).format(
        y=_year(rng), y2=_year(rng)[2:], n4=_d(rng, 4), n5=_d(rng, 5), n6=_d(rng, 6)
    )


def invoice_number(rng: random.Random) -> str:
    return rng.choice(["F{y}-{n5}", "FA{n6}", "FAC-{y}-{n4}"]).format(
        y=_year(rng), n4=_d(rng, 4), n5=_d(rng, 5), n6=_d(rng, 6)
    )


def delivery_number(rng: random.Random) -> str:
    return rng.choice(["BL{y}{n4}", "BL-{n6}", "LIV{n5}"]).format(
        y=_year(rng), n4=_d(rng, 4), n5=_d(rng, 5), n6=_d(rng, 6)
    )


def customer_code(rng: random.Random) -> str:
    return rng.choice(["C{n6}", "CLI-{n5}", "{n6}", "C0{n4}"]).format(
        n4=_d(rng, 4), n5=_d(rng, 5), n6=_d(rng, 6)
    )


def date(rng: random.Random, sep: str = "/") -> str:
    return f"{rng.randint(1, 28):02d}{sep}{rng.randint(1, 12):02d}{sep}{_year(rng)}"
