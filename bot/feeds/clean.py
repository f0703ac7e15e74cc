"""Clean text at the door: what a feed or an article page says is stored and posted only cleaned.

A feed is written by whoever runs the site, and its text ends up in the database, in Discord
and on an operator's terminal. Some characters do harm in each of those places:

- NUL (raw, or decoded from ``&#0;``) is refused by PostgreSQL: one such entry used to fail
  the poll's whole transaction, and after ten polls the feed was disabled;
- lone surrogates (``&#xD800;``) cannot be encoded as UTF-8 at all;
- other control characters and ANSI escape sequences rewrite a terminal (`--console`, logs);
- bidi overrides and isolates make a line read differently from what it says.

`clean_text` removes all of those and keeps tabs and line breaks; `clean_line` also folds every
run of whitespace into one space, for things that are one line (titles, outlets, links, ids).
`clean_entry` applies them to every string of a `FeedEntry`; the parser and the full-text
fetch call it, so nothing downstream ever sees the raw text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

from bot.feeds.entry import FeedEntry

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC (ESC P|X|^|_ ... ST), two-byte
# escapes (ESC and one character), and the 8-bit CSI.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 controls but tab, LF, CR; DEL; C1 controls
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\ud800-\udfff\ufeff\ufff9-\ufffb\ufffe\uffff]"  # lone surrogates, BOM, interlinear, non-characters
)
# Both in one pass: where an ANSI sequence starts (ESC or the 8-bit CSI, both also in `_UNSAFE`), its
# alternatives come first and always match, so this removes what `_ANSI` and then `_UNSAFE` removed.
_REMOVED = re.compile(f"{_ANSI.pattern}|{_UNSAFE.pattern}")
# In ASCII text only these can be removed: C0 controls but tab, LF and CR (ESC among them), and DEL.
_ASCII_REMOVED = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_SPACES = re.compile(r"\s+")
MAX_GUID_CHARS = 500  # longer ids are stored as a hash of themselves: an index entry has a size limit


def clean_text(text: str) -> str:
    """``text`` without control characters (tab and line breaks stay), ANSI escapes or bidi controls.

    Articles reach a megabyte, so the text is read as few times as possible: text with nothing to
    remove (the common case) is returned as it is after one scan, by bytes when it is ASCII; any
    other is rewritten in one pass of one expression.
    """
    if text.isascii():
        data = text.encode("ascii")  # a copy, no conversion: ASCII strings are stored one byte a character
        if len(data.translate(None, _ASCII_REMOVED)) == len(data):
            return text
    elif text.isprintable():
        return text
    return _REMOVED.sub("", text)


def clean_line(text: str | None) -> str | None:
    """`clean_text` of a one-line string, whitespace runs folded to one space and the ends trimmed."""
    if text is None:
        return None
    return _SPACES.sub(" ", clean_text(text)).strip()


def clean_guid(guid: str) -> str:
    """A guid as it is stored: cleaned, and a hash of it when it is too long to index."""
    cleaned = clean_line(guid) or ""
    if len(cleaned) <= MAX_GUID_CHARS:
        return cleaned
    return "urn:parley:sha256:" + hashlib.sha256(cleaned.encode("utf-8", "surrogatepass")).hexdigest()


def clean_entry(entry: FeedEntry) -> FeedEntry:
    """``entry`` with every string cleaned (the same object when there was nothing to clean)."""
    cleaned = dataclasses.replace(
        entry,
        guid=clean_guid(entry.guid),
        title=clean_line(entry.title) or "",
        link=clean_line(entry.link) or None,
        html=clean_text(entry.html),
        source=clean_line(entry.source) or None,
    )
    return entry if cleaned == entry else cleaned
