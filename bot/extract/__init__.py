"""Text in, facts out: pure functions driven by the negotiation profile. No I/O."""

from __future__ import annotations

from collections.abc import Iterable

from bot.extract.facts import ArticleFacts
from bot.extract.pipeline import extract_article
from bot.feeds.entry import FeedEntry
from bot.profile import Profile


def extract_entry(entry: FeedEntry, profile: Profile) -> ArticleFacts:
    """The facts of one feed entry."""
    return extract_article(
        guid=entry.guid, title=entry.title, html=entry.html, published=entry.published, profile=profile
    )


def extract_feed_entries(entries: Iterable[FeedEntry], profile: Profile) -> list[ArticleFacts]:
    """The facts of every entry, in feed order."""
    return [extract_entry(entry, profile) for entry in entries]


__all__ = ["ArticleFacts", "extract_entry", "extract_feed_entries"]
