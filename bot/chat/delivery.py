"""The Discord sink: outbox rows → messages in subscribed channels, each posted once.

How "once" holds:
- Rows are leased (`storage.outbox.claim_due`): a conditional UPDATE gives each row to one worker, so
  two bot processes on one database never post the same row. A crashed worker's lease runs out
  and another worker takes the row over.
- The post carries a nonce derived from the row (destination and item key) with
  ``enforce_nonce``: if a worker died after Discord created the message but before the database
  recorded it, the retry gets the existing message back instead of a second one.
- The message id and the revision posted are recorded (`Store.mark_delivered`). When a digest
  gains a source later its revision grows, the row becomes pending again, and the sink *edits*
  the recorded message instead of posting anew.

Failures: rate limits are waited out (discord.py sleeps on 429 and retries; a limit longer than
it will wait comes back as a retry time); Missing Access or Unknown Channel disable the
channel's subscription (recorded, shown in ``/status``) and mark its rows dead with the reason;
5xx and network errors are retried with exponential back-off, and after `MAX_ATTEMPTS` the row
is marked dead with its error. Nothing is dropped without a record.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import discord

from bot.answers.digests import from_payload
from bot.chat.embeds import render
from storage.models import Outbox, utcnow
from storage.outbox import channel_of

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 5.0
BACKOFF_MAX_SECONDS = 3600.0
LEASE_SECONDS = 60  # well inside Discord's nonce window of a few minutes
MISSING_ACCESS = 50001
UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008


def nonce_for(row: Outbox) -> str:
    """A stable nonce (≤ 25 characters, Discord's limit) for the first post of a row."""
    digest = hashlib.blake2b(f"{row.destination}|{row.item_key}".encode(), digest_size=12).hexdigest()
    return f"p{digest}"


def backoff(attempts: int) -> float:
    """Seconds before retry number ``attempts`` (1, 2, ...): doubling from 5 s, at most an hour."""
    return min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS)


@dataclass
class Outcome:
    """What happened to one row (for logs and tests)."""

    row_id: int
    result: str  # posted | edited | retry | dead | disabled
    detail: str = ""


class DiscordSink:
    """Posts or edits the message of one outbox row. Knows the store and a discord.py client."""

    def __init__(self, client: discord.Client, store: Any, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.client = client
        self.store = store
        self.clock = clock

    async def deliver(self, row: Outbox) -> Outcome:
        """Deliver one claimed row and record the result in the store. Never raises for Discord errors."""
        assert row.id is not None
        channel_id = channel_of(row.destination)
        if channel_id is None:
            await self.store.mark_failed(row.id, f"not a Discord destination: {row.destination}", dead=True)
            return Outcome(row.id, "dead", "bad destination")
        subscription = await self.store.subscription_for(channel_id)
        if subscription is None or subscription.disabled_at is not None:
            # /unsubscribe (or a disabled channel) after the row was written: the channel asked for no more.
            reason = "the channel unsubscribed" if subscription is None else "the channel's subscription is disabled"
            await self.store.mark_failed(row.id, f"not posted: {reason}", dead=True)
            return Outcome(row.id, "dead", reason)
        answer, role_id = from_payload(row.payload)
        channel = self.client.get_partial_messageable(channel_id)
        content = f"<@&{role_id}>" if role_id else None
        # Article text never pings; only the role a subscription asked for may.
        mentions = discord.AllowedMentions(everyone=False, users=False, replied_user=False,
                                           roles=[discord.Object(role_id)] if role_id else False)
        embeds = render(answer)
        revision = row.revision
        try:
            if row.message_id:
                try:
                    await channel.get_partial_message(row.message_id).edit(
                        content=content, embeds=embeds, allowed_mentions=mentions)
                    await self.store.mark_delivered(row.id, revision, message_id=row.message_id)
                    return Outcome(row.id, "edited")
                except discord.NotFound as exc:
                    if exc.code != UNKNOWN_MESSAGE:
                        raise
                    log.info("message %s of %s was deleted; posting it again", row.message_id, row.item_key)
            message = await channel.send(content=content, embeds=embeds, allowed_mentions=mentions,
                                         nonce=nonce_for(row))
            await self.store.mark_delivered(row.id, revision, message_id=message.id)
            return Outcome(row.id, "posted", str(message.id))
        except discord.Forbidden as exc:
            return await self._channel_refused(row, channel_id, f"Missing Access to channel {channel_id}", exc)
        except discord.NotFound as exc:
            return await self._channel_refused(row, channel_id, f"Unknown Channel {channel_id}", exc)
        except discord.RateLimited as exc:
            return await self._retry(row, f"rate limited for {exc.retry_after:.1f} s", exc.retry_after, count=False)
        except (TimeoutError, discord.DiscordServerError, aiohttp.ClientError, OSError) as exc:
            return await self._retry(row, f"Discord error: {_one_line(exc)}", backoff(row.attempts + 1))
        except discord.HTTPException as exc:  # 400 and the like: a bug or a payload Discord refuses
            log.error("Discord refused outbox row %s (%s): %s", row.id, row.item_key, exc)
            await self.store.mark_failed(row.id, f"Discord refused the message: {_one_line(exc)}", dead=True)
            return Outcome(row.id, "dead", str(exc))

    async def _channel_refused(self, row: Outbox, channel_id: int, reason: str, exc: discord.HTTPException) -> Outcome:
        assert row.id is not None
        if isinstance(exc, discord.NotFound) and exc.code not in (UNKNOWN_CHANNEL, 0):
            return await self._retry(row, f"Discord error: {_one_line(exc)}", backoff(row.attempts + 1))
        log.warning("disabling the subscription of channel %s: %s", channel_id, reason)
        await self.store.disable_subscription(channel_id, reason)
        await self.store.mark_failed(row.id, reason, dead=True)
        await self.store.give_up_destination(row.destination, f"subscription disabled: {reason}")
        return Outcome(row.id, "disabled", reason)

    async def _retry(self, row: Outbox, error: str, delay: float, *, count: bool = True) -> Outcome:
        assert row.id is not None
        dead = count and row.attempts + 1 >= MAX_ATTEMPTS
        retry_at = self.clock() + timedelta(seconds=delay)
        await self.store.mark_failed(row.id, error, retry_at=None if dead else retry_at, dead=dead)
        if dead:
            log.error("giving up on outbox row %s (%s) after %d attempts: %s", row.id, row.item_key,
                      row.attempts + 1, error)
        return Outcome(row.id, "dead" if dead else "retry", error)


class DeliveryWorker:
    """Drains the outbox in the background: claims due rows, delivers them, repeats.

    Runs every ``interval`` seconds, and at once when `kick` is called (after a poll or a
    ``/subscribe``). ``clock`` lets tests move time forward (lease expiry) without sleeping.
    """

    def __init__(self, client: discord.Client, store: Any, *, worker_id: str, interval: float = 2.0,
                 batch: int = 10, lease_seconds: int = LEASE_SECONDS,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.sink = DiscordSink(client, store, clock=clock)
        self.store = store
        self.worker_id = worker_id
        self.interval = interval
        self.batch = batch
        self.lease_seconds = lease_seconds
        self.clock = clock
        self.outcomes: list[Outcome] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="parley-delivery")

    def kick(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run_once(self) -> list[Outcome]:
        """Claim and deliver until nothing is due; returns what happened to each row."""
        done: list[Outcome] = []
        async with self._lock:
            while True:
                rows = await self.store.claim_due(self.worker_id, limit=self.batch,
                                       lease_seconds=self.lease_seconds, now=self.clock())
                if not rows:
                    break
                refused: set[str] = set()
                for row in rows:
                    if row.destination in refused:  # marked dead with the channel's reason already
                        continue
                    outcome = await self.sink.deliver(row)
                    if outcome.result == "disabled":
                        refused.add(row.destination)
                    log.info("outbox %s %s → %s %s", row.id, row.item_key, outcome.result, outcome.detail)
                    done.append(outcome)
        self.outcomes += done
        return done

    async def _run(self) -> None:
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database is away, say: log, wait, try again; never die
                log.exception("delivery round failed; retrying")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
