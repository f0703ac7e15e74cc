"""The negotiation commands, as real interactions: options parsed by discord.py, answers from the query layer."""

from __future__ import annotations

import pytest

from bot.chat.client import ParleyBot
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import invoke


def opt(name: str, value: object, kind: int = 3) -> dict[str, object]:
    return {"name": name, "type": kind, "value": value}


async def test_round_answers_with_an_embed_that_pings_no_one(fake: FakeDiscord, seeded: ParleyBot) -> None:
    reply = await fake.interact("round", [opt("number", 4, 4)])
    assert not reply.ephemeral
    assert reply.embeds[0]["title"].startswith("Round 4")
    assert reply.data["allowed_mentions"] == {"parse": []}


async def test_an_unrecorded_round_is_a_one_line_ephemeral_error(fake: FakeDiscord, seeded: ParleyBot) -> None:
    reply = await fake.interact("round", [opt("number", 3, 4)])
    assert reply.ephemeral
    assert reply.content == "Round 3 is not recorded (recorded rounds: 2, 4, 5)"


async def test_round_before_anything_is_recorded(fake: FakeDiscord, bot: ParleyBot) -> None:
    reply = await fake.interact("round", [opt("number", 1, 4)])
    assert reply.ephemeral and "recorded rounds: none yet" in reply.content


async def test_a_round_number_that_is_not_a_number_is_refused_by_the_option_parser(
        fake: FakeDiscord, seeded: ParleyBot) -> None:
    interaction = await invoke(seeded, fake.interaction_payload("round", [opt("number", "five", 4)]))
    assert interaction.command_failed


QUESTIONS = [
    ("latest", [], "Round 5"),
    ("timeline", [], "Washington"),
    ("positions", [opt("side", "Japan")], "reduction"),
    ("changes", [], "removal"),
    ("tariffs", [opt("sector", "autos")], "25"),
]


async def test_each_question_answers_from_the_knowledge_base(fake: FakeDiscord, seeded: ParleyBot) -> None:
    for command, options, expected in QUESTIONS:  # one replay of the seeds serves all five
        reply = await fake.interact(command, options)
        assert not reply.ephemeral, (command, reply.text)
        assert expected in reply.text, (command, reply.text)


async def test_why_explains_an_article_by_its_guid(fake: FakeDiscord, seeded: ParleyBot) -> None:
    reply = await fake.interact("why", [opt("article", "seed-003")])
    assert not reply.ephemeral and reply.embeds


async def test_why_an_unknown_article_says_so_to_the_asker_only(fake: FakeDiscord, seeded: ParleyBot) -> None:
    reply = await fake.interact("why", [opt("article", "https://nowhere.example/x")])
    assert reply.ephemeral and not reply.embeds
    assert reply.content.startswith("Parley has not seen that article") and "\n" not in reply.content


async def test_why_with_a_nul_byte_is_one_plain_line_that_names_no_database(fake: FakeDiscord, bot: ParleyBot) -> None:
    reply = await fake.interact("why", [opt("article", "seed\x00003")])
    assert reply.ephemeral and "\n" not in reply.content and "\x00" not in reply.content
    for leak in ("postgresql", "sqlite", "database error", "root@"):
        assert leak not in reply.content


async def test_a_round_out_of_range_is_told_the_valid_range(fake: FakeDiscord, bot: ParleyBot) -> None:
    for number in (-1, 0, 99999999999):
        reply = await fake.interact("round", [opt("number", number, 4)])
        assert reply.ephemeral and "rounds are numbered 1 to 1000" in reply.content, reply.content


async def test_a_database_that_cannot_be_used_is_one_line_not_a_traceback(fake: FakeDiscord, bot: ParleyBot,
                                                                          tmp_path: object) -> None:
    broken = Store("sqlite:////nonexistent-folder/parley.db")
    bot.store, kept = broken, bot.store
    try:
        reply = await fake.interact("latest")
    finally:
        bot.store = kept
        await broken.close()
    assert reply.ephemeral and "\n" not in reply.content
    assert "Traceback" not in reply.content
    assert "nonexistent-folder" not in reply.content and "sqlite" not in reply.content, "no connection string"


async def test_a_slow_answer_defers_first_and_follows_up(fake: FakeDiscord, seeded: ParleyBot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cogs._reply.DEFER_AFTER_SECONDS", 0)  # every answer counts as slow
    reply = await fake.interact("round", [opt("number", 5, 4)])
    (callback,) = fake.requests_to("POST", r"^/interactions/\d+/[^/]+/callback$")[-1:]
    assert callback.body["type"] == 5, "deferred (thinking…) within Discord's 3 s"
    assert reply.embeds[0]["title"].startswith("Round 5"), "the answer followed up"
