"""Indexes that keep the round view and stance lookups independent of the store's size.

- ``entry (round, duplicate_of, published, id)``: counting a round's sources and listing its
  first ones read the index only, not every stored article of the round;
- ``claim (kind, key, round)``: a side's latest earlier stance is one index range.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_entry_round_dup_published", "entry", ["round", "duplicate_of", "published", "id"])
    op.create_index("ix_claim_kind_key_round", "claim", ["kind", "key", "round"])


def downgrade() -> None:
    op.drop_index("ix_claim_kind_key_round", table_name="claim")
    op.drop_index("ix_entry_round_dup_published", table_name="entry")
