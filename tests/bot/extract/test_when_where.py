"""The cheap tests that let the day-and-place finder skip a pattern never skip one that matches."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.when_where import _DATELINE

_DATELINE_WORDS = ["TOKYO", "WASHINGTON", "Washington", "New", "York", ",", "June", "28", "Jun.", "(Kyodo)", "(AP)",
                   "(Jiji Press)", "Reuters", "--", "—", "–", "-", "Japan", "and", "the", "U.S.", "held", "talks",
                   "Japan-U.S.", "KYODO", "NEWS", "|", "(", ")", "’s", "D.C."]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(_DATELINE_WORDS), max_size=12).map(" ".join))
def test_a_sentence_without_a_dash_is_never_a_dateline(text):
    if _DATELINE.match(text):
        assert "-" in text or "—" in text or "–" in text
