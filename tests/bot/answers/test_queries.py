"""The query layer: each command's answer, and one-line errors for bad arguments."""

from __future__ import annotations

import re

import pytest

from bot.answers.queries import answer, ask, parse, recorded_rounds
from bot.config import Settings
from bot.knowledge.ingest import ingest_entries
from storage import Store
from tests.bot.factories import FakeExtractor, entry, facts


@pytest.fixture
async def talks(store: Store) -> Store:
    """Round 2 from two outlets (they disagree on the length), rounds 4 and 5 with a change of stance."""
    people = ("Scott Bessent",)
    fx = FakeExtractor(
        facts("a", 2, date="2025-05-01", location="Washington", meetings=((people, 130),), tariffs=(("autos", 25),)),
        facts("b", 2, date="2025-05-01", location="Washington", meetings=((people, 120),)),
        facts("c", 4, date="2025-05-30", location="Washington", stances=("removal",), tariffs=(("reciprocal", 24),)),
        facts("d", 5, date="2025-06-06", location="Washington", stances=("reduction", "removal")),
        facts("e", None, relevant=False),
    )
    feed = [
        entry("a"),
        entry("b", source="Bloomberg", hours=1),
        entry("c", hours=2),
        entry("d", hours=3),
        entry("e", hours=4),
    ]
    await ingest_entries(store, feed, feed_id=None, announce=True, console=True, extract=fx)
    return store


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("/round five", "round must be a whole number, e.g. /round 5"),
        ("/round", "round needs a number, e.g. /round 5"),
        ("/round 5 6", "round must be a whole number, e.g. /round 5"),
        ("/latest now", "/latest takes no argument"),
        ("/why", "why needs one link or guid, e.g. /why https://example.com/article"),
        ("/round -1", "round -1 is out of range: rounds are numbered 1 to 1000, e.g. /round 5"),
        ("/round 99999999999999999999",
         "round 99999999999999999999 is out of range: rounds are numbered 1 to 1000, e.g. /round 5"),
    ],
)
def test_bad_arguments_get_one_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        parse(text)


def test_unknown_command_names_the_commands() -> None:
    with pytest.raises(ValueError, match="unknown command /rounds: try /round N"):
        parse("/rounds 2")


async def test_round_shows_facts_with_their_sources(talks: Store) -> None:
    result = await answer(talks, "round", {"number": 2})
    assert not result.error
    assert result.title == "Round 2: held, 2025-05-01, Washington"
    fields = {f.name: f.value for f in result.fields}
    assert fields["Where"] == "Washington [1][2]"
    assert "130 min [1]" in fields["Meetings"] and "120 min [2]" in fields["Meetings"]
    assert [s.url for s in result.sources] == ["https://news.example/a", "https://news.example/b"]


async def test_unrecorded_round_says_so_and_lists_the_recorded_ones(talks: Store) -> None:
    result = await answer(talks, "round", {"number": 3})
    assert result.title == "Round 3 is not recorded"
    assert result.description == "Recorded rounds: 2, 4, 5."
    assert await recorded_rounds(talks) == [2, 4, 5]


async def test_latest_is_the_highest_round(talks: Store) -> None:
    assert (await answer(talks, "latest", {})).title.startswith("Round 5: held")


async def test_timeline_has_one_line_per_round(talks: Store) -> None:
    result = await answer(talks, "timeline", {})
    assert [(f.name, f.value) for f in result.fields] == [
        ("Round 2", "held, 2025-05-01, Washington (2 sources)"),
        ("Round 4", "held, 2025-05-30, Washington (1 source)"),
        ("Round 5", "held, 2025-06-06, Washington (1 source)"),
    ]


async def test_positions_by_round_mark_the_change(talks: Store) -> None:
    result = await answer(talks, "positions", {"side": "japan"})
    [field] = result.fields
    assert field.name == "Japan on the US tariffs"
    assert field.value.splitlines() == [
        "round 4: removal (1 source)",
        "round 5: reduction (changed) (1 source)",
        "round 5: removal (1 source)",
    ]
    assert (await answer(talks, "positions", {"side": "Mars"})).error


async def test_changes_show_sentence_and_link(talks: Store) -> None:
    result = await answer(talks, "changes", {})
    [field] = result.fields
    assert field.name == "Japan changed its position on the US tariffs in round 5: removal → reduction"
    assert "“d: Japan seeks reduction.”" in field.value and "https://news.example/d" in field.value


async def test_tariffs_by_sector(talks: Store) -> None:
    result = await answer(talks, "tariffs", {"sector": "autos"})
    assert [(f.name, f.value) for f in result.fields] == [("autos", "round 2: 25% (1 source)")]
    bad = await answer(talks, "tariffs", {"sector": "bananas"})
    assert bad.error and "unknown sector" in bad.title


async def test_why_explains_what_was_extracted_and_posted(talks: Store) -> None:
    posted = await answer(talks, "why", {"target": "https://www.news.example/d/"})  # any form of the link
    fields = {f.name: f.value for f in posted.fields}
    assert fields["Posted about it"] == "yes"
    assert "alert: Japan changed position on the US tariffs" in fields["Decision"]  # the label, not the id
    assert (
        "position Japan on the US tariffs = reduction: changed position" in fields["Facts recorded (and how they matched)"]
    )
    skipped = await answer(talks, "why", {"target": "e"})
    assert {f.name: f.value for f in skipped.fields}["Posted about it"] == "no"
    assert "not about the tracked negotiation" in {f.name: f.value for f in skipped.fields}["Decision"]
    unknown = await answer(talks, "why", {"target": "nope"})
    assert unknown.error and unknown.title == "Parley has not seen that article: no entry has the guid or link nope"


async def test_ask_parses_and_answers_against_the_configured_database(talks: Store, database_url: str) -> None:
    settings = Settings(database_url=database_url, _env_file=None)
    assert (await ask(settings, "/round 4")).title == "Round 4: held, 2025-05-30, Washington"
    failure = await ask(settings, "/round five")
    assert failure.error and failure.to_text() == "round must be a whole number, e.g. /round 5"


async def test_ask_with_an_unreachable_database_is_one_line() -> None:
    settings = Settings(database_url="postgresql://root@127.0.0.1:1/parley", _env_file=None)
    result = await ask(settings, "/latest")
    assert (
        result.error
        and result.title == "cannot reach the database at postgresql://root@127.0.0.1:1/parley: connection refused"
    )


async def test_round_zero_and_text_numbers(talks: Store) -> None:
    assert (await answer(talks, "round", {"number": 0})).title == "round 0 is out of range: rounds are numbered 1 to 1000, e.g. /round 5"
    assert (await answer(talks, "round", {"number": "4"})).title.startswith("Round 4: held")


async def test_an_empty_database_says_nothing_is_recorded(store: Store) -> None:
    assert (await answer(store, "latest", {})).title == "Nothing recorded yet"
    assert (await answer(store, "round", {"number": 2})).description == "Recorded rounds: none yet."
    assert (await answer(store, "timeline", {})).title == "Nothing recorded yet"
    assert (await answer(store, "changes", {})).title == "No changed positions recorded"


async def test_a_cached_round_view_is_replaced_once_something_new_is_stored(talks: Store, database_url: str) -> None:
    before = await answer(talks, "round", {"number": 2})
    before.fields.clear()  # what a caller does to its answer does not reach the cache
    again = await answer(talks, "round", {"number": 2})
    assert again.fields and again.description.startswith("The 2nd ministerial round, from 2 sources")
    assert await recorded_rounds(talks) == [2, 4, 5]
    fx = FakeExtractor(facts("f", 2, location="Washington"), facts("g", 6, location="Tokyo"))
    async with Store(database_url) as other:  # another process (the poller) stores two more reports
        await ingest_entries(other, [entry("f", source="Kyodo", hours=5), entry("g", hours=6)], feed_id=None,
                             announce=False, extract=fx)
    after = await answer(talks, "round", {"number": 2})
    assert after.description.startswith("The 2nd ministerial round, from 3 sources")
    assert await recorded_rounds(talks) == [2, 4, 5, 6]
    assert (await answer(talks, "latest", {})).title.startswith("Round 6")
