"""Recognising an article seen before: same guid, same link, same text, or a near-identical copy.

- ``normalise_link``: two links to one page compare equal (scheme, ``www.``, tracking
  parameters, fragments and trailing slashes do not matter).
- ``content_hash``: the text with case, whitespace and punctuation folded, hashed: the same
  article under a new guid and link is still a duplicate.
- ``sketch``: a bottom-k MinHash sketch of the text's word 5-grams. Two wire copies that
  differ by a dateline, a byline or a sentence share most of their sketch; an unrelated story
  shares almost none. Its smallest hashes are stored as index keys (``cluster_key``), so
  finding a copy's cluster reads a few rows however many stories are stored.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from typing import cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import lxml.html

SKETCH_SIZE = 64
INDEX_KEYS = 12
SHINGLE = 5
NEAR_DUPLICATE = 0.6  # estimated Jaccard similarity of shingle sets at or above which texts are copies

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|taid|_ga)$", re.I)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_WORD = re.compile(r"[0-9a-z]+")


def normalise_link(link: str | None) -> str | None:
    """The link in a canonical form for comparison, or None when there is none."""
    if not link or not link.strip():
        return None
    parts = urlsplit(link.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted((k, v) for k, v in pairs if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host, path, query, ""))[:700]


def clean_text(html: str) -> str:
    """The readable text of an entry body: one line per block, whitespace folded."""
    if not html:
        return ""
    if "<" in html:
        try:
            # an HTML element (lxml-stubs types fromstring's result as a plain XML element)
            root = cast(lxml.html.HtmlElement, lxml.html.fromstring(html))
        except (ValueError, lxml.etree.ParserError):
            text = html
        else:
            for bad in cast(list[lxml.html.HtmlElement], root.xpath("//script|//style|//noscript")):
                bad.drop_tree()
            for element in root.iter():
                if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
                    element.tail = "\n" + (element.tail or "")
            text = root.text_content()
    else:
        text = html
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    """The same words in the same order give the same hash, whatever the markup and spacing."""
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()


def sketch(text: str) -> list[int]:
    """The ``SKETCH_SIZE`` smallest 32-bit hashes of the text's word 5-grams, sorted."""
    tokens = words(text)
    if len(tokens) < SHINGLE:
        grams = {" ".join(tokens)} if tokens else set()
    else:
        grams = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    hashes = {zlib.crc32(g.encode()) for g in grams}
    return sorted(hashes)[:SKETCH_SIZE]


def index_keys(sk: list[int]) -> list[int]:
    """The few hashes stored for lookup: a copy sharing most shingles shares some of these."""
    return sk[:INDEX_KEYS]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two texts from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    k = min(SKETCH_SIZE, len(set(a) | set(b)))
    union_bottom = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union_bottom if h in both) / k
