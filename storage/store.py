"""`Store`: the database as the rest of Parley uses it: the engine, its sessions and
transactions, and each repository function that is a whole transaction on its own
(`store.add_feed(url)`, `store.claim_due(worker)`...) as a method. The SQL is in the repository
modules (`storage.feeds`, `storage.subscriptions`, `storage.outbox`, `storage.knowledge`,
`storage.threads`, `storage.corrections`); a
method here only says which session it runs in.

Every method translates a database that cannot be used (unreachable server, missing file,
full disk) into a one-line `StorageError`. Unique-key races (`IntegrityError`) are left to the
caller, who knows whether "already there" is fine.
"""

from __future__ import annotations

import errno
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from storage import corrections, feeds, knowledge, outbox, subscriptions, threads
from storage.engine import READ_ONLY, create_engine_for, redact_url, session_factory
from storage.errors import StorageError
from storage.kinds import OutboxKind, SubscriptionKind
from storage.models import Correction, Feed, Outbox, RoundThread, Subscription
from storage.outbox import DeliverySummary, Payload


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

    # -- subscriptions (storage.subscriptions) -------------------------------------------------

    async def add_subscription(
        self,
        *,
        guild_id: int | None,
        channel_id: int,
        kind: SubscriptionKind | str = SubscriptionKind.ALL,
        role_id: int | None = None,
        created_by: int | None = None,
    ) -> Subscription:
        """Subscribe a channel (or change and re-enable its subscription): one per channel."""
        async with self.transaction() as session:
            return await subscriptions.add_subscription(
                session, guild_id=guild_id, channel_id=channel_id, kind=kind, role_id=role_id, created_by=created_by
            )

    async def remove_subscription(self, channel_id: int) -> bool:
        """Unsubscribe a channel. True when there was a subscription."""
        async with self.transaction() as session:
            return await subscriptions.remove_subscription(session, channel_id)

    async def disable_subscription(self, channel_id: int, reason: str) -> None:
        """Stop delivering to a channel Parley can no longer post in, keeping the row as a record."""
        async with self.transaction() as session:
            await subscriptions.disable_subscription(session, channel_id, reason)

    async def list_subscriptions(self, *, guild_id: int | None = None, active_only: bool = True) -> list[Subscription]:
        async with self.session() as session:
            return await subscriptions.list_subscriptions(session, guild_id=guild_id, active_only=active_only)

    async def subscription_for(self, channel_id: int) -> Subscription | None:
        """The subscription of one channel, enabled or not."""
        async with self.session() as session:
            return await subscriptions.subscription_for(session, channel_id)

    # -- feeds (storage.feeds) ------------------------------------------------------------------

    async def add_feed(self, url: str, *, title: str | None = None, guild_id: int | None = None,
                       added_by: int | None = None) -> Feed:
        """The feed with this URL, added if new, followed by ``guild_id`` or, without one, by the
        operator (adding twice is harmless)."""
        async with self.transaction() as session:
            return await feeds.add_feed(session, url, title=title, guild_id=guild_id, added_by=added_by)

    async def follows(self, feed_id: int, guild_id: int) -> bool:
        async with self.session() as session:
            return await feeds.follows(session, feed_id, guild_id)

    async def unfollow_feed(self, feed_id: int, guild_id: int) -> bool:
        """Drop a guild's hold on a feed (the feed goes when nobody follows it any more)."""
        async with self.transaction() as session:
            return await feeds.unfollow_feed(session, feed_id, guild_id)

    async def guilds_of(self, feed_id: int) -> list[int]:
        async with self.session() as session:
            return await feeds.guilds_of(session, feed_id)

    async def follower_counts(self) -> dict[int, int]:
        async with self.session() as session:
            return await feeds.follower_counts(session)

    async def count_operator_only(self, guild_id: int) -> int:
        async with self.session() as session:
            return await feeds.count_operator_only(session, guild_id)

    async def hand_over(self, feed_id: int, to_url: str) -> None:
        async with self.transaction() as session:
            await feeds.hand_over(session, feed_id, to_url)

    async def sync_env_feeds(self, urls: Sequence[str], *, dropped_reason: str) -> tuple[list[str], list[str], list[str]]:
        """Make the feeds marked ``from_env`` exactly ``urls`` (`storage.feeds.sync_env_feeds`)."""
        async with self.transaction() as session:
            return await feeds.sync_env_feeds(session, urls, dropped_reason=dropped_reason)

    async def remove_feed(self, feed_id: int) -> bool:
        """Remove a feed for everyone, its guilds' holds with it (the operator's command)."""
        async with self.transaction() as session:
            return await feeds.remove_feed(session, feed_id)

    async def get_feed(self, feed_id: int) -> Feed | None:
        async with self.session() as session:
            return await feeds.get_feed(session, feed_id)

    async def get_feed_by_url(self, url: str) -> Feed | None:
        async with self.session() as session:
            return await feeds.get_feed_by_url(session, url)

    async def list_feeds(self, *, include_disabled: bool = True, guild_id: int | None = None) -> list[Feed]:
        """Every feed, or those ``guild_id`` follows."""
        async with self.session() as session:
            return await feeds.list_feeds(session, include_disabled=include_disabled, guild_id=guild_id)

    async def due_feeds(self, now: datetime | None = None) -> list[Feed]:
        """Enabled feeds whose next poll time has come (or was never set)."""
        async with self.session() as session:
            return await feeds.due_feeds(session, now)

    async def update_feed_state(self, feed_id: int, **changes: Any) -> Feed:
        """Set polling state columns (etag, failures, next_poll_at, initialized...) of one feed."""
        async with self.transaction() as session:
            return await feeds.update_feed_state(session, feed_id, **changes)

    async def update_feeds_state(self, changes: Mapping[int, Mapping[str, Any]]) -> None:
        """Polling state of many feeds in one transaction (the poller's cycle)."""
        async with self.transaction() as session:
            await feeds.update_feeds_state(session, changes)

    async def move_feed(self, feed_id: int, new_url: str) -> bool:
        """Give a feed its new URL; raises `storage.Conflict` when another feed has it."""
        async with self.transaction() as session:
            return await feeds.move_feed(session, feed_id, new_url)

    async def recent_guids(self, feed_id: int, *, limit: int) -> list[str]:
        """The guids of the feed's latest ``limit`` stored entries, newest first."""
        async with self.session() as session:
            return await feeds.recent_guids(session, feed_id, limit=limit)

    async def known_guids(self, guids: Sequence[str]) -> set[str]:
        """Which of these guids are stored."""
        async with self.session() as session:
            return await knowledge.known_guids(session, guids)

    # -- outbox (storage.outbox) ----------------------------------------------------------------

    async def outbox_items(
        self, *, destination: str | None = None, undelivered_only: bool = False
    ) -> list[Outbox]:
        """Outbox rows in the order they were written (optionally one destination, only undelivered)."""
        async with self.session() as session:
            return await outbox.outbox_items(session, destination=destination, undelivered_only=undelivered_only)

    async def claim_due(self, worker: str, *, limit: int = 10, lease_seconds: int = 60,
                        now: datetime | None = None, prefix: str = outbox.DISCORD_PREFIX) -> list[Outbox]:
        """Lease due rows to ``worker`` (`storage.outbox.claim_due`), atomically."""
        async with self.transaction() as session:
            return await outbox.claim_due(session, worker, limit=limit, lease_seconds=lease_seconds, now=now,
                                          prefix=prefix)

    async def release_claims(self, worker: str, ids: list[int]) -> int:
        """Give back rows ``worker`` leased but did not start (`storage.outbox.release`)."""
        async with self.transaction() as session:
            return await outbox.release(session, worker, ids)

    async def outbox_row(self, outbox_id: int) -> Outbox | None:
        """One outbox row as it is now."""
        async with self.session() as session:
            return await outbox.outbox_row(session, outbox_id)

    async def mark_delivered(self, outbox_id: int, revision: int, *, message_id: int | None = None,
                             lease_token: int | None = None) -> bool:
        """Record that ``revision`` was posted (as ``message_id``); see `storage.outbox.mark_delivered`.
        Fenced by ``lease_token`` when given: False when the lease is another worker's."""
        async with self.transaction() as session:
            return await outbox.mark_delivered(session, outbox_id, revision, message_id=message_id,
                                               lease_token=lease_token)

    async def mark_failed(
        self, outbox_id: int, error: str, *, retry_at: datetime | None = None, dead: bool = False,
        lease_token: int | None = None,
    ) -> bool:
        """Record a failed attempt: retried at ``retry_at``, or never again when ``dead``; fenced as
        `mark_delivered` is."""
        async with self.transaction() as session:
            return await outbox.mark_failed(session, outbox_id, error, retry_at=retry_at, dead=dead,
                                            lease_token=lease_token)

    async def renew_leases(self, worker: str, leases: dict[int, int], *, lease_seconds: int = 60,
                           now: datetime | None = None) -> set[int]:
        """Extend ``worker``'s leases (`storage.outbox.renew_leases`); the ids still held."""
        if not leases:
            return set()
        async with self.transaction() as session:
            return await outbox.renew_leases(session, worker, leases, lease_seconds=lease_seconds, now=now)

    async def begin_post(self, row_id: int, worker: str, lease_token: int, *, lease_seconds: int = 60,
                         now: datetime | None = None) -> bool:
        """Record under the lease that a post starts (`storage.outbox.begin_post`)."""
        async with self.transaction() as session:
            return await outbox.begin_post(session, row_id, worker, lease_token, lease_seconds=lease_seconds,
                                           now=now)

    async def mark_many_delivered(self, rows: Sequence[Outbox]) -> None:
        """Mark several rows delivered at their current revision (the console sink)."""
        for row in rows:
            assert row.id is not None, "a stored outbox row has an id"
            await self.mark_delivered(row.id, row.revision)

    async def give_up_destination(self, destination: str, reason: str) -> int:
        """Mark every undelivered row of ``destination`` dead with ``reason``; returns how many."""
        async with self.transaction() as session:
            return await outbox.give_up_destination(session, destination, reason)

    async def add_once(self, *, item_key: str, kind: OutboxKind, payloads: dict[str, Payload]) -> int:
        """Write a one-off notice once per destination (`storage.outbox.add_once`)."""
        async with self.transaction() as session:
            return await outbox.add_once(session, item_key=item_key, kind=kind, payloads=payloads)

    async def delivery_summary(self, *, errors: int = 3, guild_id: int | None = None) -> DeliverySummary:
        """Delivery health for ``/status``, of every channel or of one guild's (`storage.outbox.delivery_summary`)."""
        async with self.session() as session:
            return await outbox.delivery_summary(session, errors=errors, guild_id=guild_id)

    # -- a thread per round (storage.threads) ---------------------------------------------------

    async def set_threads(self, channel_id: int, threads_on: bool) -> None:
        """Turn a thread per round on or off for a subscribed channel."""
        async with self.transaction() as session:
            await threads.set_threads(session, channel_id, threads_on)

    async def thread_of(self, channel_id: int, round_number: int) -> RoundThread | None:
        """The recorded thread of a round in a channel, if one was started."""
        async with self.session() as session:
            return await threads.thread_of(session, channel_id, round_number)

    async def round_of_thread(self, thread_id: int) -> int | None:
        """The round a recorded thread belongs to (for questions asked in it)."""
        async with self.session() as session:
            return await threads.round_of_thread(session, thread_id)

    async def record_thread(self, channel_id: int, round_number: int, thread_id: int, message_id: int | None) -> None:
        """Record (or replace, after a deletion) the thread of a round in a channel."""
        async with self.transaction() as session:
            await threads.record_thread(session, channel_id, round_number, thread_id, message_id)

    async def digest_message(self, channel_id: int, round_number: int) -> int | None:
        """The message holding round ``round_number``'s digest in ``channel_id``, once posted."""
        async with self.session() as session:
            return await threads.digest_message(session, channel_id, round_number)

    async def thread_start_row(self, channel_id: int, round_number: int) -> Outbox | None:
        """The outbox row that starts (and names) the round's thread in a channel."""
        async with self.session() as session:
            return await threads.start_row(session, channel_id, round_number)

    # -- corrections from the team (storage.corrections) -----------------------------------------

    async def active_corrections(self, *, round_number: int | None = None, field: str | None = None) -> list[Correction]:
        """The corrections in force (`storage.corrections.active_corrections`)."""
        async with self.session() as session:
            return await corrections.active_corrections(session, round_number=round_number, field=field)

    async def set_editor_role(self, guild_id: int, role_id: int | None, *, set_by: int | None) -> None:
        """Name (or, with None, clear) the role whose members may correct in a guild."""
        async with self.transaction() as session:
            await corrections.set_editor_role(session, guild_id, role_id, set_by=set_by)

    async def editor_role(self, guild_id: int) -> int | None:
        """The role whose members may correct in a guild, if one is named."""
        async with self.session() as session:
            return await corrections.editor_role(session, guild_id)
