"""SIRENE register: look-up cache (and work queue), offline stock, import progress.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Written out column by column, like 0001, so later changes to ``store/sirene_tables.py``
never change what this revision creates.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sirene_lookup",
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("naf", sa.String(length=10), nullable=True),
        sa.Column("etat_administratif", sa.String(length=2), nullable=True),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("provider", sa.String(length=40), nullable=True),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("number"),
    )
    op.create_index(
        "ix_sirene_lookup_next_attempt_at", "sirene_lookup", ["next_attempt_at"], unique=False
    )
    op.create_table(
        "sirene_unite_legale",
        sa.Column("siren", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("etat_administratif", sa.String(length=1), nullable=True),
        sa.Column("naf", sa.String(length=10), nullable=True),
        sa.Column("statut_diffusion", sa.String(length=1), nullable=True),
        sa.Column("nic_siege", sa.String(length=5), nullable=True),
        sa.Column("date_creation", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("siren"),
    )
    op.create_table(
        "sirene_etablissement",
        sa.Column("siret", sa.String(length=14), nullable=False),
        sa.Column("siren", sa.String(length=9), nullable=False),
        sa.Column("sign", sa.String(length=300), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("etat_administratif", sa.String(length=1), nullable=True),
        sa.Column("naf", sa.String(length=10), nullable=True),
        sa.Column("siege", sa.Boolean(), nullable=False),
        sa.Column("statut_diffusion", sa.String(length=1), nullable=True),
        sa.PrimaryKeyConstraint("siret"),
    )
    op.create_index(
        "ix_sirene_etablissement_siren", "sirene_etablissement", ["siren"], unique=False
    )
    op.create_table(
        "sirene_import",
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("byte_offset", sa.BigInteger(), nullable=False),
        sa.Column("rows", sa.BigInteger(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("source"),
    )


def downgrade() -> None:
    op.drop_table("sirene_import")
    op.drop_index("ix_sirene_etablissement_siren", table_name="sirene_etablissement")
    op.drop_table("sirene_etablissement")
    op.drop_table("sirene_unite_legale")
    op.drop_index("ix_sirene_lookup_next_attempt_at", table_name="sirene_lookup")
    op.drop_table("sirene_lookup")
