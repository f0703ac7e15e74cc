"""The delivery soak: two `parley run` processes on one database, a Discord that ignores nonces and
is slow, and kill -9 of either at random moments; then every outbox row is counted in Discord.

Shared by `tests/e2e/test_delivery_soak.py` (small and quick) and `bench/delivery_soak.py` (the
full 180 rows, 7 s a post). Nothing here is timed against a target: it counts duplicates
(a row's marker in more than one message) and losses (a row with no message, or not recorded
as delivered with the message that carries it).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.answers.answer import Answer, AnswerField, Source
from bot.answers.digests import to_payload
from storage import Store
from storage.models import Outbox
from storage.outbox import channel_of, discord_destination
from tests.fakediscord import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
CHANNELS = ("general", "alerts", "news")


@dataclass
class SoakResult:
    """What the soak counted at the end."""

    rows: int
    delivered: int = 0
    duplicates: int = 0  # messages beyond the first showing one row
    lost: list[str] = field(default_factory=list)  # item keys without exactly their one recorded message
    kills: int = 0
    posts: int = 0  # message POSTs Discord received
    adoptions: int = 0  # rows whose message was found and adopted rather than posted again
    seconds: float = 0.0


def digest(n: int) -> Answer:
    return Answer(title=f"Soak digest {n}", description=f"Row {n} of the delivery soak.",
                  fields=[AnswerField("Round", str(n))],
                  sources=[Source(f"Report {n}", f"https://news.example/{n}", "WIRE")])


def title_of(row: Outbox) -> str:
    return str(row.payload["title"])


async def enqueue(store: Store, fake: FakeDiscord, rows: int) -> None:
    """Subscribe the fake's channels and write ``rows`` outbox rows, round-robin over them."""
    channels = [fake.channel_id(name) for name in CHANNELS]
    for cid in channels:
        await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(cid))
    async with store.transaction() as session:
        for n in range(rows):
            session.add(Outbox(destination=discord_destination(int(channels[n % len(channels)])),
                               item_key=f"soak:{n}", kind="digest", payload=to_payload(digest(n))))


class BotProcess:
    """One `parley run` process, killed with SIGKILL and started again by the soak."""

    def __init__(self, name: str, env: dict[str, str], workdir: Path) -> None:
        self.name = name
        self.env = env
        self.workdir = workdir
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    async def start(self) -> None:
        self.starts += 1
        log = open(self.workdir / f"{self.name}.{self.starts}.log", "wb")  # noqa: ASYNC230, SIM115 (a local file)
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=self.workdir, env=self.env,
            stdout=log, stderr=asyncio.subprocess.STDOUT)
        log.close()  # the child holds its own descriptor

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 30)
            except TimeoutError:
                await self.kill()


def bot_env(fake: FakeDiscord, database_url: str, lease_seconds: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_URL", "FEEDS"))}
    env.update(DISCORD_TOKEN=fake.token, DISCORD_API_BASE=fake.api_base, DISCORD_GATEWAY_URL=fake.gateway_url,
               DISCORD_GUILD_ID=fake.guild_id, DATABASE_URL=database_url, FEEDS="",
               DELIVERY_LEASE_SECONDS=str(lease_seconds), PYTHONPATH=str(ROOT))
    return env


async def undelivered(store: Store) -> int:
    return len(await store.outbox_items(undelivered_only=True))


async def wait_delivered(store: Store, *, until: float) -> None:
    """Return when no row is left to deliver, or at ``until`` (a `time.perf_counter` value)."""
    while True:
        if not await undelivered(store) or time.perf_counter() > until:
            return
        await asyncio.sleep(0.2)


async def soak(fake: FakeDiscord, store: Store, workdir: Path, *, rows: int, lease_seconds: int, kills: int,
               kill_gap: tuple[float, float], seed: int | None = None, deadline: float = 3600.0,
               report: bool = False) -> SoakResult:
    """Run the soak and count. ``fake`` must be made with ``honour_nonces=False`` and a ``post_delay``.

    Kills: ``kills`` times, after a random pause in ``kill_gap`` seconds, one of the two processes
    (chosen at random) gets SIGKILL and is started again at once. Then both run until every row
    is delivered (or ``deadline`` seconds have passed since the start), and stop with SIGTERM.
    """
    rng = random.Random(seed)
    await enqueue(store, fake, rows)
    env = bot_env(fake, store.database_url, lease_seconds)
    bots = [BotProcess("bot-a", env, workdir), BotProcess("bot-b", env, workdir)]
    result = SoakResult(rows=rows)
    started = time.perf_counter()
    try:
        for bot in bots:
            await bot.start()
        for _ in range(kills):
            await asyncio.sleep(rng.uniform(*kill_gap))
            if not await undelivered(store):
                break
            victim = rng.choice(bots)
            await victim.kill()
            result.kills += 1
            if report:
                left = await undelivered(store)
                print(f"  {time.perf_counter() - started:6.1f} s: kill -9 {victim.name} ({left} rows left)",
                      file=sys.stderr)
            await victim.start()
        await wait_delivered(store, until=started + deadline)
    finally:
        result.seconds = time.perf_counter() - started
        for bot in bots:
            await bot.stop()
    return await count(fake, store, result)


async def count(fake: FakeDiscord, store: Store, result: SoakResult) -> SoakResult:
    """Duplicates and losses: each row's title must be in exactly one message, the one recorded.

    (Counted by the rows' distinct titles, not by Parley's markers, so the count does not trust
    the code it checks.)"""
    result.posts = sum(1 for r in fake.requests_to("POST", r"^/channels/\d+/messages$") if r.status == 200)
    result.adoptions = len(fake.requests_to("PATCH", r"^/channels/\d+/messages/\d+$"))
    for row in await store.outbox_items():
        channel = str(channel_of(row.destination))
        carrying = [m for m in fake.posted(channel) if m["embeds"] and m["embeds"][0].get("title") == title_of(row)]
        result.duplicates += max(len(carrying) - 1, 0)
        if row.status == "delivered":
            result.delivered += 1
        if row.status != "delivered" or not carrying or str(row.message_id) not in {m["id"] for m in carrying}:
            result.lost.append(row.item_key)
    return result
