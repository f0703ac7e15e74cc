"""The round an article reports on, and whether it was held or is upcoming."""

import pytest

from bot.extract.rounds import story_end
from tests.bot.extract.helpers import article_of, facts_of

HELD = "Japan and the United States held the {} of tariff talks in Washington on Friday, Akazawa said."


@pytest.mark.parametrize(
    ("words", "number"),
    [("fifth round", 5), ("5th round", 5), ("sixth ministerial round", 6), ("seventh ministerial-level meeting", 7),
     ("4th ministerial negotiation", 4), ("fourth negotiation", 4), ("third Japan-U.S. ministerial consultation", 3),
     ("second U.S.-Japan round", 2)],
)
def test_ordinals_name_the_round(words, number):
    facts = facts_of(HELD.format(words) + "\nAkazawa met Treasury Secretary Scott Bessent on Friday to discuss tariffs.")
    assert (facts.round, facts.round_status) == (number, "held")


@pytest.mark.parametrize("words", ["round 6", "Round Six", "round six"])
def test_round_followed_by_a_number(words):
    facts = facts_of(
        f"Ryosei Akazawa and Howard Lutnick wrapped up {words} of the US-Japan tariff negotiations in Washington on Friday."
        "\nJapan seeks removal of the tariffs, Akazawa told reporters after meeting Lutnick."
    )
    assert facts.round == 6


def test_a_round_named_in_apposition():
    facts = facts_of(
        "Japan and the U.S. wrapped up their latest tariff negotiations in Washington on Friday, the seventh since "
        "April, without a deal, Akazawa said after meeting Lutnick.",
        published="2025-07-05T01:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.date, facts.location) == (7, "held", "2025-07-04", "Washington")


def test_a_round_named_in_apposition_between_dashes_and_the_leaders_meeting_after_when_he_meets():
    facts = facts_of(
        "Japan's chief trade negotiator has left Washington without a deal on tariffs after the latest round — the "
        "sixth — of talks, dimming hopes of a deal when he meets Donald Trump at next week's G7 summit.\n"
        "Ryosei Akazawa met commerce secretary Howard Lutnick for an hour and 10 minutes on Friday."
    )
    assert (facts.round, facts.round_status) == (6, "held")
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_the_headline_alone_can_name_the_round():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington for 70 minutes on Friday to discuss U.S. tariffs.",
        title="Japan, U.S. hold 6th round of tariff talks",
    )
    assert facts.round == 6


@pytest.mark.parametrize(
    "sentence",
    [
        "Akazawa has made six trips to Washington to negotiate tariffs with the United States.",
        "It was Akazawa's tenth visit to the U.S. for tariff talks with the United States.",
        "Akazawa has visited the United States for tariff negotiations for the third consecutive week.",
        "Japan and the United States agreed to hold another round of tariff talks.",
        "Akazawa spoke at the fifth roundtable of Japanese and U.S. business leaders on tariff talks.",
        "Lutnick joined a second round-up of tariff talks news with the United States press in Tokyo.",
    ],
)
def test_trips_visits_weeks_and_unnumbered_rounds_are_not_rounds(sentence):
    facts = facts_of(sentence + "\nJapan wants the U.S. tariffs on cars removed, Tokyo's negotiator Akazawa said.")
    assert facts.relevant
    assert facts.round is None and facts.round_status is None


def test_an_earlier_round_named_as_background_does_not_win():
    facts = facts_of(
        "Akazawa met U.S. Treasury Secretary Scott Bessent for a fifth round of tariff talks in Washington on Friday.\n"
        "This was the fifth ministerial-level meeting after the first round was held in April."
    )
    assert facts.round == 5


@pytest.mark.parametrize("guess", ["a sixth round could come", "a sixth round may be held", "they might hold a sixth round"])
def test_a_later_round_only_guessed_at_does_not_win(guess):
    facts = facts_of(
        "Akazawa wrapped up a fifth round of tariff talks with Commerce Secretary Howard Lutnick in Washington on Friday.\n"
        f"Japanese officials said {guess} before the G7 summit in mid-May."
    )
    assert (facts.round, facts.round_status) == (5, "held")


@pytest.mark.parametrize(
    "plan",
    [
        "Akazawa is expected to return to Washington as early as next week for a sixth round.",
        "No sixth round has been scheduled.",
        "So a sixth round next week?",
        "Officials said the sixth round would likely take place at the end of the month.",
        "A sixth round is to be held in mid-May, with working-level contacts in between.",
        "We will report again after the sixth round.",
        "No date for a sixth round.",
        "No date has been set for a sixth round, officials said.",
    ],
)
def test_a_later_round_named_only_as_a_plan_does_not_win(plan):
    facts = facts_of(
        "Akazawa wrapped up a fifth round of tariff talks with Commerce Secretary Howard Lutnick in Washington on Friday.\n"
        f"{plan}"
    )
    assert facts.round == 5


def test_a_preview_that_recalls_an_earlier_round_reports_the_one_to_come():
    facts = facts_of(
        "Akazawa will travel to Washington this week for a seventh round of tariff talks, the government said.\n"
        "The sixth round was held in Washington in June.",
        published="2025-06-30T03:00:00Z",
    )
    assert (facts.round, facts.round_status) == (7, "upcoming")


def test_another_negotiations_round_is_not_the_reported_one():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick for a fifth round of tariff talks in Washington on Friday.\n"
        "A sixth round of Britain's negotiations on a trade agreement, scheduled for late August in London, was called off."
    )
    assert facts.round == 5


def test_a_preview_is_upcoming():
    facts = facts_of(
        "Japan's top tariff negotiator Ryosei Akazawa will travel to Washington this week for a seventh round of talks "
        "with the United States, the government said on Monday.\n"
        "He is expected to meet Commerce Secretary Howard Lutnick on Thursday.",
        published="2025-06-30T03:00:00Z",
    )
    assert (facts.round, facts.round_status) == (7, "upcoming")


def test_a_round_of_tariffs_is_not_a_round_of_talks():
    facts = facts_of(
        "The first round of tariffs on Japanese goods took effect in April, Japan's negotiator Akazawa said.\n"
        "Japan wants the United States to remove the tariffs, Akazawa told reporters in Tokyo."
    )
    assert facts.round is None


def test_a_round_called_off_below_the_opening_is_background_to_the_meeting_reported():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for talks on tariffs.\n"
        "The two men discussed cars and rice, officials said.\n"
        "The eighth round, which was to have been held in Tokyo early this month, was called off after the "
        "levies were raised.",
        published="2025-06-28T01:00:00Z",
    )
    assert facts.round is None
    assert (facts.date, facts.location) == ("2025-06-27", "Washington")


@pytest.mark.parametrize(
    "words", ["never happened", "was cancelled", "did not take place", "has been deferred", "was postponed", "was put off"]
)
def test_a_round_that_did_not_happen_is_no_round_of_the_story(words):
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for talks on tariffs.\n"
        "Officials said the two sides would keep talking.\n"
        f"The eighth round, due in Tokyo in May, {words}."
    )
    assert facts.round is None


def test_a_round_called_off_in_the_opening_paragraph_is_the_news():
    facts = facts_of(
        "The eighth round of Japan-U.S. tariff talks, planned for Thursday in Washington, was called off, the "
        "government said, and will be held on Monday instead.\n"
        "Akazawa will meet Commerce Secretary Howard Lutnick.",
    )
    assert facts.round == 8


def test_only_the_round_named_before_the_words_is_called_off():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for talks on tariffs.\n"
        "Officials said the two sides would keep talking.\n"
        "After the sixth round was called off in May, the seventh round was held in Washington on Friday."
    )
    assert facts.round == 7


@pytest.mark.parametrize(
    "words",
    ["officials said it was not a formal round", "the meeting did not constitute a negotiating round",
     "it is not a round of negotiations, an official said"],
)
def test_a_meeting_the_lead_says_was_no_round_reports_none(words):
    facts = facts_of(
        f"Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the first face-to-face meeting "
        f"since the tariffs doubled, though {words}.\nThe two discussed cars.",
    )
    assert facts.round is None


def test_a_doubt_whether_a_meeting_was_a_round_denies_nothing():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the seventh round of tariff talks; "
        "asked whether it was not a formal round after all, officials declined to comment.\nThe two discussed cars.",
    )
    assert facts.round == 7


def test_a_plan_agreed_at_the_round_does_not_make_the_round_one_to_come():
    facts = facts_of(
        "Japan and the U.S. wrapped up the first round of tariff talks in Tokyo, agreeing to begin expert-level "
        "meetings and to start virtual sessions in the coming weeks.",
        title="Japan, U.S. wrap up first round of talks, agree to begin expert meetings",
        published="2025-06-28T12:00:00Z",
    )
    assert (facts.round, facts.round_status) == (1, "held")


def test_a_sit_down_is_counted_like_a_meeting():
    facts = facts_of(
        "It will be Akazawa's third sit-down with the U.S. trade team on tariffs since April, officials said.\n"
        "Akazawa flies in on Wednesday for two days of tariff talks with Lutnick.",
        published="2025-06-30T22:00:00Z",
    )
    assert facts.round == 3


def test_a_meeting_counted_as_such_is_a_round_of_the_talks_the_sentence_before_tells_of():
    facts = facts_of(
        "Akazawa and Lutnick spent Thursday at the Commerce Department discussing the auto tariffs.\n"
        "Akazawa said the negotiations had narrowed the gaps. It was the sixth such meeting since April, he said.",
        published="2025-06-27T22:00:00Z",
    )
    assert (facts.round, facts.round_status) == (6, "held")


def test_a_such_meeting_after_a_sentence_of_other_business_counts_nothing():
    facts = facts_of(
        "Akazawa met Lutnick in Washington on Thursday for tariff talks.\n\n"
        "The prefecture's governor opened a new rice museum on Saturday. It was the sixth such opening since April.",
        published="2025-06-28T22:00:00Z",
    )
    assert facts.round is None


def test_the_first_meeting_since_an_event_is_no_first_round():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for tariff talks, the first "
        "face-to-face meeting since the levies doubled.",
    )
    assert facts.round is None


@pytest.mark.parametrize("since", ["since April", "since then"])
def test_the_first_meeting_since_a_time_is_still_counted(since):
    facts = facts_of(
        f"Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the first ministerial meeting "
        f"of the tariff talks {since}.",
    )
    assert facts.round == 1


def test_the_first_round_since_an_event_is_still_the_first_round():
    facts = facts_of(
        "Akazawa and Lutnick held the first round of tariff negotiations since the two leaders launched the talks, "
        "in Washington on Friday.",
    )
    assert facts.round == 1


_TALKS_SO_FAR = (
    "Talks so far\n"
    "April 20 - Round 1: the negotiators meet for an hour in Washington.\n"
    "May 4 - Round 2: talks on cars and farm goods.\n"
    "June 11 - Round 3: the negotiators meet in Washington for two hours.\n"
    "Late June - Round 4 expected.\n"
    "July 9 - The pause on the higher tariffs ends."
)


def test_a_dated_list_closing_the_story_is_background_to_the_round_it_reports():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Wednesday for the third round of tariff talks.\n"
        "The two sides agreed to keep talking.\n"
        "Akazawa is expected to return later this month.\n" + _TALKS_SO_FAR,
        published="2025-06-12T01:00:00Z",
    )
    assert facts.round == 3
    assert facts.round_status == "held"


def test_a_dated_list_is_the_story_s_own_telling_when_text_follows_it_or_it_is_short():
    body = "Akazawa met Lutnick for the third round of talks on Wednesday.\nThe two sides agreed to meet again.\nMore talks came later.\n"
    boxed = article_of(body + _TALKS_SO_FAR)
    assert boxed.text[story_end(boxed) :].startswith("Talks so far")
    followed = article_of(body + _TALKS_SO_FAR + "\nAkazawa said the fourth round would be the last.")
    assert story_end(followed) == len(followed.text)
    short = article_of(body + "May 4 - Round 2: talks on cars.\nJune 11 - Round 3: two hours.")
    assert story_end(short) == len(short.text)


@pytest.mark.parametrize(
    "plan",
    [
        "Akazawa said he was ready to return to Washington next week for a sixth round.",
        "Akazawa said he was considering returning to Washington as early as next week for a sixth round, and that "
        "a deal was close.",
        "Akazawa said he had no plans yet for a sixth round, but would go back whenever needed.",
        "Akazawa is expected back in Washington on Friday, June 6, for a sixth round, this time with Bessent.",
        "Akazawa is due to return to Washington on Friday for a sixth round.",
    ],
)
def test_a_later_round_named_as_the_aim_of_a_trip_to_come_does_not_win(plan):
    facts = facts_of(
        "Akazawa wrapped up a fifth round of tariff talks with Commerce Secretary Howard Lutnick in Washington on "
        "Friday.\n"
        f"{plan}",
        published="2025-06-01T03:00:00Z",
    )
    assert (facts.round, facts.round_status) == (5, "held")



def test_the_lengths_a_dated_list_closing_the_story_gives_are_not_the_reported_rounds():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Wednesday for about two hours in the third "
        "round of tariff talks.\n"
        "The two sides agreed to keep talking.\n"
        "Akazawa is expected to return later this month.\n"
        "Talks so far\n"
        "April 16 - Round 1: Akazawa meets Lutnick for 50 minutes.\n"
        "May 1 - Round 2: Akazawa meets Lutnick for 130 minutes.\n"
        "June 11 - Round 3: Akazawa meets Lutnick for two hours.",
        published="2025-06-12T01:00:00Z",
    )
    assert facts.round == 3
    assert [m.minutes for m in facts.meetings] == [120]


def test_a_round_asked_about_in_a_list_of_what_to_watch_is_not_the_previewed_round():
    facts = facts_of(
        "Akazawa flies to Washington tonight for the fifth round of tariff talks with Bessent on Friday.\n"
        "What to watch:\n"
        "- Whether they pencil in a sixth round before the summit in Osaka.",
        title="Akazawa's fifth round on Friday: what to expect",
        published="2025-06-04T13:00:00Z",
    )
    assert facts.round == 5


def test_the_first_meeting_since_an_earlier_year_is_no_first_round():
    facts = facts_of(
        "The two presidents met at an air base on Thursday to settle the trade talks, the first meeting between "
        "them since 2019.",
        published="2025-10-30T12:00:00Z",
    )
    assert facts.round is None


def test_the_first_round_since_this_year_began_is_still_counted():
    facts = facts_of(
        "Akazawa and Lutnick held the first round of tariff talks since early 2025 in Washington on Friday.",
        published="2025-04-18T12:00:00Z",
    )
    assert facts.round == 1


# -- a round a later event says it followed ("The extension follows the talks in Tokyo") --


@pytest.mark.parametrize(
    "recalling",
    [
        "The extension follows the talks in Tokyo at the end of May, where Akazawa met Lutnick.",
        "It followed a round of talks in Tokyo, where Akazawa met Lutnick.",
        "The order comes after the talks in Tokyo, where Akazawa met Lutnick.",
        "It was the sixth meeting of the two ministers, following rounds in Tokyo and Osaka.",
    ],
)
def test_a_city_of_talks_a_later_event_followed_is_recalled_not_the_events(recalling):
    facts = facts_of(
        "On Monday, Trump signed an executive order extending the pause on higher tariffs on Japanese goods.\n"
        f"{recalling}\n"
        "Japan wants the tariffs on cars removed.",
        title="Trump extends tariff pause for Japan",
        published="2025-06-17T01:00:00Z",
    )
    assert facts.location is None


@pytest.mark.parametrize(
    "reporting",
    [
        "The statement followed two days of talks in Tokyo between Akazawa and Lutnick.",
        "A joint statement was released on Sunday, following two days of talks in Tokyo between Akazawa and Lutnick.",
        "Following the talks in Tokyo, Akazawa told reporters that Lutnick had been constructive.",
    ],
)
def test_talks_a_sittings_outcome_followed_or_a_sentence_opens_with_are_the_reported_ones(reporting):
    facts = facts_of(
        "Japan and the United States agreed on Sunday to keep talking about tariffs.\n"
        f"{reporting}\n"
        "Japan wants the tariffs on cars removed.",
        title="Japan and US agree to keep talking",
        published="2025-06-16T01:00:00Z",
    )
    assert facts.location == "Tokyo"


def test_someone_who_had_followed_the_talks_watched_them():
    facts = facts_of(
        "Akazawa met Lutnick for tariff talks in Tokyo on Sunday.\n"
        "Ishiba, who had followed the talks in Tokyo through the night, said the two sides were closer.",
        title="Akazawa and Lutnick meet in Tokyo",
        published="2025-06-16T01:00:00Z",
    )
    assert facts.location == "Tokyo"
