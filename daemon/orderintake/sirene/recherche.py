"""recherche-entreprises.api.gouv.fr: the State's public search, no key, 7 requests/s.

``GET /search?q=<siren or siret>`` answers ``{"results": [{"siren", "nom_complet",
"etat_administratif", "activite_principale", "siege": {"siret", "adresse",
"etat_administratif"}, "matching_etablissements": […]}], "total_results": …}``.
A search, not a register look-up: we keep only the result whose SIREN is the one asked.
"""

from __future__ import annotations

from typing import Any

from ..errors import SireneError
from .http import RegisterHttp
from .info import Number, SireneInfo, utcnow

NAME = "recherche-entreprises"


class RechercheEntreprisesProvider:
    name = NAME

    def __init__(self, http: RegisterHttp) -> None:
        self.http = http

    def close(self) -> None:
        self.http.close()

    def lookup(self, number: Number) -> SireneInfo:
        if not number.siren:
            raise SireneError(
                f"recherche-entreprises cannot look up {number.compact}", retryable=False
            )
        query = number.siret or number.siren
        status, body = self.http.get_json("/search", params={"q": query, "page": 1, "per_page": 5})
        if status != 200 or not isinstance(body, dict):
            raise SireneError(f"recherche-entreprises answered HTTP {status}")
        asked = number.siret or number.siren
        results = [r for r in body.get("results") or [] if r.get("siren") == number.siren]
        if not results:
            return SireneInfo("not-found", asked, checked_at=utcnow(), provider=NAME)
        unit: dict[str, Any] = results[0]
        place: dict[str, Any] = unit.get("siege") or {}
        if number.siret:
            places = [place, *(unit.get("matching_etablissements") or [])]
            matching = [p for p in places if p.get("siret") == number.siret]
            if not matching:
                return SireneInfo(
                    "not-found",
                    asked,
                    name=unit.get("nom_complet"),
                    checked_at=utcnow(),
                    provider=NAME,
                    detail="the company exists but has no establishment with this SIRET",
                )
            place = matching[0]
        unit_state = unit.get("etat_administratif")
        place_state = place.get("etat_administratif") if number.siret else None
        closed = unit_state == "C" or place_state == "F"
        return SireneInfo(
            "closed" if closed else "found",
            asked,
            name=unit.get("nom_complet"),
            address=place.get("adresse"),
            naf=unit.get("activite_principale"),
            etat_administratif=place_state if place_state == "F" else unit_state,
            checked_at=utcnow(),
            provider=NAME,
            hidden=unit.get("statut_diffusion") not in (None, "O"),
        )
