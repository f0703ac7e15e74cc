"""A deal's terms stated one side at a time (bot/extract/one_side_terms.py): what one side does to
its own measure under a deal is the other side's deal ("agreed") on that measure."""

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
_LEAD = "KUALA LUMPUR - Bessent and He Lifeng met on Sunday for the fifth round of trade talks.\n"
_DEAL = "The deal was announced on Monday.\n"


def _stances(body: str) -> set[tuple[str, str, str]]:
    facts = facts_of(_LEAD + body, title="Trade talks in Kuala Lumpur", published="2025-10-27T08:00:00Z", profile=US_CHINA)
    return {(p.actor, p.issue, p.stance) for p in facts.positions}


def test_one_sides_act_on_its_own_measure_is_the_other_sides_deal_on_it():
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "Beijing will postpone the broad new licensing regime for rare earth exports."
    )
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "China suspends for a year the export controls it announced in the autumn."
    )
    assert ("China", "us_tariffs", "agreed") in _stances(_DEAL + "Washington halves its fentanyl tariff to 10%.")


def test_a_pronoun_standing_for_the_side_is_the_actor():
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "Trump told reporters he would lower the fentanyl tariff on Chinese goods."
    )


def test_without_a_deal_told_an_act_is_no_term():
    assert ("China", "us_tariffs", "agreed") not in _stances("Washington will lower its fentanyl tariff.")


def test_a_wish_a_past_act_or_an_act_of_the_issues_own_side_is_no_term():
    # a demand made of the other side, in the bare form
    assert ("China", "us_tariffs", "agreed") not in _stances(_DEAL + "Beijing demands that Washington scrap its tariffs.")
    # told in the past: a deal recalled, not a term stated
    assert ("China", "us_tariffs", "agreed") not in _stances(_DEAL + "Washington cut its tariffs in May.")
    # China's own tariffs are no stance of China on the US tariffs
    assert ("China", "us_tariffs", "agreed") not in _stances(_DEAL + "China will lower its retaliatory tariffs.")


def test_an_act_whose_object_is_not_the_measure_is_no_term():
    assert ("China", "us_tariffs", "agreed") not in _stances(_DEAL + "Trump drops in on the tariff talks.")


def test_an_act_under_way_is_a_term():
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "Trump says he is cutting the fentanyl tariff on Chinese goods to 10%."
    )
