"""A costly pattern tried only where one of the words that open its matches stands.

`bot.extract.near.finditer_at` does this for a pattern whose every match opens with one word. A
pattern whose matches open with one of several words ("the deal ...", "an agreement ...", "the
truce ...") is tried here at each occurrence of any of them, in reading order, each after the
last match's end, as `re.Pattern.finditer` takes them: the same matches, without the regex
engine trying a case-insensitive alternation at every other character of the article.

The words are looked for in the lower-cased text (`Article.lower`, same offsets) with `str.find`,
which for a few words is faster than an automaton's walk; more words than that (a dozen subjects of
other talks) are found in one walk of an automaton, as `bot.extract.near.Cue` finds its words. Lower-casing
finds every case-insensitive spelling of a word but for three letters that IGNORECASE also takes
for an ASCII letter and lower-casing leaves as they are ("ſ" for "s", "ı" and "İ" for "i"): a
word with an "i" or an "s" in a text holding one of them is searched the slow way, by the pattern
over the whole text. A word that must keep its case ("AI") is looked for in the text itself.
"""

from __future__ import annotations

import re

import ahocorasick

from bot.extract.near import FEW_WORDS, for_lower_case, found_as_lower

_PLAIN = re.compile(r"\w[\w '’-]*")

#: the letters IGNORECASE finds in an "i" or an "s" that lower-casing leaves as they are
_FOLDED_ELSEWHERE = ("ſ", "ı", "İ")


class Openers:
    """``pattern`` with the words one of which opens its every match: ``words`` in any case
    (given lower-case), ``exact`` as spelled.

    ``on_lower``: the pattern, wholly case-insensitive, is matched in the lower-cased text, where
    it needs no folding of case (`bot.extract.near.for_lower_case`), for a caller that reads only
    where its matches stand: their groups are then lower-cased."""

    __slots__ = ("_automaton", "_exact", "_match", "_on_lower", "_unsure", "_words", "pattern")

    def __init__(
        self, pattern: re.Pattern[str], words: tuple[str, ...], exact: tuple[str, ...] = (), *, on_lower: bool = False
    ) -> None:
        if not all(_PLAIN.fullmatch(word) for word in (*words, *exact)) or any(w != w.lower() for w in words):
            raise ValueError(f"opening words must be plain (and lower-case unless exact): {words!r} {exact!r}")
        self.pattern = pattern
        self._words = tuple(dict.fromkeys(words))
        self._exact = tuple(dict.fromkeys(exact))
        self._on_lower = on_lower
        self._match = (for_lower_case(pattern) if on_lower else pattern).match
        #: whether a match may hold a letter lower-casing does not fold, which only the pattern
        #: over the text itself finds
        self._unsure = on_lower or not all(found_as_lower(word) for word in words)
        #: the words in one automaton, when they are too many for a `str.find` loop each
        self._automaton: ahocorasick.Automaton | None = None
        if len(self._words) > FEW_WORDS:
            self._automaton = ahocorasick.Automaton()
            for word in self._words:
                self._automaton.add_word(word, len(word) - 1)
            self._automaton.make_automaton()

    def finditer(self, text: str, lower: str) -> list[re.Match[str]]:
        """``list(pattern.finditer(text))``; ``lower`` is ``text`` lower-cased, same offsets."""
        if self._unsure and any(letter in text for letter in _FOLDED_ELSEWHERE):
            return list(self.pattern.finditer(text))
        # each word found by the string search in C: for a few words, faster than an automaton
        if self._automaton is not None:
            starts = [last - back for last, back in self._automaton.iter(lower)]
        else:
            starts = _occurrences(self._words, lower)
        if self._exact:
            starts += _occurrences(self._exact, text)
        starts.sort()
        matches: list[re.Match[str]] = []
        match = self._match
        searched = lower if self._on_lower else text
        done = 0
        for start in starts:
            if start >= done:
                found = match(searched, start)
                if found is not None:
                    matches.append(found)
                    done = max(found.end(), start + 1)
        return matches


def _occurrences(words: tuple[str, ...], text: str) -> list[int]:
    """Where each of ``words`` starts in ``text``, overlapping occurrences too (unsorted)."""
    found: list[int] = []
    find = text.find
    for word in words:
        at = find(word)
        while at >= 0:
            found.append(at)
            at = find(word, at + 1)
    return found


# the literal letters a regex fragment opens with ("defen" of "defen[cs]e"), and what follows them
_LEADING_LITERAL = re.compile(r"([a-z][a-z ]*)(.?)")
# a fragment that keeps its case: "(?-i:AI)"
_CASED = re.compile(r"\(\?-i:(\w+)\)")


def opening_words(fragments: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that open the matches of the lexicon's regex fragments, as `Openers` takes them:
    the lower-case literal each opens with ("consultation" of "consultations?", "arms" of
    "arms[- ]control"), and the words of a fragment that keeps its case ("AI" of "(?-i:AI)")."""
    words: list[str] = []
    exact: list[str] = []
    for fragment in fragments:
        cased = _CASED.fullmatch(fragment)
        if cased is not None:
            exact.append(cased.group(1))
            continue
        leading = _LEADING_LITERAL.match(fragment)
        if leading is None:
            raise ValueError(f"no literal word opens {fragment!r}")
        word = leading.group(1)
        if leading.group(2) in ("?", "*", "{"):  # "rounds?": the last letter may be left out
            word = word[:-1]
        if not word.strip():
            raise ValueError(f"no literal word opens {fragment!r}")
        words.append(word)
    return tuple(words), tuple(exact)
