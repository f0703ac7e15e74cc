"""Benchmark of the knowledge base: ingest 10,000 generated entries into SQLite, time `/round N`.

The entries are the seed articles varied across rounds and outlets: each is a seed's text with
its outlet, round and a line of its own changed, and the seed's gold facts moved to that round
with some variation (a meeting reported as 120 instead of 130 minutes, a stance that changes from
one round to the next). Facts come from the gold file, not the extractor, so the figures measure
dedupe, clustering, matching, recording and the outbox (the extractor has its own bench).

Prints entries per second, the cost per entry around the 1,000th and the 10,000th entry (the
target: about equal, i.e. it does not grow with the store), and the median time of `/round N` at
1,000 and at 10,000 entries (target: under 20 ms).

    .venv/bin/python bench/knowledge.py [--entries 10000] [--batch 100] [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answers.queries import round_  # noqa: E402
from bot.extract.facts import ArticleFacts, Meeting, Position, Tariff  # noqa: E402
from bot.extract.profile import Profile  # noqa: E402
from bot.feeds.entry import FeedEntry  # noqa: E402
from bot.feeds.seedfeed import load_seeds  # noqa: E402
from bot.knowledge.ingest import ingest_entries  # noqa: E402
from storage import Store  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

GOLD = ROOT / "seeds" / "gold.json"
OUTLETS = [f"Outlet {chr(65 + i)}" for i in range(20)]
ROUNDS = 10


def _facts(g: dict, guid: str, round_number: int, i: int) -> ArticleFacts:
    stance_now = "removal" if round_number % 3 else "reduction"
    return ArticleFacts(
        id=guid,
        relevant=True,
        round=round_number,
        round_status=g["round_status"],
        date=(datetime(2025, 4, 1) + timedelta(days=14 * round_number)).date().isoformat(),
        location=g["location"] if i % 97 else "Tokyo",  # a rare conflicting place
        participants=list(g["participants"]),
        meetings=[
            Meeting(tuple(m["with"]), (m["minutes"] if i % 7 else 120), f"A {m['minutes']}-minute meeting ({i}).")
            for m in g["meetings"]
        ],
        topics=list(g["topics"]),
        not_discussed=list(g["not_discussed"]),
        tariffs=[Tariff(t["sector"], t["rate"], f"{t['sector']} at {t['rate']}%.") for t in g["tariffs"]],
        positions=[Position("Japan", "us_tariffs", stance_now, f"Japan now seeks {stance_now} ({i}).")]
        if g["positions"]
        else [],
        evidence={"location": f"Held in {g['location']}."},
    )


def generate(n: int) -> tuple[list[FeedEntry], dict[str, ArticleFacts]]:
    seeds = load_seeds(ROOT / "seeds")
    gold = {a["id"]: a for a in json.loads(GOLD.read_text())["articles"]}
    t0 = datetime(2025, 4, 1, tzinfo=UTC)
    entries, facts = [], {}
    for i in range(n):
        seed = seeds[i % len(seeds)]
        round_number = 1 + i * ROUNDS // n
        outlet = OUTLETS[(i * 7) % len(OUTLETS)]
        guid = f"gen-{i:05d}"
        text = seed.text.replace(seed.source, outlet) + f"\nThis is report {i} of {outlet} on round {round_number}."
        entries.append(
            FeedEntry(
                guid=guid,
                title=f"{seed.title} ({outlet}, round {round_number})",
                link=f"https://{outlet.lower().replace(' ', '')}.example/{guid}",
                html="".join(f"<p>{line}</p>" for line in text.splitlines()),
                published=t0 + timedelta(minutes=10 * i),
                source=outlet,
            )
        )
        facts[guid] = _facts(gold[seed.guid], guid, round_number, i)
    return entries, facts


async def time_round(store: Store, number: int, repeat: int = 30) -> tuple[float, float]:
    """Median ms of building the round view from the database (what `round_` does when the store
    changed since the last question), and of `round_` itself (served from the cache in between)."""
    from bot.answers.digests import round_answer

    built, answered = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        async with store.session() as session:
            view = await round_answer(session, number)
        built.append(time.perf_counter() - start)
        assert view is not None
        start = time.perf_counter()
        result = await round_(store, number)
        answered.append(time.perf_counter() - start)
        assert not result.error
    return statistics.median(built) * 1000, statistics.median(answered) * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: a temporary one)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="parley-bench-"))
    db = args.db or folder / "bench.db"
    url = f"sqlite:///{db}"
    upgrade(url)
    entries, facts = generate(args.entries)

    def extract(entry: FeedEntry, profile: Profile) -> ArticleFacts:
        return replace(facts[entry.guid])

    per_batch: list[tuple[int, float]] = []
    round_ms: dict[int, tuple[int, tuple[float, float]]] = {}
    async with Store(url) as store:
        await store.add_subscription(guild_id=1, channel_id=1001, kind="all")
        await store.add_subscription(guild_id=1, channel_id=1002, kind="digests")
        total_start = time.perf_counter()
        for start in range(0, len(entries), args.batch):
            batch = entries[start : start + args.batch]
            t = time.perf_counter()
            await ingest_entries(store, batch, feed_id=None, announce=True, console=True, extract=extract)
            per_batch.append((start + len(batch), time.perf_counter() - t))
            done = start + len(batch)
            if done in (1_000, args.entries):
                ingest_so_far = time.perf_counter() - total_start
                latest = facts[batch[-1].guid].round or 1
                round_ms[done] = (latest, await time_round(store, latest))
                total_start += time.perf_counter() - total_start - ingest_so_far  # exclude query timing
        elapsed = time.perf_counter() - total_start

    def cost_near(n: int) -> float:
        near = [secs / args.batch for done, secs in per_batch if n - 5 * args.batch < done <= n + args.batch]
        return statistics.median(near) * 1000

    print(f"entries ingested        {args.entries} into SQLite ({db})")
    print(f"ingest rate             {args.entries / elapsed:,.0f} entries/s ({elapsed:.1f} s in all)")
    print(f"cost per entry ~1,000th {cost_near(1_000):.2f} ms")
    print(f"cost per entry ~{args.entries:,}th {cost_near(args.entries):.2f} ms")
    for done, (number, (built, cached)) in sorted(round_ms.items()):
        print(f"/round {number} at {done:>6,} entries  {built:.2f} ms built from the database, "
              f"{cached:.2f} ms answered from the cache (medians of 30)")


if __name__ == "__main__":
    asyncio.run(main())
