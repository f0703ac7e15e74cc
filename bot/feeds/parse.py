"""Feed bytes to `FeedEntry` objects, with feedparser doing the parsing.

Refuses documents that declare XML entities (the "billion laughs" family) before feedparser
sees them, and tells a document that is not a feed from a feed with no entries.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser

from bot.errors import UserError
from bot.feeds.entry import FeedEntry

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


class FeedError(UserError, ValueError):
    """The bytes are not a usable feed; the message is one line for the user."""


@dataclass(slots=True)
class ParsedFeed:
    title: str
    entries: list[FeedEntry] = field(default_factory=list)
    ttl_minutes: int | None = None


def _published(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None


def _body(entry: feedparser.FeedParserDict) -> tuple[str, bool]:
    """The richest body in the entry, and whether it is only a summary."""
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    if len(best) >= len(summary) and best:
        return best, False
    return summary, True


def _guid(entry: feedparser.FeedParserDict, index: int) -> str:
    """feedparser's ``entry.id``; without one, the link; without that, title and position."""
    return entry.get("id") or entry.get("link") or f"{entry.get('title', '')}#{index}"


def parse_feed(data: bytes | str, *, source: str | None = None) -> ParsedFeed:
    """Parse a whole feed document. Raises `FeedError` when it is not a feed."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _ENTITY_DECL.search(raw[:65536]):
        raise FeedError("the document declares XML entities; refused as unsafe")
    parsed = feedparser.parse(raw, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise FeedError(f"not an RSS or Atom feed{detail}")
    feed_title = parsed.feed.get("title", "") or ""
    entries = []
    for index, item in enumerate(parsed.entries):
        html, summary_only = _body(item)
        entries.append(
            FeedEntry(
                guid=_guid(item, index),
                title=item.get("title", "") or "",
                link=item.get("link"),
                html=html,
                published=_published(item),
                source=(item.get("source") or {}).get("title") or feed_title or source,
                summary_only=summary_only,
            )
        )
    ttl = parsed.feed.get("ttl")
    ttl_minutes = int(ttl) if isinstance(ttl, str) and ttl.strip().isdigit() else None
    return ParsedFeed(title=feed_title, entries=entries, ttl_minutes=ttl_minutes)
