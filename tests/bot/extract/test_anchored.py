"""A pattern tried only where one of its opening words stands finds what a search of the whole text finds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.anchored import Openers, opening_words
from bot.extract.phrases import lower_keeping_length
from bot.extract.positions import _DEAL_NAMED, _DEALS_NAMED
from bot.extract.relevance import _OTHER_CHANNELS

WORDS = ["The", "the", "deal", "DEAL", "Deal", "agreement", "ordeal", "truce", "pact", "framework", "the", "two",
         "sides", "struck", "agreed", "announced", "signed", "with", "Japan", "not", "talks", "on", "about", "AI",
         "Ai", "ai", "said", "climate", "envoy", "consular", "consultations", "round", "Rounds", "of", "session",
         "security", "national", "law", "enforcement", "cyber", "risks", "future", "the", ",", ".", "\n",
         "ſecurity", "conſular", "İmport", "ı"]  # fmt: skip
TEXTS = st.lists(st.sampled_from(WORDS), max_size=50).map(" ".join)


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def _both(openers: Openers, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return _spans(openers.finditer(text, lower_keeping_length(text))), _spans(openers.pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_deals_named_at_their_nouns_are_all_the_deals_named(text):
    found, everywhere = _both(_DEALS_NAMED, text)
    assert found == everywhere


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_talks_on_another_subject_at_their_opening_words_are_all_of_them(text):
    for openers in _OTHER_CHANNELS:
        found, everywhere = _both(openers, text)
        assert found == everywhere


def test_a_deal_is_named_wherever_its_noun_opens_it_in_any_case():
    text = "The Trade Agreement the two sides struck in July holds; the DEAL announced with Tokyo too."
    found, everywhere = _both(_DEALS_NAMED, text)
    assert found == everywhere and len(found) == 2
    assert _DEAL_NAMED is _DEALS_NAMED.pattern


def test_a_subject_that_keeps_its_case_is_looked_for_as_spelled():
    # "AI talks" are talks on another subject; "Ai" is a name, and "said" holds no subject
    text = "Officials said AI talks resumed, and Ai said the consular consultations went on."
    found, everywhere = _both(_OTHER_CHANNELS[0], text)
    assert found == everywhere
    assert [text[s:e] for s, e in found] == ["AI talks", "consular consultations"]


def test_a_text_with_a_letter_lower_casing_does_not_fold_is_searched_whole():
    # "ſ" is an "s" to a case-insensitive pattern, but stays "ſ" in the lower-cased text
    text = "the conſular consultations"
    found, everywhere = _both(_OTHER_CHANNELS[0], text)
    assert found == everywhere == [(4, len(text))]


def test_a_pattern_matched_in_the_lower_cased_text_stands_where_it_stands_in_the_text():
    # the deal's name is read only for where it stands: its groups come out lower-cased
    text = "The TRUCE agreed between Washington and Beijing holds."
    found, everywhere = _both(_DEALS_NAMED, text)
    assert found == everywhere == [(4, 16)]
    # "İ" is an "i" to a case-insensitive pattern, but not to one matched in lower-cased text
    text = "The deal sİgned by the two sides holds."
    found, everywhere = _both(_DEALS_NAMED, text)
    assert found == everywhere and len(found) == 1


def test_matches_do_not_overlap_as_the_whole_search_takes_them():
    pattern = re.compile(r"(?:ab|b)\w*c", re.I)
    openers = Openers(pattern, ("ab", "b"))
    for text in ("ab bc abc", "abbbc bc", "ABC"):
        assert _both(openers, text)[0] == _both(openers, text)[1]


def test_the_opening_words_of_the_lexicons_fragments():
    assert opening_words(("rounds?", "defen[cs]e", "arms[- ]control", "human rights", "(?-i:AI)", "cyber(?:security)?")) == (
        ("round", "defen", "arms", "human rights", "cyber"),
        ("AI",),
    )


@pytest.mark.parametrize("fragment", [r"\bdeal", r"(?:a|b)", "[dD]eal"])
def test_a_fragment_no_literal_word_opens_is_refused(fragment):
    with pytest.raises(ValueError):
        opening_words((fragment,))


def test_opening_words_must_be_plain_and_lower_case():
    with pytest.raises(ValueError):
        Openers(re.compile("deal", re.I), ("Deal",))
    with pytest.raises(ValueError):
        Openers(re.compile("deals?", re.I), ("deals?",))


def test_many_opening_words_are_found_in_one_walk_with_every_overlap():
    # more words than a `str.find` loop each is worth: one automaton walk finds them all, words
    # inside words ("round" in "around", "rounds") and words overlapping ("talks" in "talkshow") too
    words = ("round", "rounds", "talks", "talk", "session", "around")
    openers = Openers(re.compile(r"(?:a?rounds?|talks?|session)\b", re.I), words)
    assert openers._automaton is not None
    text = "Rounds around talks, a talkshow, SESSION rounds"
    found, everywhere = _both(openers, text)
    assert found == everywhere == [(0, 6), (7, 13), (14, 19), (33, 40), (41, 47)]
