"""Fast matching of many short phrase patterns on word boundaries.

Python's regex engine scans slowly for a case-insensitive alternation that starts with a
look-behind (it cannot skip ahead to a likely first character). Nearly every phrase in a
profile starts with a literal word, so each phrase is found with `str.find` on its literal
prefix and confirmed with an anchored `match` there; the rest are scanned as usual. Word
boundaries (no letter, digit, underscore or hyphen either side) are checked in Python.
Case-insensitive phrases run on the lower-cased text, which the `Article` keeps.

Common words treat a hyphen as part of the word ("non-tariff" is not "tariff"); names are
case-sensitive and a hyphen joins two of them ("Japan-US talks", "Akazawa-Lutnick meeting").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

_META = set("\\()[]{}.|^$?*+")
_LOWER_LITERALS = re.compile(r"(\\.)|([A-Z])")


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literal letters, leaving escapes such as ``\\W`` or ``\\S`` alone."""
    return _LOWER_LITERALS.sub(lambda m: m.group(1) or m.group(2).lower(), pattern)


def literal_prefix(pattern: str) -> str:
    """The literal text every match of ``pattern`` starts with ('' when there is none)."""
    out = []
    for i, ch in enumerate(pattern):
        if ch in _META:
            if ch in "?*{" and out:
                out.pop()  # the character before an optional quantifier may be absent
            if ch == "|":
                return ""  # a top-level alternative: no common prefix
            break
        out.append(ch)
        if i == len(pattern) - 1:
            break
    # a later top-level "|" would make the prefix wrong
    depth = 0
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return ""
    return "".join(out)


def _is_word_char(ch: str, hyphen: bool = True) -> bool:
    return ch.isalnum() or ch == "_" or (hyphen and ch == "-")


class Phrases:
    """A named set of phrase patterns; `spans` finds them all in a text."""

    __slots__ = ("_entries", "case_sensitive", "patterns")

    def __init__(self, patterns: Iterable[str], *, case_sensitive: bool = False) -> None:
        self.patterns = tuple(patterns)
        self.case_sensitive = case_sensitive
        entries = []
        for raw in self.patterns:
            pattern = raw if case_sensitive else lower_pattern(raw)
            # The trailing boundary sits inside the pattern so that alternatives backtrack to it
            # ("exemptions" must not stop at "exemption").
            after = r"(?!\w)" if case_sensitive else r"(?![\w-])"
            compiled = re.compile(f"(?:{pattern}){after}")  # re.error goes to the profile loader
            prefix = literal_prefix(pattern)
            entries.append((prefix, _token_key(prefix, names=case_sensitive), compiled))
        self._entries = tuple(entries)

    def spans(self, text: str, index: TokenIndex | None = None) -> list[tuple[int, int]]:
        """Sorted (start, end) of every match.

        ``text`` is lower-cased unless the set is case-sensitive; ``index`` is that text's
        `TokenIndex`, which turns each phrase's search into a dictionary look-up.
        """
        found: list[tuple[int, int]] = []
        size = len(text)
        for prefix, key, compiled in self._entries:
            if index is not None and key is not None:
                for i in index.starts.get(key, ()):
                    if text.startswith(prefix, i):
                        m = compiled.match(text, i)
                        if m and m.end() > i:
                            found.append((i, m.end()))
                continue
            for m in compiled.finditer(text):
                s, e = m.span()
                hyphen = not self.case_sensitive
                if e > s and (s == 0 or not _is_word_char(text[s - 1], hyphen)) and (
                    e >= size or not _is_word_char(text[e], hyphen)
                ):
                    found.append((s, e))
        found.sort()
        return found

    def search(self, text: str) -> bool:
        """Whether any phrase occurs in ``text`` (for one-off checks outside an `Article`)."""
        return bool(self.spans(text if self.case_sensitive else text.lower()))


PREFIX = 3
_TOKEN = re.compile(r"[\w-]+")
_NAME_TOKEN = re.compile(r"\w+")


class TokenIndex:
    """Where each word starts, by its first three characters: one pass over the text.

    ``names=True`` indexes the original text for case-sensitive sets, splitting at hyphens.
    """

    __slots__ = ("starts",)

    def __init__(self, text: str, *, names: bool = False) -> None:
        starts: dict[str, list[int]] = {}
        for m in (_NAME_TOKEN if names else _TOKEN).finditer(text):
            starts.setdefault(m.group()[:PREFIX], []).append(m.start())
        self.starts = starts


def _token_key(prefix: str, *, names: bool) -> str | None:
    """The `TokenIndex` key of the words a phrase can start at, or None to scan instead."""
    word = (_NAME_TOKEN if names else _TOKEN).match(prefix)
    if word is None:
        return None
    if len(word.group()) >= PREFIX:
        return word.group()[:PREFIX]
    if len(word.group()) < len(prefix):
        return word.group()  # a short word that ends inside the prefix ("to "): the whole token
    return None


class Hits:
    """Where one `Phrases` matched in an article, for quick per-sentence questions."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self._starts) and self._starts[i] < end:
            if self._ends[i] <= end:
                out.append((self._starts[i], self._ends[i]))
            i += 1
        return out

    def any(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, start)
        while i < len(self._starts) and self._starts[i] < end:
            if self._ends[i] <= end:
                return True
            i += 1
        return False

    def count(self, start: int, end: int) -> int:
        return len(self.within(start, end))

    def first(self, start: int, end: int) -> tuple[int, int] | None:
        found = self.within(start, end)
        return found[0] if found else None
