"""Feeds belong to who follows them: the operator (``feed.operator``) and guilds (``feed_guild``).

- ``feed.operator``: followed by Parley's operator (``parley feeds add``, ``FEEDS``), shown and
  managed in the terminal only;
- ``feed_guild``: one row per (feed, guild) that follows it; a guild sees and removes only its
  own rows, and a feed nobody follows any more is removed.

Existing feeds are carried over so that no server sees a feed another server added:
- feeds of ``FEEDS`` (``from_env``) become the operator's;
- the other feeds become the guild's when every subscription is in one guild (a bot serving one
  server, where whoever added them was of that server); with subscriptions in several guilds, or
  none, nobody can tell which server added a feed, so they become the operator's (the operator
  sees them with ``parley feeds list``, and a server that wants one adds it again).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_feed = sa.table("feed", sa.column("id", sa.Integer), sa.column("added_at", sa.DateTime(timezone=True)),
                 sa.column("from_env", sa.Boolean), sa.column("operator", sa.Boolean))
_feed_guild = sa.table("feed_guild", sa.column("feed_id", sa.Integer), sa.column("guild_id", sa.BigInteger),
                       sa.column("added_at", sa.DateTime(timezone=True)))
_subscription = sa.table("subscription", sa.column("guild_id", sa.BigInteger))


def upgrade() -> None:
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.add_column(sa.Column("operator", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "feed_guild",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("added_by", sa.BigInteger(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["feed_id"], ["feed.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("feed_id", "guild_id", name="uq_feed_guild_feed_guild"),
    )
    with op.batch_alter_table("feed_guild", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feed_guild_feed_id"), ["feed_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_feed_guild_guild_id"), ["guild_id"], unique=False)
    _carry_over()


def _carry_over() -> None:
    """Existing feeds to their owners (see the module's docstring)."""
    connection = op.get_bind()
    guilds: Sequence[int] = connection.execute(
        sa.select(_subscription.c.guild_id).where(_subscription.c.guild_id.is_not(None)).distinct()
    ).scalars().all()
    if len(guilds) == 1:
        connection.execute(_feed_guild.insert().from_select(
            ["feed_id", "guild_id", "added_at"],
            sa.select(_feed.c.id, sa.literal(guilds[0], sa.BigInteger), _feed.c.added_at)
            .where(sa.not_(_feed.c.from_env)),
        ))
        connection.execute(_feed.update().where(_feed.c.from_env).values(operator=True))
    else:
        connection.execute(_feed.update().values(operator=True))


def downgrade() -> None:
    with op.batch_alter_table("feed_guild", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_guild_guild_id"))
        batch_op.drop_index(batch_op.f("ix_feed_guild_feed_id"))
    op.drop_table("feed_guild")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_column("operator")
