"""Identifiers for holdout2: SIREN/SIRET (Luhn), FR VAT key, a few foreign VAT numbers.

Every number is made from the rules and then checked with python-stdnum, so a label is never
an identifier the register would refuse. Typo variants change one digit and are checked to be
invalid.
"""

from __future__ import annotations

import random
import string

from stdnum.eu import vat as eu_vat
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    """body + the one digit that makes the whole Luhn-valid."""
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError(body)


def new_siren(rng: random.Random, first: str | None = None) -> str:
    while True:
        head = (first or str(rng.randint(3, 9))) + "".join(
            rng.choice(string.digits) for _ in range(7)
        )
        siren = luhn_complete(head)
        if fr_siren.is_valid(siren):
            return siren


def new_siret(rng: random.Random, siren: str) -> str:
    while True:
        nic = f"000{rng.randint(1, 9)}" if rng.random() < 0.5 else f"{rng.randint(10, 620):04d}"
        body = siren + nic
        siret = luhn_complete(body)
        if fr_siret.is_valid(siret):
            return siret


def fr_vat(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    vat = f"FR{key:02d}{siren}"
    assert eu_vat.is_valid(vat), vat
    return vat


def foreign_vat(rng: random.Random, country: str) -> str:
    """A valid VAT number of DE, BE, ES, IT or NL, found by completing random digits."""
    alnum = string.digits + string.ascii_uppercase
    for _ in range(10000):
        if country == "DE":
            cand = (
                "DE" + str(rng.randint(1, 3)) + "".join(rng.choice(string.digits) for _ in range(8))
            )
        elif country == "BE":
            cand = (
                "BE0"
                + str(rng.randint(2, 8))
                + "".join(rng.choice(string.digits) for _ in range(8))
            )
        elif country == "ES":
            head = rng.choice("ABB")
            cand = (
                "ES"
                + head
                + "".join(rng.choice(string.digits) for _ in range(7))
                + rng.choice(alnum)
            )
        elif country == "IT":
            cand = "IT0" + "".join(rng.choice(string.digits) for _ in range(10))
        elif country == "NL":
            cand = "NL" + "".join(rng.choice(string.digits) for _ in range(9)) + "B01"
        else:
            raise ValueError(country)
        if eu_vat.is_valid(cand):
            return cand
    raise AssertionError(country)


def typo(rng: random.Random, value: str, valid) -> str:
    """The same number with one digit changed so that it is invalid (a clerk's typo)."""
    positions = [i for i, ch in enumerate(value) if ch.isdigit()]
    for _ in range(200):
        i = rng.choice(positions[-4:])
        d = str((int(value[i]) + rng.randint(1, 9)) % 10)
        cand = value[:i] + d + value[i + 1 :]
        if not valid(cand):
            return cand
    raise AssertionError(value)


def siret_typo(rng: random.Random, siret: str) -> str:
    return typo(rng, siret, fr_siret.is_valid)


def vat_typo(rng: random.Random, vat: str) -> str:
    return typo(rng, vat, eu_vat.is_valid)


# ---- printed forms ---------------------------------------------------------------------------


def fmt_siret(rng: random.Random, siret: str) -> str:
    return rng.choice(
        [
            siret,
            f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}",
            f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}",
            f"{siret[:9]} {siret[9:]}",
        ]
    )


def fmt_siren(siren: str) -> str:
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


def fmt_vat(rng: random.Random, vat: str) -> str:
    if vat.startswith("FR"):
        return rng.choice(
            [
                vat,
                vat,
                f"FR {vat[2:4]} {vat[4:7]} {vat[7:10]} {vat[10:]}",
                f"FR{vat[2:4]} {vat[4:]}",
                f"FR {vat[2:]}",
            ]
        )
    if vat.startswith("DE"):
        return rng.choice([vat, f"DE {vat[2:5]} {vat[5:8]} {vat[8:]}", f"DE {vat[2:]}"])
    if vat.startswith("BE"):
        return rng.choice([vat, f"BE {vat[2:6]}.{vat[6:9]}.{vat[9:]}"])
    return rng.choice([vat, f"{vat[:2]} {vat[2:]}"])


def compact(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum()).upper()
