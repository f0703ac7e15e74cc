"""A thread per round: start it on the round's first digest, post a line there for each later
source, link it from the round's alerts, and keep all of it exactly once across restarts.

Why through the outbox: a line in a thread is a post like any other, and must survive a crash
between "Discord took it" and "we recorded it". So ingest writes thread rows
(`storage.threads`: ``discord-thread:<channel>:<round>``, one ``thread:start`` row naming the
thread and one row per later source), and `ThreadWorker` leases them like the delivery worker
leases digests: each line is posted with a nonce derived from its row (``enforce_nonce``), so a
retry after a crash gets the message already made back, and recorded.

The thread is started on the digest's message once the digest is posted (until then the row
waits a few seconds and tries again, without counting a failure). Discord gives a thread started
on a message the message's id, so a start that was made but not recorded is found again ("a
thread has already been created for this message"). An archived thread is unarchived before a
line is posted; a thread deleted on Discord is started anew, on its own, and recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

import aiohttp
import discord

from bot.answers.thread_posts import line_text, name_of, thread_name
from storage import threads as stored
from storage.models import Outbox, utcnow

if TYPE_CHECKING:
    from discord.types.threads import ThreadArchiveDuration  # types only: the module cannot be imported first

    from storage import Store

log = logging.getLogger(__name__)

THREAD_ALREADY_STARTED = 160004  # "A thread has already been created for this message"
THREAD_ARCHIVED = 50083
UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008
AUTO_ARCHIVE_MINUTES: ThreadArchiveDuration = 10080  # a week: a round's talk goes on for days
WAIT_FOR_DIGEST_SECONDS = 2.0
MAX_ATTEMPTS = 8


def nonce_of(row: Outbox) -> str:
    """A stable nonce (≤ 25 characters) for the post of one thread row."""
    digest = hashlib.blake2b(f"{row.destination}|{row.item_key}".encode(), digest_size=12).hexdigest()
    return f"t{digest}"


def alert_round(item_key: str) -> int | None:
    """The round of a position-change alert (``alert:position:ACTOR:ISSUE:ROUND``), None outside rounds."""
    last = item_key.rpartition(":")[2]
    return int(last) if item_key.startswith("alert:") and last.isdigit() else None


async def thread_link(store: Store, channel_id: int, item_key: str) -> str | None:
    """The line an alert of a round carries to that round's thread ("Discussion: <#…>"), when the
    channel has threads and the round a digest (a thread started on a message has its id)."""
    number = alert_round(item_key)
    if number is None:
        return None
    subscription = await store.subscription_for(channel_id)
    if subscription is None or not getattr(subscription, "threads", False):
        return None
    recorded = await store.thread_of(channel_id, number)
    thread_id = recorded.thread_id if recorded else await store.digest_message(channel_id, number)
    return f"Discussion of round {number}: <#{thread_id}>" if thread_id else None


ThreadResult = Literal["started", "posted", "renamed", "waiting", "retry", "dead"]


@dataclass
class ThreadOutcome:
    row_id: int
    result: ThreadResult
    detail: str = ""


class DigestNotPosted(Exception):
    """The round's digest has no message yet to start the thread on."""


class ThreadSink:
    """Carries out one thread row: start (or rename) the thread, or post a line in it."""

    def __init__(self, client: discord.Client, store: Store, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.client = client
        self.store = store
        self.clock = clock

    async def deliver(self, row: Outbox) -> ThreadOutcome:
        assert row.id is not None
        where = stored.parse_thread_destination(row.destination)
        if where is None:
            await self.store.mark_failed(row.id, f"not a thread destination: {row.destination}", dead=True)
            return ThreadOutcome(row.id, "dead", "bad destination")
        channel_id, number = where
        subscription = await self.store.subscription_for(channel_id)
        if subscription is None or subscription.disabled_at is not None or not subscription.threads:
            await self.store.mark_failed(row.id, "not posted: the channel has no threads now", dead=True)
            return ThreadOutcome(row.id, "dead", "no threads")
        try:
            if row.item_key == stored.START_KEY:
                return await self._start(row, channel_id, number)
            return await self._line(row, channel_id, number)
        except DigestNotPosted:
            retry_at = self.clock() + timedelta(seconds=WAIT_FOR_DIGEST_SECONDS)
            await self.store.mark_failed(row.id, "waiting for the round's digest to be posted", retry_at=retry_at)
            return ThreadOutcome(row.id, "waiting")
        except discord.Forbidden as exc:
            await self.store.mark_failed(row.id, f"Discord refused the thread: {exc}", dead=True)
            return ThreadOutcome(row.id, "dead", str(exc))
        except discord.RateLimited as exc:
            await self.store.mark_failed(row.id, "rate limited", retry_at=self.clock() + timedelta(
                seconds=exc.retry_after))
            return ThreadOutcome(row.id, "retry", "rate limited")
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            dead = row.attempts + 1 >= MAX_ATTEMPTS
            retry_at = self.clock() + timedelta(seconds=min(5 * 2 ** row.attempts, 3600))
            await self.store.mark_failed(row.id, f"Discord error: {exc}", retry_at=None if dead else retry_at,
                                         dead=dead)
            return ThreadOutcome(row.id, "dead" if dead else "retry", str(exc))

    # -- the thread ------------------------------------------------------------------------

    async def _name(self, channel_id: int, number: int) -> str:
        start = await self.store.thread_start_row(channel_id, number)
        return name_of(start.payload) if start else thread_name(number, None, None)

    async def ensure(self, channel_id: int, number: int, *, fresh: bool = False) -> int:
        """The id of the round's thread in the channel, started now if there is none.

        ``fresh`` (the recorded thread was deleted) starts a new thread on its own, in the channel.
        """
        if not fresh:
            recorded = await self.store.thread_of(channel_id, number)
            if recorded is not None:
                return int(recorded.thread_id)
        message_id = await self.store.digest_message(channel_id, number)
        if message_id is None:
            raise DigestNotPosted
        name = await self._name(channel_id, number)
        http = self.client.http
        thread_id: int
        if fresh:
            made = await http.start_thread_without_message(channel_id, name=name, type=11,
                                                           auto_archive_duration=AUTO_ARCHIVE_MINUTES)
            thread_id = int(made["id"])
        else:
            try:
                made = await http.start_thread_with_message(channel_id, message_id, name=name,
                                                            auto_archive_duration=AUTO_ARCHIVE_MINUTES,
                                                            rate_limit_per_user=None)
                thread_id = int(made["id"])
            except discord.HTTPException as exc:
                if exc.code == THREAD_ALREADY_STARTED:  # started before a crash, never recorded
                    thread_id = message_id
                elif exc.code == UNKNOWN_MESSAGE:  # the digest was deleted: a thread of its own
                    return await self.ensure(channel_id, number, fresh=True)
                else:
                    raise
        await self.store.record_thread(channel_id, number, thread_id, None if fresh else message_id)
        log.info("thread %s of round %s in channel %s", thread_id, number, channel_id)
        return thread_id

    async def _start(self, row: Outbox, channel_id: int, number: int) -> ThreadOutcome:
        assert row.id is not None
        recorded = await self.store.thread_of(channel_id, number)
        thread_id = await self.ensure(channel_id, number)
        result: ThreadResult = "started"
        if recorded is not None and row.delivered_revision and row.revision > row.delivered_revision:
            # the round's date or place became known: the thread's name follows
            await self._unarchived(thread_id, name=name_of(row.payload))
            result = "renamed"
        await self.store.mark_delivered(row.id, row.revision, message_id=thread_id)
        return ThreadOutcome(row.id, result, str(thread_id))

    async def _unarchived(self, thread_id: int, **changes: Any) -> None:
        await self.client.http.edit_channel(thread_id, archived=False, **changes)

    async def _line(self, row: Outbox, channel_id: int, number: int) -> ThreadOutcome:
        assert row.id is not None
        if row.message_id:  # posted, and recorded: nothing to edit in a line
            await self.store.mark_delivered(row.id, row.revision, message_id=row.message_id)
            return ThreadOutcome(row.id, "posted", "already")
        thread_id = await self.ensure(channel_id, number)
        text = line_text(row.payload)
        for _ in range(3):
            try:
                message = await self.client.get_partial_messageable(thread_id).send(
                    text, allowed_mentions=discord.AllowedMentions.none(), nonce=nonce_of(row))
                await self.store.mark_delivered(row.id, row.revision, message_id=message.id)
                return ThreadOutcome(row.id, "posted", str(message.id))
            except discord.HTTPException as exc:
                if exc.code == THREAD_ARCHIVED:
                    await self._unarchived(thread_id)
                elif exc.code == UNKNOWN_CHANNEL:  # deleted on Discord: a new thread, recorded
                    thread_id = await self.ensure(channel_id, number, fresh=True)
                else:
                    raise
        raise discord.DiscordException("the thread kept refusing the line")


class ThreadWorker:
    """Drains the thread rows of the outbox (``discord-thread:``), like `DeliveryWorker` does digests."""

    def __init__(self, client: discord.Client, store: Store, *, worker_id: str, interval: float = 2.0,
                 batch: int = 10, lease_seconds: int = 60, clock: Callable[[], datetime] = utcnow) -> None:
        self.sink = ThreadSink(client, store, clock=clock)
        self.store = store
        self.worker_id = f"{worker_id}:threads"
        self.interval = interval
        self.batch = batch
        self.lease_seconds = lease_seconds
        self.clock = clock
        self.outcomes: list[ThreadOutcome] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="parley-threads")

    def kick(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run_once(self) -> list[ThreadOutcome]:
        """Claim and carry out due thread rows until none is due; returns what happened."""
        done: list[ThreadOutcome] = []
        async with self._lock:
            while True:
                rows = await self.store.claim_due(self.worker_id, limit=self.batch, lease_seconds=self.lease_seconds,
                                                  now=self.clock(), prefix=stored.THREAD_PREFIX)
                if not rows:
                    break
                for row in rows:
                    outcome = await self.sink.deliver(row)
                    log.info("thread row %s %s → %s %s", row.id, row.item_key, outcome.result, outcome.detail)
                    done.append(outcome)
                if all(o.result == "waiting" for o in done[-len(rows):]):
                    break
        self.outcomes += done
        return done

    async def _run(self) -> None:
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database is away, say: log, wait, try again; never die
                log.exception("thread round failed; retrying")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()
