"""Learning from clerks: validated examples; the engine's own ranking kept beside the
learned one.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

* ``validated_example``: one row per validated mail (accept, correct, auto-accept), the
  history ``learning.learn_profile`` reads for a customer (``customer`` is
  ``learning.customer_key``: a SIREN, a domain, or a webmail address);
* ``message.customer_key``: the key computed when the mail was processed, so a clerk's
  validation teaches the same customer the pipeline asked about;
* ``message.engine_order_number``: the engine's best number before learning re-ranked
  (the dashboard's straight-through rate and ``engine_top1_right`` measure the engine);
* ``candidate.engine_score``: the engine's own score; auto-accept compares its threshold
  with it, since a learned score is not calibrated.

Written out column by column, like 0001 and 0002.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "validated_example",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer", sa.String(length=320), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("order_number", sa.String(length=200), nullable=False),
        sa.Column("keyword", sa.String(length=200), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("x", sa.Float(), nullable=True),
        sa.Column("y", sa.Float(), nullable=True),
        sa.Column("engine_top1_right", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["message_id"], ["message.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("validated_example", schema=None) as batch_op:
        batch_op.create_index("ix_validated_example_customer", ["customer", "id"], unique=False)
        batch_op.create_index("ix_validated_example_message_id", ["message_id"], unique=False)
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("customer_key", sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column("engine_order_number", sa.String(length=200), nullable=True))
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("engine_score", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.drop_column("engine_score")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_column("engine_order_number")
        batch_op.drop_column("customer_key")
    with op.batch_alter_table("validated_example", schema=None) as batch_op:
        batch_op.drop_index("ix_validated_example_message_id")
        batch_op.drop_index("ix_validated_example_customer")
    op.drop_table("validated_example")
