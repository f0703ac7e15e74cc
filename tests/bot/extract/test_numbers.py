"""Numbers and lengths of time as the press writes them."""

import pytest

from bot.extract.numbers import DURATION, duration_minutes, number_value


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
    ],
)
def test_lengths_of_time(phrase, minutes):
    match = DURATION.search(phrase)
    assert match is not None
    assert duration_minutes(match) == minutes


@pytest.mark.parametrize("phrase", ["a 90-day pause", "3.3 million vehicles", "a 24% tariff"])
def test_things_that_are_not_lengths_of_time(phrase):
    assert DURATION.search(phrase) is None
