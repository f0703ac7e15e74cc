"""Ingest: entries in, knowledge and outbox rows out (docs/architecture.md: extract → match → knowledge → digests).

`ingest_entries` does, for each entry, in **one transaction of its own**:

1. skip it when its guid is known; record it as a duplicate (no facts) when its normalised link
   or its text is already stored under another guid;
2. put it in the story cluster of a near-identical copy, or in a new cluster;
3. record its facts (extracted beforehand, off the event loop), each matched against the
   claims of its round (see `bot.knowledge.matching`), with the sentence that states it;
4. when ``announce`` is set: write or update the digest of its round if that is the latest
   round, and one alert per changed position, for every destination (subscribed channels of the
   matching kind, and ``console`` when asked).

A crash therefore loses at most the entry in hand, and rerunning the same entries ends in the
same database and outbox as one uninterrupted run: the guid of an entry is only stored in the
same commit as its facts and its outbox rows.

`ingest_feeds` is the poller's group commit: the new entries of several feeds in one call, one
extraction hop off the loop, and up to `GROUP` entries (each processed exactly as above, in
order) per transaction. A crash then loses at most the entries of that transaction, which the
next poll hands over again (a feed's validators are saved only after its entries are recorded).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from bot.answers.digests import PLAIN, Labels, position_change, render_change, round_answer, to_payload
from bot.answers.thread_posts import line_payload, start_payload, thread_name
from bot.extract import extract_entry
from bot.extract.facts import ArticleFacts
from bot.extract.profile import Profile, configured_profile
from bot.feeds.clean import clean_line
from bot.feeds.entry import FeedEntry
from bot.knowledge import corrected, dedupe
from bot.knowledge.matching import CHANGED, CONFLICTING, CORROBORATED, ClaimView, classify, dump, records_of
from bot.knowledge.offloop import EXTRACT_BUDGET_SECONDS, OverBudget, capped, extract_off_loop
from bot.ops import metrics
from storage import Conflict, DatabaseRefused, Session, Store, outbox, subscriptions
from storage import knowledge as kb
from storage import threads as threads_store
from storage.kinds import FactKind, OutboxKind, SubscriptionKind
from storage.models import Claim, Entry, Fact, StoryCluster, utcnow

log = logging.getLogger(__name__)

Extractor = Callable[[FeedEntry, Profile], ArticleFacts]

DIGEST_KINDS = (SubscriptionKind.DIGESTS, SubscriptionKind.ALL)
ALERT_KINDS = (SubscriptionKind.CHANGES, SubscriptionKind.ALL)
LINK_NORM_CHARS = 700  # the size of entry.link_norm
GROUP = 64  # entries per transaction in `ingest_feeds` (the poller's group commit)

@dataclass(slots=True)
class IngestReport:
    """What one call did, by count; ``decisions`` maps guid → the one-line decision."""

    new: int = 0
    duplicate: int = 0
    irrelevant: int = 0
    facts: int = 0
    digests: int = 0
    alerts: int = 0
    failed: int = 0
    decisions: dict[str, str] = field(default_factory=dict)

    def merge(self, other: IngestReport) -> None:
        for name in ("new", "duplicate", "irrelevant", "facts", "digests", "alerts", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.decisions.update(other.decisions)


class FeedBatch(NamedTuple):
    """One feed's new entries as the poller hands them over (see `ingest_feeds`)."""

    entries: list[FeedEntry]
    feed_id: int | None
    announce: bool


async def ingest_entries(
    store: Store,
    entries: list[FeedEntry],
    *,
    feed_id: int | None,
    announce: bool,
    console: bool = False,
    profile: Profile | None = None,
    extract: Extractor | None = None,
) -> IngestReport:
    """Record ``entries`` (in the order given) and write what they announce to the outbox.

    ``announce=False`` records everything and writes no outbox rows (a feed's first poll).
    ``extract`` replaces the extractor (tests, benchmarks); it gets each entry and the profile.
    Each entry is committed on its own.
    """
    reports = await ingest_feeds(
        store, [FeedBatch(entries, feed_id, announce)], console=console, profile=profile, extract=extract, group=1
    )
    return reports[0]


async def ingest_feeds(
    store: Store,
    batches: Sequence[tuple[list[FeedEntry], int | None, bool]],
    *,
    console: bool = False,
    profile: Profile | None = None,
    extract: Extractor | None = None,
    group: int = GROUP,
    budget: float = EXTRACT_BUDGET_SECONDS,
) -> list[IngestReport]:
    """`ingest_entries` for several feeds' entries at once (the poller's group commit): one report per
    batch, in the order given. Entries are processed one after the other, exactly as separate calls
    would, but up to ``group`` of them share one transaction (one SQLite commit instead of ``group``).

    A crash loses at most the entries of the transaction in hand: their guids were not committed,
    and the poller saves a feed's validators only after this returns, so the next poll hands them
    over again and the rerun ends in the same state as one uninterrupted run.

    Extraction runs off the event loop, each article cut to `MAX_ARTICLE_CHARS` and given
    ``budget`` seconds (`bot.knowledge.offloop`); an article over budget is quarantined.
    """
    grouped = [FeedBatch(*b) for b in batches]
    reports = [IngestReport() for _ in grouped]
    everything = [e for b in grouped for e in b.entries]
    if not everything:
        return reports
    known = await store.known_guids([e.guid for e in everything])
    work: list[tuple[FeedEntry, IngestReport, FeedBatch]] = []
    seen: set[str] = set()
    for batch, report in zip(grouped, reports, strict=True):
        for entry in batch.entries:
            if entry.guid in known or entry.guid in seen:
                report.duplicate += 1
                report.decisions[entry.guid] = "already seen (same guid): skipped"
            else:
                seen.add(entry.guid)
                work.append((capped(entry), report, batch))  # nothing reads beyond the cap, nor stores it
    if not work:
        return reports
    profile = profile or configured_profile()
    extract = extract or extract_entry
    fresh = [entry for entry, _, _ in work]
    facts_list = await extract_off_loop(fresh, profile, extract, budget=budget)
    todo: list[tuple[FeedEntry, ArticleFacts, IngestReport, FeedBatch]] = []
    over: list[tuple[FeedEntry, IngestReport, FeedBatch, str]] = []
    for (entry, report, batch), facts in zip(work, facts_list, strict=True):
        if isinstance(facts, OverBudget):
            over.append((entry, report, batch, str(facts)))
        elif isinstance(facts, BaseException):
            report.failed += 1
            report.decisions[entry.guid] = f"extraction failed ({type(facts).__name__}: {facts}); retried next run"
        else:
            todo.append((entry, facts, report, batch))
    for start in range(0, len(todo), max(1, group)):
        chunk = todo[start : start + max(1, group)]
        if len(chunk) > 1:
            try:
                done = await _ingest_group(store, chunk, console=console, labels=profile)
            except Conflict:
                pass  # another worker stored one of these meanwhile: redo them one by one below
            else:
                for report, one in done:
                    report.merge(one)
                continue
        for entry, facts, report, batch in chunk:
            for attempt in range(3):
                try:
                    one = await _ingest_one(
                        store, entry, facts, feed_id=batch.feed_id, announce=batch.announce, console=console,
                        labels=profile,
                    )
                except Conflict:
                    # Another worker stored this guid (or the same claim/outbox key) at the same moment.
                    if attempt == 2:
                        raise
                    continue
                report.merge(one)
                break
    for entry, report, batch, reason in over:
        try:
            async with store.transaction() as session:
                one, _ = await quarantine(session, entry, feed_id=batch.feed_id, reason=reason)
        except Conflict:  # another worker recorded it meanwhile
            continue
        report.merge(one)

    for report in reports:
        metrics.ENTRIES.inc(report.new)
        metrics.FACTS.inc(report.facts)
    return reports


async def _ingest_one(
    store: Store, feed_entry: FeedEntry, facts: ArticleFacts, *, feed_id: int | None, announce: bool, console: bool,
    labels: Labels = PLAIN,
) -> IngestReport:
    async with store.transaction() as session:
        report, _ = await _process_or_quarantine(
            session, feed_entry, facts, feed_id=feed_id, announce=announce, console=console, labels=labels
        )
    return report


async def _ingest_group(
    store: Store, chunk: Sequence[tuple[FeedEntry, ArticleFacts, IngestReport, FeedBatch]], *, console: bool,
    labels: Labels = PLAIN,
) -> list[tuple[IngestReport, IngestReport]]:
    """Several entries, each processed as `_ingest_one` would, in one transaction; (batch report,
    entry report) pairs, valid once committed."""
    out: list[tuple[IngestReport, IngestReport]] = []
    async with store.transaction() as session:
        for entry, facts, report, batch in chunk:
            one, _ = await _process_or_quarantine(
                session, entry, facts, feed_id=batch.feed_id, announce=batch.announce, console=console,
                labels=labels,
            )
            out.append((report, one))
    return out


# What a database (or its driver, encoding a value) raises for a value it cannot hold.
REFUSED_VALUE = (DatabaseRefused, UnicodeError)


def _db_reason(exc: Exception) -> str:
    """The database's complaint in one line, without the connection string a `StorageError` names."""
    orig = getattr(exc, "orig", None) or exc
    text = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    return clip_line(f"the database refused it ({type(orig).__name__}: {text})", 300)


def clip_line(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def _process_or_quarantine(
    session: Session,
    feed_entry: FeedEntry,
    facts: ArticleFacts,
    *,
    feed_id: int | None,
    announce: bool,
    console: bool,
    labels: Labels = PLAIN,
) -> tuple[IngestReport, bool]:
    """`_process` in a savepoint of its own: when the database refuses the entry (a value it cannot
    hold), only that savepoint is rolled back and the entry is quarantined with the reason, so the
    rest of the transaction (the feed's other entries) is stored. Unique-key races are the
    caller's (it retries them one by one)."""
    try:
        async with session.begin_nested():
            result = await _process(
                session, feed_entry, facts, feed_id=feed_id, announce=announce, console=console, labels=labels
            )
            await session.flush()
            return result
    except Conflict:
        raise
    except REFUSED_VALUE as exc:
        log.warning("entry %s quarantined: %s", feed_entry.guid, _db_reason(exc))
        return await quarantine(session, feed_entry, feed_id=feed_id, reason=_db_reason(exc))


async def quarantine(
    session: Session, feed_entry: FeedEntry, *, feed_id: int | None, reason: str
) -> tuple[IngestReport, bool]:
    """Record ``feed_entry`` aside: its guid (so it is not retried at every poll), what identifies it,
    and ``reason`` (shown by ``/why`` and counted by ``/status``); no text, no facts, nothing posted."""
    report = IngestReport(failed=1)
    decision = f"quarantined: {reason}; nothing recorded from it, nothing posted"
    report.decisions[feed_entry.guid] = decision
    row = Entry(  # only what identifies it, cleaned and cut short: this row must be storable
        feed_id=feed_id,
        guid=feed_entry.guid,
        link=clip_line(clean_line(feed_entry.link) or "", 2000) or None,
        link_norm=_link_norm(clean_line(feed_entry.link)),
        title=clip_line(clean_line(feed_entry.title) or "", 500),
        source=clip_line(clean_line(feed_entry.source) or "", 300) or None,
        published=feed_entry.published,
        content_hash=dedupe.content_hash(f"\x00guid:{feed_entry.guid}"),
        decision=decision,
        quarantine=reason,
    )
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except Conflict:
        raise
    except REFUSED_VALUE as exc:  # not even its id can be stored: it is retried at the next poll
        log.error("entry %s could not be quarantined either: %s", feed_entry.guid, _db_reason(exc))
        report.decisions[feed_entry.guid] = f"could not be stored ({_db_reason(exc)}); retried next poll"
        return report, False
    return report, True


def _link_norm(link: str | None) -> str | None:
    """The normalised link as stored: entry.link_norm holds 700 characters, a longer one is kept as its hash."""
    link_norm = dedupe.normalise_link(link)
    if link_norm and len(link_norm) > LINK_NORM_CHARS:
        link_norm = "sha256:" + hashlib.sha256(link_norm.encode("utf-8", "surrogatepass")).hexdigest()
    return link_norm


async def _process(
    session: Session,
    feed_entry: FeedEntry,
    facts: ArticleFacts,
    *,
    feed_id: int | None,
    announce: bool,
    console: bool,
    labels: Labels = PLAIN,
) -> tuple[IngestReport, bool]:
    """Everything done for one entry, inside the caller's transaction; (report, stored anything)."""
    report = IngestReport()
    text = dedupe.clean_text(feed_entry.html)
    has_words = bool(dedupe.words(text))
    chash = dedupe.content_hash(text) if has_words else dedupe.content_hash(f"\x00guid:{feed_entry.guid}")
    link_norm = _link_norm(feed_entry.link)
    entry = Entry(
        feed_id=feed_id,
        guid=feed_entry.guid,
        link=feed_entry.link,
        link_norm=link_norm,
        title=feed_entry.title,
        source=feed_entry.source,
        published=feed_entry.published,
        clean_text=text,
        content_hash=chash,
    )
    original, why = await kb.find_seen(
        session, guid=feed_entry.guid, link_norm=link_norm, content_hash=chash if has_words else None
    )
    if original is not None and why == "same guid":  # stored meanwhile by another worker
        report.duplicate += 1
        report.decisions[feed_entry.guid] = "already seen (same guid): skipped"
        return report, False
    if original is not None:
        entry.duplicate_of = original.id
        entry.cluster_id = original.cluster_id
        entry.decision = f"duplicate of {original.guid} ({why}): not processed again"
        session.add(entry)
        report.duplicate += 1
        report.decisions[entry.guid] = entry.decision
        return report, True

    entry.relevant = facts.relevant
    entry.round = facts.round if facts.relevant else None
    entry.extracted_at = utcnow()
    entry.facts_json = facts.to_contract()
    session.add(entry)
    await session.flush()
    await _cluster(session, entry, text)
    report.new += 1
    if not facts.relevant:
        report.irrelevant += 1
        entry.decision = "not about the tracked negotiation: no facts recorded, nothing posted"
    else:
        await _record_facts(session, entry, facts, report, announce=announce, console=console, labels=labels)
    session.add(entry)
    report.decisions[entry.guid] = entry.decision or ""
    return report, True


async def _cluster(session: Session, entry: Entry, text: str) -> None:
    """Join the cluster of a near-identical copy already stored, or start one."""
    sk = dedupe.sketch(f"{entry.title}\n{text}")
    keys = dedupe.index_keys(sk)
    best: tuple[float, StoryCluster] | None = None
    for candidate in await kb.cluster_candidates(session, keys):
        score = dedupe.similarity(sk, candidate.fingerprint)
        if score >= dedupe.NEAR_DUPLICATE and (best is None or score > best[0]):
            best = (score, candidate)
    if best is not None:
        cluster = best[1]
        cluster.size += 1
        session.add(cluster)
        entry.cluster_id = cluster.id
    else:
        cluster = await kb.new_cluster(
            session, round_number=entry.round, fingerprint=sk, entry_id=entry.id or 0, keys=keys
        )
        entry.cluster_id = cluster.id


async def _record_facts(
    session: Session, entry: Entry, facts: ArticleFacts, report: IngestReport, *, announce: bool, console: bool,
    labels: Labels = PLAIN,
) -> None:
    assert entry.id is not None
    round_number = facts.round or 0
    records = records_of(facts)
    claims = await kb.claims_of_round(session, round_number, for_update=True)
    by_statement = {(c.kind, c.key, dump(c.value)): c for c in claims}
    recorded = [ClaimView(c.kind, c.key, c.value) for c in claims]
    previous: dict[str, list[str]] = {}
    last_report: set[str] = set()  # keys compared with the last report outside the rounds
    fixed: dict[str, str] = {}  # the team's stance for this round, where it corrected one
    for key in {r.key for r in records if r.kind == FactKind.POSITION}:
        # A stance reported outside any round (a deal announced by a leader) is compared with
        # the latest round's; the stances compared with are those of the record as corrected.
        before = await corrected.stances_before(session, key, round_number or kb.AFTER_ALL_ROUNDS)
        previous[key] = before.stances
        if not round_number and before.round is None and not before.stances:
            # no round holds a stance on it (a negotiation whose sittings are not numbered):
            # the last article that reported one outside the rounds is what it is compared with
            previous[key] = [f.value for f in await kb.stances_outside_rounds_before(session, key, entry.id)]
            last_report.add(key)
        if round_number and (correction := await corrected.position_correction(session, round_number, key)):
            fixed[key] = dump(correction.value)
    counts: dict[str, int] = {}
    matched: list[tuple[str, Claim]] = []
    bulk: list[int] = []
    for record in records:
        match = classify(record, recorded, article=records, previous_stances=previous.get(record.key),
                         previous_is_last_report=record.key in last_report)
        if record.kind == FactKind.POSITION and record.key in fixed:
            # the team corrected this round's stance: a source agreeing corroborates it, one
            # disagreeing conflicts with it; neither is a change of position (no alert)
            match = CORROBORATED if record.text == fixed[record.key] else CONFLICTING
        claim = by_statement.get((record.kind, record.key, record.text))
        if claim is None:
            claim = kb.new_claim(
                round_number=round_number,
                kind=record.kind,
                key=record.key,
                value=record.value,
                entry_id=entry.id,
                status=match,
            )
        elif kb.add_source(claim, entry.id):
            bulk.append(claim.id or 0)
        session.add(claim)
        matched.append((match, claim))
        counts[match] = counts.get(match, 0) + 1
    await session.flush()  # ids of the new claims
    await kb.bump_source_counts(session, bulk)
    now = utcnow()
    fact_rows: list[dict[str, Any]] = [
        {
            "entry_id": entry.id,
            "round": facts.round,
            "kind": record.kind,
            "key": record.key,
            "value": record.value,
            "sentence": record.sentence,
            "match": match,
            "claim_id": claim.id,
            "created_at": now,
        }
        for record, (match, claim) in zip(records, matched, strict=True)
    ]
    await kb.insert_facts(session, fact_rows)  # one statement for all of the entry's facts
    changed = [Fact(**row) for row in fact_rows if row["match"] == CHANGED]

    await session.flush()
    report.facts += len(records)
    summary = ", ".join(f"{n} {m.replace('_', ' ')}" for m, n in sorted(counts.items())) or "no facts"
    where = f"round {facts.round}" if facts.round else "no round named"
    decision = f"{where}: {len(records)} facts ({summary})"

    if not announce:
        entry.decision = f"{decision}; recorded on the feed's first poll, nothing posted"
        return
    if not records:
        entry.decision = f"{decision}; nothing to post"
        return
    latest = await kb.latest_round(session)
    posted: list[str] = []
    destinations = await _destinations(session, console=console)
    if not facts.round:
        posted.append("reports no round, so no digest")
    elif latest is None or facts.round >= latest:
        answer = await round_answer(session, facts.round, labels)
        if answer is not None:
            payloads = {
                d: to_payload(answer, ping_role_id=role) for d, kind, role in destinations if kind in DIGEST_KINDS
            }
            item_key = f"digest:round:{facts.round}"
            had_digest = await threads_store.digests_already_written(session, item_key, list(payloads))
            wrote = await outbox.put_outbox_many(session, item_key=item_key, kind=OutboxKind.DIGEST, payloads=payloads)
            await _write_thread_rows(session, facts.round, entry, payloads, had_digest)
            if wrote:
                report.digests += 1
                posted.append(f"digest of round {facts.round} written")
    else:
        posted.append(f"round {facts.round} is older than the latest round ({latest}), so no digest")
    for fact in changed:
        change = await position_change(session, fact, entry, date=facts.date)
        alert = render_change(change, labels)
        payloads = {d: to_payload(alert, ping_role_id=role) for d, kind, role in destinations if kind in ALERT_KINDS}
        when = str(change.round) if change.round else f"no-round:{change.date}"
        wrote = await outbox.put_outbox_many(
            session,
            item_key=f"alert:position:{change.actor}:{change.issue}:{when}",
            kind=OutboxKind.ALERT,
            payloads=payloads,
        )
        if wrote:
            report.alerts += 1
            posted.append(f"alert: {change.actor} changed position on {labels.label(change.issue)}")
    entry.announced = bool(report.digests or report.alerts)
    entry.decision = "; ".join([decision, *posted]) if posted else f"{decision}; no destination to post to"


async def _write_thread_rows(session: Session, number: int, entry: Entry, digests: dict[str, outbox.Payload],
                             had_digest: set[str]) -> None:
    """For channels with a thread per round: the row that starts (and names) the round's thread, and
    for a later source of the round, its line in the thread (`bot.chat.threads` posts them)."""
    channels = {d: int(d.partition(":")[2]) for d in digests if d.startswith("discord:")}
    threaded = await threads_store.threaded_channels(session, list(channels.values()))
    if not threaded:
        return
    best = await kb.claims_of_round(session, number, kinds=(FactKind.DATE, FactKind.LOCATION))
    date = max((c for c in best if c.kind == FactKind.DATE), key=lambda c: c.source_count, default=None)
    place = max((c for c in best if c.kind == FactKind.LOCATION), key=lambda c: c.source_count, default=None)
    name = thread_name(number, date.value if date else None, place.value if place else None)
    for destination, channel_id in channels.items():
        if channel_id not in threaded:
            continue
        where = threads_store.thread_destination(channel_id, number)
        await outbox.put_outbox(session, destination=where, item_key=threads_store.START_KEY, kind=OutboxKind.THREAD,
                            payload=start_payload(name))
        if destination in had_digest:
            await outbox.put_outbox(session, destination=where, item_key=threads_store.source_line_key(entry.id or 0),
                                    kind=OutboxKind.THREAD, payload=line_payload(entry.source, entry.title or entry.guid, entry.link))


async def _destinations(session: Session, *, console: bool) -> list[tuple[str, str, int | None]]:
    """(destination, subscription kind, role to ping) of every place that may get posts."""
    out = [(f"discord:{s.channel_id}", s.kind, s.role_id) for s in await subscriptions.list_subscriptions(session)]
    if console:
        out.append(("console", SubscriptionKind.ALL, None))
    return out
