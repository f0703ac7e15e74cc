"""`Store`: the database as the rest of Parley uses it: sessions, and the small queries that
the Discord room, the poller and the pipeline share (subscriptions, feeds, the outbox).
Leasing outbox rows to a delivery worker is `storage.deliveries.claim_due`; the marks after
an attempt (`mark_delivered`, `mark_failed`) are here.

Every method translates a database that cannot be used (unreachable server, missing file,
full disk) into a one-line `StorageError`. Unique-key races (`IntegrityError`) are left to the
caller, who knows whether "already there" is fine.
"""

from __future__ import annotations

import errno
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.engine import READ_ONLY, create_engine_for, redact_url, session_factory
from storage.errors import StorageError
from storage.models import Feed, Outbox, Subscription, utcnow

SUBSCRIPTION_KINDS = ("digests", "changes", "all")
FEED_STATE_FIELDS = frozenset(Feed.model_fields) - {"id", "url", "added_at"}


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0].strip()


def describe_error(exc: BaseException, database_url: str) -> StorageError:
    """One line naming the database and the problem, for any failure to use it."""
    where = redact_url(database_url)
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, OSError) and orig.errno == errno.ENOSPC:
        return StorageError(f"the disk holding the database at {where} is full")
    if isinstance(orig, ConnectionRefusedError) or (isinstance(orig, OSError) and orig.errno == errno.ECONNREFUSED):
        return StorageError(f"cannot reach the database at {where}: connection refused")
    if isinstance(orig, TimeoutError):
        return StorageError(f"cannot reach the database at {where}: timed out")
    if isinstance(orig, OSError) and not isinstance(exc, DBAPIError):
        reason = orig.strerror or _first_line(str(orig)) or type(orig).__name__
        return StorageError(f"cannot reach the database at {where}: {reason.lower()}")
    message = _first_line(str(orig)) or type(orig).__name__
    lowered = message.lower()
    if "disk is full" in lowered or "no space left" in lowered:
        return StorageError(f"the disk holding the database at {where} is full ({message})")
    if "unable to open database file" in lowered:
        return StorageError(f"cannot open the database at {where}: the folder is missing or not writable")
    if "locked" in lowered:
        return StorageError(f"the database at {where} is busy ({message}); try again")
    return StorageError(f"database error at {where}: {message}")


class Store:
    """An engine and its session factory, plus the shared queries. Create once, `close()` at exit."""

    def __init__(self, database_url: str, *, engine: AsyncEngine | None = None) -> None:
        self.database_url = database_url
        self.engine = engine or create_engine_for(database_url)
        self._sessions = session_factory(self.engine)
        self._read_sessions = session_factory(self.engine.execution_options(**{READ_ONLY: True}))

    @classmethod
    def from_url(cls, database_url: str) -> Store:
        return cls(database_url)

    async def close(self) -> None:
        await self.engine.dispose()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- sessions -----------------------------------------------------------------------------

    @asynccontextmanager
    async def guard(self) -> AsyncIterator[None]:
        """Turn "the database cannot be used" into a `StorageError`; let logic errors through."""
        try:
            yield
        except (IntegrityError, StorageError):
            raise
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            if isinstance(exc, SQLAlchemyError) and not isinstance(exc, DBAPIError):
                raise
            raise describe_error(exc, self.database_url) from exc

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session for reading. On SQLite it takes no write lock, so it never waits for a
        writer; write in `transaction()` instead."""
        async with self.guard(), self._read_sessions() as session:
            yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed when the block ends, rolled back on error."""
        async with self.guard(), self._sessions() as session, session.begin():
            yield session

    async def ping(self) -> None:
        """Raise `StorageError` unless the database answers."""
        from sqlalchemy import text

        async with self.session() as session:
            await session.execute(text("SELECT 1"))

    # -- subscriptions --------------------------------------------------------------------------

    async def add_subscription(
        self,
        *,
        guild_id: int | None,
        channel_id: int,
        kind: str = "all",
        role_id: int | None = None,
        created_by: int | None = None,
    ) -> Subscription:
        """Subscribe a channel (or change and re-enable its subscription): one per channel."""
        if kind not in SUBSCRIPTION_KINDS:
            raise ValueError(f"subscription kind must be one of {', '.join(SUBSCRIPTION_KINDS)}, not {kind!r}")
        async with self.transaction() as session:
            sub = (await session.exec(select(Subscription).where(Subscription.channel_id == channel_id))).first()
            if sub is None:
                sub = Subscription(
                    guild_id=guild_id, channel_id=channel_id, kind=kind, role_id=role_id, created_by=created_by
                )
            else:
                sub.guild_id, sub.kind, sub.role_id = guild_id, kind, role_id
                sub.created_by = created_by if created_by is not None else sub.created_by
                sub.disabled_at = sub.disabled_reason = None
            session.add(sub)
        return sub

    async def remove_subscription(self, channel_id: int) -> bool:
        """Unsubscribe a channel. True when there was a subscription."""
        async with self.transaction() as session:
            sub = (await session.exec(select(Subscription).where(Subscription.channel_id == channel_id))).first()
            if sub is None:
                return False
            await session.delete(sub)
            return True

    async def disable_subscription(self, channel_id: int, reason: str) -> None:
        """Stop delivering to a channel Parley can no longer post in, keeping the row as a record."""
        async with self.transaction() as session:
            await session.exec(
                update(Subscription)
                .where(col(Subscription.channel_id) == channel_id)
                .values(disabled_at=utcnow(), disabled_reason=reason)
            )

    async def list_subscriptions(self, *, guild_id: int | None = None, active_only: bool = True) -> list[Subscription]:
        async with self.session() as session:
            query = select(Subscription).order_by(col(Subscription.id))
            if guild_id is not None:
                query = query.where(Subscription.guild_id == guild_id)
            if active_only:
                query = query.where(col(Subscription.disabled_at).is_(None))
            return list((await session.exec(query)).all())

    # -- feeds ----------------------------------------------------------------------------------

    async def add_feed(self, url: str, *, title: str | None = None) -> Feed:
        """The feed with this URL, added if new (adding twice is harmless)."""
        async with self.transaction() as session:
            feed = (await session.exec(select(Feed).where(Feed.url == url))).first()
            if feed is None:
                feed = Feed(url=url, title=title)
                session.add(feed)
                await session.flush()
            return feed

    async def remove_feed(self, feed_id: int) -> bool:
        async with self.transaction() as session:
            feed = await session.get(Feed, feed_id)
            if feed is None:
                return False
            await session.delete(feed)
            return True

    async def get_feed(self, feed_id: int) -> Feed | None:
        async with self.session() as session:
            return await session.get(Feed, feed_id)

    async def get_feed_by_url(self, url: str) -> Feed | None:
        async with self.session() as session:
            return (await session.exec(select(Feed).where(Feed.url == url))).first()

    async def list_feeds(self, *, include_disabled: bool = True) -> list[Feed]:
        async with self.session() as session:
            query = select(Feed).order_by(col(Feed.id))
            if not include_disabled:
                query = query.where(col(Feed.disabled_at).is_(None))
            return list((await session.exec(query)).all())

    async def due_feeds(self, now: datetime | None = None) -> list[Feed]:
        """Enabled feeds whose next poll time has come (or was never set)."""
        now = now or utcnow()
        async with self.session() as session:
            query = (
                select(Feed)
                .where(col(Feed.disabled_at).is_(None))
                .where(or_(col(Feed.next_poll_at).is_(None), col(Feed.next_poll_at) <= now))
                .order_by(col(Feed.id))
            )
            return list((await session.exec(query)).all())

    async def update_feed_state(self, feed_id: int, **changes: Any) -> Feed:
        """Set polling state columns (etag, failures, next_poll_at, initialized...) of one feed."""
        unknown = set(changes) - FEED_STATE_FIELDS
        if unknown:
            raise ValueError(f"not feed state columns: {', '.join(sorted(unknown))}")
        async with self.transaction() as session:
            feed = await session.get(Feed, feed_id)
            if feed is None:
                raise KeyError(f"no feed with id {feed_id}")
            for name, value in changes.items():
                setattr(feed, name, value)
            session.add(feed)
            return feed

    # -- outbox ---------------------------------------------------------------------------------

    async def outbox_items(
        self, *, destination: str | None = None, undelivered_only: bool = False
    ) -> list[Outbox]:
        """Outbox rows in the order they were written (optionally one destination, only undelivered)."""
        async with self.session() as session:
            query = select(Outbox).order_by(col(Outbox.id))
            if destination is not None:
                query = query.where(Outbox.destination == destination)
            if undelivered_only:
                query = query.where(col(Outbox.status).in_(("pending", "failed")))
            return list((await session.exec(query)).all())

    async def mark_delivered(self, outbox_id: int, revision: int, *, message_id: int | None = None) -> None:
        """Record that ``revision`` was posted (as ``message_id``). If the digest gained a source
        meanwhile (a higher revision), the row stays pending so the sink edits the message again."""
        async with self.transaction() as session:
            row = await session.get(Outbox, outbox_id)
            if row is None:
                return
            row.delivered_revision = max(revision, row.delivered_revision or 0)
            if message_id is not None:
                row.message_id = message_id
            row.status = "delivered" if row.delivered_revision >= row.revision else "pending"
            row.claimed_by = row.claimed_until = None
            row.last_error = None
            row.updated_at = utcnow()
            session.add(row)

    async def mark_failed(
        self, outbox_id: int, error: str, *, retry_at: datetime | None = None, dead: bool = False
    ) -> None:
        """Record a failed attempt: retried at ``retry_at``, or never again when ``dead``."""
        async with self.transaction() as session:
            row = await session.get(Outbox, outbox_id)
            if row is None:
                return
            row.attempts += 1
            row.last_error = _first_line(error)[:1000]
            row.status = "dead" if dead else "failed"
            row.next_attempt_at = retry_at
            row.claimed_by = row.claimed_until = None
            row.updated_at = utcnow()
            session.add(row)

    async def mark_many_delivered(self, rows: Sequence[Outbox]) -> None:
        """Mark several rows delivered at their current revision (the console sink)."""
        for row in rows:
            await self.mark_delivered(row.id, row.revision)  # type: ignore[arg-type]
