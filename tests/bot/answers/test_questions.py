"""Questions in plain words: the parser reads rounds, people, sides, sectors and topics from the
profile, and each of the tuned phrasings gets the right answer after a replay of the seeds."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answers.queries import ask, ask_question
from bot.answers.query import LatestQuery, MeetingsQuery, PositionsQuery, TariffsQuery
from bot.answers.questions import LATEST, NEXT, QuestionParser
from bot.config import Settings
from bot.errors import UserError
from bot.extract.profile import default_profile, load_profile
from bot.replay import replay
from storage import Store
from tests.bot.answers.phrasings import TUNED, Phrasing, load, misses

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
TUNED_PHRASINGS = load(TUNED)


@pytest.fixture(scope="module")
def parser() -> QuestionParser:
    return QuestionParser(default_profile())


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite file holding `parley replay` of the seeds (replayed once for the module)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'parley.db'}"
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    assert asyncio.run(replay(settings, SEEDS, False)) == 0
    yield url


def test_there_are_at_least_forty_tuned_phrasings() -> None:
    assert len(TUNED_PHRASINGS) >= 40


@pytest.mark.parametrize("phrasing", TUNED_PHRASINGS, ids=[p.text for p in TUNED_PHRASINGS])
async def test_tuned_phrasing_gets_its_answer(phrasing: Phrasing, parser: QuestionParser, seeded_url: str) -> None:
    question = parser.parse(phrasing.text, thread_round=phrasing.thread_round)
    assert question is not None, "not understood"
    assert question.command == phrasing.command
    async with Store(seeded_url) as store:
        answer = await ask_question(store, parser, phrasing.text, thread_round=phrasing.thread_round)
    assert misses(phrasing, answer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("round 7", 7), ("round seven", 7), ("the seventh round", 7), ("7th round", 7), ("r7", 7),
        ("round number 12", 12), ("twenty-first round", 21), ("the 3rd ministerial meeting", 3),
        ("the last round", LATEST), ("the next round", NEXT), ("rounds so far", None), ("around 5 pm", None),
        # chat abbreviations of the profile's round word, before a number only
        ("recap of rd 5 pls", 5), ("rnd 12", 12), ("rd. 3", 3), ("the 3rd", None), ("rd", None),
    ],
)
def test_rounds_in_figures_words_and_ordinals(parser: QuestionParser, text: str, expected: object) -> None:
    assert parser.round_of(text) == expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("who did Akazawa meet", ("Ryosei Akazawa",)),
        ("did Akazwa see Lutnik?", ("Ryosei Akazawa", "Howard Lutnick")),
        ("Bessent's view", ("Scott Bessent",)),
        ("what about Scott Bessent", ("Scott Bessent",)),
        ("the green light on trade", ()),
        ("what happened in round five", ()),
    ],
)
def test_people_by_alias_and_misspelling(parser: QuestionParser, text: str, people: tuple[str, ...]) -> None:
    assert parser.people_in(text) == people


def test_sides_come_from_the_profile_and_all_capital_aliases_keep_their_case(parser: QuestionParser) -> None:
    assert parser.side_in("what does Tokyo want") == "Japan"
    assert parser.side_in("Japan's position") == "Japan"
    assert parser.side_in("the US stance") == "United States"
    assert parser.side_in("tell us about round 5") is None


@pytest.mark.parametrize("text", ["asdf qwer zxcv", "tell us a joke", "", "<@123>", "the weather in spring",
                                  "tell me a joke", "whats for lunch today?", "what's on tv today"])
def test_what_is_not_a_question_about_the_talks_is_not_understood(parser: QuestionParser, text: str) -> None:
    assert parser.parse(text) is None


@pytest.mark.parametrize("text", ["what is new today?", "tell me about the talks", "what happened?", "any news?",
                                  "what's the latest on the negotiations today"])
def test_a_question_that_names_only_the_talks_asks_for_the_latest_round(parser: QuestionParser, text: str) -> None:
    assert parser.parse(text) == LatestQuery()


OTHER_TALKS = """
[negotiation]
id = "north-south-fish"
name = "North–South fisheries talks"
tracked_side = "Northland"
round_terms = ["round", "sitting"]
subject_terms = ["quota"]

[[sides]]
name = "Northland"
aliases = ["Northland", "Northern", "NL"]

[[sides]]
name = "Southland"
aliases = ["Southland", "Southern", "SL"]

[[people]]
name = "Ingrid Fjelstad"
side = "Northland"
role = "fisheries minister"
negotiator = true
aliases = ["Fjelstad", "Ingrid Fjelstad"]

[[people]]
name = "Tomas Oberlin"
side = "Southland"
role = "trade envoy"
aliases = ["Oberlin"]

[topics]
quotas = ["quotas?", "catch limits?"]

[sectors]
fish = ["fish", "cod", "herring"]

[stances]
issue = "quota_cut"
removal = ["scrap"]
reduction = ["reduce"]
agreed = ["agreed"]
"""


def test_another_negotiation_is_read_with_its_own_words(tmp_path: Path) -> None:
    path = tmp_path / "fish.toml"
    path.write_text(OTHER_TALKS, encoding="utf-8")
    other = QuestionParser(load_profile(path))
    met = other.parse("who did Fjelstadt meet in the third sitting?")
    assert met == MeetingsQuery(3, ("Ingrid Fjelstad",))
    side = other.parse("what does the Southern side want?")
    assert side == PositionsQuery("Southland")
    rate = other.parse("what's the tariff on herring?")
    assert rate == TariffsQuery("fish")
    assert other.parse("what is Japan's position?") == other.parse("what is the position?")
    assert "Fjelstad" in " ".join(other.examples()) and "Northland" in " ".join(other.examples())


async def test_parley_ask_takes_a_question_or_a_command(seeded_url: str) -> None:
    settings = Settings(_env_file=None, database_url=seeded_url)  # type: ignore[call-arg]
    worded = await ask(settings, "who met in round 5?")
    assert "Howard Lutnick" in worded.to_text() and "45 min" in worded.to_text()
    command = await ask(settings, "/round 5")
    assert command.title.startswith("Round 5")
    with pytest.raises(UserError) as bad:
        await ask(settings, "/round five")
    assert str(bad.value) == "round must be a whole number, e.g. /round 5"
