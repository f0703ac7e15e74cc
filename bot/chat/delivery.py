"""The Discord sink: outbox rows → messages in subscribed channels, each posted once.

How "once" holds, without relying on Discord's nonce:
- Rows are leased (`storage.outbox.claim_due`): a conditional UPDATE gives each row to one
  worker, and bumps the row's lease token. The worker renews its leases while it works through
  its batch (`DeliveryWorker`), so a slow Discord (seconds a post) never lets a lease run out
  under a live worker. A crashed worker's leases run out and another worker takes its rows over.
- Every write is fenced with the lease token: `storage.outbox.begin_post` before a post,
  `Store.mark_delivered` / `Store.mark_failed` after it succeed only for the row's current
  holder. A worker that lost its lease does not post, and cannot record over its successor.
- Before the post, `begin_post` records that the row's message may now exist. A row with such an
  unrecorded attempt is not posted again blindly: its channel's messages since the attempt are
  searched for the row's marker (`bot.chat.adoption`) and a message found is adopted (recorded,
  and edited to the current revision). The posts still carry the row's nonce with
  ``enforce_nonce``, which Discord honours for a few minutes; nothing depends on it.
- A post is given up after half a lease (`post_timeout`), and a row whose post may be in flight
  is not looked at again before a full lease has passed since the attempt began. So the search
  happens after any message of the attempt exists, provided Discord answers a request within
  half a lease (60 s leases, 30 s posts by default; both far beyond what Discord takes).
- The message id and the revision posted are recorded. When a digest gains a source later its
  revision grows, the row becomes pending again, and the sink *edits* the recorded message.

Failures: rate limits are waited out (discord.py sleeps on 429 and retries; a limit longer than
it will wait comes back as a retry time); Missing Access or Unknown Channel disable the
channel's subscription (recorded, shown in ``/status``) and mark its rows dead with the reason;
5xx and network errors are retried with exponential back-off, and after `MAX_ATTEMPTS` the row
is marked dead with its error. Nothing is dropped without a record.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

import aiohttp
import discord

from bot.answers.digests import from_payload
from bot.chat.adoption import find_posted, marker_for, nonce_for
from bot.chat.buttons import buttons_for
from bot.chat.embeds import render
from bot.chat.threads import thread_link
from bot.ops import metrics
from storage.kinds import OutboxKind
from storage.models import Outbox, utcnow
from storage.outbox import channel_of

if TYPE_CHECKING:
    from storage import Store

__all__ = ["DeliveryWorker", "DiscordSink", "Outcome", "backoff", "nonce_for"]

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 5.0
BACKOFF_MAX_SECONDS = 3600.0
LEASE_SECONDS = 60  # well inside Discord's nonce window of a few minutes
STOP_GRACE_SECONDS = 30.0  # how long a stopping worker waits for the delivery in flight (systemd waits 90 s)
MISSING_ACCESS = 50001
UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008


def backoff(attempts: int) -> float:
    """Seconds before retry number ``attempts`` (1, 2, ...): doubling from 5 s, at most an hour."""
    return min(BACKOFF_BASE_SECONDS * (1 << max(attempts - 1, 0)), BACKOFF_MAX_SECONDS)


Result = Literal["posted", "adopted", "edited", "retry", "dead", "disabled", "lost"]


@dataclass
class Outcome:
    """What happened to one row (for logs and tests)."""

    row_id: int
    result: Result
    detail: str = ""


class LeaseLost(Exception):
    """The row's lease is another worker's now: write nothing more about it."""


class DiscordSink:
    """Posts or edits the message of one leased outbox row. Knows the store and a discord.py client.

    ``worker_id`` and ``lease_seconds`` are those of the worker that leased the rows: every write
    is fenced with the row's lease token.
    """

    def __init__(self, client: discord.Client, store: Store, *, worker_id: str = "sink",
                 lease_seconds: int = LEASE_SECONDS, clock: Callable[[], datetime] = utcnow) -> None:
        self.client = client
        self.store = store
        self.worker_id = worker_id
        self.lease_seconds = lease_seconds
        self.clock = clock

    @property
    def post_timeout(self) -> float:
        """How long one post or edit may take before it is given up (half a lease)."""
        return self.lease_seconds / 2

    async def deliver(self, row: Outbox) -> Outcome:
        """Deliver one claimed row and record the result in the store. Never raises for Discord errors."""
        try:
            return await self._deliver(row)
        except LeaseLost as exc:
            assert row.id is not None
            log.warning("outbox row %s (%s): lease lost to another worker; %s", row.id, row.item_key, exc)
            return Outcome(row.id, "lost", str(exc))

    async def _deliver(self, row: Outbox) -> Outcome:
        assert row.id is not None
        channel_id = channel_of(row.destination)
        if channel_id is None:
            await self._failed(row, f"not a Discord destination: {row.destination}", dead=True)
            return Outcome(row.id, "dead", "bad destination")
        subscription = await self.store.subscription_for(channel_id)
        if subscription is None or subscription.disabled_at is not None:
            # /unsubscribe (or a disabled channel) after the row was written: the channel asked for no more.
            reason = "the channel unsubscribed" if subscription is None else "the channel's subscription is disabled"
            await self._failed(row, f"not posted: {reason}", dead=True)
            return Outcome(row.id, "dead", reason)
        answer, role_id = from_payload(row.payload)
        if row.kind == OutboxKind.ALERT and (link := await thread_link(self.store, channel_id, row.item_key)):
            answer.description = f"{answer.description}\n\n{link}".strip()
        channel = self.client.get_partial_messageable(channel_id)
        content = f"<@&{role_id}>" if role_id else None
        # Article text never pings; only the role a subscription asked for may.
        mentions = discord.AllowedMentions(everyone=False, users=False, replied_user=False,
                                           roles=[discord.Object(role_id)] if role_id else False)
        embeds = render(answer, footer_note=marker_for(row))
        view = buttons_for(row.kind, row.item_key)  # "Sources" and "Wrong?" (bot.chat.buttons)
        revision = row.revision
        in_flight = False  # a post went out and its fate is unknown
        try:
            message_id, adopted = row.message_id, False
            if message_id is None and row.post_started_at is not None:
                message_id = await self._earlier_attempt(channel, row)
                adopted = message_id is not None
            if message_id:
                try:
                    async with asyncio.timeout(self.post_timeout):
                        await channel.get_partial_message(message_id).edit(
                            content=content, embeds=embeds, allowed_mentions=mentions, view=view)
                    await self._delivered(row, revision, message_id)
                    if adopted:
                        log.info("outbox row %s (%s): adopted message %s of an earlier attempt",
                                 row.id, row.item_key, message_id)
                    return Outcome(row.id, "adopted" if adopted else "edited", str(message_id))
                except discord.NotFound as exc:
                    if exc.code != UNKNOWN_MESSAGE:
                        raise
                    log.info("message %s of %s was deleted; posting it again", message_id, row.item_key)
            if not await self.store.begin_post(row.id, self.worker_id, row.lease_token,
                                    lease_seconds=self.lease_seconds, now=self.clock()):
                raise LeaseLost("not posted")
            in_flight = True
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses a cancellation (the bot
            # closing) that arrives as the post completes, and the worker would never stop
            async with asyncio.timeout(self.post_timeout):
                message = await channel.send(content=content, embeds=embeds, allowed_mentions=mentions,
                                             nonce=nonce_for(row), view=view)
            in_flight = False
            await self._delivered(row, revision, message.id, posted=message)
            return Outcome(row.id, "posted", str(message.id))
        except discord.Forbidden as exc:
            return await self._channel_refused(row, channel_id, f"Missing Access to channel {channel_id}", exc)
        except discord.NotFound as exc:
            return await self._channel_refused(row, channel_id, f"Unknown Channel {channel_id}", exc)
        except discord.RateLimited as exc:
            return await self._retry(row, f"rate limited for {exc.retry_after:.1f} s",
                                     self._not_before_lease(exc.retry_after, in_flight), count=False)
        except (TimeoutError, discord.DiscordServerError, aiohttp.ClientError, OSError) as exc:
            return await self._retry(row, f"Discord error: {_one_line(exc)}",
                                     self._not_before_lease(backoff(row.attempts + 1), in_flight))
        except discord.HTTPException as exc:  # 400 and the like: a bug or a payload Discord refuses
            log.error("Discord refused outbox row %s (%s): %s", row.id, row.item_key, exc)
            await self._failed(row, f"Discord refused the message: {_one_line(exc)}", dead=True)
            return Outcome(row.id, "dead", str(exc))

    async def _earlier_attempt(self, channel: discord.PartialMessageable, row: Outbox) -> int | None:
        """The id of the message an unrecorded earlier attempt posted, if it is in the channel.

        Without Read Message History the search is refused; the post then goes out with its
        nonce alone (Discord's own protection), as it did before markers existed.
        """
        assert row.post_started_at is not None
        bot_id = self.client.user.id if self.client.user else None
        try:
            async with asyncio.timeout(self.post_timeout):
                found = await find_posted(channel, marker=marker_for(row), author_id=bot_id,
                                          since=row.post_started_at)
        except discord.Forbidden:
            log.warning("cannot read the history of channel %s to look for an earlier post of %s; "
                        "relying on the nonce", channel.id, row.item_key)
            return None
        return found.id if found else None

    async def _delivered(self, row: Outbox, revision: int, message_id: int,
                         posted: discord.Message | None = None) -> None:
        """Record the delivery under the lease. If the lease was lost meanwhile and the row's new
        holder has recorded a different message, the one just posted is a duplicate: delete it."""
        assert row.id is not None
        if await self.store.mark_delivered(row.id, revision, message_id=message_id, lease_token=row.lease_token):
            return
        if posted is not None:
            current = await self.store.outbox_row(row.id)
            if current is not None and current.message_id not in (None, message_id):
                log.warning("outbox row %s (%s): deleting duplicate message %s (the row's message is %s)",
                            row.id, row.item_key, message_id, current.message_id)
                with contextlib.suppress(discord.HTTPException):
                    await posted.delete()
        raise LeaseLost(f"message {message_id} not recorded by this worker")

    async def _failed(self, row: Outbox, error: str, *, retry_at: datetime | None = None, dead: bool = False) -> None:
        assert row.id is not None
        if not await self.store.mark_failed(row.id, error, retry_at=retry_at, dead=dead, lease_token=row.lease_token):
            raise LeaseLost(f"failure not recorded: {error}")

    def _not_before_lease(self, delay: float, in_flight: bool) -> float:
        """A retry of a post whose fate is unknown waits a full lease, so its message (if any) is
        in the channel when the retry looks for it."""
        return max(delay, float(self.lease_seconds)) if in_flight else delay

    async def _channel_refused(self, row: Outbox, channel_id: int, reason: str, exc: discord.HTTPException) -> Outcome:
        assert row.id is not None
        if isinstance(exc, discord.NotFound) and exc.code not in (UNKNOWN_CHANNEL, 0):
            return await self._retry(row, f"Discord error: {_one_line(exc)}", backoff(row.attempts + 1))
        log.warning("disabling the subscription of channel %s: %s", channel_id, reason)
        await self.store.disable_subscription(channel_id, reason)
        await self._failed(row, reason, dead=True)
        await self.store.give_up_destination(row.destination, f"subscription disabled: {reason}")
        return Outcome(row.id, "disabled", reason)

    async def _retry(self, row: Outbox, error: str, delay: float, *, count: bool = True) -> Outcome:
        assert row.id is not None
        dead = count and row.attempts + 1 >= MAX_ATTEMPTS
        retry_at = self.clock() + timedelta(seconds=delay)
        await self._failed(row, error, retry_at=None if dead else retry_at, dead=dead)
        if dead:
            log.error("giving up on outbox row %s (%s) after %d attempts: %s", row.id, row.item_key,
                      row.attempts + 1, error)
        return Outcome(row.id, "dead" if dead else "retry", error)


class DeliveryWorker:
    """Drains the outbox in the background: claims due rows, delivers them, repeats.

    Runs every ``interval`` seconds, and at once when `kick` is called (after a poll or a
    ``/subscribe``). While it works through a batch it renews the batch's leases every third of
    a lease (`renew_leases`), so a batch that takes longer than a lease (a slow Discord) stays
    its own; a row whose lease was lost anyway (the process stalled) is skipped. ``clock`` lets
    tests move time forward (lease expiry) without sleeping.

    `stop` is graceful: the row being delivered is finished and recorded (so a post Discord made
    is never left unrecorded), the rows leased but not started are given back, then it ends.
    """

    def __init__(self, client: discord.Client, store: Store, *, worker_id: str, interval: float = 2.0,
                 batch: int = 10, lease_seconds: int = LEASE_SECONDS,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.sink = DiscordSink(client, store, worker_id=worker_id, lease_seconds=lease_seconds, clock=clock)
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
        self._stopping = False
        self._in_flight: Outbox | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="parley-delivery")

    def kick(self) -> None:
        self._wake.set()

    async def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Finish the delivery in flight (for up to ``grace`` seconds), give back the rest, end."""
        if self._task is None:
            return
        self._stopping = True
        self._wake.set()
        if self._in_flight is not None:
            log.info("stopping: finishing the delivery in flight (outbox %s %s)", self._in_flight.id,
                     self._in_flight.item_key)
        task, self._task = self._task, None
        try:
            await asyncio.wait_for(asyncio.shield(task), grace)
        except TimeoutError:
            log.warning("stopping: the delivery in flight took over %.0f s; its lease will run out and "
                        "the next start adopts or retries it", grace)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        except asyncio.CancelledError:
            task.cancel()
            raise

    async def run_once(self) -> list[Outcome]:
        """Claim and deliver until nothing is due; returns what happened to each row."""
        done: list[Outcome] = []
        async with self._lock:
            while not self._stopping:
                rows = await self.store.claim_due(self.worker_id, limit=self.batch,
                                       lease_seconds=self.lease_seconds, now=self.clock())
                if not rows:
                    break
                done += await self._deliver_batch(rows)
        self.outcomes += done
        return done

    async def _deliver_batch(self, rows: list[Outbox]) -> list[Outcome]:
        """Deliver the leased ``rows`` one by one, keeping their leases renewed meanwhile."""
        leases = {row.id: row.lease_token for row in rows if row.id is not None}
        lost: set[int] = set()
        renewer = asyncio.create_task(self._keep_leases(leases, lost), name="parley-delivery-leases")
        done: list[Outcome] = []
        refused: set[str] = set()
        try:
            for index, row in enumerate(rows):
                assert row.id is not None
                if self._stopping:  # asked to stop: leave the rest to the next start, leased to nobody
                    await self.store.release_claims(self.worker_id, [r.id for r in rows[index:] if r.id is not None])
                    break
                if row.destination in refused:  # marked dead with the channel's reason already
                    leases.pop(row.id, None)
                    continue
                if row.id in lost:
                    log.warning("outbox row %s (%s): lease lost before delivery; left to its new holder",
                                row.id, row.item_key)
                    done.append(Outcome(row.id, "lost", "lease ran out before delivery"))
                    continue
                self._in_flight = row
                started = time.perf_counter()
                try:
                    outcome = await self.sink.deliver(row)
                finally:
                    self._in_flight = None
                metrics.DELIVERY_SECONDS.observe(time.perf_counter() - started)
                metrics.DELIVERIES.labels(outcome.result).inc()
                leases.pop(row.id, None)
                if outcome.result == "disabled":
                    refused.add(row.destination)
                log.info("outbox %s %s → %s %s", row.id, row.item_key, outcome.result, outcome.detail)
                done.append(outcome)
        finally:
            renewer.cancel()
            # gather, not a suppressed await: a cancellation of this worker meanwhile must go on
            await asyncio.gather(renewer, return_exceptions=True)
        return done

    async def _keep_leases(self, leases: dict[int, int], lost: set[int]) -> None:
        """Renew ``leases`` (those not delivered yet) every third of a lease; note the lost ones."""
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            pending = {row_id: token for row_id, token in leases.items() if row_id not in lost}
            try:
                held = await self.store.renew_leases(self.worker_id, pending, lease_seconds=self.lease_seconds,
                                          now=self.clock())
            except Exception:  # the database is away: the fenced writes will tell; keep trying
                log.exception("renewing delivery leases failed")
                continue
            lost.update(row_id for row_id in pending if row_id not in held and row_id in leases)

    async def _run(self) -> None:
        while not self._stopping:
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
