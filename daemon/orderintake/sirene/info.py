"""What the register says about one identifier, and how identifiers are recognised.

:class:`SireneInfo` is the one answer every provider gives, whatever it asked (INSEE,
recherche-entreprises, the offline stock, VIES). ``status`` tells a clerk what to think:

``found``      the company exists and is active;
``closed``     it exists but has ceased trading (unité légale "C", établissement "F");
``not-found``  the register does not know the number (a typo the checksum let through,
               or an invented number);
``unknown``    the register could not be asked (network, quota, outage): a background
               job asks again later, so this is never a verdict;
``skipped``    not asked on purpose (no provider configured, our own number, a foreign
               VAT number while VIES is disabled).

``hidden`` marks a non-diffusible unit (statut de diffusion partielle): it exists, but
the register may not publish its name or address.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from stdnum import luhn
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

from ..errors import SireneError

SireneStatus = Literal["found", "not-found", "closed", "unknown", "skipped"]
STATUSES: tuple[str, ...] = ("found", "not-found", "closed", "unknown", "skipped")
NumberKind = Literal["siren", "siret", "vat", "eu-vat"]


@dataclass(frozen=True, slots=True)
class SireneInfo:
    """The register's answer for one number. ``checked_at`` is UTC; None if never asked."""

    status: SireneStatus
    number: str = ""
    name: str | None = None
    address: str | None = None
    naf: str | None = None
    etat_administratif: str | None = None
    checked_at: datetime | None = None
    provider: str | None = None
    hidden: bool = False
    detail: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown SIRENE status {self.status!r}")
        if self.checked_at is not None and self.checked_at.tzinfo is None:
            raise ValueError("checked_at must be timezone-aware (UTC)")

    @property
    def is_final(self) -> bool:
        """True when asking again now would not change the answer."""
        return self.status not in ("unknown",)

    def with_number(self, number: str) -> SireneInfo:
        return replace(self, number=number)


def utcnow() -> datetime:
    return datetime.now(UTC)


def sirene_json(info: SireneInfo) -> dict[str, Any]:
    """The JSON form used by ``extract --json``, ``process --json``, the database, the page."""
    return {
        "status": info.status,
        "number": info.number,
        "name": info.name,
        "address": info.address,
        "naf": info.naf,
        "etat_administratif": info.etat_administratif,
        "hidden": info.hidden,
        "checked_at": info.checked_at.isoformat() if info.checked_at else None,
        "provider": info.provider,
        "detail": info.detail,
    }


def sirene_from_json(data: dict[str, Any]) -> SireneInfo:
    """Inverse of :func:`sirene_json` (for the review page reading the database)."""
    checked = data.get("checked_at")
    return SireneInfo(
        status=data["status"],
        number=data.get("number") or "",
        name=data.get("name"),
        address=data.get("address"),
        naf=data.get("naf"),
        etat_administratif=data.get("etat_administratif"),
        checked_at=datetime.fromisoformat(checked) if checked else None,
        provider=data.get("provider"),
        hidden=bool(data.get("hidden")),
        detail=data.get("detail") or "",
    )


@dataclass(frozen=True, slots=True)
class Number:
    """A checked identifier: what it is and what to ask the register.

    ``siren`` is set for every French number (a FR VAT number with a numeric key
    carries its SIREN); ``siret`` only for a SIRET; ``country`` for VAT numbers.
    """

    kind: NumberKind
    compact: str
    siren: str | None = None
    siret: str | None = None
    country: str | None = None


def parse_number(text: str) -> Number:
    """Recognise a SIREN, SIRET or VAT number and check its checksum (python-stdnum).

    Raises a non-retryable :class:`SireneError` with a clerk-readable message when the
    number is malformed: the register is never asked about a number that cannot exist.
    """
    raw = "".join(text.split()).replace(".", "").replace("-", "").upper()
    if not raw:
        raise SireneError("no number given", retryable=False)
    try:
        if raw.isdigit() and len(raw) == 9:
            return Number("siren", fr_siren.validate(raw), siren=raw)
        if raw.isdigit() and len(raw) == 14:
            siret = fr_siret.validate(raw)
            return Number("siret", siret, siren=siret[:9], siret=siret)
        if raw.startswith("FR"):
            body = fr_tva.validate(raw)  # compact, without "FR": key (2) + SIREN (9)
            siren = body[2:]
            if not siren.isdigit() or not _is_siren(siren):
                return Number("vat", "FR" + body, country="FR")
            return Number("vat", "FR" + body, siren=siren, country="FR")
        if raw[:2].isalpha():
            vat = eu_vat.validate(raw)
            return Number("eu-vat", vat, country=vat[:2])
    except ValidationError as exc:
        raise SireneError(
            f"{text.strip()!r} is not a valid SIREN, SIRET or VAT number ({exc})",
            retryable=False,
        ) from exc
    raise SireneError(
        f"{text.strip()!r} is not a SIREN (9 digits), a SIRET (14 digits) or a VAT number",
        retryable=False,
    )


def siren_of(text: str) -> str | None:
    """The SIREN inside a SIREN, SIRET or French VAT number; None otherwise or if malformed.

    For the review page's warning "the VAT number's SIREN differs from the SIRET's".
    """
    try:
        return parse_number(text).siren
    except SireneError:
        return None


def _is_siren(value: str) -> bool:
    return len(value) == 9 and luhn.is_valid(value)


def company_name(fields: dict[str, Any], suffix: str = "UniteLegale") -> str | None:
    """The name a clerk knows: the dénomination, or "Prénom NOM" for an individual.

    INSEE writes ``[ND]`` in place of what a non-diffusible unit keeps private.
    """

    def get(key: str) -> str:
        value = fields.get(key + suffix)
        return "" if value in (None, "[ND]") else str(value).strip()

    name = get("denomination")
    if name:
        return name
    last = get("nomUsage") or get("nom")
    first = get("prenomUsuel") or get("prenom1")
    person = " ".join(p for p in (first, last) if p)
    return person or get("denominationUsuelle1") or get("sigle") or None


def street_address(fields: dict[str, Any], suffix: str = "Etablissement") -> str | None:
    """One line from INSEE's address fields: "12 B RUE DES LILAS, ZI NORD, 75011 PARIS"."""

    def get(key: str) -> str:
        value = fields.get(key + suffix)
        return "" if value in (None, "[ND]") else str(value).strip()

    street = " ".join(
        p
        for p in (
            get("numeroVoie"),
            get("indiceRepetition"),
            get("typeVoie"),
            get("libelleVoie"),
        )
        if p
    )
    city = " ".join(
        p
        for p in (
            get("codePostal"),
            get("libelleCommune") or get("libelleCommuneEtranger"),
        )
        if p
    )
    parts = [p for p in (street, get("complementAdresse"), get("distributionSpeciale"), city) if p]
    country = get("libellePaysEtranger")
    if country:
        parts.append(country)
    return ", ".join(parts) or None
