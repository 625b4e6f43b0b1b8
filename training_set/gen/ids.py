"""French business identifiers computed with their real checksums.

SIREN and SIRET carry a Luhn digit, the French VAT number a mod-97 key over the SIREN,
the IBAN a mod-97 check and the French RIB its own key. The generator computes them so
that a "valid" identifier passes python-stdnum, and spoils a few on purpose (one digit
changed) so the extractor meets the typos clerks see on real orders.
"""

from __future__ import annotations

import random

from stdnum import iban as std_iban
from stdnum import luhn


def siren(rng: random.Random) -> str:
    """A random SIREN (9 digits, Luhn) that does not start with 0."""
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return body + luhn.calc_check_digit(body)


def siret(siren_: str, rng: random.Random) -> str:
    """A SIRET of the company ``siren_``: its NIC (establishment number) plus a Luhn digit."""
    body = siren_ + f"{rng.randint(1, 99):04d}"
    return body + luhn.calc_check_digit(body)


def vat(siren_: str) -> str:
    """French VAT number: FR + key + SIREN, key = (12 + 3 * (SIREN mod 97)) mod 97."""
    key = (12 + 3 * (int(siren_) % 97)) % 97
    return f"FR{key:02d}{siren_}"


def spoil(number: str, rng: random.Random) -> str:
    """Change one digit (never the first two characters), breaking the checksum."""
    positions = [i for i, c in enumerate(number) if c.isdigit() and i >= 2]
    i = rng.choice(positions)
    d = int(number[i])
    return number[:i] + str((d + rng.randint(1, 8)) % 10) + number[i + 1 :]


def rib_key(bank: str, branch: str, account: str) -> str:
    """The two-digit key of a French RIB (account number digits only)."""
    return f"{97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97):02d}"


def iban_fr(rng: random.Random) -> str:
    """A valid French IBAN, printed in groups of four as on letterheads."""
    bank = rng.choice(["30004", "30003", "10278", "20041", "11306", "13807", "30066"])
    branch = f"{rng.randint(0, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    bban = bank + branch + account + rib_key(bank, branch, account)
    check = std_iban.calc_check_digits("FR00" + bban)
    compact = "FR" + check + bban
    assert std_iban.is_valid(compact)
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


BICS = [
    "BNPAFRPPXXX",
    "SOGEFRPP",
    "CRLYFRPP",
    "AGRIFRPP882",
    "CCBPFRPPLYO",
    "CMCIFRPP",
    "PSSTFRPPLYO",
]


def bic(rng: random.Random) -> str:
    return rng.choice(BICS)


def phone(rng: random.Random) -> str:
    """A French phone number in one of the spellings seen on letterheads."""
    zone = rng.choice(["01", "02", "03", "04", "05", "09", "06", "07"])
    groups = [f"{rng.randint(0, 99):02d}" for _ in range(4)]
    style = rng.randrange(4)
    if style == 0:
        return " ".join([zone, *groups])
    if style == 1:
        return ".".join([zone, *groups])
    if style == 2:
        return "+33 " + zone[1] + " " + " ".join(groups)
    return "+33 (0)" + zone[1] + " " + " ".join(groups)
