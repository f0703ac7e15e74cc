"""The scorer's rules: what counts as a fact, a hit, a miss and a harmless extra."""

from __future__ import annotations

from typing import Any

import pytest

from bot.extract.scoring import GoldError, Scorecard, Tally, read_gold, render, score


def gold_of(*articles: dict[str, Any]) -> list:
    return read_gold({"articles": list(articles)})


def article(id: str = "a", relevant: bool = True, **fields: Any) -> dict[str, Any]:
    return {"id": id, "relevant": relevant, **fields}


def tallies(card: Scorecard, name: str) -> tuple[int, int, int]:
    t = card.fields[name]
    return t.tp, t.fp, t.fn


def test_a_perfect_prediction_scores_one():
    facts = article(round=2, round_status="held", date="2025-05-01", location="Washington",
                    participants=["Ryosei Akazawa"], meetings=[{"with": ["Scott Bessent"], "minutes": 130}],
                    topics=["autos"], tariffs=[{"sector": "steel", "rate": 25}],
                    positions=[{"actor": "Japan", "issue": "us_tariffs", "stance": "removal"}])  # fmt: skip
    card = score(gold_of(facts), [facts])
    assert card.overall.f1 == 1.0
    assert card.overall.tp == 10  # relevant, 4 scalars, a participant, minutes, a topic, a tariff, a position


def test_list_fields_are_sets_compared_without_case_or_spacing():
    card = score(gold_of(article(participants=["Ryosei Akazawa", "Scott Bessent"])),
                 [article(participants=["ryosei  akazawa", "Ryosei Akazawa", "Howard Lutnick"])])  # fmt: skip
    assert tallies(card, "participants") == (1, 1, 1)


def test_meeting_minutes_are_a_multiset():
    gold = gold_of(article(meetings=[{"with": ["A"], "minutes": 30}, {"with": ["B"], "minutes": 30}]))
    card = score(gold, [article(meetings=[{"with": ["A"], "minutes": 30}, {"with": ["A"], "minutes": None}])])
    assert tallies(card, "minutes") == (1, 0, 1)  # one 30 found, one missed; a meeting without a length is not a fact
    card = score(gold, [article(meetings=[{"with": ["A"], "minutes": 30.2}] * 3)])
    assert tallies(card, "minutes") == (2, 1, 0)


def test_tariffs_compare_sector_and_rate_to_two_decimals():
    gold = gold_of(article(tariffs=[{"sector": "autos", "rate": 27.5}, {"sector": "steel", "rate": 50}]))
    card = score(gold, [article(tariffs=[{"sector": "Autos", "rate": 27.501}, {"sector": "steel", "rate": 25}])])
    assert tallies(card, "tariffs") == (1, 1, 1)


def test_positions_need_actor_issue_and_stance_to_agree():
    gold = gold_of(article(positions=[{"actor": "Japan", "issue": "us_tariffs", "stance": "removal"}]))
    card = score(gold, [article(positions=[{"actor": "Japan", "issue": "us_tariffs", "stance": "reduction"}])])
    assert tallies(card, "positions") == (0, 1, 1)


def test_a_wrong_scalar_is_both_a_miss_and_a_false_positive():
    card = score(gold_of(article(round=5, location="Washington")), [article(round=6, location="washington")])
    assert tallies(card, "round") == (0, 1, 1)
    assert tallies(card, "location") == (1, 0, 0)


def test_a_scalar_absent_from_both_is_not_a_fact():
    card = score(gold_of(article()), [article()])
    assert card.overall.tp == 1 and card.overall.fp == card.overall.fn == 0  # only `relevant`


def test_a_list_of_gold_dates_accepts_any_of_them():
    gold = gold_of(article(date=["2025-05-01", "2025-05-02"]))
    assert tallies(score(gold, [article(date="2025-05-02")]), "date") == (1, 0, 0)
    assert tallies(score(gold, [article(date="2025-05-03")]), "date") == (0, 1, 1)
    assert tallies(score(gold, [article()]), "date") == (0, 0, 1)


def test_round_status_is_not_scored_when_the_gold_has_no_round():
    card = score(gold_of(article()), [article(round_status="held")])
    assert tallies(card, "round_status") == (0, 0, 0)


def test_optional_facts_neither_reward_nor_punish():
    gold = gold_of(article(topics=["autos"], location="Tokyo", meetings=[],
                           optional={"topics": ["agriculture"], "location": ["Osaka", None], "minutes": [45]}))  # fmt: skip
    with_them = score(gold, [article(topics=["autos", "agriculture"], location="Osaka",
                                     meetings=[{"with": ["A"], "minutes": 45}])])  # fmt: skip
    assert tallies(with_them, "topics") == (1, 0, 0)
    assert tallies(with_them, "location") == (0, 0, 0)
    assert tallies(with_them, "minutes") == (0, 0, 0)
    without_them = score(gold, [article(topics=["autos"])])  # no location, which the optional null allows
    assert without_them.overall.f1 == 1.0


def test_every_fact_read_from_an_irrelevant_article_is_a_false_positive():
    gold = gold_of(article(relevant=False))
    card = score(gold, [article(round=3, round_status="held", participants=["A", "B"],
                                meetings=[{"with": ["A"], "minutes": 20}], tariffs=[{"sector": "x", "rate": 1}])])  # fmt: skip
    assert tallies(card, "relevant") == (0, 1, 1)
    assert tallies(card, "round") == (0, 1, 0)
    assert tallies(card, "round_status") == (0, 1, 0)
    assert tallies(card, "participants") == (0, 2, 0)
    assert tallies(card, "minutes") == (0, 1, 0)
    assert tallies(card, "tariffs") == (0, 1, 0)


def test_an_irrelevant_article_marked_irrelevant_costs_nothing_whatever_it_holds():
    card = score(gold_of(article(relevant=False)), [article(relevant=False, round=3)])
    assert card.overall.f1 == 1.0


def test_a_gold_article_missing_from_the_feed_loses_all_its_facts():
    card = score(gold_of(article(round=1, topics=["autos"])), [])
    assert card.overall.tp == 0 and card.overall.fn == 3
    assert any("not in the feed" in note for note in card.notes)


def test_articles_in_the_feed_but_not_in_the_gold_are_not_scored():
    card = score(gold_of(article()), [article(), article(id="extra", round=9)])
    assert card.overall.f1 == 1.0
    assert any("extra: in the feed but not in the gold" in note for note in card.notes)


def test_the_overall_score_is_the_micro_average_of_every_fact():
    card = score(gold_of(article(topics=["a", "b", "c"], round=1)), [article(topics=["a"], round=2)])
    total = card.overall
    assert (total.tp, total.fp, total.fn) == (2, 1, 3)
    assert total.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))


def test_empty_tallies_count_as_perfect_precision_and_recall():
    assert Tally().precision == Tally().recall == 1.0
    assert Tally(fp=1, fn=1).f1 == 0.0


def test_render_ends_with_the_overall_line_and_lists_notes_when_verbose():
    card = score(gold_of(article(round=1)), [article(round=2)])
    quiet, verbose = render(card), render(card, verbose=True)
    assert quiet.splitlines()[-1].startswith("overall F1 = 0.500 (P 0.500, R 0.500) over 1 articles")
    assert "a: round gold=1 pred=2" not in quiet
    assert "a: round gold=1 pred=2" in verbose


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ([], "articles"),
        ({"articles": [{"relevant": True}]}, "no 'id'"),
        ({"articles": [{"id": "x"}]}, "'x'"),
        ({"articles": [article(topics="autos")]}, "topics must be a list"),
        ({"articles": [article(tariffs=[{"sector": "steel"}])]}, "tariffs[0]"),
        ({"articles": [article(positions=[{"actor": "Japan"}])]}, "position needs"),
        ({"articles": [article(meetings=[{"minutes": "long"}])]}, "minutes must be a number"),
        ({"articles": [article(optional={"rounds": [1]})]}, "unknown field 'rounds'"),
        ({"articles": [article(), article()]}, "appears twice"),
        ({"articles": [article(date={"day": 1})]}, "date must be"),
    ],
)
def test_a_malformed_gold_document_is_a_one_line_error_naming_the_problem(document, words):
    with pytest.raises(GoldError) as raised:
        read_gold(document, source="my-gold.json")
    message = str(raised.value)
    assert "\n" not in message and words in message and message.startswith("my-gold.json")
