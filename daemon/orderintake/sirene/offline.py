"""Look-ups in the stock imported with ``orderintake sirene import``: no network at all.

A number absent from the stock is ``not-found`` only once a whole stock file of that
kind has been imported; before that the offline provider has no answer and the next
provider is asked. The stock is at most a month old, so the client treats an offline
``not-found`` as weaker than an online one (see :mod:`.client`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import SireneError
from ..store.sirene_tables import sirene_etablissement, sirene_unite_legale
from .info import Number, SireneInfo, utcnow
from .stock import stock_complete

NAME = "offline"


class NoAnswer(SireneError):
    """This provider cannot answer this question (not a failure: ask the next one)."""

    retryable = False


class OfflineProvider:
    name = NAME

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        pass

    def lookup(self, number: Number) -> SireneInfo:
        try:
            with self.engine.connect() as conn:
                if number.siret:
                    return self._siret(conn, number.siret)
                if number.siren:
                    return self._siren(conn, number.siren)
        except SQLAlchemyError as exc:
            raise SireneError(f"the offline SIRENE stock could not be read ({exc})") from exc
        raise NoAnswer(f"the offline stock has no answer for {number.compact}")

    def _unit(self, conn: Connection, siren: str) -> Any:
        return conn.execute(
            select(sirene_unite_legale).where(sirene_unite_legale.c.siren == siren)
        ).first()

    def _siren(self, conn: Connection, siren: str) -> SireneInfo:
        unit = self._unit(conn, siren)
        if unit is None:
            if stock_complete(conn, "unite_legale"):
                return SireneInfo("not-found", siren, checked_at=utcnow(), provider=NAME)
            raise NoAnswer("no unités légales imported yet")
        address = None
        if unit.nic_siege:
            siege = conn.execute(
                select(sirene_etablissement.c.address).where(
                    sirene_etablissement.c.siret == siren + unit.nic_siege
                )
            ).first()
            address = siege.address if siege else None
        etat = unit.etat_administratif
        return SireneInfo(
            "closed" if etat == "C" else "found",
            siren,
            name=unit.name,
            address=address,
            naf=unit.naf,
            etat_administratif=etat,
            checked_at=utcnow(),
            provider=NAME,
            hidden=unit.statut_diffusion not in (None, "O"),
        )

    def _siret(self, conn: Connection, siret: str) -> SireneInfo:
        place = conn.execute(
            select(sirene_etablissement).where(sirene_etablissement.c.siret == siret)
        ).first()
        if place is None:
            if stock_complete(conn, "etablissement"):
                return SireneInfo("not-found", siret, checked_at=utcnow(), provider=NAME)
            raise NoAnswer("no établissements imported yet")
        unit = self._unit(conn, place.siren)
        unit_name = unit.name if unit else None
        unit_state = unit.etat_administratif if unit else None
        name = unit_name or place.sign
        if unit_name and place.sign and place.sign != unit_name:
            name = f"{unit_name} ({place.sign})"
        closed = unit_state == "C" or place.etat_administratif == "F"
        hidden = place.statut_diffusion not in (None, "O") or (
            unit is not None and unit.statut_diffusion not in (None, "O")
        )
        return SireneInfo(
            "closed" if closed else "found",
            siret,
            name=name,
            address=place.address,
            naf=(unit.naf if unit else None) or place.naf,
            etat_administratif="F" if place.etat_administratif == "F" else unit_state,
            checked_at=utcnow(),
            provider=NAME,
            hidden=hidden,
        )
