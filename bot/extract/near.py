"""Running costly patterns faster: on lower-cased text, and only near a word they need.

Under IGNORECASE, Python's regex engine folds the case of every character it compares; the
`Article` keeps its text lower-cased with the same offsets, and a pattern compiled for it
(`for_lower_case`) finds the same matches two to three times faster.

Python's regex engine tries a case-insensitive pattern of many branches at every position of
the text, and cannot skip ahead to a likely first character: `DURATION` or `RATE_RE` cost
several hundred nanoseconds per character, more than the rest of a sentence's reading. But
every duration names an hour or a minute and every rate a percentage. Finding that word first
(a `Cue`: plain words looked up in the lower-cased text without the regex engine) and running the full
pattern only in a window around each occurrence gives the same matches for a fraction of the
cost, provided every match lies within ``before`` characters before its word and ``after``
characters after it. Windows that touch are merged, so a match is never cut in two.

A pattern whose every match opens with one word, however far the match reaches past it, is tried
only where that word stands (`finditer_at`): the same matches, without the engine trying the
pattern at every other character of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

# an escape, a group's name, or a capital letter to lower-case
_LITERAL_CAPITAL = re.compile(r"(\\.|\(\?P[<=][^>)]*[>)])|([A-Z])")
_LEADING_FLAGS = re.compile(r"^\(\?([aLmsux]*)i([aLmsux]*)\)")


def for_lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same case-insensitive pattern, case-sensitive, for text that is lower-cased already.

    Its literal letters are lower-cased (``[A-Z]`` becomes ``[a-z]``); a pattern with a part that
    must stay case-sensitive (``(?-i:...)``) cannot be carried over and is refused.
    """
    source = pattern.pattern
    if "(?-i" in source or not (pattern.flags & re.IGNORECASE):
        raise ValueError(f"not a wholly case-insensitive pattern: {source[:60]!r}")
    source = _LEADING_FLAGS.sub(lambda m: f"(?{m.group(1)}{m.group(2)})" if m.group(1) + m.group(2) else "", source)
    source = _LITERAL_CAPITAL.sub(lambda m: m.group(1) or m.group(2).lower(), source)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


class Cue:
    """Where the word a costly pattern needs may stand: any of ``words``, or a match of ``pattern``.

    A few words are found with `str.find`, a C loop through the text; many, with one small
    Aho–Corasick automaton. Either is several times faster than the regex engine trying an
    alternation of the words at every position. ``pattern`` is for a cue that needs more than a
    word ("pc" only at a word's end). Every occurrence is reported, overlapping ones too: a
    window only ever grows by it.
    """

    __slots__ = ("_automaton", "pattern", "words")

    def __init__(self, words: tuple[str, ...] = (), pattern: re.Pattern[str] | None = None) -> None:
        self.words = words
        self.pattern = pattern
        self._automaton: ahocorasick.Automaton | None = None
        if len(words) > FEW_WORDS:
            self._automaton = ahocorasick.Automaton()
            for word in words:
                self._automaton.add_word(word, len(word) - 1)
            self._automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted (start, end) of every occurrence in ``text``."""
        found: list[tuple[int, int]]
        if self._automaton is not None:
            found = [(last - back, last + 1) for last, back in self._automaton.iter(text)]
        else:
            found = []
            find = text.find
            for word in self.words:
                size = len(word)
                at = find(word)
                while at >= 0:
                    found.append((at, at + size))
                    at = find(word, at + 1)
        if self.pattern is not None:
            found += (m.span() for m in self.pattern.finditer(text))
        found.sort()
        return found

    def occurs_in(self, text: str) -> bool:
        """Whether any of the cue stands in ``text`` (the search stops at the first)."""
        if self._automaton is not None:
            for _ in self._automaton.iter(text):
                return True
        elif any(word in text for word in self.words):
            return True
        return self.pattern is not None and self.pattern.search(text) is not None


#: up to this many words, one `str.find` loop per word costs less than an automaton's walk
FEW_WORDS = 4


def finditer_near(
    pattern: re.Pattern[str], text: str, lower: str, cue: Cue, *, before: int, after: int
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``text`` that lie near an occurrence of ``cue`` in ``lower``.

    ``lower`` is ``text`` lower-cased with the same offsets, where the cue is searched (a cue of
    capitalised words, such as month names, may be given ``text`` itself as ``lower``).
    """
    windows: list[list[int]] = []
    size = len(text)
    for found_start, found_end in cue.spans(lower):
        start, end = max(0, found_start - before), min(size, found_end + after)
        if windows and start <= windows[-1][1]:
            if end > windows[-1][1]:
                windows[-1][1] = end
        else:
            windows.append([start, end])
    matches: list[re.Match[str]] = []
    for start, end in windows:
        # the look-behinds at ``start`` still see the text before it
        matches += pattern.finditer(text, start, end)
    return matches


#: the letters IGNORECASE also finds in letters that lower-casing leaves as they are ("ſ" for "s",
#: "ı" and "İ" for "i"); no other ASCII letter has such a partner
_FOLDED_ELSEWHERE = frozenset("is")


def found_as_lower(word: str) -> bool:
    """Whether every case-insensitive match of the lower-case ``word`` stands in lower-cased text
    spelled as ``word``: a word without the letters of `_FOLDED_ELSEWHERE` ("agree", "that")."""
    return not _FOLDED_ELSEWHERE.intersection(word)


def may_hold(lower: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether ``lower[start:end]`` may hold a case-insensitive match of one of ``words``: one is
    found there, or one cannot be looked for in lower-cased text (`found_as_lower`)."""
    return any(not found_as_lower(word) or lower.find(word, start, end) >= 0 for word in words)


def finditer_at(pattern: re.Pattern[str], text: str, lower: str, word: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, for a pattern every match of which opens with ``word``.

    ``word`` is lower-case and ``lower`` is ``text`` lower-cased with the same offsets; the
    pattern is matched only where ``word`` stands in ``lower``, each match after the last one's
    end, as `finditer` takes them (a word that cannot be looked for so, the whole text is searched).
    """
    if not found_as_lower(word):
        return list(pattern.finditer(text))
    matches: list[re.Match[str]] = []
    position, done = lower.find(word), 0
    while position >= 0:
        if position >= done:
            match = pattern.match(text, position)
            if match is not None:
                matches.append(match)
                done = match.end()
        position = lower.find(word, position + 1)
    return matches


@dataclass(frozen=True, slots=True)
class Near:
    """A costly pattern with the cue every match contains and how far a match reaches around it,
    kept together so that the finder and its tests search with the same windows."""

    pattern: re.Pattern[str]
    cue: Cue
    before: int
    after: int

    def finditer(self, text: str, lower: str) -> list[re.Match[str]]:
        return finditer_near(self.pattern, text, lower, self.cue, before=self.before, after=self.after)
