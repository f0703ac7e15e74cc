"""Outbox repository: what to post where, leasing it to a delivery worker, and its health.

`claim_due` leases deliverable rows to one worker so that two bot processes on one database
never post the same row; `mark_delivered` / `mark_failed` record an attempt; `give_up_destination`
gives up on every row of a channel that is gone; `put_outbox` / `put_outbox_many` write (or
revise) an item the knowledge base announces; `add_once` writes a one-off notice once per
destination; `delivery_summary` sums up delivery health for ``/status``. Knows nothing of
Discord: a destination is just the string ``discord:<channel_id>``.

Functions take the session they run in (see `storage` for why); `Store` offers each as a
method in a transaction of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, true, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.kinds import UNDELIVERED, OutboxKind, OutboxStatus
from storage.models import Outbox, Subscription, as_utc, utcnow

DISCORD_PREFIX = "discord:"

Payload = dict[str, Any]  # what a row asks its sink to post (a JSON object; the sink reads it)


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


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0].strip()


# -- reading -----------------------------------------------------------------------------------


async def outbox_items(
    session: AsyncSession, *, destination: str | None = None, undelivered_only: bool = False
) -> list[Outbox]:
    """Outbox rows in the order they were written (optionally one destination, only undelivered)."""
    query = select(Outbox).order_by(col(Outbox.id))
    if destination is not None:
        query = query.where(Outbox.destination == destination)
    if undelivered_only:
        query = query.where(col(Outbox.status).in_(UNDELIVERED))
    return list((await session.exec(query)).all())


async def items_keyed(session: AsyncSession, *, item_key: str | None = None, prefix: str | None = None) -> list[Outbox]:
    """The rows of one item at every destination (``item_key``), or of every item whose key starts
    with ``prefix`` (a round's digests, a side's alerts on an issue), in the order written."""
    query = select(Outbox).order_by(col(Outbox.id))
    if item_key is not None:
        query = query.where(Outbox.item_key == item_key)
    if prefix is not None:
        query = query.where(col(Outbox.item_key).startswith(prefix))
    return list((await session.exec(query)).all())


# -- writing items -----------------------------------------------------------------------------


async def outbox_row(session: AsyncSession, outbox_id: int) -> Outbox | None:
    """One outbox row as the database holds it now (not as the session last saw it)."""
    return await session.get(Outbox, outbox_id, populate_existing=True)


async def put_outbox_many(
    session: AsyncSession, *, item_key: str, kind: OutboxKind, payloads: dict[str, Payload]
) -> int:
    """`put_outbox` for one item at several destinations in two statements; returns rows changed."""
    if not payloads:
        return 0
    query = select(Outbox).where(Outbox.item_key == item_key, col(Outbox.destination).in_(list(payloads)))
    existing = {row.destination: row for row in (await session.exec(query)).all()}
    changed = 0
    for destination, payload in payloads.items():
        row = existing.get(destination)
        if row is None:
            session.add(Outbox(destination=destination, item_key=item_key, kind=kind, payload=payload))
        elif row.payload != payload:
            _revise(session, row, payload)
        else:
            continue
        changed += 1
    await session.flush()
    return changed


async def put_outbox(
    session: AsyncSession, *, destination: str, item_key: str, kind: OutboxKind, payload: Payload
) -> tuple[Outbox, bool]:
    """Write one item for one destination; returns (row, changed).

    A new item is pending at revision 1. An item already there with a different payload gets
    the new payload and the next revision and is pending again (the sink edits its message); the
    same payload changes nothing, so a replay of old news posts nothing.
    """
    query = select(Outbox).where(Outbox.destination == destination, Outbox.item_key == item_key)
    row = (await session.exec(query)).first()
    if row is None:
        row = Outbox(destination=destination, item_key=item_key, kind=kind, payload=payload)
        session.add(row)
        await session.flush()
        return row, True
    if row.payload == payload:
        return row, False
    _revise(session, row, payload)
    await session.flush()
    return row, True


def _revise(session: AsyncSession, row: Outbox, payload: Payload) -> None:
    """A new payload for an item already there: the next revision, pending again (the sink edits
    its message), unless the item is dead."""
    row.payload = payload
    row.revision += 1
    if row.status != OutboxStatus.DEAD:
        row.status = OutboxStatus.PENDING
    row.updated_at = utcnow()
    session.add(row)


async def add_once(session: AsyncSession, *, item_key: str, kind: OutboxKind, payloads: dict[str, Payload]) -> int:
    """Write ``item_key`` to each destination in ``payloads`` unless it is there already (whatever
    its payload or status); returns how many rows were written.

    For one-off notices: unlike `put_outbox`, an item already written is never revised, so a
    notice is posted once per destination however often it is asked for. Safe against a
    concurrent writer of the same item: the unique (destination, item_key) decides, with
    ``ON CONFLICT DO NOTHING`` on both databases.
    """
    if not payloads:
        return 0
    dialect = (await session.connection()).dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    written = 0
    for destination, payload in payloads.items():
        values = Outbox(destination=destination, item_key=item_key, kind=kind, payload=payload).model_dump(
            exclude={"id"})
        statement = insert(Outbox).values(**values).on_conflict_do_nothing(
            index_elements=["destination", "item_key"])
        result = await session.exec(statement)
        written += max(int(result.rowcount or 0), 0)
    return written


# -- delivering --------------------------------------------------------------------------------


async def claim_due(session: AsyncSession, worker: str, *, limit: int = 10, lease_seconds: int = 60,
                    now: datetime | None = None, prefix: str = DISCORD_PREFIX) -> list[Outbox]:
    """Lease up to ``limit`` due rows (pending or failed, retry time passed, lease free or run out)
    to ``worker``, oldest first, and return them.

    Atomic on both databases when run in a transaction of its own (`Store.claim_due`): on
    PostgreSQL the candidate rows are locked with ``FOR UPDATE SKIP LOCKED`` (a concurrent worker
    skips them and takes others); on SQLite the transaction begins IMMEDIATE, so claims are
    serialised. The UPDATE re-checks the lease, so a row can never be leased twice; a crashed
    worker's rows come back when their lease runs out. Every claim bumps ``lease_token``, the
    fencing token its holder writes with (`renew_leases`, `begin_post`, the marks).
    """
    now = now or utcnow()
    until = now + timedelta(seconds=lease_seconds)
    free = or_(col(Outbox.claimed_until).is_(None), col(Outbox.claimed_until) < now)
    candidates = (
        select(Outbox.id)
        .where(col(Outbox.destination).startswith(prefix))
        .where(col(Outbox.status).in_(UNDELIVERED))
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
        .values(claimed_by=worker, claimed_until=until, lease_token=col(Outbox.lease_token) + 1)
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


async def release(session: AsyncSession, worker: str, ids: list[int]) -> int:
    """Give back rows ``worker`` leased but did not start (a worker that stops): they are due again
    at once for the next worker, instead of when the lease runs out. Returns how many were released."""
    if not ids:
        return 0
    result = await session.exec(
        update(Outbox)
        .where(col(Outbox.id).in_(ids))
        .where(col(Outbox.claimed_by) == worker)
        .values(claimed_by=None, claimed_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def _fenced_row(session: AsyncSession, outbox_id: int, lease_token: int | None) -> Outbox | None:
    """The outbox row, locked until the transaction ends (PostgreSQL; SQLite's writing transaction
    holds the database), or None when it is gone or ``lease_token`` is no longer its lease."""
    row = await session.get(Outbox, outbox_id, with_for_update=True, populate_existing=True)
    if row is None or (lease_token is not None and row.lease_token != lease_token):
        return None
    return row


async def mark_delivered(session: AsyncSession, outbox_id: int, revision: int, *, message_id: int | None = None,
                         lease_token: int | None = None) -> bool:
    """Record that ``revision`` was posted (as ``message_id``). If the digest gained a source
    meanwhile (a higher revision), the row stays pending so the sink edits the message again.

    With ``lease_token`` (the delivery worker's) the mark is fenced: made only while that lease
    is the row's current one; False says another worker holds the row now."""
    row = await _fenced_row(session, outbox_id, lease_token)
    if row is None:
        return False
    row.delivered_revision = max(revision, row.delivered_revision or 0)
    if message_id is not None:
        row.message_id = message_id
        row.post_started_at = None  # its message is known: nothing left to look for
    row.status = OutboxStatus.DELIVERED if row.delivered_revision >= row.revision else OutboxStatus.PENDING
    row.claimed_by = row.claimed_until = None
    row.last_error = None
    row.updated_at = utcnow()
    session.add(row)
    return True


async def mark_failed(
    session: AsyncSession, outbox_id: int, error: str, *, retry_at: datetime | None = None, dead: bool = False,
    lease_token: int | None = None,
) -> bool:
    """Record a failed attempt: retried at ``retry_at``, or never again when ``dead``.
    Fenced by ``lease_token`` as `mark_delivered` is; False when the lease was lost."""
    row = await _fenced_row(session, outbox_id, lease_token)
    if row is None:
        return False
    row.attempts += 1
    row.last_error = _first_line(error)[:1000]
    row.status = OutboxStatus.DEAD if dead else OutboxStatus.FAILED
    row.next_attempt_at = retry_at
    row.claimed_by = row.claimed_until = None
    row.updated_at = utcnow()
    session.add(row)
    return True


async def renew_leases(session: AsyncSession, worker: str, leases: dict[int, int], *, lease_seconds: int = 60,
                       now: datetime | None = None) -> set[int]:
    """Extend the leases ``worker`` holds (row id → lease token) to ``lease_seconds`` from now;
    returns the ids still held. A row missing from the answer was taken over (its lease ran out
    and another worker claimed it), or finished: its old holder must not write it any more."""
    now = now or utcnow()
    held: set[int] = set()
    for row_id, token in leases.items():
        result = await session.exec(
            update(Outbox)
            .where(col(Outbox.id) == row_id)
            .where(col(Outbox.lease_token) == token)
            .where(col(Outbox.claimed_by) == worker)
            .values(claimed_until=now + timedelta(seconds=lease_seconds))
            .execution_options(synchronize_session=False)
        )
        if int(result.rowcount or 0) == 1:
            held.add(row_id)
    return held


async def begin_post(session: AsyncSession, row_id: int, worker: str, lease_token: int, *,
                     lease_seconds: int = 60, now: datetime | None = None) -> bool:
    """Record, under the lease, that a post of the row is starting (and extend the lease to a full
    ``lease_seconds``); False when the lease is no longer ``worker``'s and the post must not go out.

    ``post_started_at`` keeps the first such time until a message is recorded: from then on the
    row may have a message in Discord, and whoever delivers it next looks for that message
    (posted since then) before posting again.
    """
    now = now or utcnow()
    result = await session.exec(
        update(Outbox)
        .where(col(Outbox.id) == row_id)
        .where(col(Outbox.lease_token) == lease_token)
        .where(col(Outbox.claimed_by) == worker)
        .values(claimed_until=now + timedelta(seconds=lease_seconds),
                post_started_at=func.coalesce(col(Outbox.post_started_at), now))
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0) == 1


async def give_up_destination(session: AsyncSession, destination: str, reason: str) -> int:
    """Mark every undelivered row of ``destination`` dead with ``reason``; returns how many.

    Used when Discord says the channel is gone or closed to the bot: retrying would fail the
    same way, and marking them (rather than deleting) keeps a record ``/status`` can show.
    """
    result = await session.exec(
        update(Outbox)
        .where(col(Outbox.destination) == destination)
        .where(col(Outbox.status).in_(UNDELIVERED))
        .values(status=OutboxStatus.DEAD, last_error=reason[:1000], claimed_by=None, claimed_until=None,
                updated_at=utcnow())
    )
    return int(result.rowcount or 0)


# -- health ------------------------------------------------------------------------------------


@dataclass
class DeliverySummary:
    """Delivery health for ``/status``: counts by status, the last post, recent problems."""

    counts: dict[str, int] = field(default_factory=dict)
    last_delivered_at: datetime | None = None
    last_errors: list[tuple[str, str]] = field(default_factory=list)  # (destination, error)
    disabled: list[Subscription] = field(default_factory=list)


async def delivery_summary(session: AsyncSession, *, errors: int = 3, guild_id: int | None = None) -> DeliverySummary:
    """Counts of outbox rows by status, when something was last posted, the latest errors and
    the subscriptions that were disabled because their channel refused the bot: of every
    destination, or of the channels subscribed in ``guild_id`` (a server sees only its own)."""
    summary = DeliverySummary()
    mine: Any = true()
    subscribed = select(Subscription)
    if guild_id is not None:
        subscribed = subscribed.where(Subscription.guild_id == guild_id)
        channels = (await session.exec(select(Subscription.channel_id).where(Subscription.guild_id == guild_id))).all()
        mine = col(Outbox.destination).in_([discord_destination(c) for c in channels])
    rows = await session.exec(select(Outbox.status, func.count()).where(mine).group_by(Outbox.status))
    summary.counts = {status: int(n) for status, n in rows.all()}
    last = await session.exec(
        select(func.max(Outbox.updated_at)).where(col(Outbox.delivered_revision).is_not(None)).where(mine)
    )
    summary.last_delivered_at = as_utc(last.first())
    failing = await session.exec(
        select(Outbox.destination, Outbox.last_error)
        .where(col(Outbox.last_error).is_not(None))
        .where(mine)
        .order_by(col(Outbox.updated_at).desc())
        .limit(errors)
    )
    summary.last_errors = [(d, e or "") for d, e in failing.all()]
    disabled = await session.exec(
        subscribed.where(col(Subscription.disabled_at).is_not(None)).order_by(col(Subscription.id))
    )
    summary.disabled = list(disabled.all())
    return summary


__all__ = [
    "DISCORD_PREFIX",
    "DeliverySummary",
    "Payload",
    "add_once",
    "channel_of",
    "claim_due",
    "delivery_summary",
    "discord_destination",
    "give_up_destination",
    "mark_delivered",
    "mark_failed",
    "outbox_items",
    "put_outbox",
    "put_outbox_many",
]
