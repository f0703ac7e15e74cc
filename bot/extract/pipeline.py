"""Runs every fact finder over one cleaned article (placeholder until the finders land)."""

from __future__ import annotations

from datetime import datetime

from bot.extract.facts import ArticleFacts
from bot.profile import Profile


def extract_article(
    *, guid: str, title: str, html: str, published: datetime | None, profile: Profile
) -> ArticleFacts:
    return ArticleFacts(id=guid)
