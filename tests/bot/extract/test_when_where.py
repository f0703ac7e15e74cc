"""The cheap tests that let the day-and-place finder skip a pattern never skip one that matches."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.when_where import (
    _DATELINE,
    _OTHER_DAY,
    _OTHER_DAY_WORDS,
    _SPOKE,
    _SPOKE_WORDS,
    _TRAVEL,
    _TRAVEL_WORDS,
    _RoundPositions,
    _searched,
)

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
                 "Washington", "talks", ";", ",", "’s", "ſaid", "ſet", "LEFT", "\n", "  "]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(words=st.lists(st.sampled_from(_BEFORE_WORDS), max_size=14), end=st.sampled_from(["", " "]))
def test_the_words_a_pattern_needs_skip_it_only_where_it_would_not_match(words, end):
    text = " ".join(words) + end  # a window before a date usually ends with a space
    lower = text.lower() if text.isascii() else None
    for pattern, words in ((_TRAVEL, _TRAVEL_WORDS), (_SPOKE, _SPOKE_WORDS), (_OTHER_DAY, _OTHER_DAY_WORDS)):
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
