"""Feed bytes to `FeedEntry` objects, with feedparser doing the parsing.

Refuses documents with a DOCTYPE or XML entity declarations anywhere (the "billion laughs"
family; see `bot.feeds.xmlguard`) before feedparser sees them, and tells a document that is not a feed from a feed with no entries.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import feedparser

from bot.errors import UserError
from bot.feeds.clean import clean_entry, clean_guid, clean_line
from bot.feeds.entry import FeedEntry
from bot.feeds.itemspans import item_spans
from bot.feeds.xmlguard import plainly_utf8, unsafe_xml_reason

if TYPE_CHECKING:
    from lxml import etree


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
    """feedparser's ``entry.id``; without one, the link; without that, a hash of title and body.

    Not the position in the feed: a new entry on top would shift every position and the
    whole feed would look new on the next poll.
    """
    found: str | None = entry.get("id") or entry.get("link")  # feedparser is untyped
    if found:
        return found
    basis = f"{entry.get('title', '')}\n{entry.get('summary', '')}".encode()
    return "urn:parley:sha1:" + hashlib.sha1(basis, usedforsecurity=False).hexdigest()


def parse_feed(
    data: bytes | str, *, source: str | None = None, content_type: str | None = None, checked: bool = False
) -> ParsedFeed:
    """Parse a whole feed document. Raises `FeedError` when it is not a feed.

    ``content_type`` is the HTTP header, when there was one: feedparser weighs its charset
    against the XML declaration and falls back sensibly when they disagree.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    refused = None if checked else unsafe_xml_reason(raw, content_type)
    if refused:
        raise FeedError(refused)
    headers = {"content-type": content_type} if content_type else None
    parsed = feedparser.parse(raw, sanitize_html=False, resolve_relative_uris=False, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise FeedError(f"not an RSS or Atom feed{detail}")
    feed_title = clean_line(parsed.feed.get("title", "")) or ""
    entries = []
    seen: set[str] = set()
    for index, item in enumerate(parsed.entries):
        guid = clean_guid(_guid(item, index))
        if guid in seen:  # a feed repeating a guid means one entry; the first copy wins
            continue
        seen.add(guid)
        html, summary_only = _body(item)
        entries.append(clean_entry(
            FeedEntry(
                guid=guid,
                title=item.get("title", "") or "",
                link=item.get("link"),
                html=html,
                published=_published(item),
                source=(item.get("source") or {}).get("title") or feed_title or _host(item.get("link")) or source,
                summary_only=summary_only,
            )
        ))
    ttl = parsed.feed.get("ttl")
    ttl_minutes = int(ttl) if isinstance(ttl, str) and ttl.strip().isdigit() else None
    return ParsedFeed(title=feed_title, entries=entries, ttl_minutes=ttl_minutes)


def _host(link: str | None) -> str | None:
    """The host of an entry's link ("www.reuters.com"), to name the outlet of an untitled feed."""
    if not link:
        return None
    return urlsplit(link).hostname or None


_ATOM = "{http://www.w3.org/2005/Atom}"
_RDF_ITEM = "{http://purl.org/rss/1.0/}item"


def _item_id(element: etree._Element) -> str | None:
    """The id feedparser will give this item, when it is plainly stated (``<guid>`` / ``<id>``)."""
    tag = element.tag
    child = element.find(f"{_ATOM}id") if isinstance(tag, str) and tag.startswith(_ATOM) else element.find("guid")
    text = (child.text or "").strip() if child is not None else ""
    return text or None


_XML_DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml\s[^>]*>)?")  # a BOM and the declaration, if any
_DECLARATION = b"<?xml version='1.0' encoding='utf-8'?>\n"


def prune_known(data: bytes, known: Container[str], *, checked: bool = False) -> tuple[bytes, int] | None:
    """The feed without the items whose id is in ``known``, and how many items the feed had.

    A changed feed usually differs from the last poll by an item or two, and feedparser
    spends most of a poll on the items already recorded. This cuts them out first and lets
    feedparser read what is left. Only items with a plainly stated ``<guid>`` / Atom ``<id>``
    are ever cut; anything else is kept. A document in UTF-8 is cut as bytes where expat
    locates the items (`bot.feeds.itemspans`: one pass, no tree); any other is read by lxml (a
    C parser: entity resolution, network access and huge trees off) and written out again in
    UTF-8. Returns ``None`` when the shortcut does not apply (not well-formed XML, an unknown
    layout, entity declarations): the caller then parses the whole document, so the shortcut
    can cost a little speed but never an entry.
    """
    if not checked and unsafe_xml_reason(data):
        return None
    spans = item_spans(data) if _read_as_utf8(data) else None
    if spans is None:
        return _prune_tree(data, known)
    # The declaration lxml wrote, on a line of its own: feedparser looks for the encoding with a
    # greedy expression that runs to the end of the first line, which in a one-line feed is its end.
    declared = _XML_DECLARATION.match(data)
    pieces, kept_from = [_DECLARATION], declared.end() if declared else 0
    for span in spans:
        if span.guid is not None and span.guid in known:
            pieces.append(data[kept_from : span.start])
            kept_from = span.end
    pieces.append(data[kept_from:])
    return b"".join(pieces), len(spans)


def _read_as_utf8(data: bytes) -> bool:
    """Whether every parser reads ``data`` as UTF-8: it says so, or says nothing, or says ASCII and is."""
    if not plainly_utf8(data, None):
        return False
    declared = _XML_DECLARATION.match(data)
    return data.isascii() or not (declared and b"ascii" in declared.group().lower())


def _prune_tree(data: bytes, known: Container[str]) -> tuple[bytes, int] | None:
    """`prune_known` with lxml, for a document in another encoding than UTF-8 (or that expat refused)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]  # lxml-stubs' DocInfo omits doctype
        return None
    if root.tag == "rss":
        channel = root.find("channel")
        items = channel.findall("item") if channel is not None else []
    elif root.tag == f"{_ATOM}feed":
        items = root.findall(f"{_ATOM}entry")
    else:
        return None  # RSS 1.0 / RDF and the rest: parse the whole document
    for element in items:
        guid = _item_id(element)
        parent = element.getparent()
        if guid is not None and guid in known and parent is not None:  # an item always has its channel or feed
            parent.remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8"), len(items)
