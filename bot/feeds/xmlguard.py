"""Refuse XML that could make the parser expand or fetch entities, wherever in the document it is.

A feed needs no DOCTYPE and no entity declaration. Both are how "billion laughs" documents
turn a few kilobytes into gigabytes (and how external entities reach files and networks), so
a document carrying either is refused before feedparser sees it. The check must cover the
whole body: a DOCTYPE may follow a megabyte of comments, and a check of the first megabyte
only was bypassed that way. Two passes, both over the entire document and both streaming
(memory stays a small multiple of the body):

1. the document is decoded to UTF-8 exactly as feedparser will decode it, and any
   ``<!ENTITY`` in it is refused (also in a document that is not well-formed, which feedparser
   then reads with its lenient parser);
2. expat, configured to refuse (a handler that raises on the DOCTYPE and on every entity
   declaration, no parameter entities, no external entities), reads the document in chunks.
   A document expat cannot read as XML is left to feedparser's lenient parser, which expands
   no declared entities; pass 1 has already looked at all of it.
"""

from __future__ import annotations

import re
from typing import Any
from xml.parsers import expat

from feedparser.encodings import convert_to_utf8

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_CHUNK = 1024 * 1024
ENTITIES_REFUSED = "the document declares XML entities; refused as unsafe"
DOCTYPE_REFUSED = "the document has a DOCTYPE (a feed needs none); refused as unsafe"


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _as_utf8(raw: bytes, content_type: str | None) -> bytes:
    """The body in UTF-8, decoded the way feedparser decodes it (headers, BOM, XML declaration)."""
    headers = {"content-type": content_type} if content_type else {}
    result: dict[str, Any] = {"bozo": False}
    converted = convert_to_utf8(headers, raw, result)
    return converted if isinstance(converted, bytes) else raw


def _refuse_doctype(*_: object) -> None:
    raise _Refused(DOCTYPE_REFUSED)


def _refuse_entity(*_: object) -> None:
    raise _Refused(ENTITIES_REFUSED)


_MALFORMED = "malformed"


def _expat_verdict(data: bytes) -> str | None:
    """Why expat refuses ``data`` (a DOCTYPE or an entity declaration), `_MALFORMED` when it is not
    well-formed XML, or ``None``."""
    parser = expat.ParserCreate(encoding="utf-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = lambda *_: 0  # never fetch anything
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            parser.Parse(bytes(view[start:start + _CHUNK]), False)
        parser.Parse(b"", True)
    except _Refused as refused:
        return refused.reason
    except expat.ExpatError:
        return _MALFORMED
    return None


_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
_UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}


def plainly_utf8(raw: bytes, content_type: str | None) -> bool:
    """Whether ``raw`` says it is UTF-8 (or ASCII) everywhere it could say otherwise: no UTF-16/32
    byte order or layout, an XML declaration and a charset that name UTF-8 or nothing."""
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe") or raw[:1] == b"\x00" or raw[1:2] == b"\x00":
        return False
    declared = _DECLARED.match(raw[:300])
    if declared and declared.group(1).decode("ascii").lower() not in _UTF8_NAMES:
        return False
    charset = _CHARSET.search(content_type or "")
    return not charset or charset.group(1).lower() in _UTF8_NAMES


def unsafe_xml_reason(raw: bytes, content_type: str | None = None) -> str | None:
    """One line saying why ``raw`` is refused as unsafe XML, or ``None`` when it may be parsed.

    A document that is plainly UTF-8 and well-formed is read once, as it is; any other is first
    decoded the way feedparser decodes it, so no encoding can hide a declaration.
    """
    if _ENTITY_DECL.search(raw):
        return ENTITIES_REFUSED
    if plainly_utf8(raw, content_type):
        verdict = _expat_verdict(raw)
        if verdict != _MALFORMED:
            return verdict
    data = _as_utf8(raw, content_type)
    if data is not raw and _ENTITY_DECL.search(data):
        return ENTITIES_REFUSED
    verdict = _expat_verdict(data)
    # not well-formed: feedparser's lenient parser reads it, which declares and expands no entities
    return None if verdict == _MALFORMED else verdict
