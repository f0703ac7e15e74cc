"""The query layer: each query's typed function and its answer; a bad argument is a one-line `UserError`."""

from __future__ import annotations

import re

import pytest

from bot.answers import queries
from bot.answers.queries import ask, parse, recorded_rounds
from bot.answers.query import ChangesQuery, LatestQuery, PositionsQuery, RoundQuery, TariffsQuery, WhyQuery
from bot.config import Settings
from bot.errors import UserError
from bot.knowledge.ingest import ingest_entries
from storage import StorageError, Store
from tests.bot.factories import FakeExtractor, entry, facts


def exactly(message: str) -> str:
    return "^" + re.escape(message) + "$"


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
    with pytest.raises(UserError, match="^" + re.escape(message) + "$"):
        parse(text)


def test_unknown_command_names_the_commands() -> None:
    with pytest.raises(UserError, match="unknown command /rounds: try /round N"):
        parse("/rounds 2")


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("/round 5", RoundQuery(5)),
        ("/latest", LatestQuery()),
        ("/positions", PositionsQuery(None)),
        ("/positions united states", PositionsQuery("united states")),
        ("/changes", ChangesQuery()),
        ("/tariffs autos", TariffsQuery("autos")),
        ("/why https://example.com/a", WhyQuery("https://example.com/a")),
    ],
)
def test_a_command_is_read_into_its_typed_query(text: str, query: object) -> None:
    assert parse(text) == query


async def test_round_shows_facts_with_their_sources(talks: Store) -> None:
    result = await queries.round_(talks, 2)
    assert result.title == "Round 2: held, 2025-05-01, Washington"
    fields = {f.name: f.value for f in result.fields}
    assert fields["Where"] == "Washington [1][2]"
    assert "130 min [1]" in fields["Meetings"] and "120 min [2]" in fields["Meetings"]
    assert [s.url for s in result.sources] == ["https://news.example/a", "https://news.example/b"]


async def test_unrecorded_round_says_so_and_lists_the_recorded_ones(talks: Store) -> None:
    result = await queries.round_(talks, 3)
    assert result.title == "Round 3 is not recorded"
    assert result.description == "Recorded rounds: 2, 4, 5."
    assert await recorded_rounds(talks) == [2, 4, 5]


async def test_latest_is_the_highest_round(talks: Store) -> None:
    assert (await queries.latest(talks)).title.startswith("Round 5: held")


async def test_timeline_has_one_line_per_round(talks: Store) -> None:
    result = await queries.timeline(talks)
    assert [(f.name, f.value) for f in result.fields] == [
        ("Round 2", "held, 2025-05-01, Washington (2 sources)"),
        ("Round 4", "held, 2025-05-30, Washington (1 source)"),
        ("Round 5", "held, 2025-06-06, Washington (1 source)"),
    ]


async def test_positions_by_round_mark_the_change(talks: Store) -> None:
    result = await queries.positions(talks, "japan")
    [field] = result.fields
    assert field.name == "Japan on the US tariffs"
    assert field.value.splitlines() == [
        "round 4: removal (1 source)",
        "round 5: reduction (changed) (1 source)",
        "round 5: removal (1 source)",
    ]
    with pytest.raises(UserError, match=exactly("side must be Japan or United States, e.g. /positions Japan")):
        await queries.positions(talks, "Mars")


@pytest.fixture
async def no_rounds(store: Store) -> Store:
    """A negotiation whose sittings nobody numbers: a stance and a rate, both outside any round."""
    fx = FakeExtractor(facts("g", None, date="2025-07-01", stances=("reduction",), tariffs=(("autos", 15),)))
    await ingest_entries(store, [entry("g")], feed_id=None, announce=True, console=True, extract=fx)
    return store


async def test_positions_reported_outside_a_round_come_after_the_rounds(talks: Store) -> None:
    fx = FakeExtractor(facts("g", None, stances=("agreed",)))
    await ingest_entries(talks, [entry("g", hours=5)], feed_id=None, announce=True, console=True, extract=fx)
    [field] = (await queries.positions(talks, "japan")).fields
    assert field.value.splitlines() == [
        "round 4: removal (1 source)",
        "round 5: reduction (changed) (1 source)",
        "round 5: removal (1 source)",
        "outside a round: agreed (1 source)",
    ]


async def test_a_negotiation_without_rounds_still_shows_its_positions_and_rates(no_rounds: Store) -> None:
    [field] = (await queries.positions(no_rounds)).fields
    assert (field.name, field.value) == ("Japan on the US tariffs", "outside a round: reduction (1 source)")
    assert [(f.name, f.value) for f in (await queries.tariffs(no_rounds, None)).fields] == [
        ("autos", "outside a round: 15% (1 source)")
    ]
    for answer in (await queries.latest(no_rounds), await queries.timeline(no_rounds)):
        assert answer.title == "No round recorded yet"
        assert answer.description is not None and "/positions and /tariffs" in answer.description


async def test_changes_show_sentence_and_link(talks: Store) -> None:
    result = await queries.changes(talks)
    [field] = result.fields
    assert field.name == "Japan changed its position on the US tariffs in round 5: removal → reduction"
    assert "“d: Japan seeks reduction.”" in field.value and "https://news.example/d" in field.value


async def test_tariffs_by_sector(talks: Store) -> None:
    result = await queries.tariffs(talks, "autos")
    assert [(f.name, f.value) for f in result.fields] == [("autos", "round 2: 25% (1 source)")]
    with pytest.raises(UserError, match="^" + re.escape("unknown sector 'bananas': one of ")):
        await queries.tariffs(talks, "bananas")


async def test_why_explains_what_was_extracted_and_posted(talks: Store) -> None:
    posted = await queries.why(talks, "https://www.news.example/d/")  # any form of the link
    fields = {f.name: f.value for f in posted.fields}
    assert fields["Posted about it"] == "yes"
    assert "alert: Japan changed position on the US tariffs" in fields["Decision"]  # the label, not the id
    assert (
        "position Japan on the US tariffs = reduction: changed position" in fields["Facts recorded (and how they matched)"]
    )
    skipped = await queries.why(talks, "e")
    assert {f.name: f.value for f in skipped.fields}["Posted about it"] == "no"
    assert "not about the tracked negotiation" in {f.name: f.value for f in skipped.fields}["Decision"]
    with pytest.raises(UserError, match=exactly("Parley has not seen that article: no entry has the guid or link nope")):
        await queries.why(talks, "nope")


async def test_ask_parses_and_answers_against_the_configured_database(talks: Store, database_url: str) -> None:
    settings = Settings(database_url=database_url, _env_file=None)
    assert (await ask(settings, "/round 4")).title == "Round 4: held, 2025-05-30, Washington"
    with pytest.raises(UserError, match=exactly("round must be a whole number, e.g. /round 5")):
        await ask(settings, "/round five")


async def test_ask_with_an_unreachable_database_is_one_line() -> None:
    settings = Settings(database_url="postgresql://root@127.0.0.1:1/parley", _env_file=None)
    with pytest.raises(StorageError) as raised:
        await ask(settings, "/latest")
    assert str(raised.value) == "cannot reach the database at postgresql://root@127.0.0.1:1/parley: connection refused"


async def test_round_zero_is_out_of_range(talks: Store) -> None:
    with pytest.raises(UserError, match=exactly("round 0 is out of range: rounds are numbered 1 to 1000, e.g. /round 5")):
        await queries.round_(talks, 0)


async def test_an_empty_database_says_nothing_is_recorded(store: Store) -> None:
    assert (await queries.latest(store)).title == "Nothing recorded yet"
    assert (await queries.round_(store, 2)).description == "Recorded rounds: none yet."
    assert (await queries.timeline(store)).title == "Nothing recorded yet"
    assert (await queries.changes(store)).title == "No changed positions recorded"


async def test_a_cached_round_view_is_replaced_once_something_new_is_stored(talks: Store, database_url: str) -> None:
    before = await queries.round_(talks, 2)
    before.fields.clear()  # what a caller does to its answer does not reach the cache
    again = await queries.round_(talks, 2)
    assert again.fields and again.description.startswith("The 2nd ministerial round, from 2 sources")
    assert await recorded_rounds(talks) == [2, 4, 5]
    fx = FakeExtractor(facts("f", 2, location="Washington"), facts("g", 6, location="Tokyo"))
    async with Store(database_url) as other:  # another process (the poller) stores two more reports
        await ingest_entries(other, [entry("f", source="Kyodo", hours=5), entry("g", hours=6)], feed_id=None,
                             announce=False, extract=fx)
    after = await queries.round_(talks, 2)
    assert after.description.startswith("The 2nd ministerial round, from 3 sources")
    assert await recorded_rounds(talks) == [2, 4, 5, 6]
    assert (await queries.latest(talks)).title.startswith("Round 6")
