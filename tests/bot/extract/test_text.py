"""Clean-up: the article's text without page furniture, split into sentences."""

from html import unescape as unescape_entities

import lxml.etree
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.text import (
    _CALL_TO_ACT,
    _CALL_TO_ACT_WORDS,
    _PERIOD_END,
    _SENTENCE_END,
    _other_whitespace,
    _plain_markup_text,
    _unescape,
    html_to_lines,
    remove_boilerplate,
    split_sentences,
)


def test_block_elements_become_lines_and_entities_are_decoded():
    html = "<div><p>Tokyo &amp; Washington</p><p>Second<br/>line</p><script>var x;</script></div>"
    assert html_to_lines(html) == ["Tokyo & Washington", "Second", "line"]


def test_plain_text_bodies_are_split_on_newlines():
    assert html_to_lines("One line.\n\n  Two   spaced  line. ") == ["One line.", "Two spaced line."]


def test_subscription_pitch_and_its_bullets_are_removed():
    lines = [
        "Japan and the US held talks on Friday.",
        "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY",
        "- Exclusive articles from our columnists.",
        "- Daily puzzles.",
        "Akazawa met Bessent for 45 minutes.",
    ]
    assert remove_boilerplate(lines) == ["Japan and the US held talks on Friday.", "Akazawa met Bessent for 45 minutes."]


def test_lines_repeated_through_the_page_are_furniture():
    lines = ["Article content", "The talks lasted two hours.", "Article content", "Tariffs were discussed.", "Article content"]
    assert remove_boilerplate(lines) == ["The talks lasted two hours.", "Tariffs were discussed."]


def test_repeated_lines_differing_only_in_end_punctuation_are_one_line():
    lines = ["- Access articles with one account.", "Real reporting here.", "- Access articles with one account"]
    assert remove_boilerplate(lines) == ["Real reporting here."]


def test_newsletter_and_sign_in_prompts_are_removed():
    lines = ["By signing up you consent to receive the above newsletter.", "Sign In or Create an Account", "News."]
    assert remove_boilerplate(lines) == ["News."]


def test_abbreviations_do_not_end_a_sentence():
    text, sentences = split_sentences(["", "U.S. Treasury Secretary Scott Bessent met Mr. Akazawa. They talked for an hour."])
    assert [s.text for s in sentences] == [
        "U.S. Treasury Secretary Scott Bessent met Mr. Akazawa.",
        "They talked for an hour.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_section_or_secretary_abbreviated_does_not_end_a_sentence():
    _, sentences = split_sentences(["", "Copper (Sec. 232): 50% from Friday. Sec. Lutnick signed it."])
    assert [s.text for s in sentences] == ["Copper (Sec. 232): 50% from Friday.", "Sec. Lutnick signed it."]


def test_quotes_end_with_the_sentence():
    _, sentences = split_sentences(["", "“We made progress,” Akazawa said. “But not enough.”"])
    assert [s.text for s in sentences] == ["“We made progress,” Akazawa said.", "“But not enough.”"]


def test_the_title_is_paragraph_zero():
    _, sentences = split_sentences(["Headline here", "Body sentence one. Body sentence two."])
    assert [(s.paragraph, s.index) for s in sentences] == [(0, 0), (1, 1), (1, 2)]


def test_bylines_and_time_stamps_are_not_the_article():
    lines = ["By Karla Ward", "Updated July 8, 2025 10:00 AM", "Trump on Monday posted a letter to Ishiba."]
    assert remove_boilerplate(lines) == ["Trump on Monday posted a letter to Ishiba."]


PIECES = ["Tokyo", " ", "&amp;", "&#8217;", "&rsquo;", "&nbsp;", "<b>", "</b>", '<a href="x.html?a=1&amp;b=2">', "</a>",
          "<span title='a > b'>", "</span>", "<em class=\"x\">", "</em>", "AT&T", "a < b", "<!-- note -->", "x > y",
          "<i>", "</i>", "café", "“quoted”", "<img src='p.jpg' alt=\"\"/>"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(body=st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_plain_markup_is_read_as_lxml_reads_it(body):
    """The fast path (tags dropped, entities decoded) gives lxml's text, or leaves it to lxml."""
    fast = _plain_markup_text(body)
    if fast is not None:
        root = lxml.etree.fromstring(f"<div>{body}</div>", lxml.etree.HTMLParser())
        assert fast == str(root.xpath("string()"))


def test_a_comment_or_a_stray_bracket_is_left_to_lxml():
    assert _plain_markup_text("a <!-- b --> c") is None
    assert _plain_markup_text("a < b") is None
    assert html_to_lines("<p>a <!-- b --> c</p><p>x &lt; y</p>") == ["a c", "x < y"]


CALL_WORDS = ["subscribe", "subscribers", "sign", "in", "up", "log", "login", "register", "create", "an", "account",
              "newsletter", "unlock", "paywall", "already", "a", "member", "advertisement", "read", "more", "continue",
              "reading", "share", "this", "article", "click", "here", "the", "talks", "-", "signing", "logistics"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(line=st.lists(st.sampled_from(CALL_WORDS), max_size=12).map(" ".join))
def test_a_call_to_act_always_holds_one_of_the_words_looked_for_first(line):
    # the regex runs only on lines where the automaton found one of its opening words
    if _CALL_TO_ACT.search(line):
        assert _CALL_TO_ACT_WORDS.occurs_in(line)


END_WORDS = ["Talks", "ended.", "U.S.", "Mr.", "said", '"No."', "’", "(", ")", "5.", "A.", "…", "...", "So", "the", "deal"]


@settings(max_examples=300, deadline=None)
@given(paragraph=st.lists(st.sampled_from(END_WORDS), max_size=30).map(" ".join))
def test_a_paragraph_without_exclamation_or_question_marks_ends_its_sentences_at_the_same_places(paragraph):
    # such a paragraph, most of them, is split with a pattern opening with a plain "."
    assert [m.span() for m in _PERIOD_END.finditer(paragraph)] == [m.span() for m in _SENTENCE_END.finditer(paragraph)]


ENTITY_PIECES = ["&quot;", "&#x27;", "&#39;", "&#34;", "&#8217;", "&nbsp;", "&amp;", "&lt;", "&", "#", "x27", ";",
                 "quot", "a", " ", "&#x27", "&QUOT;", "8217", "’"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(ENTITY_PIECES), max_size=20).map("".join))
def test_common_entities_decode_as_html_unescape_decodes_them(text):
    assert _unescape(text) == unescape_entities(text)


@pytest.mark.parametrize(
    ("line", "other"),
    [
        ("Plain words, one space apart.", False),
        ("Curly ’quotes’ and — dashes", False),
        ("a\ttab", True),
        ("a\x1funit separator", True),
        ("a no-break\xa0space", True),
        ("an em\u2003space ’", True),
    ],
)
def test_other_whitespace_is_found_in_ascii_and_other_lines(line, other):
    assert _other_whitespace(line) is other


def test_lines_are_folded_whatever_whitespace_they_hold():
    assert html_to_lines("<p>a\tb\xa0 c</p><p>d\x1fe ’</p><p>plain ’ line</p>") == ["a b c", "d e ’", "plain ’ line"]
