"""Poll feeds: fetch → parse → full text → ingest → record the feed's state and next poll.

`Poller.poll_feed` is one poll of one feed, used by both `parley poll --once` (`poll_once`)
and the scheduler (`bot.feeds.scheduler.FeedScheduler`). Whatever a feed does, the poll ends with
the feed's row updated: its status, a one-line ``last_error``, its failure count, when to
poll it next, and, when it has failed for good, why it was disabled.

Nothing is lost and nothing is taken twice:
- the validators (ETag, Last-Modified, body hash) are saved only after the entries were
  handed to the pipeline, so a crash or a database error between the two means the next
  poll sees the same entries again, and the pipeline's dedupe (guid, link, text hash)
  makes that harmless;
- entries already stored are filtered out before their article pages are fetched;
- the first poll of a feed records its entries' facts without announcing them
  (``announce=False``): a new feed does not flood the channel with its back catalogue.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
import sys
from collections.abc import Awaitable, Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

import aiohttp

from bot.config import Settings
from bot.errors import UserError
from bot.feeds.article import DEFAULT_BUDGET, ArticleBudget, with_full_text
from bot.feeds.entry import FeedEntry
from bot.feeds.fetch import DEFAULT_LIMITS, FetchLimits, FetchResult, fetch_feed, make_session
from bot.feeds.parse import FeedError, ParsedFeed, parse_feed, prune_known
from bot.feeds.policy import PollPolicy, disable_reason, next_delay, requested_interval
from bot.feeds.xmlguard import unsafe_xml_reason
from bot.masking import mask_url, mask_urls_in
from bot.ops import metrics

if TYPE_CHECKING:
    from storage import Store
    from storage.models import Feed

log = logging.getLogger(__name__)

# Entries read (article pages fetched, facts extracted) per poll of one feed. Beyond it: on a feed's
# first poll the rest are recorded unread, so they are never announced later as new; on later
# polls the feed's validators are not saved, so the next poll fetches it again and reads on.
MAX_ENTRIES_PER_POLL = 500
SEEN_MEMORY = 200_000  # guids remembered between polls (a few MB); forgotten all at once when full
RECALL_PER_FEED = 500  # stored guids loaded per feed when a process first polls it
STATE_BATCH = 200  # feed-state rows written per transaction during a cycle over many feeds
INLINE_PARSE_BYTES = 128 * 1024  # larger bodies are parsed in a worker thread
MAX_WAITING_ENTRIES = 2_000  # entries waiting to be recorded beyond which a waiting feed keeps its fetch slot


class Ingest(Protocol):
    """The pipeline's entry point (`bot.knowledge.ingest.ingest_entries`), as the poller calls it."""

    def __call__(
        self, store: Store, entries: list[FeedEntry], *, feed_id: int | None, announce: bool, console: bool = False
    ) -> Awaitable[Any]: ...


class IngestMany(Protocol):
    """The pipeline's group entry point (`bot.knowledge.ingest.ingest_feeds`): several feeds' new entries,
    as (entries, feed_id, announce) triples, in one call; one report per triple."""

    def __call__(
        self, store: Store, batches: list[tuple[list[FeedEntry], int | None, bool]], *, console: bool = False
    ) -> Awaitable[Sequence[Any]]: ...


def _default_ingest_many() -> IngestMany:
    from bot.knowledge.ingest import ingest_feeds

    return ingest_feeds


def _one_by_one(ingest: Ingest) -> IngestMany:
    """An `Ingest` that takes one feed at a time, called once per feed of a group."""

    async def many(
        store: Store, batches: list[tuple[list[FeedEntry], int | None, bool]], *, console: bool = False
    ) -> list[Any]:
        return [
            await ingest(store, entries, feed_id=feed_id, announce=announce, console=console)
            for entries, feed_id, announce in batches
        ]

    return many


@dataclass(slots=True)
class _Handover:
    """One feed's fresh entries waiting for the next group commit."""

    feed_id: int | None
    announce: bool
    entries: list[FeedEntry]
    done: asyncio.Future[int]


@dataclass(slots=True)
class PollOutcome:
    """What one poll of one feed did, in a form the CLI prints as one line."""

    url: str
    feed_id: int | None = None
    status: int | None = None
    kind: str = "error"  # new | not_modified | unchanged | error | disabled | skipped
    entries_in_feed: int = 0
    new_entries: int = 0
    announced: bool = True
    error: str | None = None
    next_poll_at: datetime | None = None
    moved_to: str | None = None
    notes: list[str] = field(default_factory=list)
    more: bool = False  # new entries beyond the per-poll cap are left for the next poll

    def line(self, now: datetime | None = None) -> str:
        """One line for the terminal: the feed and what happened to it."""
        moved = f" (moved permanently to {mask_url(self.moved_to)})" if self.moved_to else ""
        if self.kind == "new":
            what = f"{self.new_entries} new {'entry' if self.new_entries == 1 else 'entries'}"
            if not self.announced:
                what = f"first poll: {self.new_entries} entries recorded, not announced"
            text = f"{what} ({self.entries_in_feed} in feed)"
        elif self.kind == "not_modified":
            text = "not modified"
        elif self.kind == "unchanged":
            text = "unchanged since the last poll"
        elif self.kind == "disabled":
            text = f"disabled: {self.error}"
        elif self.kind == "skipped":
            text = f"skipped: {self.error}"
        else:
            text = f"error: {self.error}"
            if self.next_poll_at and now:
                text += f" (next try in {_human(self.next_poll_at - now)})"
        return f"{mask_url(self.url)}: {mask_urls_in(text)}{moved}"


def _human(delta: timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def _now() -> datetime:
    from storage.models import utcnow

    return utcnow()


def _feed_url_taken(exc: BaseException) -> bool:
    from storage import Conflict

    return isinstance(exc, Conflict)


class Poller:
    """Polls feeds of one database through one guarded HTTP session. Use as an async context manager."""

    def __init__(
        self,
        store: Store,
        *,
        policy: PollPolicy,
        limits: FetchLimits = DEFAULT_LIMITS,
        budget: ArticleBudget = DEFAULT_BUDGET,
        ingest: Ingest | None = None,
        ingest_many: IngestMany | None = None,
        console: bool = False,
        max_entries: int = MAX_ENTRIES_PER_POLL,
        concurrency: int = 32,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self.store = store
        self.policy = policy
        self.limits = limits
        self.budget = budget
        self.console = console
        self.max_entries = max_entries
        # Entries go to the pipeline in groups: feeds finishing while one group is being recorded
        # wait for the next group, so a cycle over many feeds commits a few times, not once a feed.
        if ingest_many is not None:
            self._ingest_many = ingest_many
        elif ingest is not None:
            self._ingest_many = _one_by_one(ingest)
        else:
            self._ingest_many = _default_ingest_many()
        self._waiting: list[_Handover] = []
        self._recording = False
        self._own_session = session is None
        self._session = session
        self._gate = asyncio.Semaphore(concurrency)
        self._seen: set[str] = set()  # guids this poller recorded or found stored: saves work only
        self._warm: set[int] = set()  # feeds whose stored guids were loaded into _seen
        self._pending: dict[int, dict[str, Any]] | None = None  # batched state writes during poll_many

    @classmethod
    def from_settings(cls, store: Store, settings: Settings, **kwargs: Any) -> Poller:
        limits = kwargs.pop("limits", None) or FetchLimits(allow_private=settings.allow_private_feeds)
        policy = kwargs.pop("policy", None) or PollPolicy(interval=float(settings.poll_interval_seconds))
        return cls(store, policy=policy, limits=limits, **kwargs)

    async def __aenter__(self) -> Poller:
        if self._session is None:
            self._session = make_session(self.limits)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError("use the Poller as 'async with Poller(...)'")
        return self._session

    # -- the feed list ------------------------------------------------------------------------

    async def sync_configured(self, urls: Sequence[str]) -> None:
        """Make the feeds ``FEEDS`` manages exactly ``urls`` (`bot.feeds.configured.sync_env_feeds`)."""
        from bot.feeds.configured import sync_env_feeds

        report = await sync_env_feeds(self.store, urls)
        for url in report.dropped:
            log.info("feed %s is no longer in FEEDS: disabled", url)

    # -- one feed -----------------------------------------------------------------------------

    async def poll_feed(self, feed: Feed, *, now: datetime | None = None) -> PollOutcome:
        """Poll one feed row and record the result on it. Never raises for a feed's fault.

        Each outcome is logged at INFO, with the feed and the outcome as fields for JSON logs, so
        an operator sees every poll without asking ``/status``.
        """
        outcome = await self._poll_feed(feed, now=now)
        metrics.POLLS.labels(outcome.kind).inc()
        log.info("poll %s", outcome.line(), extra={
            "feed_id": outcome.feed_id, "feed_url": outcome.url, "outcome": outcome.kind,
            "http_status": outcome.status, "new_entries": outcome.new_entries})
        return outcome

    async def _poll_feed(self, feed: Feed, *, now: datetime | None) -> PollOutcome:
        assert feed.id is not None  # a stored feed has its id
        async with self._gate:
            now = now or _now()
            outcome = PollOutcome(url=feed.url, feed_id=feed.id)
            if feed.disabled_at is not None:
                outcome.kind, outcome.error = "disabled", feed.disabled_reason or "disabled"
                return outcome
            result = await fetch_feed(
                self.session, feed.url, etag=feed.etag, last_modified=feed.last_modified, limits=self.limits
            )
            outcome.status = result.status
            if result.error:
                return await self._failed(feed, outcome, result, result.error, now)
            if result.not_modified:
                outcome.kind = "not_modified"
                return await self._succeeded(feed, outcome, result, now, ttl_minutes=None)
            body = result.body or b""
            digest: str | None = hashlib.sha256(body).hexdigest()
            if digest == feed.content_hash and feed.initialized:
                outcome.kind = "unchanged"  # a server without validators sent the same bytes again
                return await self._succeeded(feed, outcome, result, now, ttl_minutes=None)
            try:
                if feed.initialized and feed.id not in self._warm:
                    await self._recall(feed.id)
                known = self._seen if feed.initialized else ()
                source = feed.title or mask_url(feed.url)  # an entry's outlet when nothing else names it
                if known and len(body) <= INLINE_PARSE_BYTES:
                    # A small feed already read: only its new items reach feedparser, about a millisecond
                    # of work, cheaper on the loop than a hop to a worker thread and back.
                    parsed, total = _parse_new(body, known, source=source, content_type=result.content_type)
                else:
                    parsed, total = await asyncio.to_thread(
                        _parse_new, body, known, source=source, content_type=result.content_type
                    )
            except FeedError as exc:
                return await self._failed(feed, outcome, result, str(exc), now)
            try:
                await self._ingest_new(feed, parsed, outcome)
                outcome.entries_in_feed = total
                self._warm.add(feed.id)  # every entry it holds is now in memory: no need to recall them
            except Exception as exc:  # the pipeline or the database failed: keep the old validators, retry later
                log.exception("ingest failed for %s", feed.url)
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
                return await self._failed(feed, outcome, result, f"could not record the entries: {reason}", now)
            outcome.kind = "new"
            if outcome.more:  # entries left to read: no validators, so the next poll gets the whole body again
                result.etag = result.last_modified = digest = None
            return await self._succeeded(feed, outcome, result, now, ttl_minutes=parsed.ttl_minutes,
                                         content_hash=digest, title=parsed.title or None)

    async def _ingest_new(self, feed: Feed, parsed: ParsedFeed, outcome: PollOutcome) -> None:
        """Hand the entries not seen before to the pipeline; fetch article pages only for those.

        At most ``max_entries`` new entries are read per poll, in the feed's order. On a feed's
        first poll the entries beyond that are recorded unread (no page fetch, no extraction), so
        what the feed held when it was added is never announced later. On later polls they are
        all new: ``outcome.more`` is set, the poll keeps no validators, and the next poll reads on.
        """
        outcome.announced = bool(feed.initialized)
        outcome.new_entries = 0
        fresh = [e for e in parsed.entries if e.guid not in self._seen]
        teasers = [e.guid for e in fresh if e.summary_only and e.link]
        if teasers:  # a page fetch costs the site a request: ask the database first
            stored = await self.store.known_guids(teasers)
            self._remember(stored)
            fresh = [e for e in fresh if e.guid not in stored]
        fresh, beyond = fresh[: self.max_entries], fresh[self.max_entries:]
        unread: list[FeedEntry] = []
        if beyond and not feed.initialized:
            unread = [dataclasses.replace(e, html="", summary_only=False) for e in beyond]
            outcome.notes.append(f"first poll: {len(fresh)} entries read, {len(beyond)} older ones beyond the "
                                 f"cap of {self.max_entries} recorded unread (never announced)")
        elif beyond:
            outcome.more = True
            outcome.notes.append(f"{len(fresh)} of {len(fresh) + len(beyond)} new entries read (cap "
                                 f"{self.max_entries} per poll); the next poll reads on")
        if not fresh:
            return
        fresh, notes = await with_full_text(self.session, fresh, limits=self.limits, budget=self.budget)
        outcome.notes.extend(notes)
        fresh = fresh + unread
        handover = _Handover(feed.id, bool(feed.initialized), fresh, asyncio.get_running_loop().create_future())
        # A feed waiting for its entries to be recorded needs no connection: its slot goes to the
        # next fetch meanwhile (otherwise the waiting feeds would hold every slot and stall the cycle),
        # unless many entries already wait: then it keeps its slot, which bounds what waits in memory.
        lend = sum(len(h.entries) for h in self._waiting) < MAX_WAITING_ENTRIES
        self._waiting.append(handover)
        if lend:
            self._gate.release()
        try:
            if not self._recording:  # nobody is recording: record this group (and any that gathers meanwhile)
                await self._record_waiting()
            outcome.new_entries = await handover.done
        finally:
            if lend:  # take a slot back for the rest of the poll (shielded: the `async with` gives one back)
                await asyncio.shield(self._gate.acquire())

    async def _record_waiting(self) -> None:
        """Hand every waiting feed's entries to the pipeline in one call, again until none wait.

        Fetching runs in parallel, recording does not: two feeds carrying the same story (or a
        feed and its old URL) must not both hand it over. The pipeline dedupes against the
        database itself (guid, link, text), so the memory of seen guids here only saves work; it
        is never what keeps an entry from being recorded twice. A failed group fails each of its
        feeds (their validators stay as they were, so the next poll hands the entries over again).
        """
        self._recording = True
        group: list[_Handover] = []
        try:
            while self._waiting:
                group, self._waiting = self._waiting, []
                try:
                    counts = await self._record_group(group)
                except Exception as exc:
                    for handover in group:
                        if not handover.done.done():
                            handover.done.set_exception(exc)
                    continue
                for handover, count in zip(group, counts, strict=True):
                    if not handover.done.done():
                        handover.done.set_result(count)
        except BaseException:  # cancelled: whoever still waits learns that its entries were not recorded
            for handover in [*group, *self._waiting]:
                if not handover.done.done():
                    handover.done.set_exception(RuntimeError("the poll was cancelled before recording"))
            self._waiting = []
            raise
        finally:
            self._recording = False

    async def _record_group(self, group: list[_Handover]) -> list[int]:
        """One pipeline call for ``group``; how many entries each feed added."""
        taken: set[str] = set()
        batches: list[tuple[list[FeedEntry], int | None, bool]] = []
        for handover in group:
            handover.entries = [e for e in handover.entries if e.guid not in self._seen and e.guid not in taken]
            taken.update(e.guid for e in handover.entries)
            if handover.entries:
                batches.append((handover.entries, handover.feed_id, handover.announce))
        if not batches:
            return [0] * len(group)
        reports = iter(list(await self._ingest_many(self.store, batches, console=self.console)))
        self._remember(taken)
        return [_count_new(next(reports), len(h.entries)) if h.entries else 0 for h in group]

    async def _recall(self, feed_id: int) -> None:
        """Load the guids this feed's entries were stored under (a fresh process, e.g. `poll --once`,
        remembers nothing yet), so already-read items are skipped before parsing."""
        self._warm.add(feed_id)
        self._remember(await self.store.recent_guids(feed_id, limit=RECALL_PER_FEED))

    def _remember(self, guids: Iterable[str]) -> None:
        if len(self._seen) > SEEN_MEMORY:
            self._seen.clear()
            self._warm.clear()
        self._seen.update(guids)

    # -- feed state ---------------------------------------------------------------------------

    async def _write_state(self, feed_id: int, changes: dict[str, Any]) -> None:
        """Save a feed's polling state now, or, during `poll_many`, with the others in one transaction."""
        if self._pending is None:
            await self.store.update_feed_state(feed_id, **changes)
            return
        self._pending.setdefault(feed_id, {}).update(changes)
        if len(self._pending) >= STATE_BATCH:
            await self._flush_state()

    async def _flush_state(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        await self.store.update_feeds_state(pending)

    async def _succeeded(
        self,
        feed: Feed,
        outcome: PollOutcome,
        result: FetchResult,
        now: datetime,
        *,
        ttl_minutes: int | None,
        content_hash: str | None = None,
        title: str | None = None,
    ) -> PollOutcome:
        assert feed.id is not None  # a stored feed has its id
        asked = requested_interval(ttl_minutes=ttl_minutes, max_age=result.max_age, retry_after=result.retry_after)
        if outcome.kind != "new" and feed.min_interval_seconds:
            asked = max(asked or 0, feed.min_interval_seconds)  # a 304 carries no ttl: keep what the feed said
        delay = next_delay(failures=0, policy=self.policy, min_interval=asked)
        outcome.next_poll_at = now + timedelta(seconds=delay)
        changes: dict[str, Any] = {
            "etag": result.etag,
            "last_modified": result.last_modified,
            "last_polled_at": now,
            "next_poll_at": outcome.next_poll_at,
            "min_interval_seconds": int(asked) if asked else None,
            "failures": 0,
            "last_status": result.status,
            "last_error": None,
        }
        if outcome.kind == "new":
            changes["initialized"] = True
            changes["content_hash"] = content_hash
            if title and not feed.title:
                changes["title"] = title
        await self._write_state(feed.id, changes)
        if result.permanent_url and result.permanent_url != feed.url:
            outcome.moved_to = await self._move(feed, result.permanent_url)
            if outcome.moved_to is None:  # the new address is already followed: poll it once, not twice
                await self.store.hand_over(feed.id, result.permanent_url)  # its followers follow that one
                reason = f"moved permanently to {result.permanent_url}, which is already followed"
                await self._write_state(feed.id, {"disabled_at": now, "disabled_reason": reason, "next_poll_at": None})
                outcome.kind, outcome.error, outcome.next_poll_at = "disabled", reason, None
        return outcome

    async def _failed(
        self,
        feed: Feed,
        outcome: PollOutcome,
        result: FetchResult,
        error: str,
        now: datetime,
    ) -> PollOutcome:
        """Count the failure, schedule the retry (or disable), keep the validators as they were.

        Failures never touch etag / last-modified / body hash: the next poll re-reads the same
        body, so entries that could not be recorded this time are recorded then.
        """
        assert feed.id is not None  # a stored feed has its id
        failures = (feed.failures or 0) + 1
        outcome.error = error
        reason = disable_reason(status=result.status, error=error, failures=failures, policy=self.policy)
        changes: dict[str, Any] = {
            "last_polled_at": now,
            "failures": failures,
            "last_status": result.status,
            "last_error": error,
        }
        if reason:
            outcome.kind, outcome.error = "disabled", reason
            changes.update(disabled_at=now, disabled_reason=reason, next_poll_at=None)
        else:
            delay = next_delay(failures=failures, policy=self.policy, min_interval=feed.min_interval_seconds,
                               retry_after=result.retry_after)
            outcome.next_poll_at = now + timedelta(seconds=delay)
            changes["next_poll_at"] = outcome.next_poll_at
        await self._write_state(feed.id, changes)
        return outcome

    async def _move(self, feed: Feed, new_url: str) -> str | None:
        """Follow a permanent redirect by updating the stored URL; ``None`` if another feed has it."""
        assert feed.id is not None  # a stored feed has its id
        try:
            if not await self.store.move_feed(feed.id, new_url):
                return None
        except Exception as exc:
            if _feed_url_taken(exc):
                log.info("feed %s moved to %s, which is already followed", feed.url, new_url)
                return None
            raise
        return new_url

    # -- many feeds ---------------------------------------------------------------------------

    async def poll_many(
        self, feeds: Sequence[Feed], *, on_done: Callable[[PollOutcome], None] | None = None
    ) -> list[PollOutcome]:
        """Poll ``feeds`` concurrently (bounded), each once; outcomes in the order given.

        Feed-state rows are written in batches (one transaction per `STATE_BATCH` feeds, and
        at the end) rather than one transaction per feed: on SQLite every transaction queues
        for the single writer lock, and a thousand of them cost seconds. Should the process
        die before a batch is written, those feeds are simply fetched again next time, and
        their entries, already recorded, are recognised by the pipeline.
        """

        async def one(feed: Feed) -> PollOutcome:
            try:
                outcome = await self.poll_feed(feed)
            except Exception as exc:  # the database went away mid-poll: report it, keep polling the rest
                log.exception("poll of %s failed", feed.url)
                outcome = PollOutcome(url=feed.url, feed_id=feed.id, error=str(exc).splitlines()[0] if str(exc)
                                      else exc.__class__.__name__)
            if on_done:
                on_done(outcome)
            return outcome

        batching = self._pending is None
        if batching:
            self._pending = {}
        try:
            return list(await asyncio.gather(*(one(f) for f in feeds)))
        finally:
            if batching:
                await self._flush_state()
                self._pending = None


def _parse_new(
    body: bytes, known: Container[str], *, source: str, content_type: str | None
) -> tuple[ParsedFeed, int]:
    """The feed's entries that are not in ``known`` (all of them when the shortcut does not apply),
    and how many entries the feed holds. Runs in a worker thread: parsing is CPU work.

    The body's XML is checked once (`unsafe_xml_reason`); the pruned document is lxml's own
    serialisation of the checked one (no DOCTYPE can appear in it), so it is not checked again.
    """
    refused = unsafe_xml_reason(body, content_type)
    if refused:
        raise FeedError(refused)
    if known:
        pruned = prune_known(body, known, checked=True)
        if pruned is not None:
            reduced, total = pruned
            # re-encoded as UTF-8: the header's charset is moot
            return parse_feed(reduced, source=source, checked=True), total
    parsed = parse_feed(body, source=source, content_type=content_type, checked=True)
    return parsed, len(parsed.entries)


def _count_new(report: Any, fallback: int) -> int:
    """New entries according to the pipeline's report, whatever it calls the count."""
    for name in ("new", "new_entries", "ingested", "stored"):
        value = getattr(report, name, None)
        if isinstance(value, int):
            return value
        if isinstance(value, (list, tuple, set)):
            return len(value)
    return fallback


EXIT_ALL_FAILED = 1


async def poll_once(settings: Settings, *, out: Any = None, err: Any = None, **poller_options: Any) -> int:
    """`parley poll --once`: poll every enabled feed once, print a line per feed.

    Exits 0 when at least one feed answered, 1 when every feed failed (or every feed is
    disabled), with one line on stderr saying so: a cron job or a check notices. Each feed's own
    reason is on its line.

    The ``FEEDS`` of the settings are added to the database first. Progress shows on the
    terminal (stderr) while the poll runs; the per-feed lines go to stdout. Digests and alerts
    of new entries go to the outbox of the subscribed channels, which `parley run` delivers.
    ``poller_options`` are passed to `Poller` (tests set small limits).
    """
    from storage import StorageError, Store
    from storage.migrate import upgrade

    try:
        await asyncio.to_thread(upgrade, settings.database_url)
        async with Store.from_url(settings.database_url) as store, Poller.from_settings(
            store, settings, **poller_options
        ) as poller:
            await poller.sync_configured(settings.feeds)
            feeds = await store.list_feeds()
            if not feeds:
                raise UserError("no feeds to poll: set FEEDS=<url>,<url> (or add one with /feed add in Discord)")
            active = [f for f in feeds if f.disabled_at is None]
            for feed in feeds:
                if feed.disabled_at is not None:
                    reason = mask_urls_in(feed.disabled_reason or "disabled")
                    print(f"{mask_url(feed.url)}: disabled: {reason}", file=out or sys.stdout)
            now = _now()
            failed: list[PollOutcome] = []
            with _progress(len(active)) as advance:
                def done(outcome: PollOutcome) -> None:
                    advance(outcome)
                    if outcome.kind in ("error", "disabled"):
                        failed.append(outcome)
                    print(outcome.line(now), file=out or sys.stdout, flush=True)  # rich keeps it above the bar

                await poller.poll_many(active, on_done=done)
    except StorageError as exc:
        raise UserError(str(exc)) from None
    if not active:
        print(f"parley: every feed is disabled ({len(feeds)}); see why above, and 'parley feeds enable ID'",
              file=err or sys.stderr)
        return EXIT_ALL_FAILED
    if len(failed) == len(active):
        reasons = sorted({mask_urls_in((o.error or o.kind).split(" (next try")[0]) for o in failed})
        shown = "; ".join(reasons[:3]) + (f"; and {len(reasons) - 3} more" if len(reasons) > 3 else "")
        print(f"parley: every feed failed ({len(failed)}): {shown}", file=err or sys.stderr)
        return EXIT_ALL_FAILED
    return 0


class _progress:
    """A rich progress bar on stderr while feeds are polled, when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[PollOutcome], None]:
        if sys.stderr.isatty() and self.total > 1:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("polling feeds"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("poll", total=self.total)
        return self._advance

    def _advance(self, outcome: PollOutcome) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
