"""The second shipped profile, the 2025 US–China trade talks, on short articles of its own.

What a profile written from the README must be able to say: rounds held in third countries'
cities (Geneva, London, Stockholm, Madrid, Kuala Lumpur) are not foreign, family names come
first ("He Lifeng" is Mr He, never the pronoun), and each side's tariffs are its own sectors
(China's retaliatory rate is neither the US baseline nor China's stance on the US tariffs).
"""

import pytest

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")


def _facts(title: str, body: str, published: str):
    return facts_of(body, title=title, published=published, profile=US_CHINA)


def test_the_geneva_round_with_both_sides_tariffs_as_their_own_sectors():
    facts = _facts(
        "US and China agree to slash tariffs after Geneva talks",
        "GENEVA, May 12 (Reuters) - The United States and China agreed to cut their tariffs for 90 days after "
        "the first round of their trade talks in Geneva.\n"
        "Treasury Secretary Scott Bessent and Trade Representative Jamieson Greer met Vice Premier He Lifeng "
        "at the residence of the Swiss ambassador on Saturday and Sunday.\n"
        "The U.S. will lower its tariffs on Chinese goods to 30% from 145%, while China will cut its retaliatory "
        "tariff on U.S. goods to 10% from 125%.",
        "2025-05-12T08:00:00Z",
    )
    assert facts.relevant and facts.round == 1 and facts.location == "Geneva"
    assert facts.participants == ["Scott Bessent", "Jamieson Greer", "He Lifeng"]
    rates = {(t.sector, t.rate) for t in facts.tariffs}
    assert rates == {("combined", 30), ("combined", 145), ("china_retaliatory", 10), ("china_retaliatory", 125)}


def test_a_london_round_is_relevant_and_he_alone_is_the_vice_premier():
    facts = _facts(
        "US, China wrap up London talks",
        "LONDON (AP) - U.S. and Chinese officials ended two days of trade talks at Lancaster House in London "
        "on Tuesday, the second round since the Geneva truce.\n"
        "Bessent, Greer and Commerce Secretary Howard Lutnick met He and Li Chenggang, China's international "
        "trade representative.\n"
        "Beijing has demanded that Washington remove all unilateral tariffs.",
        "2025-06-11T08:00:00Z",
    )
    assert facts.relevant and facts.round == 2 and facts.location == "London"
    assert set(facts.participants) == {"Scott Bessent", "Jamieson Greer", "Howard Lutnick", "He Lifeng", "Li Chenggang"}
    assert [(p.actor, p.issue, p.stance) for p in facts.positions] == [("China", "us_tariffs", "removal")]


def test_a_sentence_opening_with_the_family_name_he_has_no_pronoun():
    facts = _facts(
        "US and China end Stockholm trade talks",
        "STOCKHOLM - Commerce Secretary Howard Lutnick stayed in Washington this week.\n"
        "He Lifeng met Bessent at Rosenbad in Stockholm on July 28 for the third round of trade talks.",
        "2025-07-29T08:00:00Z",
    )
    assert facts.round == 3 and facts.location == "Stockholm"
    assert set(facts.participants) == {"He Lifeng", "Scott Bessent"}  # no "he" standing for Lutnick


def test_the_us_stance_on_chinas_export_controls_is_an_issue_of_its_own():
    facts = _facts(
        "Madrid round of US-China talks",
        "MADRID - Bessent and He Lifeng opened the fourth round of trade talks in Madrid on Sunday.\n"
        "The United States wants China to lift its export controls on rare earths.",
        "2025-09-14T18:00:00Z",
    )
    assert facts.round == 4 and facts.location == "Madrid"
    assert ("United States", "export_controls", "removal") in [(p.actor, p.issue, p.stance) for p in facts.positions]


def test_chinas_own_tariff_cut_is_no_stance_of_china_on_the_us_tariffs():
    facts = _facts(
        "China to cut tariffs after Kuala Lumpur round",
        "KUALA LUMPUR - He Lifeng and Bessent met in Kuala Lumpur on Saturday for a fifth round of talks.\n"
        "China will remove its retaliatory tariffs on U.S. farm goods.",
        "2025-10-26T08:00:00Z",
    )
    assert facts.round == 5 and facts.location == "Kuala Lumpur"
    assert [p for p in facts.positions if p.issue == "us_tariffs"] == []


# -- who levies a rate said of no goods of the profile (bot/extract/tariffs.py, `_imposed_by`) --

_GENEVA = "GENEVA - Bessent and He Lifeng met in Geneva on Sunday for the first round of trade talks.\n"


def _rates(body: str) -> set[tuple[str, float]]:
    facts = _facts("US and China agree to cut tariffs in Geneva", _GENEVA + body, "2025-05-12T08:00:00Z")
    return {(t.sector, t.rate) for t in facts.tariffs}


def test_tariffs_on_one_sides_goods_are_the_other_sides_said_before_or_after_the_rate():
    assert _rates("Beijing will cut its tariffs on American goods from 125% to 10%.") == {
        ("china_retaliatory", 125), ("china_retaliatory", 10),
    }  # fmt: skip
    assert _rates("China charges a 10% tariff on all US goods.") == {("china_retaliatory", 10)}


def test_a_side_that_owns_or_levies_a_rate_is_its_imposer():
    assert _rates("US tariffs now stand at about 30%, and Beijing's at 10%.") == {("combined", 30), ("china_retaliatory", 10)}
    assert _rates("Washington cut its tariffs to 30 percent and Beijing reduced its own to 10 percent.") == {
        ("combined", 30), ("china_retaliatory", 10),
    }  # fmt: skip


def test_a_side_that_only_wants_something_of_a_rate_does_not_levy_it():
    assert _rates("China will push for an exemption from the 34% rate.") == {("reciprocal", 34)}


def test_a_side_joined_by_and_opens_the_next_rates_words():
    body = "U.S. tariffs on most Chinese goods had reached 145% and China's on American goods 125%."
    assert _rates(body) == {("combined", 145), ("china_retaliatory", 125)}


def test_the_old_value_after_another_side_is_that_sides_rate():
    body = "The two sides agreed to cut their tariffs for 90 days: the US from 145% to 30% and China from 125% to 10%."
    assert _rates(body) == {("combined", 145), ("combined", 30), ("china_retaliatory", 125), ("china_retaliatory", 10)}


def test_an_ownership_share_is_no_tariff():
    body = "The rule, issued as tariffs rose, extends US export restrictions to companies 50% or more owned by listed firms."
    assert _rates(body) == set()


# -- a stance stated in a deal's terms (bot/extract/positions.py, `_a_deal_of_both`) --


def _stances(body: str) -> set[tuple[str, str, str]]:
    facts = _facts("US and China talks in Geneva", _GENEVA + body, "2025-05-12T08:00:00Z")
    return {(p.actor, p.issue, p.stance) for p in facts.positions}


def test_what_the_other_side_agrees_to_do_is_a_deal_of_both():
    body = "China agreed to pause its new rare earth export controls for a year."
    assert _stances(body) == {("United States", "export_controls", "agreed")}


def test_what_the_two_sides_reached_is_each_sides_deal():
    body = "By Sunday evening, the two sides had reached a preliminary consensus after intense consultations."
    assert _stances(body) == {("China", "us_tariffs", "agreed")}


def test_a_deal_on_another_topic_or_a_plan_of_both_is_no_stance_on_the_tariffs():
    assert _stances("The two sides reached a final deal on TikTok.") == set()
    assert _stances("Investors will watch how quickly the two sides plan to lower tariffs.") == set()


def test_a_tariff_on_all_of_a_sides_goods_looks_no_further_back_for_goods():
    body = "Combined with the fentanyl duty, the additional US tariff on most Chinese goods falls to 30%."
    assert _rates(body) == {("combined", 30)}


def test_chinas_trade_representative_who_speaks_of_the_round_sat_in_it():
    facts = _facts(
        "US and China end talks in Stockholm",
        "STOCKHOLM (Wire) - The United States and China ended the third round of their trade talks in Stockholm on "
        "Tuesday.\n"
        "Vice Premier He Lifeng met Treasury Secretary Scott Bessent for two days.\n"
        "China's international trade representative Li Chenggang told reporters the talks had been candid.",
        "2025-07-29T18:00:00Z",
    )
    assert facts.participants == ["Scott Bessent", "He Lifeng", "Li Chenggang"]


def test_who_led_or_sat_on_each_side_of_a_round_took_part():
    facts = _facts(
        "Trade talks resume in London",
        "LONDON (Wire) - The second round of US-China trade talks opened in London on Monday.\n"
        "The American side was led by Treasury Secretary Scott Bessent.\n"
        "Commerce Minister Wang Wentao sat on the Chinese side of the table, with Li Chenggang at his side.",
        "2025-06-09T18:00:00Z",
    )
    assert facts.participants == ["Scott Bessent", "Li Chenggang", "Wang Wentao"]


def test_one_said_to_lead_a_side_but_not_present_did_not_take_part():
    facts = _facts(
        "Trade talks resume in London",
        "LONDON (Wire) - The second round of US-China trade talks opened in London on Monday, where Vice Premier "
        "He Lifeng met Commerce Secretary Howard Lutnick.\n"
        "Treasury Secretary Scott Bessent, who leads the U.S. side, was not present.",
        "2025-06-09T18:00:00Z",
    )
    assert facts.participants == ["Howard Lutnick", "He Lifeng"]


def test_a_side_led_under_a_possessive_and_one_added_to_a_delegation_took_part():
    facts = _facts(
        "Trade talks resume in Madrid",
        "MADRID (Wire) - The fourth round of US-China trade talks ended in Madrid on Monday.\n"
        "Vice Premier He Lifeng led Beijing's delegation.\n"
        "Trade Representative Jamieson Greer was added to the American delegation at the last minute.",
        "2025-09-15T18:00:00Z",
    )
    assert facts.participants == ["Jamieson Greer", "He Lifeng"]


def test_a_name_closing_a_relative_clause_is_not_the_speaker():
    facts = _facts(
        "Trade talks end in Madrid",
        "MADRID (Wire) - The fourth round of US-China trade talks ended in Madrid on Monday.\n"
        "Treasury Secretary Scott Bessent, who led the American side with Trade Representative Jamieson Greer, "
        "said the framework was done.",
        "2025-09-15T18:00:00Z",
    )
    assert facts.participants == ["Scott Bessent", "Jamieson Greer"]


_TIMELINE = (
    "Timeline: the talks so far\n"
    "May 10-11 - Talks in Geneva cut tariffs for 90 days.\n"
    "June 9-10 - Talks in London agree a framework.\n"
    "July 28-29 - Talks in Stockholm end with a plan to extend the truce."
)


def test_a_timeline_box_closing_the_story_names_no_round_and_gives_no_day():
    facts = _facts(
        "China extends tariff exemptions for U.S. goods",
        "China said on Tuesday it would extend its exemptions from tariffs on some U.S. goods for another year as "
        "trade talks with the United States continue.\n"
        "The finance ministry gave no reason.\n"
        "U.S. exporters welcomed the step.\n" + _TIMELINE,
        "2025-08-20T14:00:00Z",
    )
    assert (facts.round, facts.date, facts.location) == (None, "2025-08-19", None)


def test_a_negotiator_telling_what_the_two_sides_did_in_a_rounds_story_took_part():
    facts = _facts(
        "US and China end fifth round of trade talks",
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in Kuala Lumpur on Sunday for the fifth round "
        "of trade talks.\n"
        "\"The two sides reached a shared understanding on port fees,\" Li Chenggang told reporters afterwards.",
        "2025-10-26T12:00:00Z",
    )
    assert facts.participants == ["Scott Bessent", "He Lifeng", "Li Chenggang"]


def test_a_side_in_an_all_capitals_post_is_the_side():
    # "CHINA" in a run of capitals is China: its 10% is China's own rate, not a second US rate
    facts = _facts(
        "Trump says deal with China is done",
        "US and Chinese negotiators agreed a framework in London on Tuesday.\n"
        'Trump wrote: "WE ARE GETTING A TOTAL OF 55% TARIFFS, CHINA IS GETTING 10%."',
        "2025-06-12T01:00:00Z",
    )
    assert ("china_retaliatory", 10.0) in [(t.sector, t.rate) for t in facts.tariffs]
    assert ("combined", 10.0) not in [(t.sector, t.rate) for t in facts.tariffs]


@pytest.mark.parametrize(
    "headline",
    [
        "Xi to meet Trump in Busan on Thursday, Trump expects to lower fentanyl tariff",
        "Busan summit lifts the port-fee cloud",
    ],
)
def test_a_story_headlined_by_the_leaders_meeting_reports_it_not_the_round_its_body_names_by_city(headline):
    facts = _facts(
        headline,
        "Soybean futures rose on hopes that the United States and China would extend their trade truce.\n"
        "The two economic and trade teams reached a basic consensus at their talks in Kuala Lumpur last weekend.\n"
        "President Donald Trump and President Xi Jinping will meet in Busan on Thursday, the foreign ministry said.\n"
        "Trump said he expects to lower the 20% fentanyl tariff on Chinese goods after China agreed to buy soybeans.",
        "2025-10-29T08:00:00Z",
    )
    assert (facts.round, facts.location, facts.date) == (None, "Busan", "2025-10-30")


def test_a_headline_naming_the_round_by_its_city_keeps_it_beside_the_leaders():
    facts = _facts(
        "Bessent, He reach consensus in Kuala Lumpur ahead of Trump-Xi summit",
        "Treasury Secretary Scott Bessent and Vice Premier He Lifeng reached a basic consensus at their talks in "
        "Kuala Lumpur on Sunday.\n"
        "President Donald Trump and President Xi Jinping will meet in Busan on Thursday.\n"
        "Trump said he expects to lower the 20% fentanyl tariff on Chinese goods after China agreed to buy soybeans.",
        "2025-10-27T08:00:00Z",
    )
    assert facts.round == 5


def test_a_headline_of_the_talks_ahead_of_the_leaders_meeting_keeps_the_round_its_body_names_by_city():
    facts = _facts(
        'KL talks: US and China reach "preliminary consensus" ahead of Trump-Xi meeting',
        "The United States and China held two days of trade talks in Kuala Lumpur on Saturday and Sunday.\n"
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng at the tower.\n"
        "Trump said he expects to lower the 20% fentanyl tariff on Chinese goods after China agreed to buy soybeans.",
        "2025-10-27T02:30:00Z",
    )
    assert (facts.round, facts.location) == (5, "Kuala Lumpur")
