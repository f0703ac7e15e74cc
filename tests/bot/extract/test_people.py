"""Who took part in the negotiating meetings, and each sitting with its length."""

from pathlib import Path

import pytest

from bot.extract.people import attendance, people_of, timed_meetings
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import article_of, facts_of

US_CHINA = Path(__file__).resolve().parents[3] / "bot/profiles/us_china_2025.toml"


def test_everyone_named_at_the_meeting_takes_part_on_both_sides():
    facts = facts_of(
        "Japan and the United States held the second round of tariff talks in Washington on Thursday.\n"
        "In Thursday's 130-minute session, Akazawa met with U.S. Treasury Secretary Scott Bessent, U.S. Trade "
        "Representative Jamieson Greer and U.S. Commerce Secretary Howard Lutnick."
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick", "Jamieson Greer"]
    assert [(m.with_, m.minutes) for m in facts.meetings] == [
        (("Scott Bessent", "Jamieson Greer", "Howard Lutnick"), 130)
    ]


def test_people_who_only_comment_from_elsewhere_are_not_participants():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington for about 70 minutes on Friday in the sixth round "
        "of tariff talks.\n"
        "In Tokyo, Chief Cabinet Secretary Yoshimasa Hayashi told a news conference that Japan would keep negotiating.\n"
        "President Donald Trump wrote on social media that Japan was a tough negotiator on tariffs."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_did_not_take_part_and_without_exclude_a_person():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick and Treasury Secretary Scott Bessent for two hours in the "
        "seventh round of tariff talks in Washington on Thursday.\n"
        "U.S. Trade Representative Jamieson Greer did not take part.\n"
        "A second session went ahead without Bessent, Akazawa said after meeting Lutnick again."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


@pytest.mark.parametrize(
    "aside",
    [
        "Trump did not meet Akazawa during the visit.",
        "Akazawa, who skipped a scheduled Diet committee session in Tokyo to make the trip, will report to Ishiba.",
        "Akazawa did not meet Treasury Secretary Scott Bessent on this trip.",
    ],
)
def test_the_negotiator_not_met_by_someone_else_or_skipping_something_else_still_takes_part(aside):
    facts = facts_of(
        "Japan's chief tariff negotiator Ryosei Akazawa held an eighth round of ministerial talks with the United "
        f"States in Washington on Friday, meeting Commerce Secretary Howard Lutnick for about an hour.\n{aside}"
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_someone_joining_in_the_next_sentence_takes_part_and_someone_not_expected_does_not():
    facts = facts_of(
        "Washington — Japan's Economy Minister Akazawa and Commerce Secretary Lutnick met Thursday for 75 minutes in "
        "the 6th round. Also at the table was Bessent, who joined for the last half hour. Trade Representative "
        "Jamieson Greer is not expected to attend the next session.",
        published="2025-06-27T10:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Howard Lutnick",), 75)]


def test_misspelled_names_and_titles_find_the_person():
    facts = facts_of(
        "During the three-day visit, Akazawa is set to meet with US Treasury Secretary Benson and other US "
        "negotiating representatives in the second round of tariff talks.\n"
        "Akazwa also hopes to meet Lutnik, officials said about the tariff negotiations.",
        published="2025-04-30T03:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]


def test_a_common_name_close_to_a_surname_is_not_that_person():
    facts = facts_of(
        "Akazawa met Lutnick in Washington for the sixth round of tariff talks on Friday.\n"
        "Analyst Tom Green said the U.S. tariffs on Japan would stay for now."
    )
    assert "Jamieson Greer" not in facts.participants


def test_telephone_calls_are_not_meetings():
    facts = facts_of(
        "Akazawa held talks with Commerce Secretary Howard Lutnick for an hour and a half at the Commerce Department "
        "in the sixth round of tariff talks on Friday. He later spoke by telephone with Treasury Secretary Scott "
        "Bessent for about 30 minutes."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Howard Lutnick",), 90)]


def test_several_sittings_in_one_sentence_are_kept_apart():
    facts = facts_of(
        "Akazawa met U.S. officials in a fifth round of tariff talks in Washington on Friday.\n"
        "Following a 110-minute meeting with U.S. Commerce Secretary Howard Lutnick on Thursday, Akazawa met with "
        "Bessent for 45 minutes on Friday followed by another 110-minute- meeting with Lutnick."
    )
    assert [(m.with_, m.minutes) for m in facts.meetings] == [
        (("Howard Lutnick",), 110),
        (("Scott Bessent",), 45),
        (("Howard Lutnick",), 110),
    ]


def test_a_pronoun_stands_for_the_person_of_the_sentence_before():
    facts = facts_of(
        "Economic revitalization minister Ryosei Akazawa will leave for Washington on Monday to hold the eighth round "
        "of tariff negotiations with the United States on Tuesday.\n"
        "He is expected to meet Commerce Secretary Lutnick and Treasury Secretary Besent.",
        published="2025-07-19T03:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]


def test_a_meeting_with_no_date_set_is_not_a_meeting():
    facts = facts_of(
        "Akazawa left for Washington on Thursday for round six of the tariff negotiations with the United States.\n"
        "No date has been set for a meeting between Prime Minister Ishiba and President Trump.",
        published="2025-06-26T05:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa"]


def test_a_leaders_meeting_without_a_round_has_both_leaders():
    facts = facts_of(
        "KANANASKIS, Canada -- Prime Minister Shigeru Ishiba and U.S. President Donald Trump failed to reach an "
        "agreement on tariffs when they met for about 30 minutes on the sidelines of the Group of Seven summit here "
        "on Monday.",
        published="2025-06-17T02:00:00Z",
    )
    assert (facts.round, facts.location, facts.date) == (None, "Kananaskis", "2025-06-16")
    assert facts.participants == ["Shigeru Ishiba", "Donald Trump"]
    assert [m.minutes for m in facts.meetings] == [30]


def test_a_sittings_length_named_apart_from_its_people():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the third round of tariff talks.\n"
        "The session lasted two and a half hours, officials said."
    )
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Howard Lutnick",), 150)]


def test_another_meeting_in_a_rounds_story_is_not_the_rounds():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for round six of the tariff talks.\n"
        "Prime Minister Shigeru Ishiba and President Donald Trump are expected to meet at the G7 summit on Monday."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_questions_report_nothing_and_answers_do():
    facts = facts_of(
        "Akazawa will meet Commerce Secretary Howard Lutnick on Friday for the seventh round of tariff talks.\n"
        "Q: Will Treasury Secretary Scott Bessent attend?\n"
        "A: He is not expected to take part.",
        published="2025-07-01T03:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_names_in_capitals_family_name_first():
    facts = facts_of(
        "On September 4 (local time), Minister AKAZAWA Ryosei met with the Honorable Howard Lutnick, Secretary of "
        "Commerce, in Washington, D.C. The meeting lasted approximately one hour.\n"
        "Under the agreement between Japan and the United States, the tariff on Japan will be 15%.",
        published="2025-09-05T01:00:00Z",
    )
    assert facts.relevant
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    assert (facts.date, facts.location, [m.minutes for m in facts.meetings]) == ("2025-09-04", "Washington", [60])


def test_someone_who_sat_in_on_a_sitting_named_just_before_takes_part():
    facts = facts_of(
        "Prime Minister Shigeru Ishiba and U.S. President Donald Trump met on the sidelines of the G7 summit in "
        "Kananaskis on Monday to discuss tariffs.\n"
        "The two leaders talked for about 30 minutes. Ryosei Akazawa, who has led Japan's side in the negotiations, "
        "sat in on the meeting.",
        published="2025-06-17T02:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Shigeru Ishiba", "Donald Trump"]
    assert [m.minutes for m in facts.meetings] == [30]


def test_a_plan_for_the_leaders_in_a_round_preview_is_not_the_round():
    facts = facts_of(
        "Japan's top tariff negotiator Ryosei Akazawa will leave for Washington on Thursday for a sixth round of "
        "ministerial talks, hoping to pave the way for a deal that Prime Minister Shigeru Ishiba and President Donald "
        "Trump could confirm at the Group of Seven summit in Canada next week.",
        published="2025-06-10T03:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa"]


def test_a_sitting_named_with_a_place_between_length_and_noun():
    facts = facts_of(
        "After eight trips to Washington, Japan's chief negotiator Ryosei Akazawa emerged from a 70-minute Oval Office "
        "meeting with Donald Trump on Tuesday with a deal on tariffs.",
        published="2025-07-23T06:00:00Z",
    )
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Donald Trump",), 70)]


def test_a_pronoun_looks_past_a_sentence_without_people():
    facts = facts_of(
        "Akazawa met with US Treasury Secretary Scott Bessent for about two hours on Friday in the third round of "
        "tariff talks in Washington. That was around 3 a.m. on Saturday, Japan time. He then sat down with Commerce "
        "Secretary Howard Lutnick for roughly an hour.",
        published="2025-05-24T01:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]
    assert [m.minutes for m in facts.meetings] == [120, 60]


def test_an_absence_is_the_subjects_not_the_owners():
    facts = facts_of(
        "Prime Minister Shigeru Ishiba and U.S. President Donald Trump met for 30 minutes on the sidelines of the G7 "
        "summit on Monday to discuss tariffs. Japan's chief tariff negotiator Ryosei Akazawa sat in on the meeting. "
        "U.S. Treasury Secretary Scott Bessent, Akazawa's main counterpart in the talks, was not in Kananaskis.",
        published="2025-06-17T02:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Shigeru Ishiba", "Donald Trump"]


def test_a_negotiation_held_with_the_other_sides_ministers_attending_in_translated_style():
    facts = facts_of(
        "[Washington = Staff writer] Akazawa Ryosei Economic Revitalization Minister on the 30th held the 4th "
        "ministerial-level negotiation with the United States government in Washington. From the U.S. side, "
        "Bessent Treasury Secretary and Lutnick Commerce Secretary attended, and the talks continued for about "
        "2 hours 10 minutes.",
        published="2025-05-31T06:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.location) == (4, "held", "Washington")
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Scott Bessent", "Howard Lutnick"), 130)]


def test_a_government_release_of_a_consultation_names_its_round_place_people_and_length():
    facts = facts_of(
        "1. On May 23 (Friday, local time), Mr. AKAZAWA Ryosei, Minister in charge of Economic Revitalization, "
        "visited the U.S. Department of the Treasury and held the third Japan-U.S. ministerial consultation on "
        "tariff measures with the Honorable Scott BESSENT, Secretary of the Treasury, for approximately two hours "
        "and fifteen minutes.",
        title="Outline of the Third Japan-U.S. Ministerial Consultation on Tariff Measures",
        published="2025-05-24T02:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.date, facts.location) == (3, "held", "2025-05-23", "Washington")
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent"]
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Scott Bessent",), 135)]


def test_a_pronoun_after_an_opening_phrase_stands_for_the_person_named_before():
    facts = facts_of(
        "It is against that backdrop that Ryosei Akazawa, Ishiba's chief tariff negotiator, has been shuttling to "
        "Washington. On Friday, he sat down with Commerce Secretary Howard Lutnick for about an hour and 20 minutes, "
        "in what officials described as the sixth round of ministerial talks."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_someone_also_in_the_meeting_takes_part_and_someone_not_involved_does_not():
    facts = facts_of(
        "Akazawa met President Donald Trump in the Oval Office for about 70 minutes on July 22 to discuss tariffs. "
        "Commerce Secretary Howard Lutnick was also in the meeting. Treasury Secretary Scott Bessent was not "
        "involved in the final meeting; he had been in Japan the previous weekend.",
        published="2025-07-23T06:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick", "Donald Trump"]


def test_a_name_used_as_a_modifier_does_not_take_part():
    facts = facts_of(
        "WASHINGTON — Japan's chief tariff negotiator Ryosei Akazawa wrapped up a fifth round of talks with the Trump "
        "administration on Friday, after meeting Commerce Secretary Howard Lutnick for two hours."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_the_minister_is_the_negotiator_named_before():
    facts = facts_of(
        "WASHINGTON – Economic revitalization minister Ryosei Akazawa concluded an eighth round of tariff "
        "negotiations with the United States on Friday.\n"
        "The minister met Lutnick at the Commerce Department for about an hour on Thursday and for 45 minutes on "
        "Friday, according to the Cabinet Secretariat."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    assert [m.minutes for m in facts.meetings] == [60, 45]


def test_a_guests_account_of_two_sittings_received_by_and_spent_with():
    facts = facts_of(
        "HOST: Japan's chief tariff negotiator, Ryosei Akazawa, has just wrapped up the first round of trade talks in "
        "Washington.\n"
        "GUEST: Sure. Akazawa was received by the president at the White House for about 50 minutes on Wednesday, "
        "and then he went on to spend an hour and fifteen minutes with Treasury Secretary Scott Bessent and "
        "Commerce Secretary Howard Lutnick. That second session was the formal negotiation.",
        published="2025-04-17T00:30:00Z",
    )
    assert (facts.round, facts.date) == (1, "2025-04-16")
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick", "Donald Trump"]
    assert [m.minutes for m in facts.meetings] == [50, 75]


def test_a_length_a_correction_says_was_misstated_is_not_the_sittings():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the seventh round of tariff talks.\n"
        "Correction: An earlier version of this story misstated the length of the meeting as 70 minutes; it lasted "
        "80 minutes."
    )
    assert [m.minutes for m in facts.meetings] == [80]


def test_the_leaders_meeting_a_preview_names_after_before_is_another_meeting():
    facts = facts_of(
        "TOKYO (Kyodo) -- Japan's chief tariff negotiator Ryosei Akazawa will return to Washington for a sixth round "
        "of ministerial talks next Thursday, government sources said, as Tokyo seeks a deal before Prime Minister "
        "Shigeru Ishiba meets U.S. President Donald Trump at the Group of Seven summit in Canada.\n"
        "Akazawa is scheduled to meet Treasury Secretary Scott Bessent during the visit.",
        published="2025-06-07T03:00:00Z",
    )
    assert (facts.round, facts.round_status) == (6, "upcoming")
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent"]


def test_an_outline_of_consultations_names_the_round_its_day_and_its_people():
    facts = facts_of(
        "1. On June 27 (Fri) (local time), Mr. AKAZAWA Ryosei, Minister in charge of Economic Revitalization, held "
        "the 8th Japan-U.S. ministerial consultations on tariff measures with the Honorable Howard LUTNICK, "
        "Secretary of Commerce, for approximately 60 minutes at the Department of Commerce.",
        title="Japan-U.S. Consultations on Tariff Measures (the 8th): Outline of the Meeting",
        published="2025-06-29T01:00:00Z",
    )
    assert (facts.round, facts.round_status, facts.date) == (8, "held", "2025-06-27")
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    assert [m.minutes for m in facts.meetings] == [60]


# -- the steps of find_meetings, one by one -----------------------------------------------------


def _steps_of(body: str):
    article = article_of(body)
    seen = attendance(article, {0, 1}, set(), None, set(), held=True)
    return article, seen


def test_attendance_reads_who_sat_in_the_meeting_and_who_stayed_away():
    article, seen = _steps_of(
        "Akazawa met Bessent and Greer in Washington on Friday for 75 minutes.\n"
        "Commerce Secretary Howard Lutnick did not attend the meeting."
    )
    assert set(seen.present) == {"Ryosei Akazawa", "Scott Bessent", "Jamieson Greer"}
    assert "Howard Lutnick" in seen.absent
    assert seen.sentences[0].index == 0 and seen.meeting_clauses[0]
    assert seen.present["Scott Bessent"] == article.sentences[0].text


def test_timed_meetings_gives_each_sitting_its_length_and_counterparts():
    article, seen = _steps_of(
        "Akazawa met Bessent in Washington on Friday for 75 minutes. He then met Lutnick for 40 minutes."
    )
    meetings = timed_meetings(article, seen, set(), set(), ["Scott Bessent", "Howard Lutnick"])
    assert [(m.with_, m.minutes) for m in meetings] == [(("Scott Bessent",), 75), (("Howard Lutnick",), 40)]
    assert all(m.evidence for m in meetings)


def test_timed_meetings_without_a_length_is_empty():
    article, seen = _steps_of("Akazawa met Bessent in Washington on Friday.")
    assert seen.present and timed_meetings(article, seen, set(), set(), ["Scott Bessent"]) == []


@pytest.mark.parametrize(
    "attending",
    [
        "Japan's delegation was led by Akazawa.",
        "Akazawa was joined at the talks by Commerce Secretary Howard Lutnick.",
        "Commerce Secretary Howard Lutnick also attended the talks.",
        "Akazawa was accompanied by Chief Cabinet Secretary Yoshimasa Hayashi.",
    ],
)
def test_in_a_rounds_story_one_sides_people_said_to_attend_took_part(attending):
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Thursday.\n"
        "Tokyo hopes to settle the tariffs on cars before the summer.\n"
        f"{attending}"
    )
    named = {"Ryosei Akazawa"} if "Akazawa" in attending else set()
    named |= {n for n in ("Howard Lutnick", "Yoshimasa Hayashi") if n.split()[-1] in attending}
    assert named <= set(facts.participants)


def test_who_did_not_join_is_no_participant_even_far_from_the_verb():
    facts = facts_of(
        "Akazawa met Bessent in Washington on Thursday for the second round of tariff talks.\n"
        "Mr Trump, who had said on Wednesday that he expected deals with several Asian partners very soon, "
        "did not join the meeting."
    )
    assert "Donald Trump" not in facts.participants


def test_in_a_rounds_story_a_negotiator_who_speaks_of_the_talks_sat_in_them():
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Thursday.\n"
        "Tokyo hopes to settle the tariffs on cars before the summer.\n"
        "Economic Revitalization Minister Ryosei Akazawa told reporters the talks had been constructive."
    )
    assert "Ryosei Akazawa" in facts.participants


def test_a_negotiator_told_of_the_talks_did_not_sit_in_them():
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Thursday.\n"
        "Tokyo hopes to settle the tariffs on cars before the summer.\n"
        "Officials briefed the Economic Revitalization Minister, Ryosei Akazawa, on the outcome of the talks on Friday."
    )
    assert "Ryosei Akazawa" not in facts.participants


def test_a_call_in_a_later_clause_leaves_the_sitting_of_the_first():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington for about two hours in the fifth round of tariff "
        "talks on Friday; Treasury Secretary Scott Bessent did not take part, though the two spoke by telephone later."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Howard Lutnick",), 120)]


def test_a_call_in_the_first_clause_makes_the_sentence_a_call():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington in the fifth round of tariff talks on Friday.\n"
        "He then held two telephone conversations with Lutnick, but could not arrange a meeting with Treasury "
        "Secretary Scott Bessent."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_without_a_round_a_delegation_led_by_a_negotiator_took_part_on_each_side():
    facts = facts_of(
        "Japan and the United States wrapped up two days of tariff talks on Saturday with no deal.\n"
        "The Japanese delegation was headed by Akazawa and included Chief Cabinet Secretary Yoshimasa Hayashi. "
        "Commerce Secretary Howard Lutnick led the American side."
    )
    assert {"Ryosei Akazawa", "Yoshimasa Hayashi"} <= set(facts.participants)


def test_without_a_round_a_delegation_of_people_who_negotiate_nothing_is_no_sitting():
    facts = facts_of(
        "Japan and the United States are in tariff talks.\n"
        "Japan's delegation to the Osaka fair was led by Chief Cabinet Secretary Yoshimasa Hayashi."
    )
    assert "Yoshimasa Hayashi" not in facts.participants


@pytest.mark.parametrize(
    "other",
    [
        "After the talks, Akazawa said both sides hoped to have a package ready when Prime Minister Shigeru Ishiba "
        "and Trump meet.",
        "Akazawa's meeting settled little; the real test comes in the autumn, if Ishiba and President Donald Trump "
        "meet in person.",
        "Akazawa held the talks hoping for a deal before Prime Minister Shigeru Ishiba is expected to see President "
        "Trump.",
        "Akazawa's talks were the first since Prime Minister Shigeru Ishiba and President Donald Trump met in Canada.",
        "Akazawa's meeting came days after Ishiba sat down with President Donald Trump at the G7.",
        "After the meeting, Akazawa said the aim was a deal in time for a meeting between Ishiba and Trump at the "
        "summit next month.",
        "Akazawa said the talks would decide whether next month's meeting between Ishiba and Trump goes ahead.",
        "The round ended with a draft text, setting the stage for a meeting between Prime Minister Shigeru Ishiba "
        "and President Donald Trump in Ottawa.",
        "Officials said the draft was enough to salvage next week's Ishiba–Trump summit.",
        "The round followed the June 16 meeting between Prime Minister Shigeru Ishiba and President Donald Trump.",
        "Akazawa said a meeting between Prime Minister Shigeru Ishiba and President Donald Trump in the autumn was "
        '"possible".',
    ],
)
def test_people_of_another_meeting_told_in_a_clause_of_its_own_are_not_the_rounds(other):
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the seventh round of tariff talks.\n"
        f"{other}"
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


@pytest.mark.parametrize(
    "ahead",
    [
        "Prime Minister Shigeru Ishiba flies to Canada next week, where he may meet Trump at the summit.",
        "Trump questioned whether he would still meet Prime Minister Shigeru Ishiba at the summit.",
        "Trump said there was no reason to meet Prime Minister Shigeru Ishiba at the summit.",
        'Trump said there was "no reason" to meet Prime Minister Shigeru Ishiba at the summit.',
        "Prime Minister Shigeru Ishiba leaves for Canada on Sunday and is scheduled to meet President Donald Trump "
        "at the summit on the 16th.",
    ],
)
def test_a_meeting_guessed_at_or_scheduled_in_a_story_of_no_round_seats_no_one(ahead):
    facts = facts_of(f"President Donald Trump signed an order on Monday raising tariffs on Japanese cars.\n{ahead}")
    assert facts.participants == []


def test_the_leaders_a_rounds_story_says_could_sit_down_later_are_not_the_rounds():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the seventh round of tariff talks.\n"
        "Prime Minister Shigeru Ishiba could sit down with President Donald Trump at the summit next week, officials "
        "said."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_a_round_its_negotiators_are_scheduled_to_hold_is_the_storys_own():
    facts = facts_of(
        "Akazawa and Commerce Secretary Howard Lutnick are due to meet in Washington on Friday for the seventh round "
        "of tariff talks, officials said.",
        published="2025-06-25T01:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_someone_met_before_a_guess_in_the_same_clause_still_took_part():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick on Friday for the seventh round of tariff talks and said he "
        "could see Treasury Secretary Scott Bessent next week."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


@pytest.mark.parametrize(
    "recap",
    [
        "Akazawa and Commerce Secretary Howard Lutnick have met six times since April.",
        "Akazawa has held seven rounds of talks with Treasury Secretary Scott Bessent since the spring.",
        "Akazawa flew to Washington eight times between April and July for talks with Treasury Secretary Scott "
        "Bessent.",
    ],
)
def test_the_people_of_a_count_of_sittings_took_part_in_none_reported(recap):
    facts = facts_of(f"President Donald Trump signed an order on Monday lowering tariffs on Japanese cars.\n{recap}")
    assert facts.participants == []


def test_someone_counted_as_a_frequent_visitor_who_sat_in_on_the_meeting_took_part():
    facts = facts_of(
        "President Donald Trump met Prime Minister Shigeru Ishiba at the White House on Friday.\n"
        "Akazawa, who has flown to Washington seven times since April, sat in on the meeting."
    )
    assert "Ryosei Akazawa" in facts.participants


def test_a_clause_since_a_month_is_no_other_meeting():
    facts = facts_of(
        "Akazawa, on his fifth trip to Washington since April, met President Donald Trump for 40 minutes in the "
        "seventh round of tariff talks, with Commerce Secretary Howard Lutnick in the room."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick", "Donald Trump"]
def test_a_length_a_correction_notice_withdraws_is_not_the_sittings():
    facts = facts_of(
        "CORRECTION: A story on the fourth round of tariff talks incorrectly stated that Akazawa met Commerce "
        "Secretary Howard Lutnick for 150 minutes.\n"
        "Akazawa met Lutnick in Washington for about 80 minutes on Friday in the fourth round of tariff talks."
    )
    assert [m.minutes for m in facts.meetings] == [80]


def test_a_length_withdrawn_after_not_in_a_bracketed_correction_is_not_the_sittings():
    facts = facts_of(
        "(Corrects length of Akazawa's meeting with Lutnick in paragraph 2 to about three hours, not two hours as "
        "previously reported)\n"
        "Akazawa held a fourth round of tariff talks in Washington on Friday.\n"
        "Akazawa met Commerce Secretary Howard Lutnick for about three hours and then spent around 20 minutes with "
        "Treasury Secretary Scott Bessent."
    )
    assert sorted(m.minutes for m in facts.meetings) == [20, 180]


def test_what_an_earlier_update_had_said_is_withdrawn_and_the_figure_put_instead_is_the_storys():
    facts = facts_of(
        "Akazawa spent about 40 minutes with Trump at the White House on Wednesday in the first round of tariff "
        "talks.\n"
        "(An earlier version of this story said the talks lasted 90 minutes; officials later put the meeting at "
        "about 40 minutes.)"
    )
    assert [m.minutes for m in facts.meetings] == [40]


def test_a_corrected_length_the_story_gives_nowhere_else_is_the_sittings():
    facts = facts_of(
        "(Corrects paragraph 2 to say Friday's session lasted more than five hours, not 15 hours)\n"
        "Japan and the United States held the fourth round of tariff talks in Washington on Friday, when Akazawa met "
        "Commerce Secretary Howard Lutnick.\n"
        "The session ran late into the evening, officials said.",
        title="Japan, U.S. hold fourth round of tariff talks",
    )
    assert [m.minutes for m in facts.meetings] == [300]


@pytest.mark.parametrize(
    "member",
    [
        "Trade Representative Jamieson Greer is also on the delegation.",
        "The American delegation also included Trade Representative Jamieson Greer.",
        "Akazawa leads for Tokyo, with Trade Representative Jamieson Greer added to the delegation on Monday.",
    ],
)
def test_a_member_of_a_delegation_in_a_rounds_story_takes_part(member):
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the seventh round of tariff talks.\n"
        f"{member}"
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick", "Jamieson Greer"]


def test_the_one_met_is_not_made_absent_by_the_subjects_did_not_meet():
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Friday.\n"
        "Akazawa met Lutnick for about an hour, and did not meet Treasury Secretary Scott Bessent."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_a_transcripts_speaker_label_is_no_participant():
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Friday.\n"
        "CHIEF CABINET SECRETARY YOSHIMASA HAYASHI: On Friday, Minister Akazawa held talks with Commerce Secretary "
        "Howard Lutnick in Washington for about an hour."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


@pytest.mark.parametrize(
    "aside",
    [
        "Akazawa, who has led the negotiations, has held a series of video calls with Treasury Secretary Scott "
        "Bessent, but has not yet met him for talks.",
        "Akazawa met Lutnick for an hour. Treasury Secretary Scott Bessent joined by speakerphone.",
        "Akazawa is accompanied by his aides; Treasury Secretary Scott Bessent is not travelling with him.",
    ],
)
def test_video_calls_a_speakerphone_and_not_travelling_with_seat_no_one(aside):
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the seventh round of tariff talks.\n"
        f"{aside}"
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]



def test_the_negotiator_the_story_follows_is_the_unnamed_party_of_a_sitting_with_the_other_side():
    facts = facts_of(
        "Japan is pressing the United States for relief from its tariffs on cars.\n"
        "Pool report #3. At 2:10 pm a car carrying Japan's chief negotiator, Ryosei Akazawa, pulled up at the West Wing.\n"
        "Pool report #4. Akazawa left at 3:40 pm. Japanese officials said the meeting with the President lasted about "
        "55 minutes. A White House official said Treasury Secretary Scott Bessent was also in the Cabinet Room for "
        "the meeting.",
        title="Pool reports: Japan's tariff negotiator at the White House",
        published="2025-05-14T02:00:00Z",
    )
    assert set(facts.participants) == {"Ryosei Akazawa", "Donald Trump", "Scott Bessent"}
    assert [m.minutes for m in facts.meetings] == [55]


def test_a_sitting_after_someone_else_was_named_does_not_bring_in_the_negotiator():
    facts = facts_of(
        "Japan is pressing the United States for relief from its tariffs on cars.\n"
        "Akazawa spoke to reporters in Tokyo on Monday about the economy.\n"
        "Prime Minister Shigeru Ishiba later said he was pleased. Japanese diplomats said the meeting with the "
        "President lasted about 55 minutes.",
        title="Pool reports: Japan's tariff negotiator at the White House",
        published="2025-05-14T02:00:00Z",
    )
    assert "Ryosei Akazawa" not in facts.participants


def test_the_presidents_abbreviation_names_him():
    facts = facts_of("POTUS met Japan's tariff negotiator Ryosei Akazawa in the Oval Office on Tuesday.")
    assert "Donald Trump" in facts.participants


def test_people_of_both_sides_signing_a_document_together_sat_at_one_table():
    facts = facts_of(
        "Japan's tariff negotiator Ryosei Akazawa and Commerce Secretary Howard Lutnick signed a memorandum of "
        "understanding at the Commerce Department in Washington on Thursday.",
        published="2025-08-08T06:00:00Z",
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    assert facts.location == "Washington"


def test_a_call_recalled_as_last_weeks_leaves_the_sitting_of_the_sentence():
    facts = facts_of(
        "Akazawa, who joined Commerce Secretary Howard Lutnick at the table on Friday for the seventh round of "
        "tariff talks, told reporters as the talks wrapped that the two sides had built on the understanding "
        "reached in last week's phone call.",
        title="Japan, US end seventh round",
        published="2025-06-28T09:00:00Z",
    )
    assert {"Ryosei Akazawa", "Howard Lutnick"} <= set(facts.participants)


def test_a_clause_saying_who_accompanied_a_leader_seats_them_beside_a_clause_naming_the_other_side():
    facts = facts_of(
        "Ishiba left the White House on Tuesday without a deal after a two-hour meeting with Trump.\n"
        "Ishiba was accompanied by Akazawa and Finance Minister Katsunobu Kato; on the U.S. side, "
        "Commerce Secretary Howard Lutnick and Treasury Secretary Scott Bessent joined the president.",
    )
    assert {"Shigeru Ishiba", "Ryosei Akazawa", "Katsunobu Kato", "Howard Lutnick", "Scott Bessent"} <= set(
        facts.participants
    )


@pytest.mark.parametrize(
    ("seating", "seated"),
    [
        (
            "The Japanese side was represented by Akazawa and Finance Minister Katsunobu Kato.",
            {"Ryosei Akazawa", "Katsunobu Kato"},
        ),
        (
            "On the American side of the table were Commerce Secretary Howard Lutnick and Treasury Secretary Scott "
            "Bessent.",
            {"Howard Lutnick", "Scott Bessent"},
        ),
        ("Across the table was Commerce Secretary Howard Lutnick, who has led for Washington since April.", {"Howard Lutnick"}),
        ("Akazawa sat across from Commerce Secretary Howard Lutnick for most of the day.", {"Ryosei Akazawa", "Howard Lutnick"}),
        ("The American team was Treasury Secretary Scott Bessent and Commerce Secretary Howard Lutnick.", {"Scott Bessent", "Howard Lutnick"}),
        ("Lutnick and Bessent were among the officials on the American side.", {"Howard Lutnick", "Scott Bessent"}),
        ("The U.S. side included Treasury Secretary Scott Bessent.", {"Scott Bessent"}),
        ("Finance Minister Katsunobu Kato sat with Akazawa throughout the day.", {"Katsunobu Kato", "Ryosei Akazawa"}),
    ],
)
def test_a_sides_seat_told_by_who_held_it_seats_them(seating, seated):
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Thursday.\n"
        "Tokyo hopes to settle the tariffs on cars before the summer.\n"
        f"{seating}"
    )
    assert seated <= set(facts.participants)


def test_a_team_busy_with_something_else_is_no_seat():
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Thursday.\n"
        "Tokyo hopes to settle the tariffs on cars before the summer.\n"
        "The Japanese team is urging Finance Minister Katsunobu Kato to release more funds."
    )
    assert "Katsunobu Kato" not in facts.participants


@pytest.mark.parametrize(
    "gapped",
    [
        "the American side by Commerce Secretary Howard Lutnick and Treasury Secretary Scott Bessent.",
        "Washington sent Commerce Secretary Howard Lutnick and Treasury Secretary Scott Bessent.",
        "on the American side, Commerce Secretary Howard Lutnick and Treasury Secretary Scott Bessent.",
    ],
)
def test_the_other_sides_seat_after_a_semicolon_without_its_verb_seats_them(gapped):
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Thursday.\n"
        "Tokyo hopes to settle the tariffs on cars before the summer.\n"
        f"The Japanese delegation was led by Akazawa; {gapped}"
    )
    assert {"Ryosei Akazawa", "Howard Lutnick", "Scott Bessent"} <= set(facts.participants)


def test_after_a_semicolon_a_clause_of_its_own_verb_is_no_gapped_seat():
    facts = facts_of(
        "Japan and the United States held the seventh round of tariff talks in Washington on Thursday.\n"
        "Tokyo hopes to settle the tariffs on cars before the summer.\n"
        "The Japanese delegation was led by Akazawa; Finance Minister Katsunobu Kato stayed in Tokyo for the budget."
    )
    assert "Ryosei Akazawa" in facts.participants
    assert "Katsunobu Kato" not in facts.participants


def test_in_a_story_of_an_announcement_a_team_told_as_it_stands_is_no_sitting():
    facts = facts_of(
        "Japanese carmakers welcomed Wednesday's announcement by President Donald Trump of a lower tariff.\n"
        "Japan's negotiating delegation is led by Akazawa; the American side by Commerce Secretary Howard Lutnick."
    )
    assert facts.participants == []


def test_in_a_story_of_the_talks_a_team_told_as_it_stands_takes_part():
    facts = facts_of(
        "Japanese and American negotiators began two days of tariff talks in Washington on Monday.\n"
        "Japan's negotiating delegation is led by Akazawa; the American side by Commerce Secretary Howard Lutnick."
    )
    assert {"Ryosei Akazawa", "Howard Lutnick"} <= set(facts.participants)


def test_one_said_not_available_for_the_round_is_no_participant_though_seated_in_earlier_ones():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the ninth round of tariff talks.\n"
        "Treasury Secretary Scott Bessent, who had sat across from Akazawa in past rounds, was not available this "
        "week; his aides cited travel."
    )
    assert "Scott Bessent" not in facts.participants


def test_one_due_to_see_a_secretary_in_a_coming_round_takes_part_in_it():
    facts = facts_of(
        "Akazawa will travel to Washington next week for the fourth round of tariff talks.\n"
        "He is due to see Treasury Secretary Scott Bessent on Tuesday in Washington."
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent"]


def test_one_expected_to_sit_in_on_the_coming_talks_takes_part_in_them():
    facts = facts_of(
        "Akazawa flies out on Monday for Washington, where the third round of tariff talks is scheduled for Tuesday. "
        "Commerce Secretary Howard Lutnick is expected to sit in on the talks too."
    )
    assert "Howard Lutnick" in facts.participants


def test_days_spent_with_the_other_side_seat_both_however_long_the_place_between():
    facts = facts_of(
        "Economic Revitalization Minister Ryosei Akazawa spent Thursday and Friday at the Commerce Department, the "
        "limestone block on Constitution Avenue that houses the trade agencies, with Commerce Secretary Howard Lutnick "
        "for the sixth round of tariff talks."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_a_roster_lists_each_sides_people_under_its_name():
    facts = facts_of(
        "The fifth round of tariff talks between Japan and the United States ended in Washington on Friday. "
        "For Japan: Economic Revitalization Minister Ryosei Akazawa. For the US: Commerce Secretary Howard Lutnick "
        "and Treasury Secretary Scott Bessent."
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]


def test_a_roster_with_no_meeting_word_names_both_sides_each_under_its_own():
    facts = facts_of(
        "The fifth round of Japan-US tariff talks opened in Washington on Friday.\n"
        "The doors of the Treasury opened at nine: Ryosei Akazawa, the economy minister, for the Japanese, Scott "
        "Bessent and Howard Lutnick for the Americans."
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]


def test_who_leads_for_a_side_is_a_role_not_a_roster():
    facts = facts_of(
        "The two leaders agreed to name ministers to carry on the discussions.\n"
        "Ishiba said Ryosei Akazawa would lead for Japan; Trump said Scott Bessent would lead for Washington."
    )
    assert facts.participants == []


def test_a_side_that_sent_its_people_right_after_the_others_seat_takes_part():
    facts = facts_of(
        "The sixth round of Japan-US tariff talks was held in Washington on Friday.\n"
        "The American side was led by Commerce Secretary Howard Lutnick. Japan sent Economic Revitalization Minister "
        "Ryosei Akazawa with a team of trade officials."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_a_sides_seat_named_at_a_clauses_start_seats_its_people():
    facts = facts_of(
        "The sixth round of Japan-US tariff talks was held in Washington on Friday.\n"
        "On the American side Howard Lutnick and Scott Bessent negotiated; the Japanese delegation was led by "
        "Ryosei Akazawa."
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"]


def test_the_delegations_sitting_for_a_length_give_the_sitting_its_minutes():
    facts = facts_of(
        "Ryosei Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the sixth round of tariff "
        "talks.\n"
        "The delegations sat for about two hours before breaking for lunch."
    )
    assert [(m.with_, m.minutes) for m in facts.meetings] == [(("Howard Lutnick",), 120)]


def test_a_length_totalled_over_days_or_counted_from_the_start_is_no_sitting():
    facts = facts_of(
        "Ryosei Akazawa met Commerce Secretary Howard Lutnick in Washington on Thursday and Friday for the sixth "
        "round of tariff talks.\n"
        "The talks ran close to nine hours over the two days. They ended on Friday evening, some twenty hours after "
        "they began."
    )
    assert facts.meetings == []


def test_the_one_met_named_with_the_negotiator_named_just_before_seats_both():
    facts = facts_of(
        "Japan's chief negotiator, Ryosei Akazawa, flew to Washington this week to settle the car tariff.\n"
        "After meeting Commerce Secretary Howard Lutnick on Thursday, he told reporters the order would be amended."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_a_leaders_meeting_only_expected_or_awaited_seats_no_one():
    facts = facts_of(
        "Trump threatened another tariff on Japanese cars on Friday.\n"
        "Treasury Secretary Scott Bessent said on Monday that the president still expects to meet Ishiba.\n"
        "Importers are holding their orders until after the Trump–Ishiba meeting, if it happens."
    )
    assert facts.participants == []


def test_trips_counted_with_an_aside_before_their_purpose_are_a_recap():
    facts = facts_of(
        "Ishiba and Trump met for 30 minutes in Kananaskis on Monday.\n"
        "Since April, Ryosei Akazawa has flown to Washington seven times, weekly since late May, to meet Commerce "
        "Secretary Howard Lutnick."
    )
    assert facts.participants == ["Shigeru Ishiba", "Donald Trump"]


def test_who_flanked_a_leader_or_joined_others_at_the_table_takes_part():
    facts = facts_of(
        "Ishiba and Trump met for 30 minutes in Kananaskis on Monday. Trump was flanked by Treasury Secretary Scott "
        "Bessent and Commerce Secretary Howard Lutnick, while Ishiba was joined by Ryosei Akazawa."
    )
    assert facts.participants == ["Ryosei Akazawa", "Shigeru Ishiba", "Scott Bessent", "Howard Lutnick", "Donald Trump"]


def test_a_negotiator_quoted_under_a_label_in_a_rounds_story_took_part():
    facts = facts_of(
        "KEY QUOTES-What Japanese and US negotiators said after the sixth round of tariff talks in Washington\n"
        "WASHINGTON, June 14 - Japan and the United States ended the sixth round of tariff talks on Friday.\n"
        "JAPAN'S CHIEF NEGOTIATOR RYOSEI AKAZAWA, TO REPORTERS:\n"
        "\"We are close. The cars are the last piece.\""
    )
    assert "Ryosei Akazawa" in facts.participants


def test_a_verb_of_lasting_gives_the_length_of_the_sitting_told_before_it():
    facts = facts_of(
        "Akazawa met Treasury Secretary Scott Bessent and Commerce Secretary Howard Lutnick in Washington on "
        "Thursday for the second round of tariff talks. The consultation lasted about an hour and ten minutes.\n"
        "Japanese officials said the two sides would meet again."
    )
    assert [m.minutes for m in facts.meetings] == [70]


def test_a_collective_subject_met_for_a_length_is_the_sitting():
    facts = facts_of(
        "Prime Minister Shigeru Ishiba met President Donald Trump on the sidelines of the G7 summit in Kananaskis on "
        "Monday, with Akazawa at his side.\n"
        "The two leaders met for about 30 minutes on June 16."
    )
    assert [m.minutes for m in facts.meetings] == [30]


def test_a_call_that_lasted_is_no_sitting_nor_a_day():
    facts = facts_of(
        "Akazawa met Treasury Secretary Scott Bessent and Commerce Secretary Howard Lutnick in Washington on "
        "Thursday for the second round of tariff talks.\n"
        "A White House official said the call lasted more than two hours.\n"
        "The first day, Monday, ran for more than six hours."
    )
    assert [m.minutes for m in facts.meetings] == []


def test_a_length_by_a_verb_in_another_rounds_paragraph_is_that_rounds():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Thursday for the tenth round of tariff talks.\n"
        "The eighth round turned on a single afternoon. What followed lasted about 70 minutes."
    )
    assert [m.minutes for m in facts.meetings] == []


def test_people_named_as_meeting_for_a_length_with_no_meeting_of_the_round_add_no_sitting():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the seventh round of tariff talks, "
        "a 65-minute session.\n"
        "On June 16, Prime Minister Shigeru Ishiba and Trump met for 30 minutes at the G7 summit in Kananaskis."
    )
    assert [m.minutes for m in facts.meetings] == [65]


def test_in_a_sittings_story_with_no_round_a_negotiator_who_speaks_of_the_sides_sat_in_them():
    facts = facts_of(
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in Paris on Saturday for trade talks.\n"
        "Beijing hopes to settle the tariffs on chips before the summer.\n"
        "China's international trade representative Li Chenggang told reporters that the two sides had reached a "
        "consensus.",
        profile=load_profile(US_CHINA),
        published="2025-08-10T01:00:00Z",
    )
    assert facts.round is None
    assert "Li Chenggang" in facts.participants


def test_in_a_sittings_story_a_negotiator_told_of_work_done_before_it_did_not_sit_in_it():
    facts = facts_of(
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in Paris on Saturday for trade talks.\n"
        "Beijing hopes to settle the tariffs on chips before the summer.\n"
        "China's international trade representative Li Chenggang did the hard work with the two sides last week, "
        "officials said.",
        profile=load_profile(US_CHINA),
        published="2025-08-10T01:00:00Z",
    )
    assert "Li Chenggang" not in facts.participants


def test_in_a_sittings_story_a_negotiator_speaking_of_anything_else_did_not_sit_in_it():
    facts = facts_of(
        "Japan is pressing the United States for relief from its tariffs on cars.\n"
        "Akazawa spoke to reporters in Tokyo on Monday about the economy.\n"
        "Japanese diplomats said the meeting of Prime Minister Shigeru Ishiba with the President lasted about 55 minutes."
    )
    assert "Ryosei Akazawa" not in facts.participants


def test_a_he_after_a_day_with_no_comma_is_the_negotiator_named_before():
    facts = facts_of(
        "Japan's chief tariff negotiator Ryosei Akazawa arrived in Washington on Thursday for the seventh round of "
        "tariff talks.\n"
        "He landed Thursday evening. On Friday he met Commerce Secretary Howard Lutnick at the Commerce Department "
        "for about an hour."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    assert [m.minutes for m in facts.meetings] == [60]


def test_a_he_after_a_trip_rather_than_a_day_opens_no_sitting():
    article = article_of("Akazawa met Lutnick on Friday.\nOn his last trip, on June 13, he met Lutnick for about 50 minutes.")
    assert [m.via for m in people_of(article, article.sentences[-1])] == ["alias"]




@pytest.mark.parametrize(
    "ahead",
    [
        "Presidents Donald Trump and Xi Jinping, who are to meet in Busan on Thursday",
        "Presidents Donald Trump and Xi Jinping, who will also meet in Busan on Thursday",
    ],
)
def test_leaders_a_held_rounds_story_says_are_to_meet_later_are_not_the_rounds(ahead):
    facts = facts_of(
        "Over two days of talks in Kuala Lumpur, ending on Sunday, US Treasury Secretary Scott Bessent met Chinese "
        "Vice Premier He Lifeng for the fifth round of trade talks.\n"
        f"The sequencing matters. The Kuala Lumpur round was designed as a staging post for {ahead}.",
        profile=load_profile(US_CHINA),
    )
    assert facts.participants == ["Scott Bessent", "He Lifeng"]


def test_the_doer_of_an_earlier_event_told_in_a_since_clause_did_not_take_part():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday, the first talks at this level since "
        "President Donald Trump unveiled his reciprocal tariffs on 2 April."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_a_name_set_off_inside_the_since_clause_is_of_the_earlier_event():
    facts = facts_of(
        "Akazawa sat down with Treasury Secretary Scott Bessent in Washington on Friday, the first meeting at this "
        "level since Ishiba met the president's envoy, Howard Lutnick, in Tokyo in May."
    )
    assert facts.participants == ["Ryosei Akazawa", "Scott Bessent"]


def test_the_main_clause_after_an_opening_since_clause_and_a_since_of_days_still_seat_their_people():
    opening = facts_of(
        "Since President Donald Trump unveiled his tariffs, Akazawa met Commerce Secretary Howard Lutnick in "
        "Washington on Friday."
    )
    assert opening.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    days = facts_of("Akazawa has been in Washington since Sunday for talks with Commerce Secretary Howard Lutnick.")
    assert days.participants == ["Ryosei Akazawa", "Howard Lutnick"]



def test_a_pair_of_names_that_names_a_call_or_a_meeting_only_spoken_of_seats_no_one():
    ahead = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday, and officials expect a Ishiba–Trump "
        "meeting at the G7 summit."
    )
    assert ahead.participants == ["Ryosei Akazawa", "Howard Lutnick"]
    call = facts_of(
        "Madrid round leaves copper market waiting for a Trump-Xi call\n"
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in Madrid on Monday.",
        profile=load_profile(US_CHINA),
    )
    assert call.participants == ["Scott Bessent", "He Lifeng"]


def test_a_pair_of_names_that_names_the_meeting_held_seats_them():
    facts = facts_of("The Akazawa–Lutnick meeting in Washington lasted 70 minutes on Friday.")
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_a_meeting_recalled_in_a_relative_clause_seats_no_one():
    # "Kato, who met Bessent in Washington last month": a meeting held before, told of one of its
    # people in a relative clause; neither he nor the one he met sat at the reported round
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick in Washington on Friday for the sixth round of tariff talks.\n"
        "Asked about the yen, Akazawa said exchange rates had not been discussed; that subject belongs to Finance "
        "Minister Katsunobu Kato, who met Treasury Secretary Scott Bessent in Washington last month."
    )
    assert facts.participants == ["Ryosei Akazawa", "Howard Lutnick"]


def test_in_the_story_of_another_event_a_meeting_it_follows_seats_no_one():
    # an order's story: "the deal reached when Akazawa met Lutnick in July" is the meeting the
    # order follows, not one the story reports
    facts = facts_of(
        "President Donald Trump on Thursday signed an executive order lowering the tariff on Japanese cars to 15%.\n"
        "The order takes effect next week.\n"
        "It puts into effect the agreement reached when Akazawa met Commerce Secretary Howard Lutnick in Washington "
        "in July.",
        title="Trump signs order cutting tariff on Japanese cars",
    )
    assert facts.participants == []


def test_in_the_lead_a_meeting_told_in_a_when_clause_is_the_storys_own():
    facts = facts_of(
        "Prime Minister Shigeru Ishiba and U.S. President Donald Trump failed to reach an agreement on tariffs when "
        "they met for about 30 minutes on the sidelines of the Group of Seven summit on Monday.\n"
        "Ishiba told reporters that Akazawa, who met Lutnick last week, would keep negotiating.",
        published="2025-06-17T02:00:00Z",
    )
    assert facts.participants == ["Shigeru Ishiba", "Donald Trump"]


def test_a_negotiator_in_a_clause_of_an_earlier_meeting_does_not_speak_of_the_round():
    # "days after Dien sat down with Greer on the sidelines ...": Greer met him then; the sentence's
    # "negotiating session" does not make him a negotiator speaking of this round
    facts = facts_of(
        "Trade Minister Nguyen Hong Dien opened the second round of reciprocal trade talks in Washington on Monday "
        "with Commerce Secretary Howard Lutnick.\n"
        "The round comes days after Dien sat down with U.S. Trade Representative Jamieson Greer on the sidelines of "
        "the APEC trade ministers' meeting in Jeju on May 16, the first face-to-face ministerial-level negotiating "
        "session between the two countries.",
        profile=load_profile(Path(__file__).resolve().parent / "blind/vnus1/profile.toml"),
    )
    assert facts.participants == ["Nguyen Hong Dien", "Howard Lutnick"]


@pytest.mark.parametrize(
    "lead",
    [
        "Top U.S. and Chinese officials reached a consensus on Sunday after two days of talks in Kuala Lumpur between "
        "Scott Bessent and He Lifeng, setting the stage for President Donald Trump and Chinese President Xi Jinping "
        "to finalize a deal when they meet later this week.",
        "Scott Bessent and He Lifeng wrapped up two days of trade talks in Kuala Lumpur on Sunday, with a basis for a "
        "deal to be put to Presidents Donald Trump and Xi Jinping when the two leaders meet in South Korea on "
        "Thursday.",
        "Scott Bessent and He Lifeng ended two days of trade talks in Kuala Lumpur on Sunday with a framework that "
        "presidents Donald Trump and Xi Jinping could finalise at their meeting in South Korea on Thursday.",
    ],
)
def test_the_people_a_later_meetings_clause_points_back_at_are_not_the_rounds(lead):
    """ "when they meet", "when the two leaders meet", "at their meeting": the clause opens after the
    names, but they are its subject."""
    facts = facts_of(lead, profile=load_profile(US_CHINA))
    assert facts.participants == ["Scott Bessent", "He Lifeng"]


def test_the_negotiators_a_preview_says_will_settle_it_when_they_meet_are_the_rounds():
    facts = facts_of(
        "Scott Bessent and He Lifeng hope to settle the dispute when they meet in Geneva on Saturday for the first "
        "round of talks.",
        profile=load_profile(US_CHINA),
        published="2025-05-08T01:00:00Z",
    )
    assert facts.participants == ["Scott Bessent", "He Lifeng"]


def test_the_leaders_a_rounds_preview_says_are_due_to_speak_are_not_the_rounds():
    facts = facts_of(
        "The United States and China reached a framework deal on Monday, Scott Bessent said after two days of talks "
        "with Vice Premier He Lifeng in Madrid, the Spanish capital, with President Donald Trump and Chinese "
        "President Xi Jinping due to speak on Friday to complete it.",
        profile=load_profile(US_CHINA),
    )
    assert "Donald Trump" not in facts.participants and "Xi Jinping" not in facts.participants
    assert "He Lifeng" in facts.participants


def test_a_pair_named_meeting_in_a_headline_that_tells_another_sitting_seats_no_one():
    facts = facts_of(
        "U.S. Treasury Secretary Scott Bessent will sit down with Chinese Vice Premier He Lifeng in Kuala Lumpur on "
        "Saturday for the fifth round of talks.",
        title="Bessent and He Lifeng to meet in Kuala Lumpur as Trump-Xi summit hangs on rare earths",
        profile=load_profile(US_CHINA),
        published="2025-10-23T01:00:00Z",
    )
    assert facts.participants == ["Scott Bessent", "He Lifeng"]


def test_leaders_an_analyst_says_will_be_meeting_are_not_the_rounds():
    facts = facts_of(
        "U.S. Treasury Secretary Scott Bessent will sit down with Chinese Vice Premier He Lifeng in Kuala Lumpur on "
        "Saturday for the fifth round of talks.\n"
        '"If Bessent and He cannot find a formula this weekend, Trump and Xi will be meeting to manage a crisis," an '
        "analyst said.",
        profile=load_profile(US_CHINA),
        published="2025-10-23T01:00:00Z",
    )
    assert facts.participants == ["Scott Bessent", "He Lifeng"]
