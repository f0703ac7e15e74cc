"""The day of the round, in the local time of the place of the meeting."""

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.dates import _DATE_START, DATE_RE, find_dates, resolve
from tests.bot.extract.helpers import facts_of

MET = "Akazawa met Commerce Secretary Howard Lutnick in Washington for the sixth round of tariff talks {}."


def test_a_weekday_is_the_latest_such_day_before_publication_in_the_meetings_time_zone():
    # Published Saturday 01:30 UTC: still Friday evening in Washington.
    facts = facts_of(MET.format("on Friday"), published="2025-06-28T01:30:00Z")
    assert facts.date == "2025-06-27"


def test_a_weekday_published_the_next_morning_in_tokyo_still_means_washington_time():
    facts = facts_of(MET.format("on Friday"), published="2025-06-28T09:00:00Z")  # Saturday 18:00 in Tokyo
    assert facts.date == "2025-06-27"


def test_this_weekday_later_in_the_week_is_still_to_come_whatever_the_clause_before():
    # Published Friday: "this Saturday" is tomorrow, though a past clause leads the sentence
    facts = facts_of(
        "After weeks that pushed tariffs higher, Akazawa sits down with Commerce Secretary Howard Lutnick "
        "for the sixth round of tariff talks this Saturday in Washington.",
        published="2025-06-27T15:00:00Z",
    )
    assert facts.date == "2025-06-28"


def test_this_weekday_earlier_in_the_week_is_past():
    facts = facts_of(MET.format("this Monday"), published="2025-06-27T15:00:00Z")
    assert facts.date == "2025-06-23"


def test_an_explicit_date_in_brackets_wins():
    facts = facts_of(
        "Japan and the United States are gearing up for the second round of tariff negotiations, scheduled to take "
        "place in Washington on Thursday (May 1), with Akazawa set to meet Bessent.",
        published="2025-04-30T03:00:00Z",
    )
    assert (facts.date, facts.round_status) == ("2025-05-01", "upcoming")


def test_a_dateline_date_is_only_the_filing_date():
    facts = facts_of(
        "TOKYO, June 28 (Kyodo) -- Japan and the United States held their 6th round of ministerial tariff "
        "negotiations in Washington on Friday, Akazawa said after meeting Lutnick.",
        published="2025-06-28T03:00:00Z",
    )
    assert (facts.date, facts.location, facts.round_status) == ("2025-06-27", "Washington", "held")


def test_the_day_of_travel_is_not_the_day_of_the_meeting():
    facts = facts_of(
        "Economic revitalization minister Ryosei Akazawa will leave for Washington on Monday to hold the eighth round "
        "of tariff negotiations with the United States on Tuesday, government sources said.",
        published="2025-07-19T03:00:00Z",
    )
    assert (facts.date, facts.location, facts.round_status) == ("2025-07-22", "Washington", "upcoming")


def test_the_day_someone_spoke_is_not_the_day_of_the_meeting():
    facts = facts_of(
        "Japan's chief tariff negotiator Ryosei Akazawa said Wednesday that his eighth round of talks in Washington, "
        "which included a meeting with President Donald Trump at the White House on Tuesday, produced a deal.",
        published="2025-07-23T12:00:00Z",
    )
    assert facts.date == "2025-07-22"


@pytest.mark.parametrize(
    "spoke", ["told reporters at Haneda airport on Friday", "said in a statement on Friday", "said in Tokyo on Friday"]
)
def test_the_day_someone_spoke_somewhere_is_not_the_day_of_the_meeting(spoke):
    facts = facts_of(
        "Japan and the United States ended the eighth round of tariff talks in Washington without a deal.\n"
        "Akazawa met Commerce Secretary Howard Lutnick on June 27 and again on June 28.\n"
        f"The talks centred on automobiles and on investment in U.S. plants, Akazawa {spoke}.",
        published="2025-07-04T06:00:00Z",
    )
    assert facts.date == "2025-06-28"


def test_an_event_without_a_round_is_dated_from_the_lead():
    facts = facts_of(
        "U.S. President Donald Trump on July 7 sent a letter to Prime Minister Shigeru Ishiba saying the United States "
        "will impose a 25% tariff on Japanese goods starting Aug. 1.\n"
        "Japan's chief negotiator Akazawa said Japan would keep negotiating on the tariffs with the United States.",
        published="2025-07-08T01:00:00Z",
    )
    assert (facts.round, facts.date, facts.location, facts.participants) == (None, "2025-07-07", None, [])


def test_a_deadline_is_not_the_day_of_the_meeting():
    facts = facts_of(
        "Akazawa arrived at the Commerce Department for the eighth round of tariff negotiations with U.S. officials.\n"
        "We're following Tuesday's talks in Washington, where Japan's top negotiator is trying to secure a deal "
        "before the Aug. 1 deadline.",
        published="2025-07-23T00:30:00Z",
    )
    assert facts.date == "2025-07-22"


@pytest.mark.parametrize(
    "words",
    ["before the pause on the tariffs runs out on July 9", "before the 90-day pause expires on July 9",
     "days before the higher levies kick in on July 9", "before the duties take effect on July 9"],
)
def test_the_day_a_measure_runs_out_or_takes_effect_is_not_the_meeting(words):
    facts = facts_of(
        f"Akazawa will be in Washington this week for the eighth round of tariff talks, {words}.\n"
        "The eighth round will open on Wednesday, officials said.",
        published="2025-06-23T01:00:00Z",
    )
    assert facts.date == "2025-06-25"


def test_from_after_a_meeting_word_opens_the_days_of_the_meeting():
    facts = facts_of(
        "Akazawa will hold three days of talks in Washington from Wednesday, the eighth round of the tariff "
        "negotiations, before the July 9 deadline.",
        published="2025-06-23T01:00:00Z",
    )
    assert (facts.round, facts.date) == (8, "2025-06-25")


def test_from_after_a_tariff_is_the_measure_s_day_not_the_meeting_s():
    facts = facts_of(
        "Akazawa held the eighth round of talks in Washington, where a 25% tariff from Tuesday was discussed, "
        "on Monday.",
        published="2025-06-24T01:00:00Z",
    )
    assert facts.date == "2025-06-23"


def test_a_day_of_the_month_alone():
    facts = facts_of(
        "Japan's Minister Ryosei Akazawa held the first round of tariff negotiations with Treasury Secretary Scott "
        "Bessent in Washington on the 16th local time.",
        published="2025-04-17T06:00:00Z",
    )
    assert facts.date == "2025-04-16"


@pytest.mark.parametrize(
    "counted",
    ["the 4th ministerial-level negotiation", "the 3rd straight week of talks", "the 5th round", "the 2nd such meeting",
     "the 8th Japan-U.S. ministerial consultations"],
)
def test_an_ordinal_that_counts_a_thing_is_no_day_of_the_month(counted):
    facts = facts_of(
        f"Akazawa met Treasury Secretary Scott Bessent in Washington on Friday, in {counted} of the tariff talks.",
        published="2025-05-31T06:00:00Z",
    )
    assert facts.date == "2025-05-30"


def test_the_day_of_a_month_written_with_of():
    facts = facts_of(MET.format("on the 16th of May"), published="2025-06-28T01:00:00Z")
    assert facts.date == "2025-05-16"


def test_a_round_over_two_days_is_dated_by_its_last_sitting():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick for the seventh round of tariff talks in Washington on "
        "Thursday and again on Friday.",
        published="2025-06-28T02:00:00Z",
    )
    assert facts.date == "2025-06-27"


def test_a_past_clause_is_read_in_its_own_tense():
    facts = facts_of(
        "Japan's economy minister Akazawa held talks with Commerce Secretary Howard Lutnick in Washington on Friday, "
        "the sixth ministerial round, just days before Ishiba is due to meet Trump at the G7 summit.",
        published="2025-06-14T09:00:00Z",
    )
    assert (facts.date, facts.round_status) == ("2025-06-13", "held")


# words a date is made of, words that open like one ("those", "only", "nearly", "Thus") and others
_WORDS = ["on", "the", "16th", "1st", "Thursday", "Thursday's", "(May", "1)", "(29th)", "May", "may", "June", "6,",
          "2025", "Sept.", "last", "next", "coming", "yesterday", "today", "tomorrow", "this", "those", "only",
          "nearly", "copy", "yet", "tonight", "Thus", "Monday", "Mondays", "round", "met", "talks", "3", "12", ","]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join))
def test_the_look_ahead_of_the_date_pattern_only_skips_positions_where_no_date_starts(text):
    # the pattern without its look-ahead, tried at every position, finds the same dates
    unfiltered = re.compile(DATE_RE.pattern.replace(_DATE_START, "", 1), DATE_RE.flags)
    assert unfiltered.pattern != DATE_RE.pattern
    assert [m.span() for m in DATE_RE.finditer(text)] == [m.span() for m in unfiltered.finditer(text)]


def test_of_two_places_in_the_rounds_sentence_the_nearest_to_the_round_is_its_place():
    facts = facts_of(
        "TOKYO, July 4 (Reuters) -- Japan's tariff envoy Ryosei Akazawa returned to Tokyo on Friday after a week-long "
        "stay in Washington, where the eighth round of ministerial talks with the United States ended without a deal.\n"
        "Akazawa met Commerce Secretary Howard Lutnick on June 27 for about an hour.",
        published="2025-07-04T06:00:00Z",
    )
    assert (facts.round, facts.location, facts.date) == (8, "Washington", "2025-06-27")


@pytest.mark.parametrize("days", ["on June 26 and 27", "on 26-27 June", "from 26th to 27th June 2025", "on June 26-27"])
def test_a_round_held_over_several_days_is_dated_by_its_last(days):
    facts = facts_of(MET.format(days), published="2025-06-28T09:00:00Z")
    assert facts.date == "2025-06-27"


def test_a_round_to_come_over_several_days_is_dated_by_its_first():
    facts = facts_of(
        "Akazawa will meet Commerce Secretary Howard Lutnick in Washington for the seventh round of tariff talks "
        "on July 3 and 4.",
        published="2025-06-28T09:00:00Z",
    )
    assert (facts.round_status, facts.date) == ("upcoming", "2025-07-03")


def test_a_rate_after_a_date_is_no_second_day():
    facts = facts_of(MET.format("on June 27") + " Tariffs rise on July 9 to 25% on cars.", published="2025-06-28T09:00:00Z")
    assert facts.date == "2025-06-27"


def test_a_correction_notice_before_the_dateline_leaves_the_dateline_a_dateline():
    facts = facts_of(
        "CORRECTION: A story published on June 14 about the sixth round of tariff talks misstated a figure. "
        "Akazawa met Lutnick for roughly 70 minutes. A corrected version of the story follows.\n"
        "WASHINGTON (June 14) -- Akazawa said on Saturday that he and Commerce Secretary Howard Lutnick had narrowed "
        "their differences in the sixth round of talks.\n"
        "Akazawa met Lutnick at the Commerce Department on Friday.",
        published="2025-06-16T09:00:00Z",
    )
    assert (facts.round, facts.date) == (6, "2025-06-13")


def test_an_event_without_a_round_is_dated_by_its_lead_before_its_dateline():
    facts = facts_of(
        "TOKYO, April 8 -- Prime Minister Shigeru Ishiba asked President Donald Trump on Monday to exempt Japan from "
        "his new tariffs, during a telephone call, and the two agreed to hold talks on the tariffs.",
        published="2025-04-08T01:30:00Z",
    )
    assert facts.date == "2025-04-07"


def test_a_meeting_told_as_seeing_someone_by_his_title_dates_the_round_by_its_last_sitting():
    facts = facts_of(
        "Akazawa has just wrapped up the fifth round of tariff talks in Washington.\n"
        "Akazawa arrived on Wednesday, and on Thursday he sat down with Commerce Secretary Howard Lutnick for two "
        "hours. Then on Friday he saw "
        "Treasury Secretary Scott Bessent for about 45 minutes.",
        published="2025-06-07T10:00:00Z",
    )
    assert facts.date == "2025-06-06"
    assert "Scott Bessent" in facts.participants


def test_a_day_without_a_year_half_a_year_off_is_the_one_past():
    # Published in November: next May is a week nearer than last May, but a story recalls last May.
    facts = facts_of(MET.format("on 8 May"), published="2025-11-10T09:00:00Z")
    assert facts.date == "2025-05-08"


def test_a_day_without_a_year_a_few_weeks_ahead_is_the_one_to_come():
    facts = facts_of(MET.format("on January 9"), published="2025-12-20T09:00:00Z")
    assert facts.date == "2026-01-09"


def test_a_day_without_a_year_a_few_weeks_back_across_new_year_is_last_year():
    facts = facts_of(MET.format("on December 29"), published="2026-01-04T09:00:00Z")
    assert facts.date == "2025-12-29"


@pytest.mark.parametrize(
    ("written", "day"),
    [("04/16/2025", "2025-04-16"), ("16/04/2025", "2025-04-16"), ("4/6/2025", "2025-04-06")],
)
def test_a_day_written_in_figures_is_read_with_the_number_above_twelve_as_the_day(written, day):
    facts = facts_of(
        "Akazawa arrives for the second round of tariff talks with Lutnick.\n"
        f"Akazawa met Lutnick in Washington on {written} for 40 minutes.",
        published="2025-04-17T02:00:00Z",
    )
    assert facts.date == day


def test_a_headline_dates_a_story_whose_body_gives_only_times_of_day():
    facts = facts_of(
        "Report #1. Pool gathered at 10:05 am on the North Lawn.\n"
        "Report #2. Akazawa met the President in the Oval Office at 2 pm and left at 3:15 pm after the meeting.",
        title="Pool reports, Wednesday May 14: Japan's negotiator at the White House",
        published="2025-05-15T03:00:00Z",
    )
    assert facts.date == "2025-05-14"


def test_a_weekday_of_the_round_a_headline_stands_before_is_the_next_one():
    facts = facts_of(
        "Japan–US tariff talks: what to know before Akazawa's fifth round on Friday\n"
        "Akazawa will press Bessent again to remove the car tariffs.",
        title="[Analysis] Japan–US tariff talks: what to know before Akazawa's fifth round on Friday",
        published="2025-06-04T13:00:00Z",
    )
    assert facts.round == 5
    assert facts.date == "2025-06-06"
    assert facts.round_status == "upcoming"


@pytest.mark.parametrize("issue", ["the Monday letter", "our Monday newsletter", "the Monday edition"])
def test_a_days_name_that_names_an_issue_of_the_outlet_dates_no_event(issue):
    facts = facts_of(
        f"This is Trade Lines, {issue} for readers who follow the talks.\n"
        "THE BIG ONE: THE CALL\n"
        "Exporters in Nagoya had a quiet week, and the yen held its ground against the dollar.\n"
        "On Friday Akazawa spoke with Commerce Secretary Howard Lutnick by phone about the tariff talks and "
        "the 25% tariff on cars, Japan's negotiator said.",
        title="Japan and the US talk tariffs by phone",
        published="2025-06-30T11:00:00Z",
    )
    assert facts.date == "2025-06-27"


@pytest.mark.parametrize(
    "stamp",
    [
        "Harbour Freight Letter | Issue 12 | Wednesday 9 July 2025",
        "By Ana Ruiz, Trade Editor · July 9, 2025, 6:30 AM EDT",
        "Posted on 9 July 2025 by the editors of a blog on shipping",
        "QUESTION — posted by ohio_kaz_2019, July 9, 2025, 21:40 JST",
        "Internal notes, lightly edited. Shared with key accounts on July 9 at 07:00 PDT.",
        "KOBE MINATO SHIMBUN — Evening edition, Wednesday, July 9, 2025 — Economy. Translated for the paper's web page.",
    ],
)
def test_the_day_an_issue_stamps_itself_with_is_not_the_day_of_its_news(stamp):
    # the masthead, byline or filing line gives the day of publication; the lead's own day is the news'
    facts = facts_of(
        f"{stamp}\n"
        "Exporters in Kobe have had a busy week, and the yen held firm against the dollar on the news.\n"
        "On Monday, U.S. President Donald Trump signed an order that keeps a 25% tariff on Japanese cars.\n"
        "Japan's chief negotiator Akazawa said Japan would keep negotiating on the tariffs with the United States.",
        title="Car tariff order: what it means for shippers",
        published="2025-07-09T11:00:00Z",
    )
    assert facts.date == "2025-07-07"


@pytest.mark.parametrize("dateline", ["NAGOYA, July 9, 2025 —", "OSAKA, 9 July 2025 (10:15 JST):", "Sapporo, 9 July:"])
def test_the_day_of_a_dateline_opening_the_lead_is_the_filing_day(dateline):
    facts = facts_of(
        f"{dateline} U.S. President Donald Trump on Monday signed an order that keeps a 25% tariff on Japanese "
        "cars.\nJapan's chief negotiator Akazawa said Japan would keep negotiating on the tariffs with the United States.",
        title="Trump keeps car tariff in place",
        published="2025-07-09T03:00:00Z",
    )
    assert facts.date == "2025-07-07"


def test_a_thing_published_on_a_day_is_dated_by_it():
    # "published" tells of the letter, not of the story: the letter's day is the news
    facts = facts_of(
        "Kyoto, 9 July 2025\n"
        "The growers' union has taken note of the letter from President Trump to Prime Minister Ishiba, published "
        "on 8 July, which sets a 25% tariff on Japanese goods.\n"
        "Japan's chief negotiator Akazawa said Japan would keep negotiating on the tariffs with the United States.",
        title="Growers' statement on the tariff letter",
        published="2025-07-09T02:00:00Z",
    )
    assert facts.date == "2025-07-08"


def test_a_story_that_dates_nothing_but_its_issue_takes_the_issue_s_day():
    # a market close, live on the day (its stamp leads no story told from the day before)
    facts = facts_of(
        "Tokyo Close | Wed 9 Jul 2025, 15:10 JST\n"
        "- Nikkei -2.1%, autos lead the fall as the 25% US tariff on Japanese cars stays\n"
        "- Japan's chief negotiator Akazawa says Japan will keep negotiating on the tariffs with the United States",
        title="Tokyo Close: autos slide on US car tariff",
        published="2025-07-09T06:15:00Z",
    )
    assert facts.date == "2025-07-09"


@pytest.mark.parametrize(
    "opening",
    [
        "KOBE GROWERS' ASSOCIATION\nGROWER BULLETIN No. 2025-09 — Wednesday, July 9, 2025\n"
        "TO: All registered growers and exporting members\n",
        "Sent: Wednesday, July 9, 2025, 4:00 PM JST (daily digest, results from the last 24 hours)\n1. ",
    ],
)
def test_a_bulletin_or_a_digest_that_dates_nothing_but_its_issue_tells_of_the_day_before_it(opening):
    # put together from what happened before it went out: a call in Washington is the next day's news in Kobe
    facts = facts_of(
        f"{opening}Prime Minister Ishiba spoke by telephone with President Trump about the 25% tariff on Japanese "
        "cars, and the two agreed that Akazawa would keep negotiating with the United States.\n"
        "The Committee advises members to hold their August contracts.",
        title="Ishiba and Trump talk tariffs by phone",
        published="2025-07-09T06:15:00Z",
    )
    assert facts.date == "2025-07-08"


def test_a_posts_stamp_is_no_day_of_its_news():
    # a thread's post stamped on the writer's clock, in Tokyo, tells of a sitting the day before in Washington
    facts = facts_of(
        "1: Anonymous 2025/05/02(Fri) 07:41:09 ID:Rk3v — Akazawa held the second round of ministerial tariff talks "
        "in Washington with Treasury Secretary Bessent.\n"
        "4: Anonymous 2025/05/02(Fri) 07:43:55 ID:pQ8m — 130 minutes and the result is we'll meet again",
        title="[Tariffs] Second round of Japan-US talks thread",
        published="2025-05-01T23:00:00Z",
    )
    assert facts.date == "2025-05-01"


def test_a_day_with_a_time_after_a_preposition_is_the_news_day():
    mentions = find_dates("On 2025.10.30 (Thu) at 11:00, the two presidents met at Gimhae Air Base.")
    assert resolve(mentions[0], date(2025, 10, 30), forward=False) == date(2025, 10, 30)
    facts = facts_of(
        "The first round of tariff talks was held on 2025/07/09 at 10:00 in Washington between Akazawa and Lutnick.",
        title="First round of tariff talks held",
        published="2025-07-09T20:00:00Z",
    )
    assert facts.date == "2025-07-09"


@pytest.mark.parametrize(
    "written", ["on Thursday, June 5", "on Thursday June 5", "Thursday, 5 June", "on Thursday, 06/05/2025"]
)
def test_a_days_name_before_its_date_is_that_date_not_the_last_such_weekday(written):
    # published three weeks later: the last Thursday would be June 26
    mentions = find_dates(f"Akazawa and Lutnick met {written} in Washington.")
    assert [m.kind for m in mentions] in (["explicit"], ["numeric"])
    assert resolve(mentions[0], date(2025, 6, 27), forward=False) == date(2025, 6, 5)


def test_a_days_name_with_another_date_later_in_the_sentence_keeps_its_own_day():
    mentions = find_dates("Akazawa met Lutnick on Friday and will return on June 20.")
    assert [m.kind for m in mentions] == ["weekday", "explicit"]


def test_yesterday_before_the_date_it_names_is_that_date():
    # an account written days later: "yesterday" is no longer the day before publication
    mentions = find_dates("The first round took place yesterday, Wednesday, June 4, in Washington.")
    assert [m.kind for m in mentions] == ["explicit"]


@pytest.mark.parametrize(("opening", "day"), [("Yesterday", date(2025, 6, 26)), ("Today", date(2025, 6, 27)),
                                              ("Tomorrow", date(2025, 6, 28))])  # fmt: skip
def test_a_relative_day_opening_a_sentence_is_a_day(opening, day):
    mentions = find_dates(f"{opening}, Akazawa met Lutnick in Washington.")
    assert [m.kind for m in mentions] == ["relative"]
    assert resolve(mentions[0], date(2025, 6, 27), forward=False) == day


@pytest.mark.parametrize(
    ("published", "day"),
    [(date(2025, 7, 11), date(2025, 7, 14)),  # all ahead: the round opens on the first day
     (date(2025, 7, 18), date(2025, 7, 17)),  # all over: it ended on the last
     (date(2025, 7, 15), date(2025, 7, 17))],  # under way: its last day, as for a round held
)  # fmt: skip
def test_days_of_a_meeting_not_yet_begun_are_dated_by_the_first(published, day):
    mentions = find_dates("the fifth round, held in Washington from July 14 to 17")
    assert resolve(mentions[0], published, forward=False) == day


def test_today_before_a_colon_heads_an_issues_contents_and_dates_nothing():
    assert find_dates("Today: the tariff deal in detail, and what it means for carmakers.") == []
    # within a line, it is the day of what follows
    assert [m.kind for m in find_dates("Stock market today: shares fall as tariff letters hit Japan")] == ["relative"]


def test_a_year_of_another_era_is_read_as_the_year_of_the_news():
    # a Thai paper writes the Buddhist year: 2568 is 2025
    mentions = find_dates("The team met on Thursday, 3 July 2568, in Washington.")
    assert resolve(mentions[0], date(2025, 7, 4), forward=False) == date(2025, 7, 3)


@pytest.mark.parametrize(
    "written", ["2025.10.30 (Thu)", "2025.10.30.(Thu.)", "2025/10/30", "2025-10-30"]
)
def test_a_day_written_year_first_in_figures_is_read(written):
    # East Asian notices and forums write the year first, in figures
    mentions = find_dates(f"On {written}, the two presidents met at Gimhae Air Base.")
    assert [m.kind for m in mentions] == ["numeric"]
    assert resolve(mentions[0], date(2025, 11, 3), forward=False) == date(2025, 10, 30)


@pytest.mark.parametrize("written", ["2025-26/058", "2025.13.40", "12025.10.30", "2025.10.301"])
def test_figures_that_only_look_year_first_name_no_day(written):
    assert [m for m in find_dates(f"Ref: {written}") if resolve(m, date(2025, 11, 3), forward=False)] == []


def test_a_day_of_the_month_is_searched_only_from_a_digit():
    from bot.extract.dates import DAY_OF_MONTH

    assert DAY_OF_MONTH.pattern.startswith(r"(?=\d)")  # the search leaves every other character at once
    assert [m.group() for m in DAY_OF_MONTH.finditer("on the 16th, then 7/21/2025 and a5th")] == ["16th", "7/21/2025"]


@pytest.mark.parametrize(("days", "day"), [("on the 5th and 6th", "2025-06-06"), ("on the 5th-6th", "2025-06-06")])
def test_a_round_held_over_days_of_the_month_alone_is_dated_by_its_last(days, day):
    facts = facts_of(
        "Akazawa held the fifth round of ministerial talks with the United States in Washington "
        f"{days} (local time), meeting Commerce Secretary Howard Lutnick.",
        title="Fifth round of tariff talks ends",
        published="2025-06-07T03:00:00Z",
    )
    assert facts.date == day


@pytest.mark.parametrize(
    "told",
    [
        "As most of you will have seen on the television on Wednesday night, Akazawa flew to Washington for his sixth "
        "round of tariff talks with Commerce Secretary Howard Lutnick.",
        "As you would have read on Wednesday, Akazawa flew to Washington for his sixth round of tariff talks with "
        "Commerce Secretary Howard Lutnick.",
    ],
)
def test_a_future_perfect_that_looks_back_does_not_send_a_weekday_ahead(told):
    facts = facts_of(told, title="Sixth round of tariff talks", published="2025-06-13T08:00:00Z")  # a Friday
    assert facts.date == "2025-06-11"
