"""Text in, facts out: pure functions driven by the negotiation profile. No I/O."""

from __future__ import annotations

from bot.extract.facts import ArticleFacts
from bot.extract.pipeline import extract_article
from bot.extract.profile import Profile
from bot.feeds.entry import FeedEntry


def extract_entry(entry: FeedEntry, profile: Profile) -> ArticleFacts:
    """The facts of one feed entry."""
    return extract_article(
        guid=entry.guid, title=entry.title, html=entry.html, published=entry.published, profile=profile
    )


__all__ = ["ArticleFacts", "extract_entry"]
