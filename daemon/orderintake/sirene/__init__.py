"""The SIRENE register: is the customer real, active, and what is it called?

Checksums (python-stdnum) say a number is well-formed; the register says the company
exists. Providers, tried in the configured order: the offline stock (INSEE's monthly
files, imported with ``orderintake sirene import``), INSEE's API Sirene 3.11 (needs a
key; 30 requests a minute), the public recherche-entreprises API; VIES for EU VAT
numbers outside France. Answers are cached in the database with a TTL and the mail
pipeline never waits: numbers start ``unknown`` and a scheduled job completes them.

Public API::

    parse_number(text) -> Number                       # checksum first
    build_client(settings, engine) -> SireneClient     # providers from the settings
    SireneClient.lookup(text) / .check(number) -> SireneInfo
    known_or_pending(engine, numbers) -> {number: SireneInfo}   # pipeline, never waits
    complete_pending(engine, client, limit) -> int     # scheduled job
    lookup_cached(engine, client, text) -> SireneInfo  # command line, asks if needed
    sirene_json(info) -> dict                          # JSON form everywhere
    siren_of(text) -> str | None                       # VAT/SIRET/SIREN agreement check
    import_stock(engine, path) -> list[ImportResult]   # offline stock
"""

from __future__ import annotations

from .cache import complete_pending, get_cached, known_or_pending, lookup_cached, pending_count
from .client import SireneClient, build_client
from .info import Number, SireneInfo, parse_number, siren_of, sirene_from_json, sirene_json
from .stock import ImportResult, import_source, sources

__all__ = [
    "ImportResult",
    "Number",
    "SireneClient",
    "SireneInfo",
    "build_client",
    "complete_pending",
    "get_cached",
    "import_source",
    "known_or_pending",
    "lookup_cached",
    "parse_number",
    "pending_count",
    "siren_of",
    "sirene_from_json",
    "sirene_json",
    "sources",
]
