"""Cleaning text at the door: what is removed, what stays, and that the fast paths change nothing."""

from __future__ import annotations

import random

from bot.feeds.clean import _ANSI, _UNSAFE, clean_line, clean_text


def test_controls_ansi_and_bidi_are_removed_tabs_and_line_breaks_stay() -> None:
    text = "a\x00b\x07\tc\r\nd\x1b[31mred\x1b[0m \x1b]0;title\x07e \u202egnp.exe\u202c \x7ff\x9b2Jg\ufeff"
    assert clean_text(text) == "ab\tc\r\ndred e gnp.exe fg"


def test_text_with_nothing_to_remove_is_returned_as_it_is() -> None:
    for text in ("plain ASCII, one megabyte or one line " * 1000, "curly \u2019quotes\u2019 and\nlines\t"):
        assert clean_text(text) is text


def test_one_pass_removes_what_ansi_then_unsafe_removal_did() -> None:
    """The single expression equals the two passes it replaced, on strings dense in escapes,
    controls and bidi characters (ASCII and not), where a sequence may swallow a control."""
    alphabet = ["a", " ", "\t", "\n", "\r", "[", "]", "\\", "0", ";", "m", "P", "_", "~", "\x00", "\x07", "\x1b",
                "\x1b[", "\x1b]", "\x1bP", "\x7f", "\x85", "\x9b", "\u202e", "\u2066", "\ufeff", "\ud800", "\u00e9"]
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert clean_text(text) == _UNSAFE.sub("", _ANSI.sub("", text)), repr(text)


def test_clean_line_folds_whitespace() -> None:
    assert clean_line("  a \x1b[1m b\n\tc  ") == "a b c"
    assert clean_line(None) is None
