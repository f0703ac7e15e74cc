"""From an entry's HTML to the article's sentences.

Feeds wrap the article in markup and, often, in a paywall's furniture: subscription pitches,
sign-in prompts, "Article content" labels repeated between paragraphs. Those are removed by
generic rules rather than by recognising one outlet:

- a line that occurs more than once in the entry (after folding case and end punctuation) is
  page furniture, not reporting;
- a line that calls the reader to subscribe, register or sign in, and the bullet list under it;
- a very short line with no sentence in it ("or").

Sentences are split with a small rule set (abbreviations such as "U.S." and "Mr." do not end a
sentence). A general-purpose splitter (pysbd, spaCy) would cost more per article than parsing
the whole feed, which the extraction benchmark forbids.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape as unescape_entities
from typing import NamedTuple

import lxml.etree

from bot.extract.near import Cue

_BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|div|li|h[1-6]|blockquote|tr|section|article|header|footer|figcaption|pre|ul|ol|table|dd|dt)\b[^>]*|br\b[^>]*)>",
    re.IGNORECASE,
)
_NOT_TEXT_TAG = re.compile(r"<(?:script|style|noscript|iframe|form|nav|aside)\b", re.IGNORECASE)
_NOT_TEXT_BLOCK = re.compile(r"<(script|style|noscript|iframe|form|nav|aside)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# Lower-case and without a leading \b, so the regex engine can skip ahead; folded lines are
# lower-case already.
_CALL_TO_ACT = re.compile(
    r"(?:subscribe|subscribers?|subscription|sign[ -]?(?:in|up)|log[ -]?in|register|create an account|"
    r"newsletter|unlock|paywall|already a (?:member|subscriber)|advertisement|read more|continue reading|"
    r"share this article|click here)\b"
)
# the words a call to act opens with: one walk of a small automaton over a line says whether
# the regex, which tries its alternatives at every position, needs to run at all
_CALL_TO_ACT_WORDS = Cue(
    ("subscri", "sign", "log", "register", "create an account", "newsletter", "unlock", "paywall", "already a ",
     "advertisement", "read more", "continue reading", "share this article", "click here")
)  # fmt: skip
_LABEL_LINE = re.compile(r"^[^.!?“”\"]{0,40}$")
# bylines and time stamps: "By Karla Ward", "Updated July 8, 2025 10:00 AM", "Published 3:05 p.m. ET"
_BYLINE = re.compile(
    r"^(?:By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and)\s+[A-Z][\w.'’ -]+)?"
    r"|(?:Updated|Published|Posted|Last updated|First published|Date:)\s*[^.]{0,60}(?:\|.*)?)\.?$"
)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "st", "jr", "sr", "inc", "corp",
    "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "dept", "est", "fig", "mt", "ft", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m",
    "e.g", "i.e", "sec",
}  # fmt: skip
_LAST_WORD = re.compile(r"([A-Za-z](?:\.?[A-Za-z])*)\.?$")
# It opens with a character class, not a repeat, so that the regex engine skips ahead to one.
_SENTENCE_END = re.compile(r"""[.!?][.!?]*["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")
# The same for a paragraph with no "!" or "?", most of them: opening with one literal character,
# it lets the engine skip ahead with a plain character search instead of testing a class at
# every position.
_PERIOD_END = re.compile(r"""\.[.]*["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")


def html_to_lines(html: str) -> list[str]:
    """The text of the HTML, one line per block element, whitespace folded.

    Block tags become line breaks before parsing (one regex pass in C rather than a walk over
    every element); lxml then decodes entities and drops the remaining tags.
    """
    if "<" not in html:
        text = html
    else:
        marked = _BLOCK_TAG.sub("\n", html)
        if _NOT_TEXT_TAG.search(marked):
            marked = _NOT_TEXT_BLOCK.sub("\n", marked)
        plain = _plain_markup_text(marked)
        if plain is not None:
            text = plain
        else:
            try:
                root = lxml.etree.fromstring(f"<div>{marked}</div>", _HTML_PARSER)
                text = marked if root is None else str(root.xpath("string()"))
            except (ValueError, lxml.etree.LxmlError):
                text = marked
    lines = []
    for raw in text.splitlines():
        if not raw or raw.isspace():
            continue
        # a line whose only whitespace is single plain spaces needs no folding (most lines)
        unfolded = _other_whitespace(raw) or "  " in raw or raw[0] == " " or raw[-1] == " "
        line = " ".join(raw.split()) if unfolded else raw
        if line[:1] == "[":
            if _EDITOR_TAG.fullmatch(line):
                continue
            line = _EDITOR_TAG.sub("", line)
        if line:
            lines.append(line)
    return lines


def _other_whitespace(line: str) -> bool:
    """Whether a line (of `str.splitlines`) may hold whitespace other than the plain space.

    An ASCII line can only hold a tab or a unit separator (the other ASCII whitespace breaks
    lines): two searches in C, where `str.isprintable` looks every character up in the Unicode
    tables. Any other line is asked whether it is printable, which no whitespace but the space
    is. A non-printable character that is no whitespace (a control character) only makes the
    line be folded for nothing: folding leaves it as it is."""
    if line.isascii():
        return "\t" in line or "\x1f" in line
    return not line.isprintable()


# A tag whose attributes may hold quoted ">"; an "&" that does not open a whole entity.
_TAG = re.compile(r"""<[a-zA-Z/][^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*>""")
_LOOSE_AMPERSAND = re.compile(r"&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)")


def _plain_markup_text(marked: str) -> str | None:
    """The text of markup that is only well-formed tags, text and whole entities, as lxml would
    give it; None for anything else (a comment, a stray "<", a bare "&"), which lxml parses.

    Feeds' article HTML nearly always is that plain, and dropping its tags and decoding its
    entities costs a fraction of building a tree.
    """
    text = _TAG.sub("", marked)
    if "&" not in text:
        return None if "<" in text else text
    if "<" in text or _LOOSE_AMPERSAND.search(text):
        return None
    return _unescape(text)


# The entities feeds escape quotes with, decoded by plain replacement: `html.unescape` calls back
# into Python for every entity, and a story's quotes may be hundreds of them. None of these
# decodes to "&", so no replacement can make a new entity; what is left goes to `html.unescape`.
_COMMON_ENTITIES = (("&quot;", '"'), ("&#x27;", "'"), ("&#39;", "'"), ("&#34;", '"'), ("&#8217;", "’"),
                    ("&#8216;", "‘"), ("&#8220;", "“"), ("&#8221;", "”"), ("&#8212;", "—"), ("&#8211;", "–"),
                    ("&nbsp;", "\xa0"))  # fmt: skip


def _unescape(text: str) -> str:
    """``html.unescape(text)``, the common entities replaced without a call per entity."""
    for entity, character in _COMMON_ENTITIES:
        text = text.replace(entity, character)
    return unescape_entities(text) if "&" in text else text


# lxml.html.fromstring's own guessing (document or fragment?) costs more than the parse; the
# fragment is always wrapped in a <div>, so the plain HTML parser and XPath's string() (what
# text_content() runs) do. lxml.html, too, shares one parser between threads.
_HTML_PARSER = lxml.etree.HTMLParser()


_EDITOR_TAG = re.compile(r"^\[[^\]]{1,60}\]\s*")  # "[Translated from Chinese]", "[Updated]": not the story


def _fold(lowered: str) -> str:
    """A line lower-cased already, without the marks around it, to compare lines."""
    return lowered.rstrip(" \t.;:,!?-–—•*").lstrip("-–—•* ").strip()


def _is_bullet(line: str) -> bool:
    return line[:1] in "-–—•*·"


def _is_call_to_act(folded: str) -> bool:
    return _CALL_TO_ACT_WORDS.occurs_in(folded) and _CALL_TO_ACT.search(folded) is not None


def remove_boilerplate(lines: list[str]) -> list[str]:
    """Drop page furniture (see the module docstring for the rules)."""
    return [lines[i] for i in kept_lines(lines, [line.lower() for line in lines])]


def kept_lines(lines: list[str], lowered: list[str]) -> list[int]:
    """The indexes of the lines `remove_boilerplate` keeps, given each line lower-cased: the
    caller keeps the lowered lines for the article's lower-cased text, so no line is lowered twice."""
    folded_lines = [_fold(line) for line in lowered]
    counts = Counter(folded_lines)
    kept: list[int] = []
    in_pitch = False
    for index, line in enumerate(lines):
        folded = folded_lines[index]
        repeated = counts[folded] > 1 and len(folded) < 300
        # a call to act matters only on a short, a shouted or a repeated line: the long
        # paragraphs of the story, most of its text, are never searched
        is_call = (repeated or len(line) < 160 or line.isupper()) and _is_call_to_act(folded)
        if repeated:
            in_pitch = in_pitch or is_call
            continue
        if is_call and (len(line) < 160 or line.isupper()):
            in_pitch = True
            continue
        if in_pitch and (_is_bullet(line) or _LABEL_LINE.match(line)):
            continue
        if len(line) < 90 and _BYLINE.match(line):
            continue
        in_pitch = False
        if len(folded) <= 3:
            continue
        kept.append(index)
    return kept


class Sentence(NamedTuple):
    """One sentence with its place in the article (paragraph 0 is the title).

    A named tuple: articles have dozens of sentences and they are made for every entry.
    """

    text: str
    start: int  # offset in Article.text
    end: int
    paragraph: int
    index: int  # type: ignore[assignment]  # the sentence's number; shadows tuple.index, which nothing here calls


def _split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph."""
    spans = []
    start = 0
    ends = _SENTENCE_END if "!" in paragraph or "?" in paragraph else _PERIOD_END
    for match in ends.finditer(paragraph):
        stop = match.start()
        if paragraph[stop] == ".":  # after an abbreviation ("U.S.", "Mr.") or an initial, no sentence ends
            # the word before the stop: within the last run of non-spaces
            tail = paragraph[max(start, stop - 23) : stop + 1].rstrip(".!?\"'”’)]").rsplit(None, 1)
            word = _LAST_WORD.search(tail[-1]) if tail else None
            token = (word.group(1) if word else "").lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def split_sentences(paragraphs: list[str]) -> tuple[str, list[Sentence]]:
    """Join paragraphs into one text (newline-separated) and find its sentences."""
    sentences: list[Sentence] = []
    offset = 0
    parts = []
    for p_index, paragraph in enumerate(paragraphs):
        for s, e in _split_paragraph(paragraph):
            raw = paragraph[s:e]
            left = raw.lstrip()
            text = left.rstrip()
            if text:
                start = offset + s + len(raw) - len(left)
                sentences.append(Sentence(text, start, start + len(text), p_index, len(sentences)))
        parts.append(paragraph)
        offset += len(paragraph) + 1
    return "\n".join(parts), sentences
