"""Ingest: each kind of match, duplicates, clusters and the outbox, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from sqlmodel import select

from bot.answers.digests import from_payload
from bot.knowledge.ingest import ingest_entries
from storage import Store
from storage.engine import canonical_json
from storage.models import Claim, Entry, Fact
from tests.bot.factories import FakeExtractor, entry, facts

WIRE = (
    "Japan and the United States held the second round of their tariff negotiations in Washington on Thursday.\n"
    "Japan's top negotiator Ryosei Akazawa met Treasury Secretary Scott Bessent for 130 minutes.\n"
    "The two sides agreed to hold the next ministerial meeting as early as mid-May.\n"
    "Akazawa said the talks made progress toward an agreement as soon as possible."
)


async def _ingest(store: Store, extractor: FakeExtractor, *entries, announce: bool = True, console: bool = True):
    return await ingest_entries(
        store, list(entries), feed_id=None, announce=announce, console=console, extract=extractor
    )


async def _facts(store: Store, kind: str) -> list[Fact]:
    async with store.session() as s:
        return list((await s.exec(select(Fact).where(Fact.kind == kind).order_by(Fact.id))).all())


async def _claims(store: Store, kind: str) -> list[Claim]:
    async with store.session() as s:
        return list((await s.exec(select(Claim).where(Claim.kind == kind).order_by(Claim.id))).all())


async def test_first_report_is_new_and_gets_a_digest(store: Store) -> None:
    fx = FakeExtractor(facts("a", 2, location="Washington", participants=("Ryosei Akazawa",)))
    report = await _ingest(store, fx, entry("a"))
    assert (report.new, report.facts, report.digests, report.alerts) == (1, 3, 1, 0)
    assert {f.match for f in await _facts(store, "location")} == {"new"}
    [row] = await store.outbox_items(destination="console")
    assert row.item_key == "digest:round:2" and row.revision == 1 and row.status == "pending"
    answer, ping = from_payload(row.payload)
    assert answer.title.startswith("Round 2: held") and "Washington" in answer.title and ping is None


async def test_corroboration_grows_the_source_count_and_edits_the_digest(store: Store) -> None:
    fx = FakeExtractor(facts("a", 2, location="Washington"), facts("b", 2, location="Washington"))
    await _ingest(store, fx, entry("a", source="Jiji Press"))
    report = await _ingest(store, fx, entry("b", source="Bloomberg", hours=1))
    assert report.alerts == 0
    [claim] = await _claims(store, "location")
    assert claim.source_count == 2
    assert [f.match for f in await _facts(store, "location")] == ["new", "corroborated"]
    [row] = await store.outbox_items(destination="console")
    assert row.revision == 2  # one item per round: the sink edits its message
    answer, _ = from_payload(row.payload)
    assert {s.outlet for s in answer.sources} == {"Jiji Press", "Bloomberg"}


async def test_conflicting_lengths_are_both_kept_with_their_sources(store: Store) -> None:
    people = ("Scott Bessent",)
    fx = FakeExtractor(
        facts("a", 2, meetings=((people, 130),)),
        facts("b", 2, meetings=((people, 120),)),
    )
    await _ingest(store, fx, entry("a"), entry("b", hours=1))
    claims = await _claims(store, "meeting")
    assert sorted(c.value["minutes"] for c in claims) == [120, 130]
    assert [f.match for f in await _facts(store, "meeting")] == ["new", "conflicting"]
    [row] = await store.outbox_items(destination="console")
    meetings = next(f for f in from_payload(row.payload)[0].fields if f.name == "Meetings")
    assert "130 min [1]" in meetings.value and "120 min [2]" in meetings.value and "disagree" in meetings.value


async def test_changed_position_alerts_once_with_sentence_and_link(store: Store) -> None:
    fx = FakeExtractor(
        facts("r4", 4, stances=("removal",)),
        facts("r5", 5, stances=("reduction", "removal")),
        facts("r5b", 5, stances=("reduction",)),
    )
    await _ingest(store, fx, entry("r4"))
    report = await _ingest(store, fx, entry("r5", hours=1))
    assert report.alerts == 1
    assert {(f.round, f.value, f.match) for f in await _facts(store, "position")} == {
        (4, "removal", "new"),
        (5, "reduction", "changed_position"),
        (5, "removal", "new"),
    }
    alerts = [r for r in await store.outbox_items(destination="console") if r.kind == "alert"]
    assert [a.item_key for a in alerts] == ["alert:position:Japan:us_tariffs:5"]
    alert, _ = from_payload(alerts[0].payload)
    assert "removal → reduction" in alert.title
    assert "r5: Japan seeks reduction." in alert.description and "https://news.example/r5" in alert.description
    assert any("r4: Japan seeks removal." in f.value for f in alert.fields)
    # A second source for the same change corroborates it: no second alert.
    again = await _ingest(store, fx, entry("r5b", hours=2))
    assert again.alerts == 0
    assert len([r for r in await store.outbox_items() if r.kind == "alert"]) == 1


async def test_duplicate_entries_are_not_processed_twice(store: Store) -> None:
    fx = FakeExtractor(facts("a", 2, location="Washington"), facts("b", 2), facts("c", 2), facts("d", 2))
    await _ingest(store, fx, entry("a", WIRE, link="https://www.news.example/story?utm_source=rss"))
    report = await _ingest(
        store,
        fx,
        entry("a", WIRE),  # same guid
        entry("b", "Other words entirely.", link="http://news.example/story/"),  # same link, normalised
        entry("c", WIRE.upper(), link="https://elsewhere.example/copy"),  # same text, other guid and link
    )
    assert (report.new, report.duplicate, report.facts) == (0, 3, 0)
    async with store.session() as s:
        dups = (await s.exec(select(Entry).where(Entry.duplicate_of.is_not(None)))).all()
    assert sorted(e.decision for e in dups) == [
        "duplicate of a (same link): not processed again",
        "duplicate of a (same text): not processed again",
    ]
    assert [r.revision for r in await store.outbox_items()] == [1]


async def test_near_identical_copies_join_one_story_cluster(store: Store) -> None:
    copy = WIRE.replace("on Thursday", "on Thursday, May 1") + "\nReporting by Kyodo."
    other = "A separate story: Japan's rice prices rose again as stockpiles were released by the farm ministry."
    fx = FakeExtractor(facts("a", 2), facts("b", 2), facts("c", 2))
    await _ingest(store, fx, entry("a", WIRE), entry("b", copy, source="Kyodo"), entry("c", other))
    async with store.session() as s:
        clusters = {e.guid: e.cluster_id for e in (await s.exec(select(Entry))).all()}
    assert clusters["a"] == clusters["b"] != clusters["c"]
    [status] = await _claims(store, "round_status")
    assert status.source_count == 3  # the copy still counts as a source


async def test_first_poll_records_facts_but_posts_nothing(store: Store) -> None:
    fx = FakeExtractor(facts("a", 2, location="Washington"))
    report = await _ingest(store, fx, entry("a"), announce=False)
    assert report.facts == 2 and await store.outbox_items() == []
    async with store.session() as s:
        [e] = (await s.exec(select(Entry))).all()
    assert not e.announced and "first poll" in (e.decision or "")


async def test_subscriptions_get_the_kinds_they_asked_for(store: Store) -> None:
    await store.add_subscription(guild_id=1, channel_id=10, kind="digests")
    await store.add_subscription(guild_id=1, channel_id=11, kind="changes", role_id=99)
    await store.add_subscription(guild_id=1, channel_id=12, kind="all")
    fx = FakeExtractor(facts("r4", 4, stances=("removal",)), facts("r5", 5, stances=("reduction",)))
    await _ingest(store, fx, entry("r4"), entry("r5", hours=1), console=False)
    rows = {(r.destination, r.item_key): r for r in await store.outbox_items()}
    assert set(rows) == {
        ("discord:10", "digest:round:4"),
        ("discord:12", "digest:round:4"),
        ("discord:10", "digest:round:5"),
        ("discord:12", "digest:round:5"),
        ("discord:11", "alert:position:Japan:us_tariffs:5"),
        ("discord:12", "alert:position:Japan:us_tariffs:5"),
    }
    assert rows[("discord:11", "alert:position:Japan:us_tariffs:5")].payload["ping_role_id"] == 99


async def test_an_older_round_gaining_facts_does_not_repost(store: Store) -> None:
    fx = FakeExtractor(facts("r5", 5, location="Washington"), facts("late", 2, location="Washington"))
    await _ingest(store, fx, entry("r5"))
    report = await _ingest(store, fx, entry("late", hours=1))
    assert report.digests == 0 and report.facts == 2
    assert [r.item_key for r in await store.outbox_items()] == ["digest:round:5"]


async def test_irrelevant_entries_are_recorded_with_the_reason(store: Store) -> None:
    fx = FakeExtractor(facts("x", None, relevant=False))
    report = await _ingest(store, fx, entry("x"))
    assert (report.new, report.irrelevant, report.facts) == (1, 1, 0)
    assert "not about the tracked negotiation" in report.decisions["x"]


async def test_ingesting_the_same_entries_again_changes_nothing(store: Store) -> None:
    fx = FakeExtractor(facts("a", 2, location="Washington"), facts("b", 2, location="Tokyo"))
    await _ingest(store, fx, entry("a"), entry("b", hours=1))
    before = [(r.item_key, r.revision, r.payload) for r in await store.outbox_items()]
    report = await _ingest(store, fx, entry("a"), entry("b", hours=1))
    assert report.duplicate == 2 and report.new == 0
    assert [(r.item_key, r.revision, r.payload) for r in await store.outbox_items()] == before


async def test_an_article_the_extractor_chokes_on_is_retried_next_time(store: Store) -> None:
    def broken(feed_entry, profile):
        raise RuntimeError("extractor bug")

    report = await ingest_entries(store, [entry("a")], feed_id=None, announce=True, console=True, extract=broken)
    assert (report.failed, report.new) == (1, 0) and "extractor bug" in report.decisions["a"]
    fx = FakeExtractor(facts("a", 2, location="Washington"))
    assert (await _ingest(store, fx, entry("a"))).new == 1


async def test_extraction_runs_off_the_event_loop(store: Store) -> None:
    import threading

    threads: list[threading.Thread] = []
    fx = FakeExtractor(facts("a", 2))

    def spy(feed_entry, profile):
        threads.append(threading.current_thread())
        return fx(feed_entry, profile)

    await ingest_entries(store, [entry("a")], feed_id=None, announce=False, extract=spy)
    assert threads and threads[0] is not threading.main_thread()


async def test_a_deal_announced_outside_the_rounds_is_a_change_from_the_latest_round(store: Store) -> None:
    deal = facts("deal", None, date="2025-07-22", stances=("agreed",))
    fx = FakeExtractor(facts("r5", 5, stances=("reduction",)), deal, replace(deal, id="deal2"))
    await _ingest(store, fx, entry("r5"))
    report = await _ingest(store, fx, entry("deal", hours=1))
    assert (report.digests, report.alerts) == (0, 1)
    [alert] = [r for r in await store.outbox_items() if r.kind == "alert"]
    assert alert.item_key == "alert:position:Japan:us_tariffs:no-round:2025-07-22"
    answer, _ = from_payload(alert.payload)
    assert answer.title == (
        "Japan changed its position on the US tariffs outside the rounds (2025-07-22): reduction → agreed"
    )
    assert (await _ingest(store, fx, entry("deal2", hours=2))).alerts == 0  # another outlet: corroborated


async def test_with_no_rounds_a_stance_is_a_change_from_the_last_report_outside_the_rounds(store: Store) -> None:
    """A negotiation whose profile numbers no sittings still alerts when a side moves: each report
    is compared with the one before it, and a side going back to an older stance has moved too."""
    reports = [("first", "removal"), ("second", "removal"), ("third", "reduction"), ("fourth", "removal")]
    fx = FakeExtractor(*(facts(guid, None, date=f"2025-07-0{i + 1}", stances=(stance,))
                         for i, (guid, stance) in enumerate(reports)))
    alerts = [(await _ingest(store, fx, entry(guid, hours=i))).alerts for i, (guid, _) in enumerate(reports)]
    assert alerts == [0, 0, 1, 1]  # nothing before the first; the second agrees with it
    titles = sorted(from_payload(r.payload)[0].title for r in await store.outbox_items() if r.kind == "alert")
    assert titles == [
        "Japan changed its position on the US tariffs outside the rounds (2025-07-03): removal → reduction",
        "Japan changed its position on the US tariffs outside the rounds (2025-07-04): reduction → removal",
    ]
    answer, _ = from_payload(next(r.payload for r in await store.outbox_items() if "07-03" in r.item_key))
    assert [f.name for f in answer.fields] == ["Now (outside the rounds (2025-07-03))", "Before (outside a round)"]
    assert "second: Japan seeks removal." in answer.fields[1].value


async def test_two_workers_ingesting_one_round_count_every_source_once(store: Store, database_url: str) -> None:
    fx = FakeExtractor(*(facts(f"w{i}", 2, location="Washington", participants=("Ryosei Akazawa",)) for i in range(8)))
    async with Store(database_url) as other:
        await asyncio.gather(
            _ingest(store, fx, *(entry(f"w{i}", hours=i) for i in range(0, 8, 2))),
            _ingest(other, fx, *(entry(f"w{i}", hours=i) for i in range(1, 8, 2))),
        )
    [claim] = await _claims(store, "location")
    assert claim.source_count == 8
    assert len(await _facts(store, "location")) == 8
    [row] = await store.outbox_items()
    assert row.revision == 8  # every entry's digest update is counted
    assert len(from_payload(row.payload)[0].sources) == 8


async def test_two_workers_given_the_same_entries_process_each_once(store: Store, database_url: str) -> None:
    fx = FakeExtractor(*(facts(f"s{i}", 2, location="Washington") for i in range(6)))
    feed = [entry(f"s{i}", hours=i) for i in range(6)]
    async with Store(database_url) as other:
        one, two = await asyncio.gather(_ingest(store, fx, *feed), _ingest(other, fx, *feed))
    assert (one.new + two.new, one.duplicate + two.duplicate) == (6, 6)
    [claim] = await _claims(store, "location")
    assert claim.source_count == 6


async def _knowledge(store: Store) -> dict[str, list]:
    """What the knowledge base and the outbox hold, without ids and timestamps (JSON values as
    canonical text, so rows sort)."""
    async with store.session() as s:
        guid = {e.id: e.guid for e in (await s.exec(select(Entry))).all()}
        entries = sorted(
            (e.guid, guid.get(e.duplicate_of), e.round, e.decision, e.announced)
            for e in (await s.exec(select(Entry))).all()
        )
        fact_rows = sorted(
            (guid[f.entry_id], f.kind, f.key, canonical_json(f.value), f.match) for f in (await s.exec(select(Fact))).all()
        )
        claims = sorted(
            (c.round, c.kind, c.key, canonical_json(c.value), c.source_count, [guid[i] for i in c.sample_entry_ids],
             c.status)
            for c in (await s.exec(select(Claim))).all()
        )
    outbox = sorted((r.destination, r.item_key, canonical_json(r.payload), r.revision) for r in await store.outbox_items())
    return {"entry": entries, "fact": fact_rows, "claim": claims, "outbox": outbox}


async def test_a_group_commit_of_several_feeds_ends_as_separate_calls_do(tmp_path) -> None:
    from pathlib import Path

    from bot.feeds.parse import parse_feed
    from bot.feeds.seedfeed import seed_feed_xml
    from bot.knowledge.ingest import ingest_feeds
    from storage.migrate import upgrade_async
    from tests.e2e.gold import GoldExtractor

    seeds = Path(__file__).parents[3] / "seeds"
    articles = sorted(parse_feed(seed_feed_xml(seeds).encode()).entries, key=lambda e: e.published)
    copy = replace(articles[0], guid="copy-of-first")  # the same link under another guid: a duplicate
    feeds = [articles[0::3], [*articles[1::3], copy], articles[2::3]]  # three feeds, publication order kept within each
    states = []
    for name, group in (("one-by-one", 1), ("grouped", 64)):
        url = f"sqlite:///{tmp_path / name}.db"
        await upgrade_async(url)
        async with Store(url) as store:
            if group == 1:
                for batch in feeds:
                    await ingest_entries(store, batch, feed_id=None, announce=True, console=True,
                                         extract=GoldExtractor())
            else:
                reports = await ingest_feeds(store, [(b, None, True) for b in feeds], console=True,
                                             extract=GoldExtractor(), group=group)
                assert [r.new + r.duplicate for r in reports] == [len(b) for b in feeds]
                assert reports[1].duplicate == 1
            states.append(await _knowledge(store))
    assert states[0] == states[1]
    assert any(key.startswith("alert:position:") for _, key, _, _ in states[1]["outbox"])
