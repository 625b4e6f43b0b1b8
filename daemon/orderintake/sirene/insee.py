"""INSEE's API Sirene 3.11: the register itself, 30 requests a minute per key.

``GET /siren/{siren}`` answers ``{"header": …, "uniteLegale": {…, "periodesUniteLegale":
[…]}}`` and ``GET /siret/{siret}`` answers ``{"header": …, "etablissement": {…,
"uniteLegale": {…}, "adresseEtablissement": {…}, "periodesEtablissement": […]}}``. The
values that change over time (name, state, activity) live in the *periods*; the current
one is the period whose ``dateFin`` is null. 404 means the number is not in the register;
403 means the unit exists but is not diffusible (its owner asked INSEE not to publish it).
"""

from __future__ import annotations

import logging
from typing import Any

from ..errors import SireneError
from .http import RegisterHttp
from .info import Number, SireneInfo, company_name, street_address, utcnow

log = logging.getLogger(__name__)

NAME = "insee"
API_KEY_HEADER = "X-INSEE-Api-Key-Integration"


def current_period(periods: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The period with no end date; else the latest by start date; else nothing."""
    periods = periods or []
    for period in periods:
        if period.get("dateFin") is None:
            return period
    dated = [p for p in periods if p.get("dateDebut")]
    return max(dated, key=lambda p: p["dateDebut"]) if dated else {}


def _diffusible(value: Any) -> bool:
    return value in (None, "O")


class InseeProvider:
    """Looks numbers up in the live register. ``http`` carries the key and the quota."""

    name = NAME

    def __init__(self, http: RegisterHttp, *, fetch_siege_address: bool = True) -> None:
        self.http = http
        self.fetch_siege_address = fetch_siege_address

    def close(self) -> None:
        self.http.close()

    def lookup(self, number: Number) -> SireneInfo:
        if number.siret:
            return self._siret(number.siret)
        if number.siren:
            return self._siren(number.siren)
        raise SireneError(f"INSEE cannot look up {number.compact}", retryable=False)

    def _answer(self, status: int, what: str, value: str) -> SireneInfo | None:
        """The verdicts a status alone gives (404, 403), or None to read the body."""
        now = utcnow()
        if status == 404:
            return SireneInfo("not-found", value, checked_at=now, provider=NAME)
        if status == 403:
            return SireneInfo(
                "found",
                value,
                checked_at=now,
                provider=NAME,
                hidden=True,
                detail=f"{what} non diffusible: the register does not publish it",
            )
        if status == 401:
            raise SireneError("INSEE refused the API key (check insee_api_key_file)")
        if status != 200:
            raise SireneError(f"INSEE answered HTTP {status} for {value}")
        return None

    def _siren(self, siren: str) -> SireneInfo:
        status, body = self.http.get_json(f"/siren/{siren}")
        early = self._answer(status, "unité légale", siren)
        if early is not None:
            return early
        unit = (body or {}).get("uniteLegale")
        if not isinstance(unit, dict):
            raise SireneError("INSEE's answer has no uniteLegale")
        period = current_period(unit.get("periodesUniteLegale"))
        merged = {**unit, **period}
        etat = period.get("etatAdministratifUniteLegale")
        address = None
        nic = period.get("nicSiegeUniteLegale")
        if self.fetch_siege_address and nic:
            address = self._siege_address(siren + str(nic))
        return SireneInfo(
            "closed" if etat == "C" else "found",
            siren,
            name=company_name(merged),
            address=address,
            naf=period.get("activitePrincipaleUniteLegale"),
            etat_administratif=etat,
            checked_at=utcnow(),
            provider=NAME,
            hidden=not _diffusible(unit.get("statutDiffusionUniteLegale")),
        )

    def _siege_address(self, siret: str) -> str | None:
        """The head office's address: a second request, worth it for the clerk."""
        try:
            status, body = self.http.get_json(f"/siret/{siret}")
        except SireneError as exc:
            log.info("INSEE: head-office address of %s not read: %s", siret, exc)
            return None
        if status != 200 or not isinstance(body, dict):
            return None
        etab = body.get("etablissement") or {}
        return street_address(etab.get("adresseEtablissement") or {})

    def _siret(self, siret: str) -> SireneInfo:
        status, body = self.http.get_json(f"/siret/{siret}")
        early = self._answer(status, "établissement", siret)
        if early is not None:
            return early
        etab = (body or {}).get("etablissement")
        if not isinstance(etab, dict):
            raise SireneError("INSEE's answer has no etablissement")
        unit = etab.get("uniteLegale") or {}
        period = current_period(etab.get("periodesEtablissement"))
        unit_state = unit.get("etatAdministratifUniteLegale")
        etab_state = period.get("etatAdministratifEtablissement")
        closed = unit_state == "C" or etab_state == "F"
        name = company_name(unit)
        sign = period.get("enseigne1Etablissement") or period.get(
            "denominationUsuelleEtablissement"
        )
        if name and sign and sign not in ("[ND]", name):
            name = f"{name} ({sign})"
        return SireneInfo(
            "closed" if closed else "found",
            siret,
            name=name or (sign if sign != "[ND]" else None),
            address=street_address(etab.get("adresseEtablissement") or {}),
            naf=unit.get("activitePrincipaleUniteLegale")
            or period.get("activitePrincipaleEtablissement"),
            etat_administratif=etab_state if etab_state == "F" else unit_state or etab_state,
            checked_at=utcnow(),
            provider=NAME,
            hidden=not (
                _diffusible(etab.get("statutDiffusionEtablissement"))
                and _diffusible(unit.get("statutDiffusionUniteLegale"))
            ),
        )
