"""Where each item of a feed lies in its bytes, and its id: one pass of expat, no tree.

`bot.feeds.parse.prune_known` cuts the items already read out of a changed feed before
feedparser reads it. Doing that with a tree (lxml parsing the whole document, then writing it
out again) cost more than feedparser's own reading of a feed that carries a megabyte-long
article: libxml2 reads such text at a third of expat's speed. expat reports the byte offset of
every event, so the items can be cut out of the bytes themselves, in one pass that builds
nothing, and what remains is the document as the site wrote it.

The rules are those the tree applied: RSS 2.0 items are the ``<item>`` children of the first
``<channel>`` of an ``<rss>`` root, Atom entries the ``<entry>`` children of an Atom ``<feed>``;
an item's id is the text of its first ``<guid>`` child (Atom: ``<id>``) up to that child's own
first child node, stripped. A document in any other layout, with a DOCTYPE, or that expat
cannot read with namespaces is not handled (``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.parsers import expat

ATOM = "http://www.w3.org/2005/Atom"
_SEP = " "  # expat's separator between a namespace and a local name
_ATOM_FEED, _ATOM_ENTRY, _ATOM_ID = f"{ATOM}{_SEP}feed", f"{ATOM}{_SEP}entry", f"{ATOM}{_SEP}id"


@dataclass(frozen=True, slots=True)
class ItemSpan:
    """One item: ``data[start:end]`` is the whole element, from ``<`` of its start tag past ``>`` of its end tag."""

    start: int
    end: int
    guid: str | None


class _Unhandled(Exception):
    """The document is not one this shortcut reads."""


class _Scanner:
    """expat's handlers, tracking depth, the item being read and the text of its id."""

    def __init__(self, data: bytes, parser: expat.XMLParserType) -> None:
        self.data, self.parser = data, parser
        self.depth = 0  # elements open before the current event
        self.item_depth = -1  # depth of the items' start tags: 2 for RSS (rss/channel/item), 1 for Atom
        self.item_name = self.id_name = ""
        self.in_container = False  # inside the first channel (RSS) or the feed (Atom)
        self.container_seen = False
        self.start = -1  # offset of the open item's start tag, -1 outside items
        self.id_state = 0  # 0: no id child seen yet, 1: reading its text, 2: done
        self.pieces: list[str] = []
        self.guid: str | None = None
        self.spans: list[ItemSpan] = []

    def start_element(self, name: str, _attrs: object) -> None:
        depth = self.depth
        self.depth += 1
        if depth == 0:
            if name == "rss":
                self.item_depth, self.item_name, self.id_name = 2, "item", "guid"
            elif name == _ATOM_FEED:
                self.item_depth, self.item_name, self.id_name = 1, _ATOM_ENTRY, _ATOM_ID
                self.in_container = self.container_seen = True
            else:
                raise _Unhandled
        elif depth == 1 and self.item_depth == 2 and name == "channel" and not self.container_seen:
            self.in_container = self.container_seen = True
        elif not self.in_container:
            return
        elif depth == self.item_depth:
            if name == self.item_name:
                self.start, self.id_state, self.guid = self.parser.CurrentByteIndex, 0, None
        elif self.start < 0:
            return
        elif depth == self.item_depth + 1:
            if self.id_state == 0 and name == self.id_name:
                self.id_state, self.pieces = 1, []
                self.parser.CharacterDataHandler = self.pieces.append
        elif depth == self.item_depth + 2:
            self._text_ends()

    def end_element(self, _name: str) -> None:
        self.depth -= 1
        depth = self.depth
        if not self.in_container:
            return
        if depth == self.item_depth + 1 and self.id_state == 1:
            self._text_ends()
        elif depth == self.item_depth and self.start >= 0:
            at = self.parser.CurrentByteIndex  # an end tag's '<'; just past an empty-element tag (``<item/>``)
            end = self.data.index(b">", at) + 1 if self.data.startswith(b"</", at) else at  # no '>' before an end tag's own
            self.spans.append(ItemSpan(self.start, end, self.guid))
            self.start = -1
        elif depth == self.item_depth - 1:
            self.in_container = False  # the channel (or the feed) is closed

    def other_node(self, *_: object) -> None:
        """A comment or processing instruction: inside the id it ends the id's text, as a child does."""
        if self.id_state == 1:
            self._text_ends()

    def _text_ends(self) -> None:
        if self.id_state == 1:
            self.parser.CharacterDataHandler = None
            self.guid = "".join(self.pieces).strip() or None
            self.id_state = 2


def _unhandled(*_: object) -> None:
    raise _Unhandled


def item_spans(data: bytes) -> list[ItemSpan] | None:
    """The items of an RSS 2.0 or Atom document in UTF-8, in document order; ``None`` when the
    document is not one of those or not one expat reads (not well-formed, a DOCTYPE, an unbound
    namespace prefix)."""
    parser = expat.ParserCreate(encoding="utf-8", namespace_separator=_SEP)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.ExternalEntityRefHandler = lambda *_: 0  # never fetch anything
    scanner = _Scanner(data, parser)
    parser.StartElementHandler = scanner.start_element
    parser.EndElementHandler = scanner.end_element
    parser.CommentHandler = scanner.other_node
    parser.ProcessingInstructionHandler = scanner.other_node
    parser.StartDoctypeDeclHandler = _unhandled
    parser.EntityDeclHandler = _unhandled
    try:
        parser.Parse(data, True)
    except (_Unhandled, expat.ExpatError, ValueError):
        return None
    return scanner.spans
