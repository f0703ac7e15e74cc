"""Fast matching of many short phrase patterns on word boundaries.

Python's regex engine scans slowly for a case-insensitive alternation that starts with a
look-behind (it cannot skip ahead to a likely first character), and an article is searched for
hundreds of phrases. Nearly every phrase starts with a literal word, so a `Scanner` finds the
literal prefixes of all of them in one Aho–Corasick pass and confirms each with an anchored
`match` there. Case-insensitive phrases run on the lower-cased text, which the `Article` keeps.

Common words treat a hyphen as part of the word ("non-tariff" is not "tariff"); names are
case-sensitive and a hyphen joins two of them ("Japan-US talks", "Akazawa-Lutnick meeting").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable
from itertools import compress, pairwise, repeat
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

_META = set("\\()[]{}.|^$?*+")
_LOWER_LITERALS = re.compile(r"(\\.)|([^\W\d_])")


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literal letters ("École" -> "école"), leaving escapes such as ``\\W``
    or ``\\S`` alone, and a letter that grows when lowered as it is (as `lower_keeping_length`
    leaves it in the text)."""
    return _LOWER_LITERALS.sub(lambda m: m.group(1) or _lower_letter(m.group(2)), pattern)


def _lower_letter(letter: str) -> str:
    lowered = letter.lower()
    return lowered if len(lowered) == 1 else letter


_LITERAL_ESCAPES = set(".-'’,&/ ")


def upper_pattern(pattern: str) -> str:
    """Upper-case a pattern's literal letters ("Akazawa" -> "AKAZAWA", "Šefčovič" -> "ŠEFČOVIČ"),
    leaving escapes alone."""
    return re.sub(r"(\\.)|([^\W\d_])", lambda m: m.group(1) or m.group(2).upper(), pattern)


# letters whose stroke or slash Unicode does not take off, and the plain letter the press writes
# for them: "Đức" is "Duc", "Łódź" "Lodz", "Løkke" "Lokke" in wire copy
_STROKED = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O"}


def marks_optional(pattern: str) -> str:
    """The pattern with each letter that bears a mark found with or without it ("Šefčovič" ->
    "[ŠS]ef[čc]ovi[čc]", which finds "Šefčovič", "Sefcovic" and "Šefcovic"): the press, wires
    above all, often drops a name's diacritics. Escapes and character classes are left as
    written; a letter with a stroke ("đ", "ł", "ø") is found as its plain letter too."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class or ch == "[":
            in_class = ch != "]" if in_class else True
            out.append(ch)
        else:
            base = _STROKED.get(ch) or unicodedata.normalize("NFD", ch)[0]
            out.append(f"[{ch}{base}]" if base != ch and base.isalpha() else ch)
        i += 1
    return "".join(out)


def literal_prefix(pattern: str) -> str:
    """The literal text every match of ``pattern`` starts with ('' when there is none)."""
    if _has_top_level_bar(pattern):
        return ""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern) and pattern[i + 1] in _LITERAL_ESCAPES:
            ch, step = pattern[i + 1], 2
        elif ch in _META:
            if ch in "?*{" and out:
                out.pop()  # the character before an optional quantifier may be absent
            break
        else:
            step = 1
        nxt = pattern[i + step : i + step + 1]
        if nxt and nxt in "?*{":
            break  # this character is optional
        out.append(ch)
        i += step
    return "".join(out)


def _has_top_level_bar(pattern: str) -> bool:
    return len(_split_top(pattern)) > 1


def _split_top(body: str) -> list[str]:
    """The alternatives of a pattern at its top level (not inside groups or classes)."""
    parts: list[str] = []
    current: list[str] = []
    depth, escaped = 0, False
    for ch in body:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _group_end(pattern: str, start: int) -> int:
    """Index of the ``)`` closing the group that opens at ``start`` (-1 if unbalanced)."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = pattern.find("]", i + 1)
            if close < 0:
                return -1
            i = close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


_SIMPLE_CLASS = re.compile(r"\[([^\]\\^]+)\](\??)")
_OPTIONAL_CHAR = re.compile(r"(?<!\\)([\w '’-])\?")


def _expand_once(pattern: str) -> list[str] | None:
    """Spell out the first group, character class or optional character; None if there is none."""
    if _has_top_level_bar(pattern):
        return _split_top(pattern)
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            if pattern[i + 1 : i + 2] not in _LITERAL_ESCAPES:
                return None  # past "\w" nothing spelled out lengthens the prefix or makes a word
            i += 2
            continue
        if pattern.startswith("(?:", i):
            end = _group_end(pattern, i)
            if end < 0:
                return None
            after = pattern[end + 1 :]
            if after[:1] in ("*", "+", "{"):
                return None  # a repeated group: the same
            optional = after.startswith("?")
            rest = after[1:] if optional else after
            head = pattern[:i]
            variants = [head + alt + rest for alt in _split_top(pattern[i + 3 : end])]
            if optional:
                variants.append((head + rest) if not head.endswith(" ") else head + rest.lstrip(" "))
            return variants
        if ch == "[":
            m = _SIMPLE_CLASS.match(pattern, i)
            if not m or "-" in m.group(1).strip("-") or pattern[m.end() : m.end() + 1] in ("*", "+", "{"):
                return None
            head, rest = pattern[:i], pattern[m.end() :]
            variants = [head + c + rest for c in dict.fromkeys(m.group(1))]
            if m.group(2):
                variants.append(head + rest)
            return variants
        if ch == "?" and i and pattern[i - 1] not in ")]*+?}":
            if pattern[i - 2 : i - 1] == "\\":
                i += 1
                continue
            head, rest = pattern[: i - 1], pattern[i + 1 :]
            return [head + pattern[i - 1] + rest, head + rest]
        if ch in "(.*+{":
            return None
        i += 1
    return None


def expand_alternatives(pattern: str, limit: int = 200) -> list[str]:
    """Spell out groups of alternatives, classes and optional characters, within ``limit``.

    ``(?:was|were) not discussed`` becomes ``was not discussed`` and ``were not discussed``;
    ``tariffs?`` becomes ``tariffs`` and ``tariff``. Most phrases then are plain words, which
    the scanner confirms without running a regex at all. A pattern whose spelling-out would pass
    ``limit`` variants keeps what was spelled out so far. Groups are spelled out breadth first,
    the leading group of every variant before the next, so that even a pattern stopped by the
    limit starts with long literal words ("is not ", "has yet to be ") rather than with "is ".
    The limit lets a phrase of three groups of five or six words each ("(?:will|would|shall|to|
    going to) (?:also |now |only |then )?(?:fall|drop|come down|...)", 150 variants) be spelled out
    whole: stopped at its second group, each of its variants opened with "to " or "will " alone, a
    key the scanner meets at nearly every sentence and confirms by a regex there.
    """
    done: list[str] = []
    todo = deque([pattern])
    while todo:
        current = todo.popleft()
        variants = _expand_once(current)
        if variants is None or len(done) + len(todo) + len(variants) > limit:
            done.append(current)
        else:
            todo += variants
    return [d for d in dict.fromkeys(done) if d.strip()]


def is_literal(pattern: str) -> bool:
    """Whether the pattern matches exactly one string (escapes of punctuation allowed)."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            if pattern[i + 1 : i + 2] not in _LITERAL_ESCAPES:
                return False
            i += 2
            continue
        if pattern[i] in _META:
            return False
        i += 1
    return True


def _is_word_char(ch: str, hyphen: bool = True) -> bool:
    return ch.isalnum() or ch == "_" or (hyphen and ch == "-")


#: Phrase sets of the extractor itself (cues), scanned in every article with the profile's own.
SHARED: list[Phrases] = []


class Phrases:
    """A named set of phrase patterns; `spans` finds them all in a text."""

    __slots__ = ("_entries", "_own_scanner", "_whole", "case_sensitive", "on_demand", "patterns")

    def __init__(
        self, patterns: Iterable[str], *, case_sensitive: bool = False, shared: bool = False, on_demand: bool = False
    ) -> None:
        """``shared``: an extractor's set, found in every article by the article's one `Scanner`.
        ``on_demand``: one found with the same result, but only in an article that asks for it
        (`scanned`): for a set a finder consults on a rare path whose phrases open with common
        words ("the ... curbs", "in ... call"), which the shared scan would report and try at
        nearly every sentence of every article."""
        self.patterns = tuple(patterns)
        self.case_sensitive = case_sensitive
        self.on_demand = on_demand
        self._own_scanner: Scanner | None = None
        entries = []
        for raw in self.patterns:
            pattern = raw if case_sensitive else lower_pattern(raw)
            re.compile(pattern)  # a bad pattern fails here, whole, for the profile loader to report
            for variant in expand_alternatives(pattern):
                entries.append(self._entry(variant, case_sensitive))
        self._entries = tuple(entries)
        # the whole set as one pattern, longest first, for `spans` on short texts
        lowered = sorted((raw if case_sensitive else lower_pattern(raw) for raw in self.patterns), key=len, reverse=True)
        after = r"(?!\w)" if case_sensitive else r"(?![\w-])"
        self._whole = re.compile("(?:" + "|".join(f"(?:{p})" for p in lowered) + f"){after}")
        if shared:
            SHARED.append(self)

    @staticmethod
    def _entry(pattern: str, case_sensitive: bool) -> tuple[str, re.Pattern[str] | None]:
        """(literal prefix, pattern) of one phrase; the pattern is None when the prefix is all."""
        prefix = literal_prefix(pattern)
        if is_literal(pattern) and len(prefix) >= MIN_PREFIX:
            return prefix, None
        # The trailing boundary sits inside the pattern so that alternatives backtrack to it
        # ("exemptions" must not stop at "exemption").
        after = r"(?!\w)" if case_sensitive else r"(?![\w-])"
        return prefix, re.compile(f"(?:{pattern}){after}")

    def scanned(self, text: str, lower: str) -> list[tuple[int, int]]:
        """The spans a `Scanner` of this set alone finds (the same a shared scan would find for
        it), built on first use; ``lower`` must keep ``text``'s offsets."""
        if self._own_scanner is None:
            self._own_scanner = Scanner([self])
        return self._own_scanner.scan(text, lower)[id(self)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted (start, end) of every match; ``text`` is lower-cased unless case-sensitive.

        This is the slow path, for one-off checks; an `Article` finds all its sets at once with
        a `Scanner`.
        """
        found: list[tuple[int, int]] = []
        hyphen = not self.case_sensitive
        position = 0
        while True:
            m = self._whole.search(text, position)
            if m is None:
                return found
            s, e = m.span()
            if e > s and (s == 0 or not _is_word_char(text[s - 1], hyphen)):
                found.append((s, e))
                position = e
            else:
                position = s + 1

    def search(self, text: str) -> bool:
        """Whether any phrase occurs in ``text``."""
        return bool(self.spans(text if self.case_sensitive else text.lower()))


MIN_PREFIX = 2


#: characters that may stand right before a word; a phrase is looked for after each of them (a
#: flash headline's or a list item's marker too: "*AKAZAWA MET TRUMP", "•Akazawa met Trump")
_BEFORE_WORD = " \n\t(\"'“‘«[/—–…*•"
_BEFORE_NAME = _BEFORE_WORD + "-"
# the openers other than the space (and the hyphen, which opens names only): the scanner
# searches a copy of the text in which they are spaces
_OTHER_OPENERS = _BEFORE_WORD.replace(" ", "")
#: characters that may end a word but not open one (an opener ends one too): in the searched
#: copy they are `_END`, so that a key can carry the boundary after its word ("tariff" + `_END`)
_AFTER_WORD = "!#$%&)+,.:;<=>?@\\]^`{|}~’”»›·°™®©€£¥§†′″、。，．：；！？）」％"
_END = "\x00"


def _openers_as_spaces(text: str) -> str:
    """``text`` with every opener but the space made a space, and every closer `_END`.

    One `str.replace` per character: each is a fast C scan that copies only when the character
    occurs, ten times faster than a regex substitution of a character class, which tests every
    character.
    """
    for opener in _OTHER_OPENERS:
        text = text.replace(opener, " ")
    for closer in _AFTER_WORD:
        text = text.replace(closer, _END)
    return text


def lower_keeping_length(text: str) -> str:
    """``text.lower()``, keeping offsets: the rare letters that grow when lowered stay as they are."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


class Scanner:
    """Finds many `Phrases` sets in one pass over a text.

    The literal prefixes of all phrases, lower-cased, go into one Aho–Corasick automaton. It
    runs over a copy of the lower-cased text in which every character that may open a word (a
    newline, a quote, a bracket, a dash) is a space, and every mark that may end one (a comma,
    a stop, a closing quote) is `_END`, with a space in front and after; each prefix is entered
    after a space (names also after a hyphen), so the automaton reports only prefixes that start
    a word (not "met" inside "something"). A plain word is entered with the space and `_END`
    after it (a name also with a hyphen), so it is reported only where it ends too ("tariff"
    not in "tariffs"), with no check in Python. One opener instead of fourteen keeps the
    automaton small enough to stay in the processor's cache, which makes its walk faster. A hit
    is then confirmed on the real text where it needs to be: a word of several by its spelling
    (a space searched may be a line break), a name by its case, a pattern (or a phrase with a
    mark inside it, "Japan's") by an anchored `match`. Phrases without a usable prefix are
    scanned on their own, and only in a text that holds a word each of their matches must
    contain (`required_words`): "[2-9] (?:times|rounds)" opens with a class, which the regex
    engine tests at every character, but no article without "times" or "rounds" is searched.
    """

    def __init__(self, sets: list[Phrases]) -> None:
        self.sets = list(dict.fromkeys(sets))
        self._set_ids = [id(p) for p in self.sets]
        self._nothing_found = dict.fromkeys(self._set_ids, _NOTHING)
        self._automaton = ahocorasick.Automaton()
        self._slow: list[tuple[int, re.Pattern[str], bool, tuple[str, ...]]] = []
        # key -> (sets whose word is the key, (set, name) to check, (set, pattern) to confirm)
        table: dict[str, tuple[list[int], list[tuple[int, str]], list[_Pattern]]] = {}
        for set_id, phrases in enumerate(self.sets):
            case_sensitive = phrases.case_sensitive
            for prefix, compiled in phrases._entries:
                if len(prefix) >= MIN_PREFIX and _is_word_char(prefix[0], hyphen=False):
                    lowered = lower_keeping_length(prefix)
                    masked = _openers_as_spaces(lowered)
                    # "Japan's" is searched as "japan s", and a literal ending in a mark ("non-") has
                    # no word's end: both are confirmed by a regex
                    if compiled is None and (masked != lowered or not lowered[-1].isalnum()):
                        after = r"(?!\w)" if case_sensitive else r"(?![\w-])"
                        compiled = re.compile(f"(?:{re.escape(prefix)}){after}")
                    # a word or a name is entered with each character that may end it, so that the
                    # automaton reports it only where it ends; a pattern, by its prefix alone
                    ends = ("",) if compiled is not None else (" ", _END, "-") if case_sensitive else (" ", _END)
                    for opener in (" ", "-") if case_sensitive else (" ",):
                        for end in ends:
                            words, names, patterns = table.setdefault(opener + masked + end, ([], [], []))
                            if compiled is not None:
                                patterns.append((set_id, compiled, case_sensitive, prefix))
                            elif case_sensitive:
                                names.append((set_id, prefix))
                            else:
                                words.append(set_id)
                else:
                    compiled = compiled or re.compile(re.escape(prefix))
                    self._slow.append((set_id, compiled, case_sensitive, required_words(compiled)))
        for key, (words, names, patterns) in table.items():
            # the key's opener stands for the character before the phrase; with the space put in
            # front of the text, the phrase starts at (end of the key) - (len(key) - 1). A word or
            # a name is the key without its opener and its end (a pattern's match gives its own)
            length = len(key) - 2
            # a name's spellings under this key ("Akazawa", "AKAZAWA"), each with the sets that
            # hold it: one look-up of the text's own spelling checks them all
            by_name: dict[str, list[int]] = {}
            for set_id, name in names:
                by_name.setdefault(name, []).append(set_id)
            named = {name: tuple(ids) for name, ids in by_name.items()} or None
            # a space in the searched copy may stand for a newline or a dash: a word of several
            # ("economic security") is checked against the real text
            spelled = key[1:-1] if " " in key[1:-1] else None
            value = (len(key) - 1, length, tuple(words), spelled, named, _one_per_set(patterns) or None)
            self._automaton.add_word(key, value)
        if len(self._automaton):
            self._automaton.make_automaton()
        self._may_repeat = self._sets_that_may_repeat_a_start(table)

    def _sets_that_may_repeat_a_start(
        self, table: dict[str, tuple[list[int], list[tuple[int, str]], list[_Pattern]]]
    ) -> list[bool]:
        """For each set, whether a scan may find two of its spans starting at the same place, which
        `scan` then sifts to the longest: a set scanned on its own (not by the automaton), a key
        that holds the set twice ("rare earth" as a word and as a pattern's prefix), or two keys of
        the set one of which begins the other (" rare earth " and " rare earth metals "), as the
        automaton reports both where the longer stands. Any other set's spans start apart, so the
        sifting, a dict built per set per article, is skipped for it."""
        repeats = [False] * len(self.sets)
        for set_id, _, _, _ in self._slow:
            repeats[set_id] = True
        keys_of: list[list[str]] = [[] for _ in self.sets]
        for key, (words, names, patterns) in table.items():
            ids = [*words, *(set_id for set_id, _ in names), *(confirm[0] for confirm in _one_per_set(patterns))]
            for set_id in ids:
                keys_of[set_id].append(key)
            for set_id in {i for i in ids if ids.count(i) > 1}:
                repeats[set_id] = True
        for set_id, keys in enumerate(keys_of):
            keys.sort()  # a key that begins another sorts right before it, or before one it also begins
            if any(longer.startswith(shorter) for shorter, longer in pairwise(keys)):
                repeats[set_id] = True
        return repeats

    def scan(self, text: str, lower: str) -> dict[int, list[tuple[int, int]]]:
        """Spans per set, keyed by ``id(phrases)``; ``lower`` must keep ``text``'s offsets."""
        # one list per set, by index: appending to found[i] costs less than a dict's look-ups (the
        # lists are made in C, as a map of `list` over empty tuples, not by a loop in Python)
        found: list[list[tuple[int, int]]] = list(map(list, repeat((), len(self.sets))))
        # whether the text holds a word a pattern needs, asked once per scan
        holds: dict[tuple[bool, tuple[str, ...]], bool] = {}
        if len(self._automaton):
            searched = " " + _openers_as_spaces(lower) + " "
            for end, (back, length, words, spelled, names, patterns) in self._automaton.iter(searched):
                start = end - back  # ``end`` counts the space put in front of the text
                # a word's or a name's key ends with the character after it: it ends a word
                if words and (spelled is None or lower.startswith(spelled, start)):
                    span = (start, start + length)
                    for set_id in words:
                        found[set_id].append(span)
                if names is not None:  # a name is spelled as it is: "US", not "us"
                    set_ids = names.get(text[start : start + length])
                    if set_ids is not None:
                        span = (start, start + length)
                        for set_id in set_ids:
                            found[set_id].append(span)
                if patterns is not None:
                    for set_id, compiled, case_sensitive, spelling, required in patterns:
                        # a name's pattern where the text spells its opening otherwise ("until" for
                        # "UN"), or a pattern whose word the article lacks ("side" for "on ...
                        # side"), cannot match: no regex is run for it
                        if spelling is not None and not text.startswith(spelling, start):
                            continue
                        if required is not None:
                            present = holds.get(required)
                            if present is None:
                                source = text if case_sensitive else lower
                                present = holds[required] = any(word in source for word in required[1])
                            if not present:
                                continue
                        m = compiled.match(text if case_sensitive else lower, start)
                        if m:
                            found[set_id].append((start, m.end()))
        for set_id, compiled, case_sensitive, required in self._slow:
            source = text if case_sensitive else lower
            if required and not any(word in source for word in required):
                continue  # no match can stand in this text
            hyphen = not case_sensitive
            for m in compiled.finditer(source):
                s, e = m.span()
                if e > s and (s == 0 or not _is_word_char(source[s - 1], hyphen)):
                    found[set_id].append((s, e))
        result = self._nothing_found.copy()
        set_ids, may_repeat = self._set_ids, self._may_repeat
        for set_id in compress(range(len(found)), found):  # the sets found, picked out in C
            spans = found[set_id]
            if len(spans) > 1:
                spans.sort()
                if may_repeat[set_id]:
                    # one match per start, the longest ("rare earth metals", not also "rare earth"):
                    # a dict keeps the last (longest) end it is given for each start
                    longest = dict(spans)
                    if len(longest) < len(spans):
                        spans = list(longest.items())
            result[set_ids[set_id]] = spans
        return result


#: a word shorter than this occurs in nearly every text: not worth looking for first
_MIN_REQUIRED = 3


def required_words(compiled: re.Pattern[str]) -> tuple[str, ...]:
    """Words one of which every match of ``compiled`` contains, spelled as the text must spell
    them (``("times", "rounds")`` for ``[2-9] (?:times|rounds)``), or () when the pattern has none
    worth looking for (`_MIN_REQUIRED` letters or more each) or ignores case."""
    if compiled.flags & re.IGNORECASE:
        return ()
    return _required_in(_parser.parse(compiled.pattern, compiled.flags)) or ()


def _required_in(items: Iterable[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """The most telling set of words one of which every match of the parsed sequence contains:
    a run of literal characters, or a group, a branch or a repeat at least once of something
    that requires words; the set whose shortest word is longest wins. None if there is none."""
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(("".join(run),))
            run = []
        found: tuple[str, ...] | None = None
        if op is _constants.SUBPATTERN:
            _, add_flags, del_flags, body = av
            found = None if add_flags or del_flags else _required_in(body)
        elif op is _constants.BRANCH:
            found = _required_in_each(av[1])
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            low, _, body = av
            found = _required_in(body) if low >= 1 else None
        if found:
            candidates.append(found)
    if run:
        candidates.append(("".join(run),))
    usable = [c for c in candidates if min(map(len, c)) >= _MIN_REQUIRED]
    return max(usable, key=lambda c: min(map(len, c))) if usable else None


def _required_in_each(alternatives: list[Iterable[tuple[Any, Any]]]) -> tuple[str, ...] | None:
    """The words of every alternative of a branch together, or None if one of them has none."""
    words: list[str] = []
    for alternative in alternatives:
        found = _required_in(alternative)
        if not found:
            return None
        words += found
    return tuple(dict.fromkeys(words))


#: a pattern under a key of the scanner: (set, pattern, case-sensitive, its literal prefix)
_Pattern = tuple[int, re.Pattern[str], bool, str]
#: a pattern a hit confirms: (set, pattern, case-sensitive, the spelling the text must hold at the
#: hit or None, (case-sensitive, words one of which the text must hold) or None)
_Confirm = tuple[int, re.Pattern[str], bool, str | None, tuple[bool, tuple[str, ...]] | None]


def _one_per_set(patterns: list[_Pattern]) -> tuple[_Confirm, ...]:
    """The patterns of one key, joined into one per set, so each hit runs one regex per set.

    A phrase spelled out into variants that all start with the same words ("agreed ... to a deal",
    "agreed ... to the terms") would otherwise cost one `match` per variant. The longest
    variants come first: a match stops at the first that fits, and the longest is wanted.

    Each comes with what lets a hit skip its regex: for a case-sensitive set, the opening every
    variant spells as the text must (the key is lower-cased: " un" is met at "until" as at "UN");
    and the words one of which every match holds (`required_words`) when they are not the key's
    own, which the text is searched for once per scan ("side" for "on ... side").
    """
    by_set: dict[int, list[re.Pattern[str]]] = {}
    prefixes: dict[int, list[str]] = {}
    case_of: dict[int, bool] = {}
    for set_id, compiled, case_sensitive, prefix in patterns:
        by_set.setdefault(set_id, []).append(compiled)
        prefixes.setdefault(set_id, []).append(prefix)
        case_of[set_id] = case_sensitive
    joined = []
    for set_id, alternatives in by_set.items():
        one = alternatives[0]
        if len(alternatives) > 1:
            ordered = sorted(dict.fromkeys(c.pattern for c in alternatives), key=len, reverse=True)
            one = re.compile("|".join(f"(?:{p})" for p in ordered))
        case_sensitive = case_of[set_id]
        opening = _common_opening(prefixes[set_id])
        spelling = opening if case_sensitive and opening else None
        words = required_words(one)
        own = opening if case_sensitive else lower_keeping_length(opening)
        required = (case_sensitive, words) if words and not any(word in own for word in words) else None
        joined.append((set_id, one, case_sensitive, spelling, required))
    return tuple(joined)


def _common_opening(words: list[str]) -> str:
    """The longest opening all of ``words`` share."""
    first = min(words)
    last = max(words)  # the two that differ soonest, sorted
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


_NOTHING: list[tuple[int, int]] = []  # shared by every set that is not found; never changed


class Hits:
    """Where one `Phrases` matched in an article, for quick per-range questions.

    It keeps the scanner's sorted (start, end) list as it is: a bisect with ``(start,)`` finds
    the first span at or after ``start`` (a shorter tuple sorts first).
    """

    __slots__ = ("spans",)

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that lie in ``[start, end)``: those starting there (two bisections), less any
        that runs past ``end``."""
        spans = self.spans
        i = bisect_left(spans, (start,))
        j = bisect_left(spans, (end,), i)
        return [span for span in spans[i:j] if span[1] <= end] if j > i else []

    def any(self, start: int, end: int) -> bool:
        spans = self.spans
        i = bisect_left(spans, (start,))
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] <= end:
                return True
            i += 1
        return False

    def count(self, start: int, end: int) -> int:
        return len(self.within(start, end))


#: what most phrase sets find in most articles: nothing (shared, never changed)
NO_HITS = Hits([])
