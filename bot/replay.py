"""`parley replay [DIR] [--console]`: the seed articles as a feed, through the whole pipeline.

The seeds become an RSS document (`bot.feeds.seedfeed`), parsed like any feed, and are ingested in
publication order into the configured database (migrated first). With ``console``, every digest
and alert written for the ``console`` destination and not yet shown is printed, then marked
delivered, so a second replay prints "nothing new". Without ``console`` (a token is set), the
outbox rows are left for the Discord sink to deliver to subscribed channels.
"""

from __future__ import annotations

from pathlib import Path

from bot.answers.digests import from_payload
from bot.config import Settings
from bot.errors import UserError
from bot.extract.profile import load_profile
from bot.feeds.parse import parse_feed
from bot.feeds.seedfeed import seed_feed_xml
from bot.knowledge.ingest import Extractor, IngestReport, ingest_entries
from storage import StorageError, Store
from storage.kinds import OutboxKind
from storage.migrate import upgrade_async

RULE = "─" * 78


async def replay(settings: Settings, folder: Path, console: bool, *, extract: Extractor | None = None) -> int:
    """Replay the seeds in ``folder``; print what the console gets. Returns the exit status.

    ``extract`` replaces the extractor (tests that pin the facts of each seed).
    """
    if not folder.is_dir():  # noqa: ASYNC240 (one stat before any await; nothing else is waiting)
        raise UserError(f"{folder}: no such folder (give the folder holding manifest.toml)")
    feed = parse_feed(seed_feed_xml(folder).encode("utf-8"), source=str(folder))
    entries = sorted(feed.entries, key=lambda e: (e.published is None, e.published))
    profile = load_profile(settings.parley_profile)
    try:
        await upgrade_async(settings.database_url)
        async with Store(settings.database_url) as store:
            report = await ingest_entries(
                store, entries, feed_id=None, announce=True, console=console, profile=profile, extract=extract
            )
            shown = await _print_console(store) if console else 0
            pending = 0 if console else len(await store.outbox_items(undelivered_only=True))
    except StorageError as exc:
        raise UserError(str(exc)) from None
    print(_summary(len(entries), report))
    if console and not shown:
        print("nothing new: every digest and alert of these articles was shown before")
    if not console:
        print(f"{pending} digest(s) and alert(s) are waiting in the outbox for delivery to Discord")
    return 0


async def _print_console(store: Store) -> int:
    rows = await store.outbox_items(destination="console", undelivered_only=True)
    for row in rows:
        answer, _ = from_payload(row.payload)
        label = "DIGEST" if row.kind == OutboxKind.DIGEST else "ALERT"
        # What a reader sees: the kind and, for a digest a later source corroborated, that it grew;
        # the outbox key (digest:round:2) and its revision number are Parley's own bookkeeping.
        grown = "  (updated: a later source corroborates it)" if row.kind == OutboxKind.DIGEST and row.revision > 1 else ""
        print(RULE)
        print(f"{label}  {answer.title}{grown}")
        print(RULE)
        print(answer.to_text())
        print()
        await store.mark_delivered(row.id or 0, row.revision)
    return len(rows)


def _summary(total: int, report: IngestReport) -> str:
    return (
        f"replayed {total} article(s): {report.new} new, {report.duplicate} seen before, "
        f"{report.irrelevant} not relevant; {report.facts} facts; "
        f"{report.digests} digest update(s), {report.alerts} alert(s)"
        + (f"; {report.failed} could not be read (see the log)" if report.failed else "")
    )
