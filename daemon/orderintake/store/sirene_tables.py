"""Tables of the SIRENE register: look-up cache, offline stock, import progress.

On their own :data:`metadata` (the migrations' ``env.py`` adds it to the core tables'),
created by revision ``0002``. Plain SQLAlchemy Core tables: the stock is bulk-loaded
with executemany, millions of rows at a time, where ORM objects would only cost memory.

``sirene_lookup`` is both the cache and the work queue: the pipeline records a number
with status ``unknown`` and never waits; the scheduled job (``sirene.complete_pending``)
asks the register and fills the row in. The review page joins ``identifier.value`` to
``sirene_lookup.number``, so it shows the answer as soon as the job has it.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
)

from .schema import UTCDateTime

metadata = MetaData()

sirene_lookup = Table(
    "sirene_lookup",
    metadata,
    # Compact number as asked: SIREN (9), SIRET (14) or VAT with its country prefix.
    Column("number", String(20), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("status", String(12), nullable=False),
    Column("name", String(300), nullable=True),
    Column("address", String(500), nullable=True),
    Column("naf", String(10), nullable=True),
    Column("etat_administratif", String(2), nullable=True),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("provider", String(40), nullable=True),
    Column("detail", String(500), nullable=False, default=""),
    Column("checked_at", UTCDateTime, nullable=True),
    # When a known answer goes stale and is asked again (NULL while unknown).
    Column("expires_at", UTCDateTime, nullable=True),
    Column("requested_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    # The background job's next try for an unknown or stale row (backoff after failures).
    Column("next_attempt_at", UTCDateTime, nullable=True),
    Index("ix_sirene_lookup_next_attempt_at", "next_attempt_at"),
)

sirene_unite_legale = Table(
    "sirene_unite_legale",
    metadata,
    Column("siren", String(9), primary_key=True),
    Column("name", String(300), nullable=True),
    Column("etat_administratif", String(1), nullable=True),
    Column("naf", String(10), nullable=True),
    Column("statut_diffusion", String(1), nullable=True),
    Column("nic_siege", String(5), nullable=True),
    Column("date_creation", String(10), nullable=True),
)

sirene_etablissement = Table(
    "sirene_etablissement",
    metadata,
    Column("siret", String(14), primary_key=True),
    Column("siren", String(9), nullable=False),
    # Enseigne or dénomination usuelle: the name on the shop front, when there is one.
    Column("sign", String(300), nullable=True),
    Column("address", String(500), nullable=True),
    Column("etat_administratif", String(1), nullable=True),
    Column("naf", String(10), nullable=True),
    Column("siege", Boolean, nullable=False, default=False),
    Column("statut_diffusion", String(1), nullable=True),
    Index("ix_sirene_etablissement_siren", "siren"),
)

sirene_import = Table(
    "sirene_import",
    metadata,
    # File name (and zip member) plus size: a new monthly file is a new import.
    Column("source", String(300), primary_key=True),
    Column("kind", String(20), nullable=False),  # unite_legale | etablissement
    Column("path", String(1000), nullable=False),
    # Bytes of the (uncompressed) CSV and rows committed so far: a restart seeks here.
    Column("byte_offset", BigInteger, nullable=False, default=0),
    Column("rows", BigInteger, nullable=False, default=0),
    Column("done", Boolean, nullable=False, default=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
