"""``feed.from_env``: the feeds ``FEEDS`` manages, so one dropped from it stops being polled.

Feeds added in Discord or with ``parley feeds add`` keep ``false``, and ``FEEDS`` leaves them alone.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.add_column(sa.Column("from_env", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.drop_column("from_env")
