"""Japan's current stance on the US tariffs: removal, reduction or agreed."""

from pathlib import Path

import pytest

from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

LEAD = "Akazawa met Lutnick in Washington on Friday for the sixth round of tariff talks with the United States.\n"


def stances(body: str) -> list[str]:
    return [p.stance for p in facts_of(LEAD + body).positions]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Japan continues to seek the elimination of the tariffs, Akazawa said.", ["removal"]),
        ("Tokyo is seeking exemptions from the U.S. tariffs on automobiles.", ["removal"]),
        ("The leaders discussed the U.S. auto tariffs, which Japan wants eliminated.", ["removal"]),
        ("Tokyo would accept a significant reduction of the auto tariffs, government sources said.", ["reduction"]),
        ("Japan agreed to a deal setting a 15% tariff on its goods, Akazawa said.", ["agreed"]),
        ("Tokyo could accept a substantial cut in the tariffs, officials said.", ["reduction"]),
        ("Japan and the United States clinched a trade deal on Tuesday, Akazawa said.", ["agreed"]),
        ("President Trump completed a massive trade deal with Japan on Tuesday.", ["agreed"]),
        ('"We just concluded probably the largest deal in history with Japan," Trump said.', ["agreed"]),
        ("Japan hopes to reach an agreement on the tariffs in June.", []),
        ("Akazawa repeated Japan's demand that all the additional tariffs, including those on cars, be dropped.",
         ["removal"]),
        ("Akazawa said he asked that Japan be exempted from the U.S. tariffs.", ["removal"]),
        ("Auto parts from Japan, which have faced a 25% tariff since May, will also drop to 15%.", []),
        ("Japanese stocks surged after the deal lowered tariffs on the country's cars to 15%, removing a major "
         "source of uncertainty for exporters.", []),
        ('"We have agreed to the 15% rates, and that includes autos," Akazawa told Japanese reporters.', ["agreed"]),
        ('"We have agreed to the 15% rates," Trump said of the tariffs.', []),
        ("Tokyo wants the 25% tariff on automobiles and the 24% reciprocal rate, currently suspended in favor of a 10% "
         "baseline, removed altogether.", ["removal"]),
    ],
)
def test_stances_in_several_wordings(sentence, expected):
    assert stances(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Tokyo had long demanded full removal of the auto tariffs.",
        "Akazawa repeated Tokyo's plea that the tariff measures be revisited.",
        "Japan wants relief from the tariffs, Akazawa said.",
        "Japan urged the U.S. to reconsider its tariff policy.",
    ],
)
def test_earlier_and_vague_stances_are_not_listed(sentence):
    assert stances(sentence) == []


def test_a_shift_keeps_only_the_new_stance():
    body = "Tokyo is seeking a significant cut in the auto tariffs, a shift from its earlier insistence on their removal."
    assert stances(body) == ["reduction"]


def test_the_other_sides_moves_are_not_japans_stance():
    assert stances("Trump said he would not remove the tariffs on cars.") == []


def test_the_government_after_a_sentence_about_tokyo_is_tokyo():
    assert stances(
        "Akazawa will press Washington next week to cut its tariff on Japanese automobiles, Tokyo officials said.\n"
        "The government, which had long demanded the full removal of the additional tariffs, is now prepared to "
        "accept a significant reduction of the 25 percent auto tariff instead."
    ) == ["reduction"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Since the first round in April, Akazawa had demanded the removal of all the additional tariffs.", []),
        ("Akazawa said he had demanded the removal of all the additional tariffs.", ["removal"]),
        ("Akazawa told reporters he had again demanded the removal of the U.S. tariffs.", ["removal"]),
    ],
)
def test_a_demand_told_in_the_past_perfect_is_an_earlier_one_unless_reported_or_renewed(sentence, expected):
    assert stances(sentence) == expected


def test_a_deal_with_another_country_is_no_stance_of_the_side():
    body = "Akazawa met Lutnick in Washington for the seventh round of tariff talks.\nTrump said he had agreed to a framework with Britain."
    assert [p for p in facts_of(body).positions if p.stance == "agreed"] == []


# -- an issue about something other than tariffs, in a profile where each side levies its own
# (the US-India profile its author wrote from the README) --

_US_INDIA = load_profile(Path(__file__).parent / "blind" / "usi1" / "profile.toml")
_DELHI = "Lynch and Agrawal met in New Delhi for the sixth round of trade talks between India and the US.\n"


def _us_india(body: str) -> set[tuple[str, str, str]]:
    facts = facts_of(_DELHI + body, profile=_US_INDIA, published="2025-08-10T08:00:00Z")
    return {(p.actor, p.issue, p.stance) for p in facts.positions}


def test_what_an_issue_is_about_is_no_tariff_of_the_side_even_when_a_sector_names_it():
    body = "Washington, for its part, still insists that India wind down its purchases of Russian crude."
    assert ("United States", "russian_oil", "halt") in _us_india(body)


def test_a_demand_made_of_the_other_side_by_no_side_named_is_the_issue_sides():
    body = "Administration officials have made clear they want New Delhi to stop buying Russian crude."
    assert ("United States", "russian_oil", "halt") in _us_india(body)


# -- who speaks: a stance in the words of one of the side's people is the side's, wherever the
# sentence names the speaker --


@pytest.mark.parametrize(
    "body",
    [
        # a leading pronoun stands for the person of the sentence before
        "Akazawa spoke to reporters after the talks.\nHe said the additional tariffs on cars should be eliminated.",
        # the speaker after the words
        '"The 25% tariff on cars must be eliminated," Akazawa said.',
        '"The tariffs on cars must be eliminated," said Akazawa, who led the delegation.',
        # a transcript's speaker heading the paragraph
        "AKAZAWA: Cars matter most to us. What we want now is the removal of the tariffs on automobiles.",
        # a quotation opened in an earlier sentence
        'Akazawa was blunt: "Nothing has changed. We demand the elimination of the tariffs."',
        # a quotation that is a paragraph of its own, after the paragraph that says who spoke
        "Speaking to reporters afterwards, Akazawa said the talks had been frank.\n"
        '"Nothing has changed. I told them again that the tariffs on cars should be removed."',
    ],
)
def test_a_stance_in_the_words_of_the_sides_people_is_the_sides(body):
    assert stances(body) == ["removal"]


@pytest.mark.parametrize(
    "body",
    [
        # the other side's people speak
        "Lutnick spoke to reporters after the talks.\nHe said the additional tariffs on cars would be eliminated once Japan invests.",
        '"The tariffs on cars will be eliminated when the money arrives," Lutnick said.',
        "LUTNICK: The tariffs on cars will be eliminated when the money arrives.",
        'Lutnick was blunt: "Nothing has changed. The tariffs will be eliminated when the money arrives."',
        # nobody known speaks
        "HOST: Should the tariffs on cars be eliminated, in your view?\nANALYST: The tariffs on cars should be eliminated.",
    ],
)
def test_words_of_the_other_side_or_of_no_one_known_are_no_stance(body):
    assert stances(body) == []


# -- several demands in one clause --


def test_a_demand_joined_by_and_with_its_own_wish_is_another_demand():
    body = "Japan pressed for the removal of the car tariffs, and for a significant reduction of the reciprocal tariff."
    assert sorted(stances(body)) == ["reduction", "removal"]


def test_a_second_demand_with_its_own_word_of_wanting_is_kept():
    body = (
        "Tokyo has asked that the steel tariffs be eliminated, and Akazawa has also urged a significant reduction of "
        "the auto tariffs."
    )
    assert sorted(stances(body)) == ["reduction", "removal"]


@pytest.mark.parametrize(
    "body",
    [
        # one demand, its alternative rejected
        "Tokyo wants a significant reduction of the auto tariffs rather than their removal.",
        # a stance abandoned stays abandoned however often the clause names it again
        "Tokyo is pressing for a sharp reduction of the auto tariffs and no longer insists on their removal, a demand "
        "it dropped in May.",
        "Tokyo has dropped its early demand that all the tariffs be removed and now seeks a significant cut in the "
        "auto tariffs.",
    ],
)
def test_one_demand_gives_one_stance(body):
    assert stances(body) == ["reduction"]


def test_the_words_that_mark_a_stance_as_dropped_are_no_stance_of_their_own():
    # "Dropping" is the marker, not the stance it marks: the removal after it is the one given up
    lead = (
        "TOKYO, July 23 -- Japan agreed to a trade deal with the US that sets a 15% tariff on its exports, including "
        "cars, after its chief negotiator Ryosei Akazawa met President Donald Trump at the White House late Tuesday.\n"
    )
    facts = facts_of(lead, title="Japan Accepts 15% Tariff Deal, Dropping Its Demand for Full Removal",
                     published="2025-07-23T06:00:00Z")
    assert "removal" not in [p.stance for p in facts.positions]


# -- a deal made, in the lexicon's English of the stance id "agreed", besides the profile's phrases --


@pytest.mark.parametrize(
    "sentence",
    [
        "Tokyo secured a tariff deal that caps duties on its cars at 15%, officials said.",
        "Japan and the United States inked a broad tariff accord in Washington on Tuesday.",
        "For Japan, the tariff agreement has been signed and the new rates apply from next month.",
        "Japan and the US sealed their long-awaited tariff pact on Monday.",
    ],
)
def test_a_deal_made_in_general_english_is_the_agreed_stance(sentence):
    assert stances(sentence) == ["agreed"]


@pytest.mark.parametrize(
    "sentence",
    [
        # denied
        "Japan and the US discussed the tariffs for three hours, but no agreement had been reached.",
        # with another country, or with no side at all
        "Japan watched as Washington inked a framework deal with Britain cutting the tariff on British cars.",
        "Japan's largest steelmaker inked a security agreement with the Pentagon, which waived the tariffs.",
        # on another of the profile's topics, or on something to do
        "Japan and the US reached a framework deal on semiconductors, while the tariffs stay in place.",
        "Japan and the US secured a basic consensus agreement on resolving the long dispute over a popular video "
        "app, while the tariffs stay in place.",
    ],
)
def test_a_deal_denied_or_with_another_or_on_another_matter_is_no_agreed_stance(sentence):
    assert stances(sentence) == []


# -- what the issue is about, named in the sentence before and referred back to --

_US_CHINA = load_profile(Path(__file__).parents[3] / "bot" / "profiles" / "us_china_2025.toml")
_LONDON = "He Lifeng met Bessent in London on Monday for a second round of trade talks between China and the US.\n"


def _us_china(body: str) -> set[tuple[str, str, str]]:
    facts = facts_of(_LONDON + body, profile=_US_CHINA, published="2025-06-10T08:00:00Z")
    return {(p.actor, p.issue, p.stance) for p in facts.positions}


def test_a_stance_on_what_the_sentence_before_named_is_on_its_issue():
    body = "Beijing tightened its export controls on seven minerals in April. Washington wants the curbs lifted."
    assert ("United States", "export_controls", "removal") in _us_china(body)
    body = "The US raised its tariffs on Japanese cars to 25% in April. Tokyo wants these measures removed."
    assert stances(body) == ["removal"]


def test_words_of_referring_back_to_something_else_name_no_issue():
    body = "Beijing bought more soybeans from Brazil in April. Washington wants the curbs lifted."
    assert ("United States", "export_controls", "removal") not in _us_china(body)
    assert stances("Tokyo opened a new trade office in April. Tokyo wants these measures removed.") == []


def test_a_stances_phrase_finds_its_words_with_a_rate_or_small_words_between():
    assert stances("Japan wants Washington to reduce the 25% tariffs significantly, Akazawa said.") == ["reduction"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two economies agreed to lower their tariffs for a period of ninety days.",
        "Both sides agreed on Sunday to cut the levies by a wide margin.",
        "The world's two largest economies have agreed to suspend most of the new duties.",
        "Washington and Beijing agreed to slash tariffs for three months.",
    ],
)
def test_the_sides_agreeing_together_to_act_on_the_tariffs_is_the_agreed_stance(sentence):
    assert ("China", "us_tariffs", "agreed") in _us_china(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two economies could agree to lower their tariffs within weeks.",
        "Both sides hope to agree to cut the levies by a wide margin.",
        "Washington agreed to lower tariffs for three months.",
        "The two sides agreed to set up a mechanism for further talks on tariffs.",
    ],
)
def test_a_possible_or_one_sided_or_other_agreeing_is_no_joint_deal(sentence):
    assert ("China", "us_tariffs", "agreed") not in _us_china(sentence)


# -- a reduction sought, in the lexicon's English of the stance id "reduction", besides the profile's phrases --


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing wants the levies brought down before the truce runs out.",
        "China is pressing for duties lower than the ones imposed in April.",
        "Beijing has asked Washington to cut the duties on its electronics substantially.",
        "Beijing's stated goal remains to obtain a reduction of the additional duties.",
    ],
)
def test_a_reduction_sought_in_general_english_is_the_reduction_stance(sentence):
    assert ("China", "us_tariffs", "reduction") in _us_china(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # sought by the other side, of the side's own tariffs
        "Washington wants Beijing to cut its duties on American farm goods.",
        # a cut made, sought by no one
        "The US cut the duties on Chinese electronics in May.",
    ],
)
def test_a_reduction_no_one_of_the_side_seeks_is_no_reduction_stance(sentence):
    assert ("China", "us_tariffs", "reduction") not in _us_china(sentence)


def test_a_reduction_set_against_the_profiles_stance_is_one_demand_and_one_joined_to_it_another():
    assert _china_stances("Beijing wants the reciprocal duties scrapped rather than cut.") == {"removal"}
    assert _china_stances("Beijing wants the fentanyl duties cut and the reciprocal duties scrapped.") == {
        "reduction",
        "removal",
    }


def _china_stances(sentence: str) -> set[str]:
    return {stance for side, issue, stance in _us_china(sentence) if (side, issue) == ("China", "us_tariffs")}


def test_a_stance_may_be_read_from_its_phrases_alone(tmp_path):
    """`general_words = false` on a stance: only the profile's phrases say it, as in the older
    `[stances]` form's reduction (the shipped Japan–US profile's phrases name a significant cut)."""
    assert stances("Tokyo wants the auto duties brought down before the summer.") == []
    text = (Path(__file__).parents[3] / "bot" / "profiles" / "us_china_2025.toml").read_text()
    path = tmp_path / "profile.toml"
    path.write_text(text.replace('id = "reduction"\n', 'id = "reduction"\ngeneral_words = false\n', 1))
    body = _LONDON + "Beijing wants the levies brought down before the truce runs out."
    facts = facts_of(body, profile=load_profile(path), published="2025-06-10T08:00:00Z")
    assert ("China", "us_tariffs", "reduction") not in {(p.actor, p.issue, p.stance) for p in facts.positions}


# -- a side's own body named without the side --


@pytest.mark.parametrize(
    "sentence",
    [
        "The team is pressing for the removal of the auto tariffs, a spokeswoman said.",
        "The government's negotiating team will continue to seek the elimination of the tariffs.",
        "Our negotiators are still asking that the tariffs be scrapped.",
    ],
)
def test_the_tracked_sides_body_named_without_its_name_is_the_side(sentence):
    assert stances(sentence) == ["removal"]


def test_a_body_is_the_side_whose_name_owned_it_last():
    lead = "The American delegation arrived in London on Monday with a long list of demands.\n"
    assert ("United States", "export_controls", "removal") in _us_china(
        lead + "The delegation wants the export controls on magnets lifted."
    )
    lead = "China's negotiating team arrived in London on Monday with a long list of demands.\n"
    assert ("China", "us_tariffs", "removal") in _us_china(lead + "The team wants the duties on toys scrapped.")
    assert ("United States", "export_controls", "removal") not in _us_china(
        lead + "The team wants the export controls on magnets lifted."
    )


def test_a_bodys_words_dated_to_an_earlier_time_are_no_stance_now():
    body = "As a result, the government told parliament in the spring that it was seeking the removal of the tariffs."
    assert stances(body) == []
    assert stances(body.replace(" in the spring", "")) == ["removal"]


def test_a_deal_we_made_in_the_words_of_either_sides_people_binds_both_sides():
    said = '"We have reached an agreement on the tariffs and the pause," Bessent told reporters after the talks.'
    assert ("China", "us_tariffs", "agreed") in _us_china(said)
    said = '"We reached an agreement on the tariffs and the pause," a bank economist told clients after the talks.'
    assert ("China", "us_tariffs", "agreed") not in _us_china(said)


# -- a deal named with the sides as its makers --


@pytest.mark.parametrize(
    "sentence",
    [
        "Importers are studying the tariff agreement the two sides struck in Washington last week.",
        "The trade accord that the United States and Japan closed on Tuesday sets a 15% tariff on cars.",
        "Shippers welcomed the trade framework agreed with Japan, which caps the tariffs at 15%.",
        "The tariff pact Trump announced with Tokyo leaves the steel duties at 50%.",
        "The trade truce agreed between Washington and Tokyo halves the tariffs on cars.",
    ],
)
def test_a_deal_named_with_the_sides_as_its_makers_is_the_agreed_stance(sentence):
    assert stances(sentence) == ["agreed"]


@pytest.mark.parametrize(
    "sentence",
    [
        # not made
        "The trade deal the two sides hope to conclude would cut the tariffs on cars.",
        "The accord the two sides have not signed would cut the tariffs on cars.",
        # made by another country, or by one side with another
        "The deal Korea struck with the United States cut the tariffs on its cars.",
        "Tokyo studied the tariff deal that Washington announced with Britain.",
        # made by no side named
        "The tariff deal announced on Tuesday caps the duties on cars at 15%.",
    ],
)
def test_a_deal_not_made_or_not_made_by_the_sides_is_no_agreed_stance(sentence):
    assert stances(sentence) == []


def test_a_span_of_time_after_a_near_phrase_leaves_its_words_near():
    """A span of time between the verb and its object ("would delay for one year the ...") does
    not put the object out of a `near` phrase's reach; other words as long do."""
    said = "Beijing would delay for one year the sweeping rare earth export controls, Bessent said."
    assert ("United States", "export_controls", "agreed") in _us_china(said)
    far = "Beijing would delay its long and much criticised review of the sweeping export controls, Bessent said."
    assert ("United States", "export_controls", "agreed") not in _us_china(far)


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides said on Monday night that they had agreed on a framework covering the tariffs.",
        'The two delegations had agreed "in principle" on a framework that lowers the duties.',
        "American and Chinese negotiators agreed on a one-year truce in their tariff war.",
    ],
)
def test_agreeing_on_a_deal_is_the_agreed_stance(sentence):
    assert ("China", "us_tariffs", "agreed") in _us_china(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a plan to work on a deal is no deal
        "Both sides agreed to work on a framework covering the tariffs.",
        # a framework for the talks is a deal on how to talk
        "Both sides agreed on a framework for the negotiations on tariffs.",
    ],
)
def test_agreeing_to_work_on_a_deal_or_on_how_to_talk_is_no_agreed_stance(sentence):
    assert ("China", "us_tariffs", "agreed") not in _us_china(sentence)


# -- a measure the side itself brought in is its own, not what it seeks of the other side --


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the U.S. would in turn lift some of the export restrictions it imposed in March.",
        "In exchange the US will ease several of the export control measures it introduced last month.",
    ],
)
def test_the_sides_own_measure_said_with_it_is_no_stance_of_the_side(sentence):
    assert ("United States", "export_controls", "removal") not in _us_china(sentence)


def test_the_other_sides_measure_said_with_it_is_still_the_issue():
    said = "Washington wants Beijing to lift the export controls it imposed in April."
    assert ("United States", "export_controls", "removal") in _us_china(said)
    said = "Beijing agreed to suspend the rare earth export controls it announced in the autumn."
    assert ("United States", "export_controls", "agreed") in _us_china(said)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an exemption sought names the tariff it is from, though the clause does not
        ("Tokyo will keep seeking exemptions for its rice crackers and green tea, Akazawa said.", ["removal"]),
        ("Japan also asked Washington to exempt its machine tools and robots.", ["removal"]),
        # goods a tariff already leaves out are no exemption sought
        ("Japanese machine tools remain exempt for now, Akazawa said.", []),
        # an exemption from something the clause names is from that
        ("Japan also offered to keep exempting American insurers from its postal rules, Akazawa said.", []),
    ],
)
def test_an_exemption_sought_is_from_the_tariffs_unsaid(sentence, expected):
    assert stances(sentence) == expected


# -- a truce names the tariffs it suspends; both sides' wish; a pronoun speaker; an open question --


def _us_china(body: str) -> set[tuple[str, str, str]]:
    from bot.config import DEFAULT_PROFILE
    from bot.extract.profile import load_profile

    profile = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
    lead = "STOCKHOLM - Bessent and He Lifeng met on Monday for the third round of trade talks.\n"
    facts = facts_of(lead + body, title="Trade talks in Stockholm", published="2025-07-29T08:00:00Z", profile=profile)
    return {(p.actor, p.issue, p.stance) for p in facts.positions}


def test_extending_the_truce_is_a_stance_on_the_tariffs_it_suspends():
    assert ("China", "us_tariffs", "reduction") in _us_china("Beijing wants an extension of the truce.")


def test_what_both_sides_want_each_side_wants():
    assert ("China", "us_tariffs", "reduction") in _us_china("Both sides will push for an extension of the pause.")


def test_a_stance_only_asked_about_is_none():
    assert _us_china("The Chinese side spent the day on one question: whether to seek an extension of the truce.") == set()


def test_a_quotation_said_by_he_is_the_person_named_before():
    body = 'Akazawa was firm before leaving. "Our position is the same: we demand the elimination of the tariffs," he said.'
    assert stances(body) == ["removal"]


def test_what_a_removal_acts_on_may_open_a_few_words_after_it():
    assert stances("Japan is seeking the elimination of the whole series of additional US tariff measures.") == [
        "removal"
    ]


def test_the_side_asked_to_act_takes_no_stance():
    body = "Chinese negotiators will press Washington to ease export controls on chip-making tools."
    assert ("United States", "export_controls", "removal") not in _us_china(body)


def test_a_sides_own_act_of_removing_is_no_demand_for_removal():
    body = "The two sides talked for hours, and the US would lift curbs on chip design software."
    assert ("United States", "export_controls", "removal") not in _us_china(body)


def test_a_stance_named_as_a_topic_of_the_talks_is_none():
    body = "The rounds that followed focused on rare earths, export controls and extending the pause on Chinese goods."
    assert ("China", "us_tariffs", "reduction") not in _us_china(body)


def test_a_stances_mention_far_from_the_issue_leaves_its_next_mention_in_the_clause_to_be_read():
    body = (
        "KUALA LUMPUR - Bessent and He Lifeng met on Sunday for the fifth round of trade talks.\n"
        "The two sides agreed on a framework to implement the Geneva consensus: Beijing was to resume approving "
        "export licences for rare earths and magnets.\n"
    )
    facts = facts_of(body, title="Trade talks", published="2025-10-27T08:00:00Z", profile=_US_CHINA)
    assert ("United States", "export_controls", "agreed") in {(p.actor, p.issue, p.stance) for p in facts.positions}


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan's stated aim at that time was the removal of all of the additional tariffs.",
        "At the time, Japan's demand was that the additional tariffs be removed altogether.",
        "Tokyo has stopped insisting that the car tariff be removed outright.",
        "By then Tokyo had quietly given up the idea that the additional tariffs could be removed altogether.",
        "Tokyo began these talks demanding that the tariffs be removed altogether.",
    ],
)
def test_a_stance_dated_to_a_time_gone_by_or_ceased_is_no_stance_now(sentence):
    assert stances(sentence) == []


def test_a_stance_at_the_time_of_something_is_still_current():
    assert stances("At the time of writing, Japan wants the tariffs removed, Akazawa said.") == ["removal"]


def test_a_rate_that_drops_from_one_level_to_another_is_no_removal():
    assert stances("From the 16th the U.S. tariff on Japanese cars dropped from 27.5% to 15%, Japan said.") == []


def test_a_control_withdrawn_or_a_licensing_regime_lifted_is_their_removal():
    assert ("United States", "export_controls", "removal") in _us_china_positions(
        "A White House official said the administration wanted Beijing to withdraw the new rare earth controls."
    )
    assert ("United States", "export_controls", "removal") in _us_china_positions(
        "US officials said they want Beijing to lift the licensing requirement for magnets altogether."
    )


def _us_china_positions(sentence: str) -> set[tuple[str, str, str]]:
    body = "KUALA LUMPUR - Bessent and He Lifeng met on Sunday for the fifth round of trade talks.\n" + sentence + "\n"
    facts = facts_of(body, title="Trade talks", published="2025-10-27T08:00:00Z", profile=_US_CHINA)
    return {(p.actor, p.issue, p.stance) for p in facts.positions}


def test_a_negation_before_a_stance_is_searched_only_from_its_words_first_letters():
    from bot.extract.positions import _NEGATED, _WHETHER

    assert _NEGATED.pattern.startswith("(?=[nwr])") and _WHETHER.pattern.startswith("(?=w)")
    clause = "Tokyo REFUSED to even lower"
    assert _NEGATED.search(clause, 0, clause.rfind(" ") + 1).start() == 6
    assert _WHETHER.search("the question is Whether to extend the truce").start() == 16


def test_the_deals_made_by_the_sides_are_worked_out_once_per_story():
    from bot.extract.positions import _deals_made_by_the_sides
    from tests.bot.extract.helpers import article_of

    article = article_of("The tariff agreement the two sides struck in July cut the rate to 15%.")
    first = _deals_made_by_the_sides(article)
    assert first and _deals_made_by_the_sides(article) is first


# -- a deal named by the day it was made --


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the July agreement, the US tariff on most Japanese goods is 15%.",
        "Under the July 22 trade deal, the US tariff on Japanese cars is 15%.",
    ],
)
def test_a_deal_named_by_the_day_it_was_made_is_the_agreed_stance(sentence):
    assert stances(sentence) == ["agreed"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the July agreement with Britain, the US tariff on British cars is 10%.",
        "China's exporters still face the May truce's 30%, above the 15% on Japanese goods.",
        "The April rates were the highest since the 1930s, when the tariffs on Japanese goods were cut.",
        "One issue has kept the July tariff agreement from being put on paper, the tariffs on Japanese cars.",
    ],
)
def test_a_deal_named_by_its_day_with_another_country_or_a_rate_named_by_its_month_is_no_agreed_stance(sentence):
    assert stances(sentence) == []


# -- what both sides aim at (the EU-India profile its author wrote from the README) --

_EU_INDIA = load_profile(Path(__file__).parent / "blind" / "euin1" / "profile.toml")
_BRUSSELS = "Sefcovic and Goyal met in Brussels on Tuesday for talks on the EU-India free trade agreement.\n"


@pytest.mark.parametrize(
    "body",
    [
        "Both ministers told reporters that they still aim to conclude the talks by the end of the year.",
        "Despite the difficulties, both sides say they still aim to conclude the negotiations by the end of the year.",
    ],
)
def test_what_both_sides_aim_at_each_side_aims_at(body: str) -> None:
    facts = facts_of(_BRUSSELS + body, profile=_EU_INDIA, published="2025-10-10T08:00:00Z")
    found = {(p.actor, p.issue, p.stance) for p in facts.positions}
    assert {("European Union", "eu_deadline", "conclude_2025"), ("India", "india_deadline", "conclude_2025")} <= found
