"""The cheap tests that let the day-and-place finder skip a pattern never skip one that matches."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.dates import find_dates
from bot.extract.profile import DEFAULT_PROFILE, load_profile
from bot.extract.when_where import (
    _DATELINE,
    _MEASURE_START,
    _MEASURE_START_WORDS,
    _OTHER_DAY,
    _OTHER_DAY_WORDS,
    _SPOKE,
    _SPOKE_WORDS,
    _TRAVEL,
    _TRAVEL_WORDS,
    EventDates,
    _RoundPositions,
    _searched,
    _starts_a_measure,
    event_location,
    find_dateline,
)
from tests.bot.extract.helpers import article_of, facts_of

_DATELINE_WORDS = ["TOKYO", "WASHINGTON", "Washington", "New", "York", ",", "June", "28", "Jun.", "(Kyodo)", "(AP)",
                   "(Jiji Press)", "Reuters", "--", "—", "–", "-", "Japan", "and", "the", "U.S.", "held", "talks",
                   "Japan-U.S.", "KYODO", "NEWS", "|", "(", ")", "’s", "D.C."]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(_DATELINE_WORDS), max_size=12).map(" ".join))
def test_a_sentence_without_a_dash_is_never_a_dateline(text):
    if _DATELINE.match(text):
        assert "-" in text or "—" in text or "–" in text


_BEFORE_WORDS = ["Akazawa", "left", "Left", "LEAVES", "departure", "arrived", "flying", "flew", "Flies", "travelling",
                 "headed", "returns", "set", "sets", "off", "said", "Says", "told", "reporters", "announced", "stated",
                 "added", "noted", "wrote", "posted", "early", "late", "on", "this", "before", "by", "until", "till",
                 "ahead", "of", "from", "Effective", "starting", "beginning", "as", "deadline", "due", "the", "for",
                 "Washington", "talks", ";", ",", "’s", "ſaid", "ſet", "LEFT", "\n", "  ", "expires", "runs", "out",
                 "took", "effect", "comes", "into", "force", "kicks", "in", "lapsed",
                 "With", "Effective", "takes", "went", "as of", "tariff", "25%", "Levies"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(words=st.lists(st.sampled_from(_BEFORE_WORDS), max_size=14), end=st.sampled_from(["", " "]))
def test_the_words_a_pattern_needs_skip_it_only_where_it_would_not_match(words, end):
    text = " ".join(words) + end  # a window before a date usually ends with a space
    lower = text.lower() if text.isascii() else None
    for pattern, words in ((_TRAVEL, _TRAVEL_WORDS), (_SPOKE, _SPOKE_WORDS), (_OTHER_DAY, _OTHER_DAY_WORDS),
                           (_MEASURE_START, _MEASURE_START_WORDS)):
        assert _searched(pattern, words, text, lower) == (pattern.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(
    positions=st.lists(st.integers(0, 60), min_size=1, max_size=12),
    target=st.integers(-5, 70),
    span=st.tuples(st.integers(0, 60), st.integers(0, 30)),
)
def test_round_positions_answer_as_a_scan_of_the_list_does(positions, target, span):
    """The log-time lookups a long article needs give what `min` and `next` over the list give."""
    found = _RoundPositions(positions)
    assert found.nearest(target) == min(positions, key=lambda p: abs(p - target))
    start, end = span[0], span[0] + span[1]
    assert found.first_within(start, end) == next((p for p in positions if start <= p < end), None)


# -- the steps of find_when_where, one by one ---------------------------------------------------

PUBLISHED = "2025-06-07T03:00:00Z"  # a Saturday


def _sentence(article, words: str):
    return next(s for s in article.sentences if words in s.text)


def test_the_event_is_placed_in_the_first_city_its_sentences_name():
    # (the city is named below the lead, which places a meeting on its own: see the next tests)
    article = article_of(
        "Akazawa arrived on Wednesday.\nTokyo waits.\nMarkets wait.\n"
        "Akazawa met Bessent in Washington on Friday for the fifth round."
    )
    sentence = _sentence(article, "fifth round")
    assert event_location(article, [sentence], _RoundPositions([]), 0, None) == ("Washington", sentence.text)
    assert event_location(article, [_sentence(article, "arrived")], _RoundPositions([]), 0, None) == (None, None)


@pytest.mark.parametrize(
    "person",
    ["accompanied by Akazawa, who has flown to Washington five times this year",
     "accompanied by Akazawa, the minister who has flown to Washington five times this year"],
)
def test_a_city_in_a_persons_story_does_not_place_the_event(person):
    article = article_of(f"Ishiba met Trump on Monday, {person}.")
    sentence = _sentence(article, "accompanied")
    assert event_location(article, [sentence], _RoundPositions([]), 0, None) == (None, None)


@pytest.mark.parametrize(
    "tally",
    ["Lutnick and Akazawa, who negotiated the deal through eight rounds in Washington, met on Monday",
     "Akazawa has now held six rounds of talks in Washington since April, the last of them on Friday",
     "Ishiba met Trump on Monday after 7 rounds of ministerial talks in Washington"],
)
def test_a_tally_of_sittings_tells_where_they_were_not_where_the_event_is(tally):
    article = article_of(f"{tally}.")
    sentence = article.sentences[0]
    assert event_location(article, [sentence], _RoundPositions([]), 0, None) == (None, None)


def test_a_count_that_is_no_tally_of_sittings_keeps_the_city():
    article = article_of("Akazawa met Bessent for two hours in Washington on Friday.")
    sentence = article.sentences[0]
    assert event_location(article, [sentence], _RoundPositions([]), 0, None)[0] == "Washington"


def test_without_a_city_in_its_sentences_or_a_dateline_the_event_is_placed_where_the_lead_says_it_happened():
    article = article_of(
        "Ishiba and Trump fail to strike tariff deal in Kananaskis, automakers wait\n"
        "The two leaders agreed on Monday to keep talking. The conversation lasted half an hour.",
        published=PUBLISHED,
    )
    headline = _sentence(article, "automakers")
    assert event_location(article, [_sentence(article, "conversation")], _RoundPositions([]), 0, None) == (
        "Kananaskis",
        headline.text,
    )


def test_a_city_the_lead_names_for_what_is_to_come_or_by_a_building_does_not_place_the_event():
    article = article_of(
        "Trump leaves the summit early\n"
        "The White House confirmed the president's departure. He will fly back to Washington tonight.",
        published=PUBLISHED,
    )
    assert event_location(article, [], _RoundPositions([]), 0, None) == (None, None)


def test_a_city_of_a_lead_sentence_naming_no_one_of_the_talks_and_no_sitting_does_not_place_the_event():
    article = article_of(
        "Tariff letters: what the talks mean for exporters\n"
        "The writer is a former trade official and teaches trade law at a university in Osaka. "
        "Our lead this week comes from Tokyo.",
        published=PUBLISHED,
    )
    assert event_location(article, [], _RoundPositions([]), 0, None) == (None, None)


def test_without_a_city_in_its_sentences_the_event_is_placed_in_the_datelines_city():
    article = article_of(
        "WASHINGTON, June 6 (Kyodo) -- The fifth round of tariff talks ended on Friday.", published=PUBLISHED
    )
    dateline = find_dateline(article)
    assert dateline is not None and dateline.city == "Washington"
    assert event_location(article, [], _RoundPositions([]), dateline.end, dateline) == (
        "Washington",
        dateline.sentence.text,
    )


def test_the_round_sentence_gives_the_day_and_of_several_days_the_last():
    article = article_of(
        "Akazawa and Bessent held the fifth round in Washington on Thursday and again on Friday.", published=PUBLISHED
    )
    sentence = _sentence(article, "fifth round")
    dates = EventDates(article, "Washington", 0, None)
    assert dates.from_round([sentence], strict=True) == (date(2025, 6, 6), sentence.text)
    assert dates.from_round([], strict=True) is None


def test_a_meeting_sentence_gives_the_day_of_its_own_clause_only():
    article = article_of(
        "Akazawa met Lutnick on Thursday; an Ishiba-Trump summit is set for Monday.", published=PUBLISHED
    )
    sentence = _sentence(article, "Lutnick")
    first_clause = [(sentence.start, sentence.text.index(";") + sentence.start)]
    dates = EventDates(article, "Washington", 0, None)
    assert dates.from_meetings([sentence], {sentence.index: first_clause}, strict=False) == (
        date(2025, 6, 5),
        sentence.text,
    )


def test_a_dateline_carries_its_own_day():
    article = article_of("WASHINGTON, June 6 (Kyodo) -- Talks ended without a deal.", published=PUBLISHED)
    dateline = find_dateline(article)
    assert EventDates(article, None, dateline.end, None).from_dateline(dateline) == (
        date(2025, 6, 6),
        dateline.sentence.text,
    )


def test_an_event_without_a_round_takes_the_first_day_of_the_lead():
    article = article_of(
        "Trade news.\nPresident Trump sent a letter to Prime Minister Ishiba on Monday announcing a 25% tariff on all goods.",
        published=PUBLISHED,
    )
    found = EventDates(article, None, 0, None).from_lead()
    assert found is not None and found[0] == date(2025, 6, 2) and "letter" in found[1]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Levies of 20% on bicycles apply from May 3 under the order.", "May 3"),
        ("The higher rate on textiles applies effective August 7, the order says.", "August 7"),
        ("Duties on toys rise to 30% starting April 5 for every importer.", "April 5"),
        ("A 12% rate on lumber applies as of July 1 under the schedule.", "July 1"),
        ("The quota on rice is cut with effect from Monday under the order.", "Monday"),
        ("The surcharge on cheese takes effect on Aug. 1 under the order.", "Aug. 1"),
    ],
)
def test_a_day_a_measure_starts_is_not_the_event(text, day):
    article = article_of(f"Trade news.\nThe council met to weigh its reply.\n{text}", published=PUBLISHED)
    sentence = _sentence(article, day)
    dates = EventDates(article, None, 0, None)
    assert dates.candidates(sentence, strict=False) == []


@pytest.mark.parametrize(
    "text", ["The envoys hold talks in Washington from Wednesday.", "The envoy will visit the capital from Wednesday."]
)
def test_a_meetings_or_a_visits_days_from_a_day_are_the_event(text):
    article = article_of(f"Trade news.\n{text}", published=PUBLISHED)
    sentence = _sentence(article, "Wednesday")
    assert len(EventDates(article, None, 0, None).candidates(sentence, strict=False)) == 1


def test_the_lead_passes_over_a_measures_start_for_the_event():
    article = article_of(
        "Trade news.\nA 15% levy on farm machinery has applied from May 3 under the order, and the council "
        "adopted a resolution against it on Thursday.",
        published=PUBLISHED,
    )
    found = EventDates(article, None, 0, None).from_lead()
    assert found is not None and found[0] == date(2025, 6, 5)


def test_a_measure_taking_effect_as_the_leads_event_keeps_its_day():
    article = article_of(
        "Trade news.\nThe new duties on farm machinery took effect this week.\nThey apply to all shipments from June 3.",
        published=PUBLISHED,
    )
    sentence = _sentence(article, "June 3")
    mentions = find_dates(sentence.text, sentence.start)
    assert mentions and not _starts_a_measure(article, mentions[0], sentence)


def test_a_known_city_and_a_colon_open_a_story_as_a_dateline():
    article = article_of("Washington: The fifth round of tariff talks ended on Friday.", published=PUBLISHED)
    dateline = find_dateline(article)
    assert dateline is not None and dateline.city == "Washington"
    assert article.text[dateline.end :].startswith("The fifth round")


@pytest.mark.parametrize("opening", ["Synopsis: The fifth round ended.", "Opinion: Talks went nowhere."])
def test_a_label_and_a_colon_is_no_dateline(opening):
    assert find_dateline(article_of(opening, published=PUBLISHED)) is None


def test_a_synopsis_before_a_colon_dateline_is_part_of_the_story():
    facts = facts_of(
        "Synopsis: Akazawa will hold three days of talks with Lutnick from Wednesday, the eighth round of the "
        "tariff negotiations.\n"
        "Washington: Japan's negotiators will be in the U.S. capital this week for the eighth round.",
        published="2025-06-23T01:00:00Z",
    )
    assert (facts.round, facts.date, facts.location) == (8, "2025-06-25", "Washington")


def test_a_building_the_profile_writes_with_capitals_is_not_found_in_lower_case():
    assert [m.value for m in article_of("Akazawa met Lutnick at the Commerce Department.").buildings] == [
        "Washington"
    ]
    assert article_of("Akazawa, who once ran a commerce department team, met Lutnick.").buildings.within(0, 999) == []


def test_a_building_the_profile_writes_in_lower_case_is_found_so():
    profile = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
    article = article_of("He Lifeng met Bessent at the prime minister's office.", profile=profile)
    assert [m.value for m in article.buildings.within(0, len(article.text))] == ["Stockholm"]


def test_sat_down_reports_a_meeting_held_whatever_the_asides_plan():
    facts = facts_of(
        "On Monday, in Washington, Akazawa, who takes over as foreign minister next week, sat down with Lutnick "
        "for talks on tariffs.",
        published="2025-06-26T01:00:00Z",
    )
    assert facts.date == "2025-06-23"


def test_without_a_round_a_lead_day_of_the_event_beats_a_meeting_s_day_of_travel():
    facts = facts_of(
        "Japan and the U.S. on Tuesday agreed to intensify efforts toward a deal after their negotiators met for "
        "seven hours, officials said.\n"
        "Lutnick, who flew in late on Monday for a one-day visit, held talks with Akazawa in Tokyo.",
        published="2025-06-25T09:00:00Z",
    )
    assert facts.round is None
    assert facts.date == "2025-06-24"


def test_a_place_in_the_clause_a_count_runs_from_is_not_the_meeting_s():
    facts = facts_of(
        "Japan and the U.S. on Saturday concluded four days of tariff talks, the first round of negotiations since "
        "the two leaders announced the pact in Washington last month, officials said.",
        title="Japan, U.S. wrap up first round of tariff talks in Tokyo",
        published="2025-06-28T12:00:00Z",
    )
    assert (facts.round, facts.location) == (1, "Tokyo")


def test_since_a_time_leaves_the_meeting_s_place_its_own():
    facts = facts_of(
        "Akazawa held the seventh round of talks, the first since April to take place in Washington, on Friday.",
        published="2025-06-28T12:00:00Z",
    )
    assert facts.location == "Washington"


def test_a_place_after_a_possessive_is_the_place_of_the_meeting():
    facts = facts_of(
        "Akazawa met Lutnick at Trump's Washington residence on Friday for the seventh round of tariff talks.",
        published="2025-06-28T12:00:00Z",
    )
    assert facts.location == "Washington"


CALL_STORY = (
    "Exporters in Tokyo woke up on Monday to the news.\n"
    "President Donald Trump said on Sunday that he had spoken to Prime Minister Shigeru Ishiba by phone about "
    "tariffs and that Japan would buy more rice.\n"
    "Ishiba thanked him on X.\n"
    "The call comes days after Akazawa held three days of talks with Lutnick in Washington, ending on Friday."
)


def test_a_story_of_a_call_is_dated_by_the_call_and_placed_nowhere():
    facts = facts_of(
        CALL_STORY, title="Trump says Ishiba assured him on tariffs in weekend call", published="2025-06-30T03:00:00Z"
    )
    assert (facts.round, facts.date, facts.location) == (None, "2025-06-29", None)


def test_without_a_call_in_the_headline_the_talks_below_are_the_event():
    facts = facts_of(CALL_STORY, title="Japan, U.S. keep talking on tariffs", published="2025-06-30T03:00:00Z")
    assert (facts.date, facts.location) == ("2025-06-27", "Washington")


def test_a_call_the_headline_previews_is_dated_ahead():
    facts = facts_of(
        "President Donald Trump will speak to Prime Minister Shigeru Ishiba by phone on Friday about tariffs, "
        "officials said.",
        title="Trump to hold call with Ishiba on tariffs",
        published="2025-06-25T03:00:00Z",
    )
    assert facts.date == "2025-06-27"


def test_a_round_without_a_day_of_its_own_takes_the_day_its_paragraph_gives_a_sitting():
    facts = facts_of(
        "Japan and the United States remain far apart on tariffs, officials said.\n"
        "By the time Akazawa walked into the Commerce Department last Friday, the guards knew him. It was the "
        "seventh round of a negotiation that was supposed to be over.",
        published="2025-07-03T00:00:00Z",
    )
    assert (facts.round, facts.date) == (7, "2025-06-27")


def test_of_a_neighbour_s_days_the_last_sitting_and_never_a_day_since():
    facts = facts_of(
        "Akazawa came home from his seventh round of tariff talks in Washington. Akazawa, who had been in the "
        "U.S. capital since Wednesday, met Lutnick on Thursday and again on Friday.",
        published="2025-06-30T05:00:00Z",
    )
    assert facts.date == "2025-06-27"


def test_a_neighbour_telling_of_no_sitting_lends_the_round_no_day():
    facts = facts_of(
        "By the fifth round of tariff talks in early June, Akazawa was shuttling between offices in Washington. "
        "Then came Trump's letter of July 7, which set a 25% tariff on Japanese goods.",
        published="2025-07-14T09:00:00Z",
    )
    assert facts.round == 5 and facts.date != "2025-07-07"


def _around_round(body: str, published: str):
    article = article_of(body, published=published)
    dates = EventDates(article, "Washington", 0, None)
    rounds = [s for s in article.sentences if "round" in s.text]
    found = dates.around_round(rounds)
    return found[0].isoformat() if found else None


def test_a_round_without_a_day_in_its_paragraph_takes_the_sitting_day_of_the_next_paragraph():
    body = (
        "Tokyo and Washington finished their third round of ministerial tariff talks without a deal.\n"
        "The talks were held on Thursday at the Commerce Department, officials said."
    )
    assert _around_round(body, "2025-05-24T02:00:00Z") == "2025-05-22"


def test_a_neighbouring_paragraph_s_sitting_of_weeks_ago_or_of_another_round_lends_the_round_no_day():
    weeks_ago = (
        "Akazawa has held a fourth round of tariff talks in Washington, his office said.\n"
        "The first talks were held on April 16 at the White House."
    )
    another = (
        "Akazawa has held a fourth round of tariff talks in Washington, his office said.\n"
        "Negotiators of two other countries wrapped up a 13th round of talks at the White House on Thursday."
    )
    assert _around_round(weeks_ago, "2025-06-02T02:00:00Z") is None
    assert _around_round(another, "2025-06-02T02:00:00Z") is None


@pytest.mark.parametrize(
    "other_clock", ["early Friday morning here in Osaka", "early Friday AEST", "Friday, Tokyo time"]
)
def test_a_day_on_another_clock_than_the_meetings_does_not_date_it(other_clock):
    facts = facts_of(
        "Akazawa and Lutnick held their talks at the Commerce Department in Washington on Thursday afternoon, "
        f"{other_clock}, in the third round of negotiations.",
        published="2025-05-23T15:00:00Z",
    )
    assert facts.date == "2025-05-22"


def test_a_day_on_the_meetings_own_clock_dates_it():
    facts = facts_of(
        "Akazawa and Lutnick held the third round of talks at the Commerce Department in Washington on "
        "Thursday EDT, officials said.",
        published="2025-05-23T15:00:00Z",
    )
    assert facts.date == "2025-05-22"


def test_a_visit_to_come_with_several_sittings_is_dated_by_its_first():
    facts = facts_of(
        "Akazawa flies to Washington tomorrow for the fifth round of ministerial talks.\n"
        "He is due to meet Lutnick on Thursday and Bessent on Friday, officials said.",
        published="2025-06-03T02:00:00Z",
    )
    assert (facts.round_status, facts.date) == ("upcoming", "2025-06-05")


def test_a_day_gone_by_in_a_sentence_that_looks_ahead_is_no_sitting_to_come():
    facts = facts_of(
        "Akazawa met Lutnick at the Commerce Department on Wednesday, officials said.\n"
        "Akazawa is due to meet Bessent on Thursday, after a call that was called off last Friday.",
        published="2025-06-05T01:00:00Z",
    )
    assert facts.date == "2025-06-05"


def test_a_day_in_another_meetings_clause_does_not_date_the_round():
    facts = facts_of(
        "Akazawa leaves for Washington on Thursday for a sixth round of talks, the last before Ishiba is "
        "expected to meet Trump at the summit, which opens on Sunday.\n"
        "Akazawa is expected to meet Lutnick on Friday, officials said.",
        published="2025-06-12T03:00:00Z",
    )
    assert (facts.round, facts.date) == (6, "2025-06-13")


@pytest.mark.parametrize("once", ["had been pencilled in for Friday, March 13", "was originally scheduled for March 13"])
def test_a_round_put_off_takes_its_new_day_and_stays_upcoming(once):
    facts = facts_of(
        "Japan's tariff negotiator Ryosei Akazawa will put off his next trip to Washington by a week, officials said on Tuesday.\n"
        f"The ninth round of tariff talks {once}, but no time could be found with Lutnick.\n"
        "Akazawa is now expected to hold the ninth round with Lutnick on March 20.\n"
        "He last met Lutnick on March 2.",
        published="2026-03-10T09:00:00Z",
    )
    assert (facts.round, facts.date, facts.round_status) == (9, "2026-03-20", "upcoming")


def _with_timezone(tmp_path, zone: str | None):
    from tests.bot.extract.helpers import DATED_PROFILE

    text = DATED_PROFILE if zone is None else DATED_PROFILE.replace('subject_terms = ["tariffs?"]', f'subject_terms = ["tariffs?"]\ntimezone = "{zone}"')
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return load_profile(path)


def test_an_event_with_no_place_is_dated_on_the_profiles_clock_else_utc(tmp_path):
    # 22:30 UTC on a Wednesday is already Thursday morning in Seoul
    body = "Korea and the US agreed on the tariffs today, the finance ministry said."
    published = "2025-07-30T22:30:00Z"
    seoul = article_of(body, profile=_with_timezone(tmp_path, "Asia/Seoul"), published=published)
    utc = article_of(body, profile=_with_timezone(tmp_path, None), published=published)
    assert EventDates(seoul, None, 0, None).anchor == date(2025, 7, 31)
    assert EventDates(utc, None, 0, None).anchor == date(2025, 7, 30)


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        ("Japan and the United States held trade talks in Washington on Friday, the government said.", "Washington"),
        ("Japan and the United States met in Tokyo on Friday for tariff talks.", "Tokyo"),
    ],
)
def test_a_place_where_the_two_sides_met_is_the_location_with_no_one_named(sentence, city):
    facts = facts_of(sentence + "\nJapan wants the tariffs on cars removed.")
    assert (facts.date, facts.location, facts.participants) == ("2025-06-27", city, [])


def test_one_side_alone_in_a_city_places_no_meeting():
    facts = facts_of(
        "Japan wants the United States to remove tariffs on cars, an official said in Tokyo on Friday.\n"
        "Japan held talks with carmakers in Tokyo on Friday."
    )
    assert facts.location is None


def test_a_city_in_a_since_clause_with_talks_is_the_earlier_meetings_not_the_events():
    facts = facts_of(
        "Akazawa held tariff talks with Lutnick on Friday, their first sitting since the talks in Tokyo in May.",
        title="Akazawa and Lutnick hold tariff talks",
    )
    assert facts.location is None


def test_a_meeting_to_come_told_below_the_lead_does_not_date_the_sitting_the_lead_reports():
    facts = facts_of(
        "Japan, US end tariff talks in Washington\n"
        "Akazawa and Lutnick wrapped up two days of tariff talks in Washington on Saturday, officials said.\n"
        "The ministers discussed cars and semiconductors.\n"
        "Markets were calm.\n"
        "Ishiba is expected to meet Trump in Tokyo on Tuesday, officials said.",
        published="2025-06-23T01:00:00Z",
    )
    assert facts.date == "2025-06-21"


def test_a_meeting_to_come_told_below_the_lead_still_dates_a_story_with_no_sitting_held():
    facts = facts_of(
        "Akazawa to meet Lutnick\n"
        "Japan's tariff envoy prepares for more talks.\n"
        "Markets were calm.\n"
        "Exporters are worried.\n"
        "Akazawa is expected to meet Lutnick in Washington on Friday for tariff talks, officials said.",
        published="2025-06-23T01:00:00Z",
    )
    assert facts.date == "2025-06-27"


def test_a_meeting_told_by_a_pronoun_takes_the_day_of_the_sentence_before():
    facts = facts_of(
        "Japan's tariff envoy's day in Washington\n"
        "On Saturday, June 14, the White House sent a letter on tariffs to Tokyo.\n"
        "Japan and the United States are negotiating over the tariffs.\n"
        "Ryosei Akazawa was in Washington on Wednesday. He met Commerce Secretary Howard Lutnick in the morning "
        "to discuss tariffs.",
        published="2025-06-20T01:00:00Z",
    )
    assert facts.date == "2025-06-18"


@pytest.mark.parametrize(
    "recalled",
    [
        "Akazawa and Lutnick have met five times since April, most recently in Washington in May.",
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on May 16 to discuss the car tariffs.",
    ],
)
def test_a_story_whose_only_meeting_is_weeks_old_places_no_event(recalled):
    # published in late June: the meeting recalled is background to a story of no meeting
    facts = facts_of(
        "Japanese carmakers cut their forecasts on Tuesday as the 25% US tariff on cars stays in place.\n" + recalled,
        title="Carmakers cut forecasts on US car tariff",
        published="2025-06-25T06:00:00Z",
    )
    assert (facts.round, facts.location) == (None, None)


def test_a_meeting_of_the_week_is_the_events_though_the_sentence_recalls_older_ones():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday, their first sitting since talks in "
        "April.",
        title="Akazawa and Lutnick meet on car tariffs",
        published="2025-06-23T06:00:00Z",
    )
    assert (facts.date, facts.location) == ("2025-06-20", "Washington")


def test_a_span_since_a_month_runs_on_to_the_day_of_writing():
    facts = facts_of(
        "Japanese carmakers cut their forecasts on Tuesday as the 25% US tariff on cars stays in place.\n"
        "Akazawa, on his sixth trip to Washington since April, met Commerce Secretary Howard Lutnick for 70 minutes.",
        title="Carmakers cut forecasts on US car tariff",
        published="2025-06-25T06:00:00Z",
    )
    assert facts.location == "Washington"


@pytest.mark.parametrize(
    "where",
    ["at an air base near Osaka", "in a hall on the edge of Osaka", "in the Japanese port city of Osaka",
     "in the western city of Osaka"],
)
def test_a_city_named_after_near_the_edge_of_or_the_city_of_places_the_meeting(where):
    facts = facts_of(
        f"Akazawa and Lutnick met {where} on Friday for tariff talks.\nJapan wants the tariffs on cars removed.",
        title="Akazawa and Lutnick hold tariff talks",
    )
    assert facts.location == "Osaka"


@pytest.mark.parametrize(
    "stamp",
    ["TARIFF TICKER | Fri 06/27/2025 | Times New York (EDT)", "Thread unrolled · June 27, 2025 · times ET"],
)
def test_a_sitting_told_only_in_times_of_day_takes_the_day_its_issue_is_stamped_with(stamp):
    facts = facts_of(
        f"{stamp}\n"
        "09:58 AKAZAWA ARRIVES AT COMMERCE FOR THE SEVENTH ROUND OF TARIFF TALKS WITH LUTNICK.\n"
        "10:04 Where things stand: a 25% tariff on cars.\n"
        "12:19 Akazawa and Lutnick wrapped up the seventh round of tariff talks in Washington after two hours.",
        title="Akazawa's seventh round, as it happened",
        published="2025-06-28T01:00:00Z",
    )
    assert (facts.round, facts.date) == (7, "2025-06-27")


def test_a_story_told_in_sentences_does_not_take_its_issues_stamp_for_its_sittings_day():
    # a recap filed days after the round: its stamp is the day it was filed
    facts = facts_of(
        "TARIFF NOTES | Tue 07/01/2025 | Times New York (EDT)\n"
        "Akazawa arrived at Commerce for the seventh round of tariff talks with Lutnick.\n"
        "Where things stand: a 25% tariff on cars.\n"
        "Akazawa and Lutnick wrapped up the seventh round of tariff talks in Washington after two hours.",
        title="Akazawa's seventh round: what it meant",
        published="2025-07-01T01:00:00Z",
    )
    assert (facts.round, facts.date) == (7, None)


def test_a_city_in_a_whether_clause_places_no_meeting():
    facts = facts_of(
        "Akazawa spoke with Lutnick by phone on Friday about the tariffs on cars.\n"
        "What to watch: the car tariff; whether Akazawa meets Lutnick in Washington before August; and the rice quota.",
        title="Akazawa and Lutnick talk tariffs by phone",
    )
    assert facts.location is None


def test_the_day_of_a_document_given_by_of_is_not_the_events():
    facts = facts_of(
        "Today Japan's trade ministry presented two bills to carry out the Japan-US joint statement of June 2 on "
        "tariffs.\nJapan wants the US tariffs on cars removed, Akazawa said.",
        title="Japan presents bills on the US tariff deal",
        published="2025-06-27T03:00:00Z",
    )
    assert facts.date == "2025-06-27"


def test_a_day_on_a_clock_of_two_words_is_not_the_meetings():
    facts = facts_of(
        "The seventh round of tariff talks between Akazawa and Lutnick was held in Washington on Friday "
        "(early Saturday New Zealand time).\nJapan wants the tariffs on cars removed.",
        title="Akazawa and Lutnick hold seventh round",
        published="2025-06-29T01:00:00Z",
    )
    assert facts.date == "2025-06-27"


def test_a_dateline_of_a_day_alone_with_its_agency_stamps_the_issue_not_the_event():
    facts = facts_of(
        "Sept 5 (Wire) - U.S. President Donald Trump on Thursday signed an executive order putting the "
        "trade agreement with Japan into effect.",
        published="2025-09-05T03:15:00Z",
    )
    assert facts.date == "2025-09-04"


def test_the_day_of_an_event_a_lead_recalls_gives_way_to_the_days_of_its_own():
    facts = facts_of(
        "Six weeks after the Japan-U.S. deal of July 22, President Donald Trump on Thursday signed the "
        "executive order that puts it into effect.\n"
        "On the same day in Washington, Lutnick and Akazawa signed a memorandum on Japan's investment.",
        title="Japan auto tariff cut finally lands",
        published="2025-09-08T12:00:00Z",
    )
    assert facts.date == "2025-09-04"


def test_a_story_stamped_with_its_issue_day_is_dated_by_the_event_its_opening_tells():
    facts = facts_of(
        "By Jane Roe, Senior Editor | July 24, 2025\n"
        "If you have been waiting to buy a new car, the news out of Washington this week is good news.\n"
        "On Tuesday evening, President Donald Trump announced a deal with Japan on social media. The "
        "announcement came after a meeting at the White House with Japan's tariff negotiator, Ryosei Akazawa, in "
        "the tariff talks.\n"
        "Cars from Japan will pay 15%, which replaces today's 27.5% auto tariff.",
        title="Japan-U.S. tariff deal: what the new 15% rate means for car buyers",
        published="2025-07-24T16:00:00Z",
    )
    assert facts.date == "2025-07-22"


def test_a_meeting_the_news_reports_held_without_a_day_is_of_the_day_it_appeared():
    facts = facts_of(
        "Trump says he met Japan's tariff negotiator Ryosei Akazawa at the White House, calls it "
        "\"a great honor\" and \"Big Progress!\"",
        title="ALERT: Trump says he met Japan's tariff negotiator Akazawa at the White House",
        published="2025-04-16T21:40:00Z",  # 5:40 p.m. in Washington
    )
    assert facts.date == "2025-04-16"


def test_a_day_named_in_the_opening_that_is_not_the_day_of_publication_keeps_a_meeting_undated():
    # the steps take no day for its sitting, and the story is no news of the day it appeared
    facts = facts_of(
        "So yesterday afternoon was a big day for the suppliers of our county.\n"
        "Akazawa sat down with President Trump in the Oval Office for about fifty minutes.",
        title="Podcast: what the tariff talks mean for local suppliers",
        published="2025-04-17T15:00:00Z",
    )
    assert facts.date is None


def test_an_opening_that_names_only_the_day_of_publication_still_dates_the_meeting_by_it():
    facts = facts_of(
        "Good morning. It's Wednesday 16 April.\n"
        "Trump met Japan's tariff negotiator Ryosei Akazawa at the White House for about 50 minutes.",
        title="Morning briefing: Trump meets Akazawa",
        published="2025-04-16T20:30:00Z",
    )
    assert facts.date == "2025-04-16"
