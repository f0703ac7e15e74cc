"""How one new fact compares with what other sources said about the same round (pure rules)."""

from __future__ import annotations

from bot.knowledge.matching import (
    CHANGED,
    CONFLICTING,
    CORROBORATED,
    NEW,
    ClaimView,
    FactRecord,
    classify,
    records_of,
)
from tests.bot.factories import facts


def claim(kind: str, key: str, value: object) -> ClaimView:
    return ClaimView(kind, key, value)


def rec(kind: str, key: str, value: object) -> FactRecord:
    return FactRecord(kind, key, value)


def test_first_report_is_new() -> None:
    assert classify(rec("location", "location", "Washington"), []) == NEW


def test_same_statement_from_another_source_is_corroborated() -> None:
    recorded = [claim("location", "location", "Washington")]
    assert classify(rec("location", "location", "Washington"), recorded) == CORROBORATED


def test_another_place_for_the_round_is_conflicting() -> None:
    recorded = [claim("location", "location", "Washington")]
    assert classify(rec("location", "location", "Tokyo"), recorded) == CONFLICTING


def test_130_minutes_against_about_two_hours_is_conflicting() -> None:
    people = ["Howard Lutnick", "Scott Bessent"]
    recorded = [claim("meeting", "|".join(people), {"with": people, "minutes": 130})]
    two_hours = rec("meeting", "|".join(people), {"with": people, "minutes": 120})
    assert classify(two_hours, recorded, article=[two_hours]) == CONFLICTING


def test_a_meeting_length_reported_without_names_still_compares() -> None:
    people = ["Scott Bessent"]
    recorded = [claim("meeting", "Scott Bessent", {"with": people, "minutes": 130})]
    same = rec("meeting", "", {"with": [], "minutes": 130})
    assert classify(same, recorded, article=[same]) == CORROBORATED


def test_meetings_with_other_people_do_not_conflict() -> None:
    recorded = [claim("meeting", "Howard Lutnick", {"with": ["Howard Lutnick"], "minutes": 110})]
    other = rec("meeting", "Scott Bessent", {"with": ["Scott Bessent"], "minutes": 45})
    assert classify(other, recorded, article=[other]) == NEW


def test_component_rates_in_one_article_are_not_a_disagreement() -> None:
    recorded = [claim("tariff", "autos", 25)]
    article = [rec("tariff", "autos", 25), rec("tariff", "autos", 27.5)]
    assert classify(article[1], recorded, article=article) == NEW


def test_another_rate_for_a_sector_is_conflicting() -> None:
    recorded = [claim("tariff", "reciprocal", 24)]
    article = [rec("tariff", "reciprocal", 25)]
    assert classify(article[0], recorded, article=article) == CONFLICTING


def test_discussed_against_not_discussed_is_conflicting() -> None:
    recorded = [claim("not_discussed", "china", "china")]
    assert classify(rec("topic", "china", "china"), recorded) == CONFLICTING


def test_stance_differing_from_the_previous_round_is_a_changed_position() -> None:
    record = rec("position", "Japan:us_tariffs", "reduction")
    assert classify(record, [], previous_stances=["removal"]) == CHANGED


def test_stance_repeating_the_previous_round_is_not_a_change() -> None:
    record = rec("position", "Japan:us_tariffs", "removal")
    assert classify(record, [], previous_stances=["removal"]) == NEW


def test_first_ever_stance_is_new() -> None:
    assert classify(rec("position", "Japan:us_tariffs", "removal"), [], previous_stances=None) == NEW


def test_two_sources_disagreeing_on_a_stance_within_a_round_conflict() -> None:
    recorded = [claim("position", "Japan:us_tariffs", "removal")]
    record = rec("position", "Japan:us_tariffs", "reduction")
    assert classify(record, recorded, previous_stances=None) == CONFLICTING


def test_preview_and_report_of_a_round_never_conflict() -> None:
    recorded = [claim("round_status", "upcoming", "upcoming")]
    assert classify(rec("round_status", "held", "held"), recorded) == NEW


def test_records_keep_sentences_and_every_sitting_even_two_alike() -> None:
    # seed-003: 110 minutes with Lutnick on Thursday, and again on Friday: two sittings
    article = facts(
        "a", 5, meetings=((("Howard Lutnick",), 110), (("Scott Bessent",), 45), (("Howard Lutnick",), 110))
    )
    meetings = [r for r in records_of(article) if r.kind == "meeting"]
    assert [r.key for r in meetings] == ["Howard Lutnick", "Scott Bessent", "Howard Lutnick"]
    assert meetings[0].value != meetings[2].value
    assert meetings[0].sentence == "a: a 110-minute meeting."


def test_records_drop_repeats_within_an_article() -> None:
    article = facts("a", 5, participants=("Ryosei Akazawa", "Ryosei Akazawa"))
    assert [r.key for r in records_of(article) if r.kind == "participant"] == ["Ryosei Akazawa"]
