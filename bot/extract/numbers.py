"""Numbers as the press writes them: "fifth", "5th", "six", "an hour and a half", "110-minute".

Pure helpers, used by the round, meeting and tariff finders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.extract.lexicon import SITTING_NOUNS, alternation
from bot.extract.near import Cue

_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}

def word_trie(words: Iterable[str]) -> str:
    """An alternation of literal words, written as a trie: ``s(?:even(?:t(?:een|y))?|ix(?:t(?:een|y))?)``.

    Python's regex engine tries the branches of ``seventeen|seventy|seven|...`` one by one at every
    position; a trie lets it leave after the first letter. A longer word is preferred to a word
    that begins it, as in an alternation sorted longest first (an optional group is greedy).
    """
    trie: dict[str, Any] = {}  # a letter → the trie of what follows it ("" ends a word)
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return "(?:" + emit(trie) + ")"


_CARDINAL_WORD = word_trie([*(k for k in _UNITS if k not in ("a", "an")), *_TENS])
_ORDINAL_WORD = word_trie([*_ORDINAL_UNITS, *_ORDINAL_TENS])
_TENS_WORD = word_trie(_TENS)

#: every number word, for finding sentences that hold a number at all ("twenty-first" included)
NUMBER_WORDS = [
    *(w for w in _UNITS if w not in ("a", "an")),
    *(rf"{w}(?:-\w+)?" for w in _TENS),
    *_ORDINAL_UNITS,
    *_ORDINAL_TENS,
    "opening",
    "inaugural",
]

#: a cardinal number: "6", "six", "twenty-one"
CARDINAL = rf"(?:\d+|(?:(?:{_TENS_WORD})[- ](?:{_CARDINAL_WORD})|{_CARDINAL_WORD}))"
#: an ordinal: "6th", "sixth", "twenty-first"
ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|(?:(?:{_TENS_WORD})[- ])?(?:{_ORDINAL_WORD}))"


def _word_value(word: str, units: dict[str, int], tens: dict[str, int]) -> int | None:
    """A number word, or a tens word and a unit word joined ("twenty-one", "twenty-first")."""
    if word in units:
        return units[word]
    if word in tens:
        return tens[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in units:
        return _TENS[parts[0]] + units[parts[1]]
    return None


def cardinal_value(text: str) -> int | None:
    """The value of a cardinal written in digits or words; None when it is not one."""
    word = text.strip().lower()
    return int(word) if word.isdigit() else _word_value(word, _UNITS, _TENS)


def ordinal_value(text: str) -> int | None:
    """The value of an ordinal ("fifth", "5th", "twenty-first", "opening"); None when it is not one."""
    word = text.strip().lower()
    if word in ("opening", "inaugural"):
        return 1
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(digits.group(1)) if digits else _word_value(word, _ORDINAL_UNITS, _ORDINAL_TENS)


def number_value(text: str) -> int | None:
    """Ordinal or cardinal, whichever the text is."""
    value = ordinal_value(text)
    return value if value is not None else cardinal_value(text)


# "a 90-minute meeting" is a sitting's length; "a 90-minute drive" is not
_SITTING = alternation(SITTING_NOUNS)
_QTY = rf"(?:\d+(?:\.\d+)?|{CARDINAL}|an?|one)"
_HALF = r"(?:\s+and\s+(?:a\s+)?half|\s+and\s+a\s+quarter|\s+and\s+three[- ]quarters)"
#: the first word of every duration, whole: a digit, a number word ("one" to "ninety", "a",
#: "an"), "half", "hour" ("hour-long") or "quarter"; each is followed by a space or a hyphen
_DURATION_START = rf"(?=\d|(?:{_CARDINAL_WORD}|an?|half|hour|quarter)\b)"
#: a length of time in minutes or hours, as a regex with named groups
# The first look-ahead names every character a duration can start with: the regex engine gives
# up at any other position at once. The second lets it try the branches only at a word that
# can start one: trying them at every word ("the", "for", "said") cost three times as much.
DURATION = re.compile(
    rf"""(?ix)
    (?=[0-9aotfsenzhq])(?<![\w.]){_DURATION_START}(?:
        (?P<hm_adj>(?P<hm_hours>{_QTY})[- ]hours?[- ](?:and[- ])?(?P<hm_minutes>{_QTY})[- ]minutes?)
            (?=[-\s]+(?:[A-Z][\w-]*\s+){{0,2}}(?:long\b|{_SITTING}))
      | (?P<min_adj>{_QTY})[- ]minutes?(?=[-\s]+(?:[A-Z][\w-]*\s+){{0,2}}(?:long\b|{_SITTING}))
      | (?P<hour_adj>{_QTY}(?:{_HALF})?|{_QTY}[- ]and[- ]a[- ]half)[- ]hours?(?:[- ]long)?
            (?=[-\s]+{_SITTING})
      | (?P<hour_long>an?\s+)?hour[- ]long
      | (?P<half_hour>half\s+an\s+hour|half-hour)
      | (?P<three_quarters>three[- ]quarters\s+of\s+an\s+hour)
      | (?P<quarter_hour>(?:a\s+)?quarter\s+of\s+an\s+hour)
      | (?P<hour_frac>(?P<hf_qty>{_QTY})\s+hours?\s+and\s+a\s+(?P<frac>half|quarter))
      | (?P<hours_and_half>(?:an?|one)\s+hour\s+and\s+a\s+half)
      | (?P<hours>{_QTY}(?:{_HALF})?|{_QTY}\s+and\s+a\s+half)\s+hours?(?P<plus_min>\s+(?:and\s+)?(?P<extra>{_QTY})\s+min(?:ute)?s?)?
      | (?P<minutes>{_QTY})\s+minutes?
    )""",
)


#: the word every `DURATION` names, for `bot.extract.near.finditer_near` (on lower-cased text): "min"
#: alone is no cue ("minister"), and the "10 min" of "two hours and 10 min" lies near its "hour"
DURATION_CUE = Cue(("hour", "minute"))


_FRACTIONS = tuple(
    (re.compile(tail + "$"), value)
    for tail, value in (("and a half", 0.5), ("and half", 0.5), ("and a quarter", 0.25), ("and three.quarters", 0.75))
)
_AND_FRACTION = re.compile(r"[- ]and[- ].*$")


def _quantity(text: str) -> float | None:
    text = text.strip().lower()
    half = 0.0
    for tail, value in _FRACTIONS:
        if tail.search(text):
            half = value
            text = _AND_FRACTION.sub("", text).strip()
            break
    try:
        base = float(text)
    except ValueError:
        base_int = cardinal_value(text)
        if base_int is None:
            return None
        base = float(base_int)
    return base + half


def duration_minutes(match: re.Match[str]) -> int | None:
    """Whole minutes of a `DURATION` match."""
    groups = match.groupdict()
    if groups.get("hm_adj"):  # "a 1-hour-40-minute meeting"
        hours, minutes = _quantity(groups["hm_hours"]), _quantity(groups["hm_minutes"])
        return None if hours is None or minutes is None else round(hours * 60 + minutes)
    if groups.get("hours_and_half"):
        return 90
    if groups.get("three_quarters"):
        return 45
    if groups.get("quarter_hour"):
        return 15
    if groups.get("hour_frac"):
        qty = _quantity(groups["hf_qty"])
        return None if qty is None else round(qty * 60 + (30 if groups["frac"].lower() == "half" else 15))
    if groups.get("half_hour"):
        return 30
    if match.group(0).lower().endswith(("hour-long", "hour long")) and not groups.get("hour_adj"):
        return 60
    for key, factor in (("min_adj", 1), ("minutes", 1), ("hour_adj", 60), ("hours", 60)):
        if groups.get(key):
            qty = _quantity(groups[key])
            if qty is None:
                return None
            total = qty * factor
            if key == "hours" and groups.get("extra"):
                extra = _quantity(groups["extra"])
                total += extra or 0
            return round(total)
    return None
