"""Questions by mention and DM, end to end: the real discord.py client on the loopback Discord,
after `parley replay` of the seeds. A question gets a Discord reply to that message that pings
nobody; a message that does not mention Parley gets nothing; gibberish gets the help."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.chat.client import ParleyBot
from bot.chat.conversation import ASKS_PER_WINDOW, SLOW_DOWN
from bot.replay import replay
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot
from tests.fakediscord.server import DIRECT_MESSAGES, GUILD_MESSAGES, MESSAGE_CONTENT

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
async def seeded(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    """The real bot on the loopback Discord, after `parley replay` of the seeds into its database."""
    settings = bot_settings(fake, database_url=store.database_url)
    assert await replay(settings, SEEDS, console=False) == 0
    async with running_bot(fake, settings, store=store, delivery=False) as running:
        yield running


def text_of(message: dict[str, Any]) -> str:
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


async def ask(fake: FakeDiscord, content: str, **kwargs: Any) -> dict[str, Any]:
    """Post ``content`` as a person and return Parley's reply to it."""
    message = await fake.say(content, **kwargs)
    reply = await fake.wait_for_reply(message)
    assert isinstance(reply, dict), f"got the reaction {reply!r}, not a reply"
    return reply


async def test_parley_asks_for_message_events_but_not_for_message_content(fake: FakeDiscord,
                                                                         seeded: ParleyBot) -> None:
    assert fake.intents is not None
    assert fake.intents & GUILD_MESSAGES and fake.intents & DIRECT_MESSAGES
    assert not fake.intents & MESSAGE_CONTENT, "Message Content is privileged: Parley must not need it"


async def test_what_happened_in_round_5_gets_a_reply_with_the_meetings(fake: FakeDiscord, seeded: ParleyBot) -> None:
    question = await fake.say("what happened in round 5?", mention=True)
    reply = await fake.wait_for_reply(question)
    assert isinstance(reply, dict)
    assert reply["message_reference"]["message_id"] == question["id"], "a Discord reply to that message"
    text = text_of(reply)
    for expected in ("45", "110", "Lutnick", "Bessent"):
        assert expected in text, expected
    assert reply["allowed_mentions"]["parse"] == [] and reply["allowed_mentions"].get("replied_user") is False


async def test_who_did_akazawa_meet_in_the_fifth_round(fake: FakeDiscord, seeded: ParleyBot) -> None:
    reply = await ask(fake, "who did Akazawa meet in the fifth round?", mention=True)
    assert "Lutnick" in text_of(reply) and "Bessent" in text_of(reply)


async def test_a_message_that_does_not_mention_parley_gets_nothing(fake: FakeDiscord, seeded: ParleyBot) -> None:
    ignored = await fake.say("what happened in round 5?")
    assert fake.dispatched[-1][1]["content"] == "", "without Message Content, Discord sends it empty"
    answered = await fake.say("what's new?", mention=True)
    await fake.wait_for_reply(answered)  # the later question is answered, so the first was seen
    assert fake.replies_to(ignored) == [] and fake.reactions_on(ignored) == []


async def test_gibberish_gets_the_help_naming_the_commands(fake: FakeDiscord, seeded: ParleyBot) -> None:
    reply = await ask(fake, "flibber quux zorp", mention=True)
    text = text_of(reply)
    assert "/round" in text and "Try asking" in text
    assert text.count("• ") == 3, "three example questions"


async def test_a_direct_message_is_answered_in_the_dm(fake: FakeDiscord, seeded: ParleyBot) -> None:
    reply = await ask(fake, "where was round 2?", dm=True)
    assert reply["channel_id"] in fake.dm_channels
    assert "Washington" in text_of(reply)


async def test_in_a_rounds_thread_a_question_without_a_round_means_that_round(fake: FakeDiscord,
                                                                             seeded: ParleyBot) -> None:
    thread = await fake.add_thread(fake.channel_ids[0], "Round 2 · 2025-05-01 · Washington")
    reply = await ask(fake, "who met?", mention=True, channel=thread)
    assert "Greer" in text_of(reply) and "130 min" in text_of(reply)
    elsewhere = await ask(fake, "who met?", mention=True)
    assert "Round 5" in text_of(elsewhere), "outside the thread: the latest round"


async def test_replying_to_parley_counts_as_asking_it(fake: FakeDiscord, seeded: ParleyBot) -> None:
    first = await ask(fake, "what happened in round 4?", mention=True)
    follow_up = await ask(fake, "and where was round 2?", reply_to=first)
    assert "Washington" in text_of(follow_up)


async def test_asking_faster_than_the_limit_gets_a_quiet_reaction(fake: FakeDiscord, seeded: ParleyBot) -> None:
    conversation = seeded.get_cog("Conversation").conversation  # type: ignore[union-attr]
    conversation.limiter.clock = lambda: 1000.0  # every question at the same instant
    for _ in range(ASKS_PER_WINDOW):
        await ask(fake, "what's new?", mention=True)
    flood = await fake.say("what's new?", mention=True)
    assert await fake.wait_for_reply(flood) == SLOW_DOWN
    assert fake.replies_to(flood) == []
    other = fake.user("colleague")
    assert isinstance(await fake.wait_for_reply(await fake.say("what's new?", mention=True, author=other)), dict), \
        "the limit is per person"
    conversation.limiter.clock = lambda: 1010.0  # ten seconds later
    assert isinstance(await fake.wait_for_reply(await fake.say("what's new?", mention=True)), dict)


async def test_messages_from_bots_are_never_answered(fake: FakeDiscord, seeded: ParleyBot) -> None:
    robot = {**fake.user("other-bot"), "bot": True}
    ignored = await fake.say("what happened in round 5?", mention=True, author=robot)
    answered = await fake.say("what's new?", mention=True)
    await fake.wait_for_reply(answered)
    assert fake.replies_to(ignored) == []


async def test_a_slip_in_a_command_asked_by_mention_gets_one_line_and_no_embed(fake: FakeDiscord,
                                                                               seeded: ParleyBot) -> None:
    reply = await ask(fake, "/round 9999", mention=True)
    assert reply["content"] == "round 9999 is out of range: rounds are numbered 1 to 1000, e.g. /round 5"
    assert not reply.get("embeds")
