"""Corrections from the team, end to end on the loopback Discord: after `parley replay` of the
seeds, an article puts round 6 at removal and Parley alerts a change; an editor's
`/correct round:6 field:position value:reduction` makes `/round number:6` and `/positions` show
reduction marked corrected, and the alert the correction made false is edited, once, to say it
was withdrawn and by whom. An undo brings it back; who may correct is checked."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.chat.client import ParleyBot
from bot.chat.delivery import DeliveryWorker
from bot.replay import replay
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot
from tests.fakediscord.server import Reply

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ROUND6 = Path(__file__).parent / "data" / "round6"
MANAGE_GUILD = 1 << 5
NO_PERMISSIONS = 0


def text_of(message: dict[str, Any]) -> str:
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def correct_options(number: int, field: str, value: str = "", **more: Any) -> list[dict[str, Any]]:
    options = [{"name": "round", "type": 4, "value": number}, {"name": "field", "type": 3, "value": field}]
    if value:
        options.append({"name": "value", "type": 3, "value": value})
    for name, item in more.items():
        options.append({"name": name, "type": 5 if isinstance(item, bool) else 3, "value": item})
    return options


@pytest.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    settings = bot_settings(fake, database_url=store.database_url)
    async with running_bot(fake, settings, store=store, delivery=False) as running:
        yield running


async def _deliver(bot: ParleyBot, store: Store) -> list[str]:
    return [o.result for o in await DeliveryWorker(bot, store, worker_id="test").run_once()]


async def _round_six_alerted(fake: FakeDiscord, bot: ParleyBot, store: Store) -> dict[str, Any]:
    """Subscribe #news, replay the seeds and the round-6 article, deliver; the round-6 alert."""
    news = fake.channel_id("news")
    assert "Subscribed" in (await fake.interact("subscribe", [{"name": "kind", "type": 3, "value": "all"}],
                                                channel=news)).text
    assert await replay(bot.settings, SEEDS, console=False) == 0
    assert await replay(bot.settings, ROUND6, console=False) == 0
    await _deliver(bot, store)
    alerts = [m for m in fake.posted(news) if "changed its position" in text_of(m) and "round 6" in text_of(m)]
    assert len(alerts) == 1, [text_of(m)[:80] for m in fake.posted(news)]
    assert "removal" in text_of(alerts[0])
    return alerts[0]


async def test_correcting_round_6_to_reduction_marks_it_and_withdraws_the_alert_once(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    news = fake.channel_id("news")
    alert = await _round_six_alerted(fake, bot, store)
    before = await fake.interact("round", [{"name": "number", "type": 4, "value": 6}])
    assert "removal" in before.text and "corrected" not in before.text

    answer = await fake.interact("correct", correct_options(6, "position", "reduction", note="misread headline"),
                                 permissions=MANAGE_GUILD)
    assert not answer.ephemeral and "reduction" in answer.text and "corrected by Asker" in answer.text
    assert "Alerts withdrawn" in answer.text

    shown = await fake.interact("round", [{"name": "number", "type": 4, "value": 6}])
    assert "Japan on the US tariffs: reduction (corrected by Asker)" in shown.text
    assert "Japan on the US tariffs: removal" not in shown.text
    positions = await fake.interact("positions")
    assert "round 6: reduction (corrected by Asker)" in positions.text
    assert "round 6: removal" not in positions.text
    changes = await fake.interact("changes")
    assert "round 6" not in changes.text and "round 5" in changes.text, "the withdrawn change is gone from /changes"

    results = await _deliver(bot, store)
    assert results.count("edited") == 2, results  # the alert, and the round-6 digest
    edited = fake.messages[news][alert["id"]]
    assert text_of(edited).lstrip().startswith("Withdrawn: ") and "Withdrawn by Asker" in text_of(edited)
    digest = next(m for m in fake.posted(news) if text_of(m).lstrip().startswith("Round 6"))
    assert "corrected by Asker" in text_of(digest)
    assert await _deliver(bot, store) == [], "each edit is delivered exactly once"
    edits = fake.requests_to("PATCH", rf"^/channels/{news}/messages/{alert['id']}$")
    assert len(edits) == 1

    again = await fake.interact("correct", correct_options(6, "position", "reduction"), permissions=MANAGE_GUILD)
    assert "Alerts withdrawn" not in again.text  # withdrawn already: nothing more to edit
    assert await _deliver(bot, store) == []

    listed = await fake.interact("corrections", [{"name": "round", "type": 4, "value": 6}])
    assert "position Japan on us tariffs: reduction (by Asker" in listed.text and "misread headline" in listed.text


async def test_an_undo_brings_back_the_sources_and_the_alert(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    news = fake.channel_id("news")
    alert = await _round_six_alerted(fake, bot, store)
    await fake.interact("correct", correct_options(6, "position", "reduction"), permissions=MANAGE_GUILD)
    await _deliver(bot, store)
    undone = await fake.interact("correct", correct_options(6, "position", undo=True), permissions=MANAGE_GUILD)
    assert "undone" in undone.text and "Alerts restored" in undone.text
    shown = await fake.interact("round", [{"name": "number", "type": 4, "value": 6}])
    assert "removal" in shown.text and "corrected" not in shown.text
    await _deliver(bot, store)
    assert text_of(fake.messages[news][alert["id"]]) == text_of(alert)
    listed = await fake.interact("corrections")
    assert "undid #" in listed.text and "(undone)" in listed.text


async def test_a_bad_value_gets_one_ephemeral_line_saying_what_was_expected(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    await _round_six_alerted(fake, bot, store)
    for field, value, expected in (("position", "maybe", "a stance the profile names"),
                                   ("meetings", "for a while", "Akazawa 110 min"),
                                   ("tariffs", "cars", "15%"), ("date", "soonish", "2025-06-06")):
        reply = await fake.interact("correct", correct_options(6, field, value), permissions=MANAGE_GUILD)
        assert reply.ephemeral and "\n" not in reply.content and expected in reply.content, reply.content
    missing = await fake.interact("correct", correct_options(9, "date", "2025-07-01"), permissions=MANAGE_GUILD)
    assert missing.ephemeral and "round 9 is not recorded" in missing.content


async def test_only_manage_server_or_the_editors_role_may_correct(fake: FakeDiscord, bot: ParleyBot,
                                                                  store: Store) -> None:
    await _round_six_alerted(fake, bot, store)
    refused: Reply = await fake.interact("correct", correct_options(6, "location", "Tokyo"),
                                         permissions=NO_PERMISSIONS)
    assert refused.ephemeral and "editors role" in refused.content
    role = await fake.add_role("trade-desk")
    guild = bot.get_guild(int(fake.guild_id))
    assert guild is not None
    for _ in range(100):
        if guild.get_role(int(role)):
            break
        await asyncio.sleep(0.02)
    named = await fake.interact("editors", [{"name": "role", "type": 8, "value": role}])
    assert named.ephemeral and "may now correct" in named.text
    allowed = await fake.interact("correct", correct_options(6, "location", "Tokyo"), permissions=NO_PERMISSIONS,
                                  roles=[role])
    assert not allowed.ephemeral and "Tokyo" in allowed.text
    shown = await fake.interact("round", [{"name": "number", "type": 4, "value": 6}])
    assert "Tokyo (corrected by Asker)" in shown.text
    timeline = await fake.interact("timeline")
    assert "Tokyo" in timeline.text
