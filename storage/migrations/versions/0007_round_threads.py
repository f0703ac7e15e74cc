"""A thread per round: subscriptions may ask for threads, and each round's thread is recorded.

- ``subscription.threads``: start a thread on a round's first digest in this channel (default off);
- ``round_thread``: the thread of (channel, round), so its lines go there across restarts, and a
  deleted thread is replaced by a new one that is recorded in its place.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subscription", schema=None) as batch_op:
        batch_op.add_column(sa.Column("threads", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "round_thread",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel_id", "round", name="uq_round_thread_channel_round"),
    )
    with op.batch_alter_table("round_thread", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_thread_thread_id"), ["thread_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("round_thread", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_thread_thread_id"))
    op.drop_table("round_thread")
    with op.batch_alter_table("subscription", schema=None) as batch_op:
        batch_op.drop_column("threads")
