"""Outbox fencing: a lease token bumped at every claim, and when a post was started unrecorded.

- ``outbox.lease_token``: only the worker holding the current token may mark a row delivered
  or failed, so a worker whose lease ran out cannot overwrite its successor's record;
- ``outbox.post_started_at``: set before a message is posted, cleared when it is recorded; a
  row that has it but no message id may have a message in Discord, which the next worker
  looks for (and adopts) before posting again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_token", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("post_started_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("post_started_at")
        batch_op.drop_column("lease_token")
