"""A costly pattern tried only where one of the words that open its matches stands.

`bot.extract.near.finditer_at` does this for a pattern whose every match opens with one word. A
pattern whose matches open with one of several words ("the deal ...", "an agreement ...", "the
truce ...") is tried here at each occurrence of any of them, in reading order, each after the
last match's end, as `re.Pattern.finditer` takes them: the same matches, without the regex
engine trying a case-insensitive alternation at every other character of the article.

The words are looked for in the lower-cased text (`Article.lower`, same offsets), a few with
`str.find`, many with one automaton (`bot.extract.near.Cue`). Lower-casing finds every
case-insensitive spelling of a word but for three letters that IGNORECASE also takes for an
ASCII letter and lower-casing leaves as they are ("ſ" for "s", "ı" and "İ" for "i"): a word
with an "i" or an "s" in a text holding one of them is searched the slow way, by the pattern
over the whole text. A word that must keep its case ("AI") is looked for in the text itself.
"""

from __future__ import annotations

import re

from bot.extract.near import Cue, found_as_lower

_PLAIN = re.compile(r"\w[\w '’-]*")

#: the letters IGNORECASE finds in an "i" or an "s" that lower-casing leaves as they are
_FOLDED_ELSEWHERE = ("ſ", "ı", "İ")


class Openers:
    """``pattern`` with the words one of which opens its every match: ``words`` in any case
    (given lower-case), ``exact`` as spelled."""

    __slots__ = ("_exact", "_unsure", "_words", "pattern")

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...], exact: tuple[str, ...] = ()) -> None:
        if not all(_PLAIN.fullmatch(word) for word in (*words, *exact)) or any(w != w.lower() for w in words):
            raise ValueError(f"opening words must be plain (and lower-case unless exact): {words!r} {exact!r}")
        self.pattern = pattern
        self._words = Cue(tuple(dict.fromkeys(words)))
        self._exact = Cue(tuple(dict.fromkeys(exact))) if exact else None
        #: whether a word may stand in the text spelled with a letter lower-casing does not fold
        self._unsure = not all(found_as_lower(word) for word in words)

    def finditer(self, text: str, lower: str) -> list[re.Match[str]]:
        """``list(pattern.finditer(text))``; ``lower`` is ``text`` lower-cased, same offsets."""
        if self._unsure and any(letter in text for letter in _FOLDED_ELSEWHERE):
            return list(self.pattern.finditer(text))
        starts = [start for start, _ in self._words.spans(lower)]
        if self._exact is not None:
            starts = sorted(starts + [start for start, _ in self._exact.spans(text)])
        matches: list[re.Match[str]] = []
        match = self.pattern.match
        done = 0
        for start in starts:
            if start >= done:
                found = match(text, start)
                if found is not None:
                    matches.append(found)
                    done = max(found.end(), start + 1)
        return matches


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
