"""Identifiers and everyday numbers printed on French business papers, computed honestly.

Every valid SIREN/SIRET/VAT/IBAN here is built from its own checksum rule and then checked
with python-stdnum, so the corpus never labels a number the register would refuse. The
deliberately wrong ones (a clerk's typo on a letterhead) are made by bumping the last digit
of a valid number, which breaks the checksum by construction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.be import vat as be_vat
from stdnum.de import vat as de_vat
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva
from stdnum.gb import vat as gb_vat


def make_siren(rng: random.Random) -> str:
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    siren = body + luhn.calc_check_digit(body)
    assert fr_siren.is_valid(siren)
    return siren


def make_siret(rng: random.Random, siren: str) -> str:
    nic = f"{rng.randint(1, 999):04d}"
    body = siren + nic
    siret = body + luhn.calc_check_digit(body)
    assert fr_siret.is_valid(siret)
    return siret


def fr_vat_of(siren: str) -> str:
    """The French VAT number is FR + a two-digit key derived from the SIREN."""
    key = (12 + 3 * (int(siren) % 97)) % 97
    vat = f"FR{key:02d}{siren}"
    assert fr_tva.is_valid(vat)
    return vat


def _complete(prefix: str, body: str, is_valid: Callable[[str], bool], width: int) -> str:
    """Append the check digits that make ``prefix+body+check`` valid for a stdnum validator."""
    for n in range(10**width):
        candidate = f"{prefix}{body}{n:0{width}d}"
        if is_valid(candidate):
            return candidate
    raise ValueError(f"no check digits for {prefix}{body}")


def make_be_vat(rng: random.Random) -> str:
    body = "0" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return _complete("BE", body, be_vat.is_valid, 2)


def make_de_vat(rng: random.Random) -> str:
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return _complete("DE", body, de_vat.is_valid, 1)


def make_gb_vat(rng: random.Random) -> str:
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(6))
    return _complete("GB", body, gb_vat.is_valid, 2)


def corrupt(number: str) -> str:
    """A typo in the last digit: the checksum no longer holds."""
    last = int(number[-1])
    return number[:-1] + str((last + 3) % 10)


def make_iban_fr(rng: random.Random) -> str:
    bban = (
        f"{rng.randint(10000, 30000):05d}{rng.randint(0, 99999):05d}"
        + "".join(str(rng.randint(0, 9)) for _ in range(11))
        + f"{rng.randint(0, 96):02d}"
    )
    check = std_iban.calc_check_digits("FR00" + bban)
    number = f"FR{check}{bban}"
    if not std_iban.is_valid(number):  # the RIB key inside is checked too: retry
        return make_iban_fr(rng)
    return number


def spaced(number: str, groups: tuple[int, ...]) -> str:
    out, i = [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    if i < len(number):
        out.append(number[i:])
    return " ".join(p for p in out if p)


def show_siret(siret: str, rng: random.Random) -> str:
    return rng.choice(
        [siret, spaced(siret, (3, 3, 3, 5)), spaced(siret, (9, 5)), spaced(siret, (3, 3, 3))]
    )


def show_vat(vat: str, rng: random.Random) -> str:
    if vat.startswith("FR"):
        return rng.choice(
            [vat, f"FR {vat[2:4]} {spaced(vat[4:], (3, 3, 3))}", f"FR{vat[2:4]} {vat[4:]}"]
        )
    return rng.choice([vat, f"{vat[:2]} {vat[2:]}"])


def show_iban(number: str) -> str:
    return spaced(number, (4,) * 8)


def phone(rng: random.Random) -> str:
    digits = f"0{rng.choice('12345')}" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    style = rng.randrange(4)
    if style == 0:
        return spaced(digits, (2, 2, 2, 2, 2))
    if style == 1:
        return ".".join(digits[i : i + 2] for i in range(0, 10, 2))
    if style == 2:
        return "+33 " + digits[1] + " " + spaced(digits[2:], (2, 2, 2, 2))
    return "+33 (0)" + digits[1] + " " + spaced(digits[2:], (2, 2, 2, 2))


CITIES = [
    ("69003", "LYON"),
    ("38100", "Grenoble"),
    ("13008", "Marseille"),
    ("59000", "Lille"),
    ("31400", "Toulouse"),
    ("44300", "Nantes"),
    ("67000", "Strasbourg"),
    ("33700", "Mérignac"),
    ("21000", "Dijon"),
    ("76100", "Rouen"),
    ("35000", "Rennes"),
    ("63000", "Clermont-Ferrand"),
    ("74960", "Cran-Gevrier"),
    ("91190", "Gif-sur-Yvette"),
    ("54500", "Vandœuvre-lès-Nancy"),
    ("06200", "Nice"),
    ("34090", "Montpellier"),
    ("86000", "Poitiers"),
]

STREETS = [
    "rue de la République",
    "avenue Jean Jaurès",
    "boulevard Gambetta",
    "chemin des Vignes",
    "ZI des Bruyères",
    "rue du Docteur Roux",
    "allée des Tilleuls",
    "route de Vienne",
    "quai Perrache",
    "Parc d'activités du Moulin",
]


def address(rng: random.Random) -> tuple[str, str]:
    street = f"{rng.randint(1, 180)} {rng.choice(STREETS)}"
    pc, city = rng.choice(CITIES)
    return street, f"{pc} {city}"


@dataclass(frozen=True)
class Party:
    """A company on the paper: the customer who orders, or us, the supplier."""

    name: str
    street: str
    city: str
    siren: str
    siret: str
    vat: str
    phone: str
    fax: str
    email: str
    iban: str
    country: str = "FR"


def make_party(rng: random.Random, name: str, domain: str, country: str = "FR") -> Party:
    street, city = address(rng)
    if country == "FR":
        siren = make_siren(rng)
        siret, vat = make_siret(rng, siren), fr_vat_of(siren)
    else:
        siren = siret = ""
        vat = {"BE": make_be_vat, "DE": make_de_vat, "GB": make_gb_vat}.get(country, lambda r: "")(
            rng
        )
    return Party(
        name=name,
        street=street,
        city=city,
        siren=siren,
        siret=siret,
        vat=vat,
        phone=phone(rng),
        fax=phone(rng),
        email=f"achats@{domain}",
        iban=make_iban_fr(rng),
        country=country,
    )


# Us: the supplier who receives the orders. Fixed seed so the numbers never move.
SUPPLIER = make_party(random.Random(19790412), "ELECTRO-MESURE DAUPHINÉ SAS", "emd-instruments.fr")
