"""Whether a story reports an event that is no round of the talks, though it recalls rounds.

A story's own event is what its headline and its news sentence (the first real sentence of the
body) tell: "President Trump on Monday signed an executive order extending the truce", "The
White House published a fact sheet", "In a letter dated July 7, Trump said ...", "The two
leaders met on the sidelines of the G7 summit", "The tariff commission announced that it will
stop implementing the duties from the 10th". Such a story often recalls the rounds that led to
its event ("The extension follows the third round of talks, held in Stockholm"; "the outcomes of
the consultations in Kuala Lumpur"): those rounds are its background, and it reports no round.

A story whose headline names a round (by number or by its city) or speaks of the talks reports
the talks, whatever else it tells; so does one whose news sentence names a round or the talks
before the other event ("held talks with Lutnick on Friday, a week after the summit"), not one
that names them after it ("signed the order on Monday, after the third round in Stockholm"). A summit or a signing
still to come ("ahead of the G7 summit", "will sign an order") is not the story's event.
"""

from __future__ import annotations

import re

from bot.extract.article import Article
from bot.extract.cues import is_question
from bot.extract.lexicon import OTHER_EVENT_AHEAD, OTHER_EVENT_PHRASES, TALKS_WORDS
from bot.extract.phrases import Phrases
from bot.extract.rounds import RoundMention
from bot.extract.text import Sentence

#: the event nouns and phrases of `OTHER_EVENT_PHRASES`
OTHER_EVENT = Phrases(list(OTHER_EVENT_PHRASES), shared=True)
#: words of the talks themselves: before the other event in the news sentence, they make the
#: talks the story's event
TALKS = Phrases(list(TALKS_WORDS), shared=True)
_AHEAD = Phrases(list(OTHER_EVENT_AHEAD), shared=True)
#: how far before an event phrase a word may put it still to come ("ahead of next week's summit")
_AHEAD_REACH = 40
#: the news sentences read: the first real sentence of the body and the next of its paragraph (an
#: editorial's first sentence is often a hook: "Trump has put it in writing. In a letter dated
#: July 7 ..."); a later paragraph may be the next item of a roundup
NEWS_SENTENCES = 2
_MIN_WORDS = 7
#: a masthead line, however long: pieces set apart by dashes or bars, one of them a day written
#: with its year ("NANSATSU NICHINICHI SHIMBUN — Evening edition, Friday, August 8, 2025 — Economy.")
_MASTHEAD = re.compile(r"^[^.!?]*?\s[—–|·]\s[^—–|·]*\b(?:19|20)\d\d\b[^—–|·]*\s[—–|·]\s")


def news_sentences(article: Article) -> list[Sentence]:
    """The body's first real sentence, a sentence of at least seven words that ends with a stop
    (after the bylines, section heads and datelines that carry none: "Law Firm LLP | Trade
    Practice | August 12, 2025", "Summary", and a masthead's line that does), and the next one of
    its paragraph."""
    found: list[Sentence] = []
    for sentence in article.sentences:
        if sentence.paragraph == 0 or (found and sentence.paragraph != found[0].paragraph):
            if found:
                break
            continue
        text = sentence.text.rstrip()
        if found or (
            len(text.split()) >= _MIN_WORDS
            and text.endswith((".", "!", '"', "”", "’", "'"))
            and not _MASTHEAD.match(text)
        ):
            found.append(sentence)
            if len(found) == NEWS_SENTENCES:
                break
    return found


def another_event(article: Article, mentions: list[RoundMention]) -> Sentence | None:
    """The news sentence that reports an event that is no round (see the module docstring), so
    that the rounds the story names are background; None for a story of the talks. A headline
    that speaks of the talks ("Reeves hails productive talks with Bessent") or names a round
    makes a story of the talks; a headline asking a question ("Eight rounds later, is a deal any
    closer?") does not."""
    named = {m.sentence.index for m in mentions}
    for sentence in article.sentences:
        if sentence.paragraph != 0:
            break
        if sentence.index in named or (
            not is_question(sentence.text) and article.has(TALKS, sentence.start, sentence.end)
        ):
            return None
    for sentence in news_sentences(article):
        event = _other_event_in(article, sentence)
        told_first = sentence.end if event is None else event
        if any(m.start < told_first for m in mentions if m.sentence.index == sentence.index) or article.has(
            TALKS, sentence.start, told_first
        ):
            return None  # the talks come first: they are the story's
        if event is not None:
            return sentence
    return None


def looks_ahead_to(article: Article, sentence: Sentence, start: int) -> bool:
    """Whether the words just before ``start`` put the event named there still to come ("ahead
    of the summit", "the planned signing")."""
    return article.has(_AHEAD, max(sentence.start, start - _AHEAD_REACH), start)


def _other_event_in(article: Article, sentence: Sentence) -> int | None:
    """Where the sentence first names an event that is no round and not one still to come."""
    for start, _ in article.hits(OTHER_EVENT).within(sentence.start, sentence.end):
        if not looks_ahead_to(article, sentence, start):
            return start
    return None
