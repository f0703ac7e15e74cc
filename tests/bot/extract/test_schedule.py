"""Rounds named by their city or their days, read with the profile's `[[rounds]]`.

The US–China profile lists its five rounds (Geneva 10–11 May, London 9–10 June, Stockholm
28–29 July, Madrid 14–15 Sept, Kuala Lumpur 25–26 Oct 2025). The press rarely numbers them.
"""

from datetime import date

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from bot.extract.schedule import round_on_day, rounds_named_by_place
from tests.bot.extract.helpers import article_of, facts_of

US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")


def _facts(title: str, body: str, published: str):
    return facts_of(body, title=title, published=published, profile=US_CHINA)


def test_a_round_named_by_its_city_gets_its_number_city_and_last_day_once_held():
    facts = _facts(
        "US and China agree framework after London talks",
        "US and Chinese negotiators agreed a framework to put their truce back on track.\n"
        "Bessent and Greer met Vice Premier He Lifeng for two days.",
        "2025-06-11T09:15:00Z",
    )
    assert (facts.round, facts.round_status, facts.location, facts.date) == (2, "held", "London", "2025-06-10")


def test_a_round_to_come_is_upcoming_on_its_first_day():
    facts = _facts(
        "Preview: what to expect from the Madrid talks",
        "Treasury Secretary Scott Bessent will meet Vice Premier He Lifeng in Madrid for the talks.",
        "2025-09-12T21:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.date) == (4, "upcoming", "2025-09-14")


def test_a_round_of_several_days_is_dated_by_its_first_to_come_and_its_last_once_over():
    # the story names both days, or only the first sitting's: the round's own days decide
    ahead = _facts(
        "Streets to close for the Stockholm talks",
        "Bessent and He Lifeng will hold talks in Stockholm on Monday and Tuesday.",
        "2025-07-26T09:00:00Z",
    )
    over = _facts(
        "Madrid talks: what happened",
        "Bessent and He Lifeng spent two days of talks in Madrid. Sunday's session ran six hours.",
        "2025-09-17T12:00:00Z",
    )
    assert (ahead.round, ahead.round_status, ahead.date) == (3, "upcoming", "2025-07-28")
    assert (over.round, over.round_status, over.date) == (4, "held", "2025-09-15")


def test_a_story_filed_between_a_rounds_days_keeps_the_day_it_reports():
    facts = _facts(
        "Madrid talks: first day ends",
        "Bessent and He Lifeng held six hours of talks in Madrid on Sunday.",
        "2025-09-14T19:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.date) == (4, "held", "2025-09-14")


def test_a_morning_brief_on_the_first_day_previews_it_and_a_report_that_evening_tells_it():
    body = "Bessent and He Lifeng sit down for trade talks in Stockholm today."
    morning = _facts("Morning Brief", body, "2025-07-28T05:00:00Z")  # 07:00 in Stockholm
    evening = _facts("Evening Brief", body, "2025-07-28T19:00:00Z")
    assert (morning.round, morning.round_status) == (3, "upcoming")
    assert (evening.round, evening.round_status) == (3, "held")


def test_the_latest_round_named_is_the_reported_one_and_the_earlier_its_background():
    facts = _facts(
        "US, China wrap up talks in London",
        "The talks followed a meeting in Geneva last month at which the two sides agreed to cut their tariffs.\n"
        "Bessent met He Lifeng at Lancaster House on Tuesday.",
        "2025-06-11T09:15:00Z",
    )
    assert (facts.round, facts.location) == (2, "London")
    assert "He Lifeng" in facts.participants


def test_a_city_without_a_meeting_word_names_no_round():
    facts = _facts(
        "Markets rally",
        "Stocks rose in London and Beijing as traders bet the truce agreed in Geneva would hold and tariffs stay at 30%.",
        "2025-06-20T09:00:00Z",
    )
    assert facts.round is None


def test_a_verb_of_meeting_by_a_rounds_city_names_the_round_after_its_day_and_venue():
    facts = _facts(
        "Lawmakers ask about the trade truce",
        "A senator asked what the weekend's trade talks between the United States and China meant for exporters.\n"
        "The economic teams of the two countries met on Sunday and Monday at the old tower in Madrid, "
        "the minister said, and the discussions covered tariffs and chips.",
        "2025-09-16T04:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.location, facts.date) == (4, "held", "Madrid", "2025-09-15")


def test_a_sitting_dated_by_its_month_alone_is_recalled_and_names_no_round():
    facts = _facts(
        "Port fees suspended for a year",
        "The United States suspended its port fees on Chinese ships on Monday, the White House said, "
        "a step China matched with its own tariffs.\n"
        "The suspension was agreed when Bessent met He Lifeng in Madrid in late September, officials said.",
        "2025-11-11T04:00:00Z",
    )
    assert facts.round is None


def test_a_sitting_dated_weeks_before_publication_is_recalled_and_names_no_round_by_its_city():
    def named(sentence: str, published: str) -> list[int]:
        return [m.number for m in rounds_named_by_place(article_of(sentence, published=published, profile=US_CHINA))]

    sentence = "The suspension was first floated when Bessent met He Lifeng in Madrid on September 15, officials said."
    assert named(sentence, "2025-09-16T04:00:00Z") == [4]
    assert named(sentence, "2025-11-11T04:00:00Z") == []


def test_a_city_hosting_a_meeting_on_a_day_near_publication_names_its_round():
    def named(sentence: str, published: str) -> list[int]:
        return [m.number for m in rounds_named_by_place(article_of(sentence, published=published, profile=US_CHINA))]

    sentence = "Stockholm will host next week, Monday 28 and Tuesday 29 July, a fresh sitting of the two economic teams."
    assert named(sentence, "2025-07-23T06:00:00Z") == [3]
    assert named("Madrid plays host on Sunday to another meeting of the two delegations.", "2025-09-12T06:00:00Z") == [4]


def test_a_city_hosting_a_meeting_weeks_ago_or_with_no_day_or_no_meeting_names_no_round():
    def named(sentence: str, published: str) -> list[int]:
        return [m.number for m in rounds_named_by_place(article_of(sentence, published=published, profile=US_CHINA))]

    assert named("Stockholm hosted on July 28 the latest meeting of the two teams, officials recalled.", "2025-10-02T06:00:00Z") == []
    assert named("Stockholm will host, officials said, the latest meeting of the two teams.", "2025-07-23T06:00:00Z") == []
    assert named("Stockholm will host a furniture fair on Monday, the organisers said.", "2025-07-23T06:00:00Z") == []


def test_a_call_the_story_reports_makes_a_round_further_down_its_background():
    facts = _facts(
        "Trump says Xi approved TikTok deal in call",
        "U.S. President Donald Trump said on Friday he had made progress with Xi Jinping on tariffs.\n"
        "Trump wrote on social media after the phone call.\n"
        "The call followed talks in Madrid earlier this week between Bessent and He Lifeng.",
        "2025-09-19T17:00:00Z",
    )
    assert facts.round is None


def test_a_meeting_on_a_listed_rounds_days_is_that_round():
    facts = _facts(
        "Opinion: extend the truce",
        "This week, at Rosenbad, Bessent and Greer spent two days across the table from He Lifeng, who "
        "met them again on Tuesday.",
        "2025-08-01T11:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.location, facts.date) == (3, "held", "Stockholm", "2025-07-29")


def test_round_on_day_needs_the_rounds_city_when_a_city_is_known():
    article = article_of("Talks.", published="2025-06-10T12:00:00Z", profile=US_CHINA)
    london = round_on_day(article, date(2025, 6, 10), None)
    assert london is not None and london.number == 2
    assert round_on_day(article, date(2025, 6, 10), "London") == london
    assert round_on_day(article, date(2025, 6, 10), "Washington") is None
    assert round_on_day(article, date(2025, 6, 12), None) is None


def test_a_profile_without_rounds_reads_as_before():
    facts = facts_of("Akazawa met Bessent in Washington for the talks on Friday.", title="Talks in Washington")
    assert facts.round is None


def test_of_several_listed_rounds_named_the_one_nearest_publication_is_reported():
    facts = _facts(
        "Profile: He Lifeng, Beijing's man for the trade war",
        "The London round in June produced a framework on rare earths; the Stockholm round in July extended the truce.\n"
        "Vice Premier He Lifeng will meet Treasury Secretary Scott Bessent when the tariff talks open at the "
        "Palacio de Santa Cruz on Sunday.",
        "2025-09-13T10:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.location) == (4, "upcoming", "Madrid")


def test_a_meeting_guessed_at_in_a_listed_city_names_no_round():
    facts = _facts(
        "Bessent leaves Geneva empty-handed",
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in Geneva on Saturday for talks on tariffs.\n"
        "What next? The two could meet again at a ministerial meeting in Madrid in September, diplomats said.",
        "2025-05-11T09:00:00Z",
    )
    assert (facts.round, facts.location) == (1, "Geneva")


def test_a_hedge_on_something_else_leaves_a_round_named_by_its_city():
    facts = _facts(
        "Profile: the vice premier at the Madrid talks",
        "Whether Vice Premier He Lifeng and Treasury Secretary Scott Bessent can steer the Madrid talks toward a "
        "deal on tariffs may depend on their bosses.\n"
        "Bessent flies out on Saturday.",
        "2025-09-12T09:00:00Z",
    )
    assert facts.round == 4


def _two_rounds_in_one_city(tmp_path):
    """The invented Korea–US profile with two rounds in Washington, the first named "the 2+2"."""
    from tests.bot.extract.helpers import DATED_PROFILE

    rounds = (
        '[[places]]\ncity = "Washington"\ntimezone = "America/New_York"\naliases = ["Washington"]\n\n'
        '[[rounds]]\nnumber = 1\nstart = 2025-04-24\nplace = "Washington"\naliases = ["the 2\\\\+2", "two-plus-two"]\n\n'
        '[[rounds]]\nnumber = 2\nstart = 2025-07-31\nplace = "Washington"\n\n'
    )
    path = tmp_path / "profile.toml"
    path.write_text(DATED_PROFILE.replace("[topics]", rounds + "[topics]", 1), encoding="utf-8")
    return load_profile(path)


def test_a_round_named_by_its_alias_gets_its_number_where_its_city_names_none(tmp_path):
    profile = _two_rounds_in_one_city(tmp_path)
    facts = facts_of(
        "Korea and the US held the 2+2 on tariffs in Washington, officials said.",
        title="Korea, US hold tariff talks",
        published="2025-05-02T01:00:00Z",
        profile=profile,
    )
    assert (facts.round, facts.location, facts.date) == (1, "Washington", "2025-04-24")


def test_a_round_alias_in_a_question_or_a_guess_names_no_round(tmp_path):
    profile = _two_rounds_in_one_city(tmp_path)
    facts = facts_of(
        "Could Korea and the US hold another two-plus-two on tariffs?",
        title="Korea, US tariff outlook",
        published="2025-09-02T01:00:00Z",
        profile=profile,
    )
    assert facts.round is None


def test_the_listed_round_on_the_reported_sittings_day_wins_over_a_number_stated():
    # the number is another count ("as Beijing counts them"); Monday 15 September is listed as round 4
    facts = _facts(
        "Bessent flies home after two days of talks",
        "It was the second round of negotiations, as the commerce ministry counts them since the truce.\n"
        "On Monday, Bessent met Vice Premier He Lifeng for six hours.",
        "2025-09-16T10:00:00Z",
    )
    assert (facts.round, facts.date, facts.location, facts.round_status) == (4, "2025-09-15", "Madrid", "held")


def test_a_number_stated_keeps_its_round_when_its_listed_days_hold_the_sitting():
    facts = _facts(
        "Bessent flies home after trade talks",
        "It was the second round of negotiations since the truce.\nOn Tuesday, Bessent met Vice Premier He Lifeng.",
        "2025-06-11T10:00:00Z",
    )
    assert (facts.round, facts.date) == (2, "2025-06-10")


def test_a_sitting_on_no_listed_day_leaves_the_number_stated():
    facts = _facts(
        "Bessent flies home after trade talks",
        "It was the sixth round of negotiations since the truce.\nOn Tuesday, Bessent met Vice Premier He Lifeng.",
        "2025-12-03T10:00:00Z",
    )
    assert facts.round == 6


def test_a_round_recalled_in_a_since_clause_is_background_and_the_sittings_day_names_the_round():
    facts = _facts(
        "US and China seek to extend truce",
        "Bessent and Vice Premier He Lifeng held talks on Monday and Tuesday.\n"
        "Since the talks in Geneva in May, the additional tariffs on Chinese goods have stood at 30%.",
        "2025-07-29T19:00:00Z",
    )
    assert (facts.round, facts.date) == (3, "2025-07-29")


def test_a_city_after_since_names_its_round_only_when_since_gives_a_time():
    # "since May" is a time: the talks in Geneva stay the story's round
    facts = _facts(
        "US and China cut tariffs",
        "US tariffs on Chinese goods have fallen since May after the talks in Geneva with He Lifeng, Bessent said.",
        "2025-05-12T19:00:00Z",
    )
    assert facts.round == 1
