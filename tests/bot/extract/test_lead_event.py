"""A story whose headline and news sentence report an event that is no round (an order, a fact
sheet, a letter, a notice, a summit, a measure taking effect) recalls its rounds as background.

The US–China profile lists its rounds with their cities (Stockholm 28–29 July, Madrid 14–15
Sept, Kuala Lumpur 25–26 Oct 2025); the Japan–US profile numbers its rounds.
"""

from bot.config import DEFAULT_PROFILE
from bot.extract.lead_event import another_event, news_sentences
from bot.extract.profile import load_profile
from bot.extract.rounds import find_round_mentions
from tests.bot.extract.helpers import article_of, facts_of

US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")


def _facts(title: str, body: str, published: str):
    return facts_of(body, title=title, published=published, profile=US_CHINA)


def test_an_order_signed_is_the_news_and_the_round_it_follows_is_background():
    facts = _facts(
        "Importers' note: U.S.-China tariff pause runs to winter",
        "Customs Brokers Group | Trade Desk | August 14, 2025\n"
        "On Tuesday, August 12, the President signed an executive order keeping the lower tariff on Chinese goods in place for 90 more days.\n"
        "The order follows the third round of talks, held in Stockholm at the end of July, where Bessent met He Lifeng.",
        "2025-08-14T12:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.location) == (None, None, None)
    assert facts.date == "2025-08-12"
    assert facts.participants == []


def test_a_fact_sheet_published_is_the_news_though_a_round_is_recalled_further_down():
    facts = _facts(
        "What the U.S.-China deal says",
        "The administration on Sunday published a fact sheet listing the tariff cuts and soybean purchases China and the United States have promised in their trade deal.\n"
        "The paper is silent on the app sale that negotiators agreed at talks in Madrid in September.",
        "2025-11-03T08:00:00Z",
    )
    assert (facts.round, facts.location, facts.date) == (None, None, "2025-11-02")


def test_a_notice_that_duties_stop_recalls_the_round_whose_outcome_it_carries_out():
    facts = _facts(
        "Farm duties to end next week",
        "The customs authority said on Wednesday that it will stop collecting the extra duties on U.S. farm goods from Monday, China's commerce ministry said.\n"
        "The notice said the step carries out what was agreed at the consultations in Kuala Lumpur.",
        "2025-11-05T12:00:00Z",
    )
    assert (facts.round, facts.location) == (None, None)


def test_an_editorials_hook_is_passed_over_for_the_letter_its_next_sentence_reports():
    article = article_of(
        "The president has made his threat official. In a letter dated July 7, he set a 25 percent rate from August.\n"
        "The eighth round, which ended last week, produced nothing.",
        title="Editorial: after so many rounds, is a deal any closer?",
        published="2025-07-09T00:00:00Z",
    )
    event = another_event(article, find_round_mentions(article))
    assert event is not None and event.text.startswith("In a letter")


def test_a_leaders_meeting_on_the_sidelines_of_a_summit_is_no_round():
    article = article_of(
        "The prime minister met the president for half an hour on the sidelines of the leaders' summit on Monday, "
        "weeks after the sixth round of ministerial talks.",
        title="Leaders meet at summit without a deal",
        published="2025-06-17T00:00:00Z",
    )
    assert another_event(article, find_round_mentions(article)) is not None


def test_a_headline_naming_the_talks_keeps_the_round_though_the_lead_names_a_summit():
    article = article_of(
        "The chief negotiators met for five hours on Saturday.\n"
        "They sat down on the sidelines of the regional summit, in the fifth round of talks.",
        title="Negotiators hold marathon talks, to meet again Sunday",
        published="2025-10-25T20:00:00Z",
    )
    assert another_event(article, find_round_mentions(article)) is None


def test_talks_told_before_the_other_event_are_the_story():
    article = article_of(
        "The minister held talks with the commerce secretary on Friday, on the sidelines of a trade gathering. "
        "It was the seventh round.",
        title="Minister presses for car tariff relief",
        published="2025-06-01T00:00:00Z",
    )
    assert another_event(article, find_round_mentions(article)) is None


def test_a_summit_still_to_come_is_not_the_story():
    article = article_of(
        "The negotiators met for the seventh round on Friday, ahead of the summit next week.",
        title="Negotiators meet in Washington",
        published="2025-06-01T00:00:00Z",
    )
    assert another_event(article, find_round_mentions(article)) is None
    article = article_of(
        "Officials gathered for two days ahead of next week's summit in the capital.",
        title="Officials gather",
        published="2025-06-01T00:00:00Z",
    )
    assert another_event(article, []) is None


def test_the_news_sentences_skip_bylines_and_heads_and_keep_to_the_lead_paragraph():
    article = article_of(
        "Smith & Jones LLP | Customs Practice | May 2, 2025\n"
        "Summary\n"
        "The government on Thursday published new rules for importers of steel. A second sentence follows here.\n"
        "A later paragraph is the next item of the roundup and is not read.",
        title="Client alert",
    )
    assert [s.text for s in news_sentences(article)] == [
        "The government on Thursday published new rules for importers of steel.",
        "A second sentence follows here.",
    ]
