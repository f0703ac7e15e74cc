"""Searching lower-cased text, near a cue word, finds exactly what a search of the whole text finds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.cues import CLAUSE_BREAK, CLAUSE_BREAKS_NEAR
from bot.extract.dates import DATE_RE, DATES_NEAR
from bot.extract.near import Cue, finditer_at, finditer_near, for_lower_case, may_hold
from bot.extract.numbers import DURATION, DURATION_CUE
from bot.extract.people import DURATIONS_NEAR
from bot.extract.rounds import APPOSITIVE_RE, APPOSITIVES_NEAR, ROUND_RE, ROUNDS_NEAR
from bot.extract.tariffs import RATE_RE, RATES_NEAR

WORDS = ["Akazawa", "met", "Lutnick", "for", "about", "an", "a", "hour", "hours", "and", "half", "minutes", "minute",
         "110-minute", "hour-long", "minister", "min", "mins", "two", "twenty-five", "ninety", "session", "talks", "the", "tariff", "tariffs", "levy",
         "on", "cars", "steel", "25%", "27.5", "percent", "per", "cent", "pct", "to", "from", "at", "of", "Trump's", "cut",
         "rose", "exports", "fell", "2%", ",", ";", "—", "three", "quarters", "quarter", "Meeting", "Long", "long", "call"]  # fmt: skip
SENTENCES = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)


DATE_WORDS = ["on", "the", "16th", "1st", "Thursday", "Thursday's", "(May", "1)", "(29th)", "May", "may", "June", "6,",
              "2025", "Sept.", "last", "next", "coming", "yesterday", "tomorrow", "round", "anniversary", "met", "in",
              "Washington", "talks", "3", "12", ",", "Aug", "Dec.", "today", "Mondays", "market", "March"]  # fmt: skip
DATES = st.lists(st.sampled_from(DATE_WORDS), max_size=50).map(" ".join)


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(text=SENTENCES)
def test_durations_near_their_unit_are_all_the_durations(text):
    lower = text.lower()
    near = DURATIONS_NEAR.finditer(lower, lower)
    assert _spans(near) == _spans(DURATION.finditer(text))


@settings(max_examples=300, deadline=None)
@given(text=SENTENCES)
def test_rates_near_a_percentage_are_all_the_rates(text):
    lower = text.lower()
    near = RATES_NEAR.finditer(lower, lower)
    assert _spans(near) == _spans(RATE_RE.finditer(text))


def _every_occurrence(words, text):
    return sorted((i, i + len(w)) for w in words for i in range(len(text)) if text.startswith(w, i))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab ;’", max_size=40), words=st.lists(st.text(alphabet="ab ;’", min_size=1, max_size=3), max_size=8, unique=True))
def test_a_cue_reports_every_occurrence_of_its_words_overlapping_ones_too(text, words):
    # up to four words are found one by one, more with an automaton: both report the same
    assert Cue(tuple(words)).spans(text) == _every_occurrence(words, text)
    assert Cue(tuple(words)).occurs_in(text) == bool(_every_occurrence(words, text))


def test_a_cue_pattern_adds_what_a_word_cannot_say():
    cue = Cue(("%", "percent"), re.compile(r"pct?\b"))
    assert cue.spans("25 pct, 10 pcs, 5%") == [(3, 6), (17, 18)]
    assert cue.occurs_in("25 pct") and not cue.occurs_in("10 pcs")


def test_a_text_without_the_cue_is_not_searched_at_all():
    assert finditer_near(DURATION, "They met on Friday for talks.", "they met on friday for talks.", DURATION_CUE,
                         before=60, after=80) == []  # fmt: skip


def test_windows_that_touch_are_merged_so_no_match_is_cut():
    text = "They met for two hours and 10 minutes, then for an hour and a half."
    near = finditer_near(DURATION, text, text.lower(), DURATION_CUE, before=10, after=20)
    assert [m.group(0) for m in near] == ["two hours and 10 minutes", "an hour and a half"]


def test_a_pattern_for_lower_case_text_keeps_its_group_names_and_other_flags():
    pattern = for_lower_case(re.compile(r"(?ix) (?P<Word>Round) \s+ [A-Z]+"))
    assert pattern.match("round six").group("Word") == "round"
    assert pattern.match("Round six") is None  # it is for lower-cased text only


def test_a_pattern_with_a_case_sensitive_part_is_refused():
    with pytest.raises(ValueError, match="case-insensitive"):
        for_lower_case(re.compile(r"was not in (?-i:[A-Z])\w*", re.I))


@settings(max_examples=300, deadline=None)
@given(text=DATES)
def test_dates_near_a_month_or_a_day_are_all_the_dates(text):
    near = DATES_NEAR.finditer(text, text)
    assert _spans(near) == _spans(DATE_RE.finditer(text))


CLAUSE_WORDS = ["they", "met", ",", ";", "but", "butter", "while", "although", "though", "however", "adding", "saying",
                "and", "said", "added", "hoping", "to", "days", "weeks", "before", "ahead", "of", "when", "the", "two",
                "both", "will", "meet", "just", "after"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(CLAUSE_WORDS), max_size=50).map(" ".join))
def test_clause_breaks_near_their_word_are_all_the_breaks(text):
    near = CLAUSE_BREAKS_NEAR.finditer(text, text)
    assert _spans(near) == _spans(CLAUSE_BREAK.finditer(text))


ROUND_WORDS = ["the", "fifth", "5th", "twenty-first", "opening", "round", "Round", "rounds", "six", "6", "meeting",
               "session", "sitting", "ministerial-level", "and", "final", "talks", ",", "since", "April", "seventh",
               "so", "far", "of", "tariffs", "negotiations", "in", "Washington", ";", "."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(ROUND_WORDS), max_size=50).map(" ".join))
def test_rounds_near_their_noun_are_all_the_rounds(text):
    lower = text.lower()
    for pattern, search in ((ROUND_RE, ROUNDS_NEAR), (APPOSITIVE_RE, APPOSITIVES_NEAR)):
        near = search.finditer(lower, lower)
        assert _spans(near) == _spans(pattern.finditer(text))


def _without_guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its leading look-ahead of first characters: ``(?=[...])`` or
    ``(?=[...]|\\w['’])``."""
    source = re.sub(r"\(\?=\[[^\]]*\](?:\|\\w\[[^\]]*\])?\)", "", pattern.pattern, count=1)
    assert source != pattern.pattern
    return re.compile(source, pattern.flags)


@settings(max_examples=300, deadline=None)
@given(
    dates=st.lists(st.sampled_from(DATE_WORDS), max_size=40).map(" ".join),
    durations=SENTENCES,
    clauses=st.lists(st.sampled_from(CLAUSE_WORDS), max_size=40).map(" ".join),
    rounds=st.lists(st.sampled_from(ROUND_WORDS), max_size=40).map(" ".join),
)
def test_a_look_ahead_of_first_characters_only_skips_where_nothing_starts(dates, durations, clauses, rounds):
    cases = ((DATE_RE, dates), (DURATION, durations), (CLAUSE_BREAK, clauses), (RATE_RE, durations), (ROUND_RE, rounds))
    for pattern, text in cases:
        assert _spans(pattern.finditer(text)) == _spans(_without_guard(pattern).finditer(text))


# a pattern opening with a word ("agreed on Monday to cut"), case-insensitive, reaching any length past it
_AGREED_TO = re.compile(r"\bagree(?:d|s)?\s+(?:[\w,]+\s+){0,4}?to\s+(?:cut|lower|roll back)\b", re.I)
AGREE_WORDS = ["agree", "Agreed", "AGREES", "disagree", "agreed,", "to", "To", "cut", "lower", "roll", "back", "on",
               "Monday", "the", "tariffs", "two", "sides", "agreeable", "\n", "—", "’"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(AGREE_WORDS), max_size=40).map(" ".join))
def test_a_pattern_tried_only_where_its_opening_word_stands_finds_what_a_search_of_the_text_finds(text):
    lower = text.lower()
    assert _spans(finditer_at(_AGREED_TO, text, lower, "agree")) == _spans(_AGREED_TO.finditer(text))


def test_a_pattern_tried_at_its_word_takes_matches_one_after_another_as_a_search_does():
    text = "The sides agreed to cut and agreed to lower tariffs; Tokyo Agrees to cut."
    found = finditer_at(_AGREED_TO, text, text.lower(), "agree")
    assert [m.group() for m in found] == ["agreed to cut", "agreed to lower", "Agrees to cut"]


def test_a_word_whose_letters_ignorecase_finds_in_other_letters_is_searched_in_the_whole_text():
    # IGNORECASE finds "slash" in "ſlash", which lower-casing leaves as it is: the word cannot be
    # looked for in the lower-cased text, and the whole text is searched
    slash = re.compile(r"slash\w*", re.I)
    text = "Both sides vowed to ſlash duties."
    assert _spans(finditer_at(slash, text, text.lower(), "slash")) == [(20, 25)]


def test_a_range_may_hold_a_word_only_where_it_stands_unless_the_word_cannot_be_looked_for_so():
    lower = "he said the talks went well, and that rice was not raised"
    assert may_hold(lower, ("that",), 0, len(lower))
    assert not may_hold(lower, ("that",), 0, 27)  # "he said the talks went well"
    # "so" has an "s", which IGNORECASE also finds as "ſ": it may stand anywhere
    assert may_hold(lower, ("so",), 0, 27)
