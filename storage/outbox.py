"""Outbox and subscription queries of the Discord sink.

`claim_due` leases deliverable rows to one worker so that two bot processes on one database
never post the same row; the marks after a delivery are `Store.mark_delivered` /
`Store.mark_failed` / `Store.disable_subscription`. This module adds giving up on every row
of a channel that is gone, writing a one-off notice once per destination (`add_once`), and a
summary of delivery health for ``/status``. Knows nothing of Discord: a destination is just
the string ``discord:<channel_id>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, or_, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select

from storage.models import Outbox, Subscription, as_utc, utcnow
from storage.store import Store

DISCORD_PREFIX = "discord:"


def discord_destination(channel_id: int) -> str:
    """The outbox destination of a Discord channel."""
    return f"{DISCORD_PREFIX}{channel_id}"


def channel_of(destination: str) -> int | None:
    """The channel id of a ``discord:<id>`` destination, None for other sinks."""
    if not destination.startswith(DISCORD_PREFIX):
        return None
    try:
        return int(destination[len(DISCORD_PREFIX):])
    except ValueError:
        return None


async def claim_due(store: Store, worker: str, *, limit: int = 10, lease_seconds: int = 60,
                    now: datetime | None = None, prefix: str = DISCORD_PREFIX) -> list[Outbox]:
    """Lease up to ``limit`` due rows (pending or failed, retry time passed, lease free or run out)
    to ``worker``, oldest first, and return them.

    Atomic on both databases: on PostgreSQL the candidate rows are locked with ``FOR UPDATE SKIP
    LOCKED`` (a concurrent worker skips them and takes others); on SQLite the transaction begins
    IMMEDIATE, so claims are serialised. The UPDATE re-checks the lease, so a row can never be
    leased twice; a crashed worker's rows come back when their lease runs out.
    """
    now = now or utcnow()
    until = now + timedelta(seconds=lease_seconds)
    free = or_(col(Outbox.claimed_until).is_(None), col(Outbox.claimed_until) < now)
    async with store.transaction() as session:
        candidates = (
            select(Outbox.id)
            .where(col(Outbox.destination).startswith(prefix))
            .where(col(Outbox.status).in_(("pending", "failed")))
            .where(or_(col(Outbox.next_attempt_at).is_(None), col(Outbox.next_attempt_at) <= now))
            .where(free)
            .order_by(col(Outbox.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        ids = list((await session.exec(candidates)).all())
        if not ids:
            return []
        await session.exec(
            update(Outbox)
            .where(col(Outbox.id).in_(ids))
            .where(free)
            .values(claimed_by=worker, claimed_until=until)
            .execution_options(synchronize_session=False)  # no in-Python re-evaluation of the times
        )
        claimed = await session.exec(
            select(Outbox)
            .where(col(Outbox.id).in_(ids))
            .where(Outbox.claimed_by == worker)
            .where(Outbox.claimed_until == until)
            .order_by(col(Outbox.id))
            .execution_options(populate_existing=True)
        )
        return list(claimed.all())


async def add_once(store: Store, *, item_key: str, kind: str, payloads: dict[str, str]) -> int:
    """Write ``item_key`` to each destination in ``payloads`` unless it is there already (whatever
    its payload or status); returns how many rows were written.

    For one-off notices: unlike `storage.knowledge.put_outbox`, an item already written is never
    revised, so a notice is posted once per destination however often it is asked for. Safe
    against a concurrent writer of the same item: the unique (destination, item_key) decides,
    with ``ON CONFLICT DO NOTHING`` on both databases.
    """
    if not payloads:
        return 0
    insert = postgresql_insert if store.engine.dialect.name == "postgresql" else sqlite_insert
    written = 0
    async with store.transaction() as session:
        for destination, payload in payloads.items():
            values = Outbox(destination=destination, item_key=item_key, kind=kind, payload=payload).model_dump(
                exclude={"id"})
            statement = insert(Outbox).values(**values).on_conflict_do_nothing(
                index_elements=["destination", "item_key"])
            result = await session.exec(statement)  # type: ignore[call-overload]
            written += max(int(result.rowcount or 0), 0)
    return written


async def subscription_for(store: Store, channel_id: int) -> Subscription | None:
    """The subscription of one channel, enabled or not."""
    async with store.session() as session:
        query = select(Subscription).where(Subscription.channel_id == channel_id)
        return (await session.exec(query)).first()


async def give_up_destination(store: Store, destination: str, reason: str) -> int:
    """Mark every undelivered row of ``destination`` dead with ``reason``; returns how many.

    Used when Discord says the channel is gone or closed to the bot: retrying would fail the
    same way, and marking them (rather than deleting) keeps a record ``/status`` can show.
    """
    async with store.transaction() as session:
        result = await session.exec(
            update(Outbox)
            .where(col(Outbox.destination) == destination)
            .where(col(Outbox.status).in_(("pending", "failed")))
            .values(status="dead", last_error=reason[:1000], claimed_by=None, claimed_until=None, updated_at=utcnow())
        )
        return int(result.rowcount or 0)


@dataclass
class DeliverySummary:
    """Delivery health for ``/status``: counts by status, the last post, recent problems."""

    counts: dict[str, int] = field(default_factory=dict)
    last_delivered_at: datetime | None = None
    last_errors: list[tuple[str, str]] = field(default_factory=list)  # (destination, error)
    disabled: list[Subscription] = field(default_factory=list)


async def delivery_summary(store: Store, *, errors: int = 3) -> DeliverySummary:
    """Counts of outbox rows by status, when something was last posted, the latest errors and
    the subscriptions that were disabled because their channel refused the bot."""
    summary = DeliverySummary()
    async with store.session() as session:
        rows = await session.exec(select(Outbox.status, func.count()).group_by(Outbox.status))
        summary.counts = {status: int(n) for status, n in rows.all()}
        last = await session.exec(
            select(func.max(Outbox.updated_at)).where(col(Outbox.delivered_revision).is_not(None))
        )
        summary.last_delivered_at = as_utc(last.first())
        failing = await session.exec(
            select(Outbox.destination, Outbox.last_error)
            .where(col(Outbox.last_error).is_not(None))
            .order_by(col(Outbox.updated_at).desc())
            .limit(errors)
        )
        summary.last_errors = [(d, e or "") for d, e in failing.all()]
        disabled = await session.exec(
            select(Subscription).where(col(Subscription.disabled_at).is_not(None)).order_by(col(Subscription.id))
        )
        summary.disabled = list(disabled.all())
    return summary
