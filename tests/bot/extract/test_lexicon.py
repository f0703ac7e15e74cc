"""The lexicon: each English word list defined once, and the speed helpers derived from it."""

from __future__ import annotations

import pytest

from bot.extract.cues import CLAUSE_BREAK, CLAUSE_HINTS, SPEECH_AFTER, SPEECH_BEFORE, clauses
from bot.extract.dates import find_dates
from bot.extract.lexicon import (
    ANNOUNCING_VERBS,
    ATTRIBUTIONS,
    CONCESSION_WORDS,
    CONTRAST_WORDS,
    MEETING_NOUNS,
    PURPOSE_PARTICIPLES,
    RATE_VERBS,
    RATE_VERBS_TO,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    SITTING_NOUNS,
    SPEECH_VERBS,
    TARIFF_NOUNS,
    TIME_OFFSETS,
    alternation,
    first_characters,
    plain_words,
    two_letter_openings,
)
from bot.extract.numbers import DURATION, duration_minutes
from bot.extract.rounds import ROUND_RE
from bot.extract.tariffs import RATE_RE
from bot.extract.when_where import _SPOKE, _SPOKE_WORDS


def test_helpers_build_groups_classes_and_openings():
    assert alternation(["a", "b(?:c)?"]) == "(?:a|b(?:c)?)"
    assert first_characters(["but", "while", "when", ";"]) == "[;bw]"
    assert two_letter_openings(["tariff", "tax", "to ", "a ", "go up"]) == ("ta", "to\\s", "a\\s", "go")
    assert plain_words(["tariffs?", "dut(?:y|ies)"]) == ("tariffs", "tariff", "duty", "duties")


@pytest.mark.parametrize(
    "sentence",
    [f"They discussed chips {word} currency" for word in CONTRAST_WORDS]
    + [f"They discussed chips, {word} currency was raised" for word in CONCESSION_WORDS]
    + [f"They discussed chips, {word} that currency was not" for word in REPORTING_PARTICIPLES]
    + [f"They discussed chips, {word} to settle" for word in PURPOSE_PARTICIPLES]
    + [f"They met {word} before the summit" for word in TIME_OFFSETS],
)
def test_every_clause_break_word_breaks_a_sentence_and_passes_the_gate(sentence):
    assert CLAUSE_BREAK.search(sentence.lower())
    assert CLAUSE_HINTS.spans(sentence)
    assert len(clauses(sentence)) == 2


@pytest.mark.parametrize("verb", [*RATE_VERBS, *(f"{verb} to" for verb in RATE_VERBS_TO)])
def test_every_rate_verb_opens_a_rate(verb):
    found = [m.group(0) for m in RATE_RE.finditer(f"Cars {verb} 25% now")]
    assert found and found[0].startswith(verb.split()[0])


@pytest.mark.parametrize("noun", plain_words(TARIFF_NOUNS))
def test_every_tariff_noun_names_a_rate(noun):
    assert RATE_RE.search(f"a 25% {noun} on cars")
    assert RATE_RE.search(f"{noun} of 25 percent")


@pytest.mark.parametrize("noun", MEETING_NOUNS)
def test_an_ordinal_and_its_meeting_noun_is_a_round_and_never_a_day(noun):
    text = f"the 4th ministerial {noun} ended"
    assert [m.group("ord") for m in ROUND_RE.finditer(text)] == ["4th"]
    assert find_dates(text) == []
    assert find_dates("talks on the 4th ended") != []  # a day of the month, when nothing counted follows


@pytest.mark.parametrize("verb", [*SPEECH_VERBS, *REPORTING_VERBS])
def test_every_speech_verb_after_a_name_makes_it_a_speaker(verb):
    assert SPEECH_AFTER.match(f", {verb} reporters")


@pytest.mark.parametrize("attribution", ATTRIBUTIONS)
def test_every_attribution_before_a_name_makes_it_a_speaker(attribution):
    assert SPEECH_BEFORE.search(f"the deal is close, {attribution} ")


@pytest.mark.parametrize("verb", [*SPEECH_VERBS, *REPORTING_VERBS, *ANNOUNCING_VERBS])
def test_a_day_right_after_a_speech_verb_dates_the_statement_not_the_meeting(verb):
    before = f"Akazawa {verb} reporters " if verb in ("told", "tells") else f"Akazawa {verb} "
    assert _SPOKE.search(before) and any(word in before.lower() for word in _SPOKE_WORDS)


@pytest.mark.parametrize("noun", plain_words(SITTING_NOUNS))
def test_a_length_before_any_sitting_noun_is_a_duration(noun):
    for text in (f"a 90-minute {noun}", f"a two-hour {noun}"):
        match = DURATION.search(text)
        assert match is not None and duration_minutes(match) in (90, 120), text
    assert DURATION.search("a 90-minute drive") is None
