"""The tariff finder's patterns, rewritten to run faster, find exactly what they found before."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.lexicon import RATE_VERBS, RATE_VERBS_TO
from bot.extract.near import for_lower_case
from bot.extract.tariffs import _BREAK, _RATE_BODY, RATE_RE

# RATE_RE as its branches say, without the look-aheads that only make it fast
_OLD_RATE_RE = re.compile(_RATE_BODY, re.IGNORECASE)


def _words(text: str) -> list[str]:
    return text.split()


# every word a branch opens with (every tariff word, verb and number word), words that hold
# one inside them ("often", "retax", "Trump's"), and what stands between a rate's words
_VERBS = list(RATE_VERBS)
_VERBS_TO = [verb for verb in RATE_VERBS_TO if " " not in verb]  # "go up" is spelled out below
_WORDS = [
    *_VERBS,
    *_VERBS_TO,
    "go",
    *_words("""
    tariff tariffs levy levies duty duties tax taxes rate rates surcharge surcharges
    zero one two ten twelve twenty twenty-five thirty seven seventy eight eighteen nine ninety
    often attention lifted Trump's U.S.'s Japan’s x25% a an the and to from at of on for about as much high
    25 27.5 2 100 % percent per cent pc pct and-a-half half up just TARIFF Rates The Levied On
    cars steel imports stake fell growth annualized Tax-free retax Dutyfree strand anthem"""),
]
_SEPARATORS = st.sampled_from([" ", " ", " ", "", "-", ", ", "\n", "  "])
# a word and a percentage right after it, as most rates have them
_WORD_AND_RATE = st.tuples(
    st.sampled_from(_WORDS),
    st.sampled_from(["25", "2.5", "ten", "twenty-five", "often", "x7"]),
    st.sampled_from(["%", " percent", "pct"]),
).map(lambda parts: f"{parts[0]} {parts[1]}{parts[2]}")
TEXTS = st.lists(st.tuples(st.one_of(st.sampled_from(_WORDS), _WORD_AND_RATE), _SEPARATORS), max_size=30).map(
    lambda pairs: "".join(word + sep for word, sep in pairs)
)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(text=TEXTS)
def test_the_rate_pattern_with_its_two_letter_look_ahead_finds_what_it_found(text):
    assert _found(RATE_RE, text) == _found(_OLD_RATE_RE, text)
    lower = text.lower()
    assert _found(for_lower_case(RATE_RE), lower) == _found(for_lower_case(_OLD_RATE_RE), lower)


def test_every_way_a_rate_opens_is_let_through_by_the_look_ahead():
    openings = [*_VERBS, *(f"{verb} to" for verb in _VERBS_TO), "go up to", "to", "from", "at", "the", "a", "an",
                "Trump's", "tariffs of", "tariff at", "levy of", "levies of", "duty of", "duties of", "tax of",
                "taxes of", "rate of", "rates of", "surcharge of", "surcharges of"]  # fmt: skip
    for opening in openings:
        for text in (f"{opening} 25%", f"{opening.upper()} 25%", f"{opening} twenty percent"):
            found = _found(RATE_RE, text)
            assert found == _found(_OLD_RATE_RE, text)
            assert found[0][0] == (0 if opening != "Trump's" else 4, len(text)), text


_OLD_BREAK = re.compile(
    r",|;|\band\s+(?:a|an|the|its|their|(?=\d))\b|\bwith\b|\bwhile\b|\bwhich\b|\bbut\b|[—–]|--", re.I
)
_BREAK_WORDS = [*_words("""and And a an the its their 10% 2 with While which but sand bandwidth withheld butter meanwhile
                           steel cars Japan’s lawith-and whiches ,"""), "—", "–", "--", "-", ";"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    pairs=st.lists(st.tuples(st.sampled_from(_BREAK_WORDS), _SEPARATORS), max_size=30),
    bounds=st.tuples(st.integers(0, 200), st.integers(0, 200)),
)
def test_the_break_pattern_opening_with_plain_characters_finds_what_it_found(pairs, bounds):
    # searched in the lower-cased text between two rates, as the finder does
    text = "".join(word + sep for word, sep in pairs).lower()
    start, end = sorted(bounds)
    old = for_lower_case(_OLD_BREAK)
    assert _found(_BREAK, text) == _found(old, text)
    assert [m.span() for m in _BREAK.finditer(text, start, end)] == [m.span() for m in old.finditer(text, start, end)]
