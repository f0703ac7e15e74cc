"""Benchmark of slash commands and mention replies: 200 `/round` interactions, then 200 questions by
mention ("@Parley what happened in round N?"), at the real bot through the loopback Discord.

The knowledge base holds 10,000 generated entries (bench/knowledge.py's generator: the seed
articles varied across ten rounds and twenty outlets). The bot is the real `ParleyBot`, connected
over REST and the gateway to `tests.fakediscord.FakeDiscord`; each interaction goes out as an
INTERACTION_CREATE on the websocket and the clock stops when the bot's callback POST reaches the
server. That is the latency a Discord user waits for, minus Discord's own hops.

A mention goes out as a MESSAGE_CREATE on the websocket and the clock stops when the bot's reply
(a POST to the channel that references the question) reaches the server. Each question comes
from another member, so the per-person limit (5 per 10 s, answered by a reaction) is not what
is measured; a reaction instead of a reply counts as a wrong answer.

Prints the median, p95 and max, and how many answers missed Discord's 3-second deadline.
Targets: p95 under 100 ms for both; none over 3 s.

    .venv/bin/python bench/commands.py [--entries 10000] [--interactions 200] [--concurrency 1] [--db PATH]

``--db`` keeps the generated database, so a second run skips the ingest.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from knowledge import generate  # noqa: E402  (bench/knowledge.py)

from bot.answers.queries import recorded_rounds  # noqa: E402
from bot.extract.facts import ArticleFacts  # noqa: E402
from bot.extract.profile import Profile  # noqa: E402
from bot.feeds.entry import FeedEntry  # noqa: E402
from bot.knowledge.ingest import ingest_entries  # noqa: E402
from storage import Store  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.fakediscord import FakeDiscord  # noqa: E402
from tests.fakediscord.harness import bot_settings, running_bot  # noqa: E402

DEADLINE_S = 3.0


async def fill(store: Store, entries: int, batch: int = 200) -> None:
    """Ingest ``entries`` generated entries (facts from the gold file, not the extractor)."""
    generated, facts = generate(entries)

    def extract(entry: FeedEntry, profile: Profile) -> ArticleFacts:
        return replace(facts[entry.guid])

    start = time.perf_counter()
    for i in range(0, len(generated), batch):
        await ingest_entries(store, generated[i : i + batch], feed_id=None, announce=False, extract=extract)
        print(f"\r  ingested {i + batch:>6} / {len(generated)}", end="", file=sys.stderr, flush=True)
    print(f"\r  ingested {len(generated)} entries in {time.perf_counter() - start:.0f} s", file=sys.stderr)


async def count_entries(store: Store) -> int:
    from storage import knowledge

    async with store.session() as session:
        return await knowledge.count_entries(session)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=1, help="interactions in flight at once")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file to build or reuse")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    db = args.db or Path(tempfile.mkdtemp(prefix="parley-bench-")) / "commands.db"
    url = f"sqlite:///{db}"
    upgrade(url)
    async with Store(url) as store:
        stored = await count_entries(store)
        if stored < args.entries:
            print(f"filling {db} with {args.entries - stored} more entries…", file=sys.stderr)
            await fill(store, args.entries - stored)
        stored = await count_entries(store)
        rounds = await recorded_rounds(store)
        async with FakeDiscord() as fake, running_bot(fake, bot_settings(fake, database_url=url), store=store,
                                                     delivery=False):
            for n in rounds[:5]:  # warm-up: connections, caches
                await fake.interact("round", [{"name": "number", "type": 4, "value": n}])
            latencies: list[float] = []
            errors = 0
            semaphore = asyncio.Semaphore(args.concurrency)

            async def one(i: int) -> None:
                nonlocal errors
                async with semaphore:
                    n = rounds[i % len(rounds)]
                    reply = await fake.interact("round", [{"name": "number", "type": 4, "value": n}], wait=30)
                    latencies.append(reply.latency)
                    errors += reply.ephemeral

            wall = time.perf_counter()
            await asyncio.gather(*(one(i) for i in range(args.interactions)))
            wall = time.perf_counter() - wall

            askers = [fake.user(f"asker{i}") for i in range(args.interactions)]
            mention_latencies: list[float] = []
            mention_errors = 0

            async def mention(i: int) -> None:
                nonlocal mention_errors
                async with semaphore:
                    n = rounds[i % len(rounds)]
                    start = time.perf_counter()
                    question = await fake.say(f"what happened in round {n}?", mention=True,
                                              author=askers[i % len(askers)])
                    reply = await fake.wait_for_reply(question, wait=30)
                    mention_latencies.append(time.perf_counter() - start)
                    mention_errors += not isinstance(reply, dict) or f"Round {n}" not in str(reply.get("embeds"))

            await asyncio.gather(*(mention(i) for i in range(args.interactions)))

    ms = [x * 1000 for x in latencies]
    late = sum(1 for x in latencies if x > DEADLINE_S)
    print(f"/round through the loopback Discord: {len(ms)} interactions, {stored} entries stored, "
          f"rounds {rounds[0]}–{rounds[-1]}, concurrency {args.concurrency}")
    print(f"  INTERACTION_CREATE → callback: median {statistics.median(ms):.1f} ms, "
          f"p95 {percentile(ms, 95):.1f} ms, max {max(ms):.1f} ms")
    print(f"  over Discord's 3 s deadline: {late}; error answers: {errors}; "
          f"throughput {len(ms) / wall:.0f} interactions/s")
    target_met = percentile(ms, 95) < 100 and late == 0 and errors == 0
    print(f"  target (p95 < 100 ms, none over 3 s): {'met' if target_met else 'NOT met'}")
    mms = [x * 1000 for x in mention_latencies]
    mlate = sum(1 for x in mention_latencies if x > DEADLINE_S)
    print(f"mention replies through the loopback Discord: {len(mms)} questions, {stored} entries stored")
    print(f"  MESSAGE_CREATE → reply: median {statistics.median(mms):.1f} ms, "
          f"p95 {percentile(mms, 95):.1f} ms, max {max(mms):.1f} ms")
    print(f"  over 3 s: {mlate}; wrong or missing answers: {mention_errors}")
    mention_met = percentile(mms, 95) < 100 and mlate == 0 and mention_errors == 0
    print(f"  target (p95 < 100 ms, none over 3 s): {'met' if mention_met else 'NOT met'}")
    return 0 if target_met and mention_met else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
