"""``entry.quarantine``: why an entry is kept aside instead of stored with its facts.

An entry the database still refuses after its text was cleaned (or whose extraction ran over
its time budget) is recorded with its guid and this reason, so the feed's other entries are
stored, the entry is not retried at every poll, and ``/why`` and ``/status`` can say why.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("entry", sa.Column("quarantine", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("entry", "quarantine")
