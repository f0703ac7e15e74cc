"""One feed entry as Parley sees it, independent of how the feed was fetched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """A feed item reduced to what the pipeline needs.

    ``html`` is the richest body the feed carries (``content:encoded`` over ``summary``);
    ``published`` is timezone-aware UTC, or ``None`` when the feed gives no date.
    ``summary_only`` tells the fetcher the body is a teaser and the page is worth reading.
    """

    guid: str
    title: str
    link: str | None
    html: str
    published: datetime | None
    source: str | None = None
    summary_only: bool = False
