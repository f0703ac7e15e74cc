"""Whether an article is about the tracked negotiation at all.

It is when it names both sides (or their people) together with the subject of the talks in
several sentences, or in one that the headline or the lead backs up. A story led by a third
country ("Bessent meets China's He Lifeng") needs the tracked pair to carry much of the body.
"""

from __future__ import annotations

from bot.extract.article import Article
from bot.extract.scope import mentions_third_party
from bot.extract.text import Sentence


def _about(article: Article, sentence: Sentence, *, sides_needed: int | None = None) -> bool:
    """The sentence names the subject of the talks and (by default all) sides."""
    profile = article.profile
    if not (article.in_sentence(profile.subject_terms, sentence) or article.in_sentence(profile.round_terms, sentence)):
        return False
    named = sum(article.names_side(side, sentence.start, sentence.end) for side in profile.sides)
    return named >= (sides_needed or len(profile.sides))


def is_relevant(article: Article) -> bool:
    body = [s for s in article.sentences if s.paragraph > 0]
    title = [s for s in article.sentences if s.paragraph == 0]
    score = sum(1 for s in body if _about(article, s))
    headline = any(_about(article, s) for s in title)
    lead = title + body[:2]
    tracked = article.profile.tracked_side
    led_by_other = any(mentions_third_party(article, s.start, s.end) for s in lead) and not any(
        article.names_side(tracked, s.start, s.end) for s in lead
    )
    if led_by_other:
        return score >= 3
    # An explainer's headline may name one side only ("What Japan gave up in the tariff deal").
    headline_one_side = any(_about(article, s, sides_needed=1) for s in title)
    # A wire brief may be a sentence or two: its lead carries it.
    lead_about = bool(body) and _about(article, body[0])
    return ((headline or headline_one_side or lead_about) and score >= 1) or score >= 2
