"""Answers in the JSON layout INSEE's API Sirene 3.11, recherche-entreprises and VIES
document, trimmed to the fields that matter plus a few neighbours (so the client is
shown to pick its fields out of a realistic answer, not out of a tailor-made one).
"""

from __future__ import annotations

from typing import Any

HEADER = {"statut": 200, "message": "ok"}

# Real-shaped, checksum-valid numbers (Luhn), invented companies.
SIREN_ACME = "732829320"
SIRET_ACME = "73282932000074"
SIREN_CLOSED = "404833048"
SIREN_HIDDEN = "552100554"
SIREN_ABSENT = "130005481"


def unite_legale(
    siren: str,
    *,
    name: str | None = "ACME INDUSTRIE",
    state: str = "A",
    naf: str = "28.29B",
    nic_siege: str = "00074",
    diffusion: str = "O",
    person: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """``GET /siren/{siren}``: identity at the top, the history in periodesUniteLegale."""
    current = {
        "dateFin": None,
        "dateDebut": "2019-01-01",
        "etatAdministratifUniteLegale": state,
        "changementEtatAdministratifUniteLegale": state == "C",
        "nomUniteLegale": person[1] if person else None,
        "nomUsageUniteLegale": None,
        "denominationUniteLegale": None if person else name,
        "denominationUsuelle1UniteLegale": None,
        "categorieJuridiqueUniteLegale": "5710",
        "activitePrincipaleUniteLegale": naf,
        "nomenclatureActivitePrincipaleUniteLegale": "NAFRev2",
        "nicSiegeUniteLegale": nic_siege,
        "economieSocialeSolidaireUniteLegale": "N",
        "caractereEmployeurUniteLegale": "O",
    }
    older = {
        **current,
        "dateFin": "2018-12-31",
        "dateDebut": "1990-01-01",
        "etatAdministratifUniteLegale": "A",
        "denominationUniteLegale": "ACME ANCIEN NOM",
        "activitePrincipaleUniteLegale": "29.5A",
    }
    return {
        "header": HEADER,
        "uniteLegale": {
            "siren": siren,
            "statutDiffusionUniteLegale": diffusion,
            "dateCreationUniteLegale": "1990-01-01",
            "sigleUniteLegale": None,
            "sexeUniteLegale": None,
            "prenom1UniteLegale": person[0] if person else None,
            "prenomUsuelUniteLegale": person[0] if person else None,
            "trancheEffectifsUniteLegale": "22",
            "categorieEntreprise": "PME",
            "nombrePeriodesUniteLegale": 2,
            "periodesUniteLegale": [current, older],
        },
    }


def etablissement(
    siret: str,
    *,
    name: str = "ACME INDUSTRIE",
    unit_state: str = "A",
    state: str = "A",
    naf: str = "28.29B",
    sign: str | None = None,
) -> dict[str, Any]:
    """``GET /siret/{siret}``: the unit's current values flattened in ``uniteLegale``."""
    return {
        "header": HEADER,
        "etablissement": {
            "siren": siret[:9],
            "nic": siret[9:],
            "siret": siret,
            "statutDiffusionEtablissement": "O",
            "dateCreationEtablissement": "1990-01-01",
            "etablissementSiege": True,
            "nombrePeriodesEtablissement": 1,
            "uniteLegale": {
                "etatAdministratifUniteLegale": unit_state,
                "statutDiffusionUniteLegale": "O",
                "denominationUniteLegale": name,
                "nomUniteLegale": None,
                "prenom1UniteLegale": None,
                "activitePrincipaleUniteLegale": naf,
                "categorieJuridiqueUniteLegale": "5710",
            },
            "adresseEtablissement": {
                "complementAdresseEtablissement": "ZI DU MOULIN",
                "numeroVoieEtablissement": "12",
                "indiceRepetitionEtablissement": "B",
                "typeVoieEtablissement": "RUE",
                "libelleVoieEtablissement": "DES FORGES",
                "codePostalEtablissement": "69007",
                "libelleCommuneEtablissement": "LYON",
                "libelleCommuneEtrangerEtablissement": None,
                "distributionSpecialeEtablissement": None,
                "codeCommuneEtablissement": "69387",
                "codeCedexEtablissement": None,
                "libelleCedexEtablissement": None,
                "codePaysEtrangerEtablissement": None,
                "libellePaysEtrangerEtablissement": None,
            },
            "adresse2Etablissement": {"numeroVoie2Etablissement": None},
            "periodesEtablissement": [
                {
                    "dateFin": None,
                    "dateDebut": "2019-01-01",
                    "etatAdministratifEtablissement": state,
                    "changementEtatAdministratifEtablissement": False,
                    "enseigne1Etablissement": sign,
                    "denominationUsuelleEtablissement": None,
                    "activitePrincipaleEtablissement": naf,
                },
                {
                    "dateFin": "2018-12-31",
                    "dateDebut": "1990-01-01",
                    "etatAdministratifEtablissement": "A",
                    "enseigne1Etablissement": "VIEILLE ENSEIGNE",
                    "activitePrincipaleEtablissement": "29.5A",
                },
            ],
        },
    }


def recherche(siren: str, *, name: str = "ACME INDUSTRIE", state: str = "A") -> dict[str, Any]:
    """``GET /search?q=…`` of recherche-entreprises."""
    return {
        "results": [
            {
                "siren": siren,
                "nom_complet": name,
                "nom_raison_sociale": name,
                "etat_administratif": state,
                "activite_principale": "28.29B",
                "statut_diffusion": "O",
                "siege": {
                    "siret": siren + "00074",
                    "adresse": "12 B RUE DES FORGES ZI DU MOULIN 69007 LYON",
                    "etat_administratif": "A",
                },
                "matching_etablissements": [],
            }
        ],
        "total_results": 1,
        "page": 1,
        "per_page": 5,
        "total_pages": 1,
    }


def vies(country: str, number: str, *, valid: bool = True) -> dict[str, Any]:
    """``POST /check-vat-number`` of the VIES REST API."""
    return {
        "countryCode": country,
        "vatNumber": number,
        "requestDate": "2026-11-22T10:00:00.000Z",
        "valid": valid,
        "requestIdentifier": "",
        "name": "MUSTER GMBH" if valid else "---",
        "address": "HAUPTSTR. 1\n10115 BERLIN" if valid else "---",
        "traderName": "---",
        "traderStreet": "---",
    }
