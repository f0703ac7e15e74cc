"""A deal's terms stated one side at a time (bot/extract/one_side_terms.py): what one side does to
its own measure under a deal is the other side's deal ("agreed") on that measure."""

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
_LEAD = "KUALA LUMPUR - Bessent and He Lifeng met on Sunday for the fifth round of trade talks.\n"
_DEAL = "The deal was announced on Monday.\n"


def _stances(body: str) -> set[tuple[str, str, str]]:
    facts = facts_of(
        _LEAD + body, title="Trade talks in Kuala Lumpur", published="2025-10-27T08:00:00Z", profile=US_CHINA
    )
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
    assert ("China", "us_tariffs", "agreed") not in _stances(
        _DEAL + "Beijing demands that Washington scrap its tariffs."
    )
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


def test_a_promise_of_one_side_to_act_on_its_own_measure_is_a_term():
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "Trump agreed to halve the fentanyl tariff on Chinese goods to 10%."
    )
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "Beijing has committed to suspend the export controls on rare earths for a year."
    )


def test_the_deals_document_acting_on_a_measure_is_a_term_of_the_deal():
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "The executive order lowers the fentanyl tariff on Chinese goods to 10%."
    )
    # "it" opening the sentence after one that names the document
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "The order does two things. Second, it cuts the fentanyl tariff on Chinese goods to 10%."
    )


def test_a_measure_said_to_be_acted_on_is_a_term_of_the_deal():
    # a modal's passive
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "The 20% tariff imposed on Chinese goods over fentanyl will be lowered to 10%."
    )
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "China's new export controls on rare earths would be suspended for a year."
    )
    # a fall to a level, or the present with the level it sets
    assert ("China", "us_tariffs", "agreed") in _stances(_DEAL + "Tariffs on Chinese goods fall to 47% from 57%.")
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "The fentanyl tariff on Chinese goods is halved to 10%."
    )


def test_a_measures_state_past_or_wish_is_no_term():
    # the present without a level is a state, not a term
    assert ("China", "us_tariffs", "agreed") not in _stances(
        _DEAL + "A 24% portion of the tariff on Chinese goods is suspended until November 10."
    )
    # history
    assert ("China", "us_tariffs", "agreed") not in _stances(_DEAL + "The tariff on Chinese goods was lowered in May.")
    # a wish: a demand, not a term
    assert ("China", "us_tariffs", "agreed") not in _stances(
        _DEAL + "Beijing wants the tariffs on Chinese goods to be lowered."
    )


def test_a_measure_named_only_as_an_agent_or_another_deals_term_is_no_term():
    assert ("China", "us_tariffs", "agreed") not in _stances(
        _DEAL + "The share of Chinese exports covered by the fentanyl tariff falls from 36% to 22%."
    )
    assert ("China", "us_tariffs", "agreed") not in _stances(
        _DEAL + "Under the UK agreement, the tariff on Chinese goods will be lowered to 10%."
    )


def test_a_deal_is_told_by_its_words_or_by_terms_under_it_and_the_costly_phrases_only_if_needed():
    from bot.extract.one_side_terms import _UNDER_A_DEAL, tells_of_a_deal
    from tests.bot.extract.helpers import article_of

    truce = article_of("The two sides agreed to extend the truce by 90 days.", profile=US_CHINA)
    assert tells_of_a_deal(truce, [])
    assert _UNDER_A_DEAL not in truce._hits  # told by its words: the phrases of "under" a deal are not looked for
    under = article_of("Under the framework, Washington will lower its fentanyl tariff.", profile=US_CHINA)
    assert tells_of_a_deal(under, [])
    said = article_of("The framework was published on Monday.", profile=US_CHINA)
    assert tells_of_a_deal(said, [])
    assert not tells_of_a_deal(article_of("Washington will lower its fentanyl tariff.", profile=US_CHINA), [])


def test_the_deals_document_before_it_is_looked_for_only_when_it_opens_a_sentence_with_an_act():
    from bot.extract.one_side_terms import _DOCUMENTS
    from tests.bot.extract.helpers import article_of

    article = article_of("The order does two things. Second, it cuts the fentanyl tariff to 10%.", profile=US_CHINA)
    assert id(_DOCUMENTS) not in article.found  # not in the shared scan of every story
    assert ("China", "us_tariffs", "agreed") in _stances(
        _DEAL + "The order does two things. Second, it cuts the fentanyl tariff on Chinese goods to 10%."
    )


def test_an_act_that_is_no_term_on_the_measure_leaves_the_next_act_of_the_clause_to_be_read():
    # the halving is no term on China's controls, the pause is
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "Trump agreed to halve the fentanyl tariff on Chinese goods to 10%, and China agreed to pause its "
        "new rare earth export restrictions for a year."
    )


def test_licensing_more_freely_what_a_control_holds_back_is_a_term_on_the_control():
    assert ("United States", "export_controls", "agreed") in _stances(
        "Under the framework, Beijing agreed to speed up approvals of rare earth export licences."
    )
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "China will approve export licences for rare-earth magnets."
    )
    # a wish, not a term
    assert ("United States", "export_controls", "agreed") not in _stances(
        _DEAL + "Washington wants Beijing to approve export licences faster."
    )


def test_a_bare_object_is_the_measure_only_when_its_words_open_it():
    assert ("China", "us_tariffs", "agreed") in _stances(_DEAL + "Washington will cut tariffs on Chinese goods.")
    # "a statement" is no measure, though the measure is named after it
    assert ("United States", "export_controls", "agreed") not in _stances(
        _DEAL + "China will approve new rules on its export controls next year."
    )


def test_a_term_told_in_the_past_or_on_a_fact_sheets_line_is_a_term():
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "Beijing was to resume approving export licences for rare earths."
    )
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "- China: to suspend the export controls on rare earths for a year."
    )
    # the side's own act on a fact sheet's line is no demand of the other side
    assert ("United States", "export_controls", "removal") not in _stances(
        _DEAL + "- US: to remove some of the export controls announced in May."
    )


def test_the_measure_is_named_with_a_hyphen_too():
    assert ("United States", "export_controls", "agreed") in _stances(
        _DEAL + "Beijing would defer for a year the sweeping export-control regime it announced in October."
    )


def test_the_gap_before_an_act_is_searched_only_from_a_space_a_comma_or_a_colon():
    import re

    from bot.extract.one_side_terms import _DOCUMENT_BEFORE, _GAP

    # every gap opens with a space, a comma or a colon; the look-ahead lets the search leave any other
    # character at once, and finds the same gap
    assert _GAP.pattern.startswith(r"(?=[\s,:])") and _DOCUMENT_BEFORE.pattern.startswith("(?=[ti])")
    without = re.compile(_GAP.pattern.removeprefix(r"(?=[\s,:])"), _GAP.flags)
    for text in ("Beijing, in turn, will also cut", "The U.S. side WILL now lift", "Tokyo cut", "Japan  is to halve"):
        act = text.rfind(" ") + 1
        assert _GAP.search(text, 0, act).span() == without.search(text, 0, act).span()
    assert _DOCUMENT_BEFORE.search("Under THE executive order", 0, 25).start() == 6
