"""METRICS_PORT: a running `parley run` serves Prometheus metrics of its deliveries and of the
slash commands it answers, scraped here from its loopback endpoint."""

from __future__ import annotations

import asyncio
import signal
import socket

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.answers.answer import Answer
from bot.answers.digests import to_payload
from storage import Store
from storage.migrate import upgrade_async
from storage.models import Outbox
from storage.outbox import discord_destination
from tests.e2e.test_discord_run import ROOT, env_for, parley
from tests.fakediscord import FakeDiscord


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        assert response.status == 200
        text = await response.text()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


async def test_metrics_count_deliveries_and_interactions(fake: FakeDiscord, tmp_path) -> None:
    database_url = f"sqlite:///{tmp_path / 'parley.db'}"
    await upgrade_async(database_url)
    channel = fake.channel_id("news")
    async with Store(database_url) as store:
        await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(channel), kind="all")
        async with store.transaction() as session:
            session.add(Outbox(destination=discord_destination(int(channel)), item_key="digest:round:5", kind="digest",
                               payload=to_payload(Answer(title="Round 5: Washington, 2025-06-06"))))
    port = free_port()
    process = await parley(env_for(fake, tmp_path, PYTHONPATH=str(ROOT), METRICS_PORT=str(port)), tmp_path, "run")
    try:
        await asyncio.wait_for(fake.commands_synced.wait(), 60)
        await fake.wait_for_posts(channel, 1, wait=30)
        reply = await fake.interact("status")
        assert "Parley status" in reply.text
        await fake.interact("round", [{"name": "number", "type": 4, "value": 999}])  # not recorded: an error line
        metrics: dict = {}
        for _ in range(50):  # the counters are updated just after the answer is sent
            metrics = await scrape(port)
            if metrics.get(("parley_interactions_total", (("command", "round"), ("result", "error"))), 0) >= 1:
                break
            await asyncio.sleep(0.1)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()[-2000:]
    assert metrics[("parley_deliveries_total", (("result", "posted"),))] == 1
    assert metrics[("parley_delivery_seconds_count", ())] == 1
    assert metrics[("parley_interactions_total", (("command", "status"), ("result", "ok")))] == 1
    assert metrics[("parley_interactions_total", (("command", "round"), ("result", "error")))] == 1
    assert metrics[("parley_interaction_seconds_count", (("command", "status"),))] == 1


async def test_a_metrics_port_in_use_is_one_line(fake: FakeDiscord, tmp_path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = await parley(env_for(fake, tmp_path, PYTHONPATH=str(ROOT), METRICS_PORT=str(port)), tmp_path, "run")
        _out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    (line,) = err.decode().strip().splitlines()
    assert line.startswith("parley: cannot serve metrics") and "METRICS_PORT" in line
