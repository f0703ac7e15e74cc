"""Numbers and lengths of time as the press writes them."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.numbers import DURATION, duration_minutes, number_value, word_trie


@pytest.mark.parametrize(
    ("word", "value"),
    [("fifth", 5), ("5th", 5), ("2nd", 2), ("twenty-first", 21), ("six", 6), ("twenty-one", 21), ("12", 12)],
)
def test_ordinals_and_cardinals(word, value):
    assert number_value(word) == value


def test_words_that_are_not_numbers():
    assert number_value("several") is None


@pytest.mark.parametrize(
    ("phrase", "minutes"),
    [
        ("a 130-minute session", 130),
        ("for 45 minutes", 45),
        ("an hour and a half", 90),
        ("about two hours", 120),
        ("another 110-minute- meeting", 110),
        ("a two-hour meeting", 120),
        ("one and a half hours", 90),
        ("1.5 hours", 90),
        ("half an hour", 30),
        ("an hour-long session", 60),
        ("for about an hour and 10 minutes", 70),
        ("for 1 hour 10 minutes", 70),
        ("talks lasting an hour and a quarter", 75),
        ("three quarters of an hour", 45),
        ("two and a half hours", 150),
        ("ninety minutes", 90),
        ("twenty-five minutes", 25),
        ("held a 1-hour-40-minute meeting", 100),
        ("a two-hour-and-15-minute session", 135),
    ],
)
def test_lengths_of_time(phrase, minutes):
    match = DURATION.search(phrase)
    assert match is not None
    assert duration_minutes(match) == minutes


@pytest.mark.parametrize("phrase", ["a 90-day pause", "3.3 million vehicles", "a 24% tariff"])
def test_things_that_are_not_lengths_of_time(phrase):
    assert DURATION.search(phrase) is None


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(["seven", "seventeen", "seventy", "six", "sixth", "a", "an", "and", "ten", "tenth"]),
                   min_size=1, max_size=8),
    text=st.text(alphabet="sevntyixadh ", max_size=30),
)  # fmt: skip
def test_a_word_trie_matches_what_an_alternation_sorted_longest_first_matches(words, text):
    alternation = re.compile("(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")")
    trie = re.compile(word_trie(words))
    for start in range(len(text) + 1):
        plain, fast = alternation.match(text, start), trie.match(text, start)
        assert (plain and plain.group(0)) == (fast and fast.group(0))
