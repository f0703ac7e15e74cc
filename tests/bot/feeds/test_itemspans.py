"""Locating a feed's items in its bytes: the spans cover whole elements, the ids read as lxml read them."""

from __future__ import annotations

from feedserver import GOOD_ATOM, GOOD_RSS

from bot.feeds.itemspans import item_spans

ODD_RSS = (
    b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?><rss><channel><title>t</title>'
    b'<item a="&gt;"/>'  # empty: no id, never cut
    b"<item><guid> g1 <!-- a comment ends the id's text -->x</guid><guid>second guid ignored</guid></item>"
    b"<item><guid><![CDATA[c&d]]>&amp;e</guid><category><item>not an item</item></category></item >"
    b"<item><title>no guid</title></item>"
    b"</channel><channel><item><guid>only the first channel counts</guid></item></channel></rss>"
)


def test_spans_cover_each_item_and_ids_are_their_first_guid_text() -> None:
    spans = item_spans(ODD_RSS)
    assert spans is not None
    assert [s.guid for s in spans] == [None, "g1", "c&d&e", None]
    whole = [ODD_RSS[s.start:s.end] for s in spans]
    assert whole[0] == b'<item a="&gt;"/>'
    assert whole[1].startswith(b"<item><guid> g1") and whole[1].endswith(b"</guid></item>")
    assert whole[2].startswith(b"<item><guid><![CDATA[") and whole[2].endswith(b"</category></item >")
    assert whole[3] == b"<item><title>no guid</title></item>"


def test_atom_entries_with_any_prefix_are_found_by_id() -> None:
    prefixed = (b'<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:id>urn:1</a:id></a:entry>'
                b"<a:entry><a:title>no id</a:title></a:entry></a:feed>")
    assert [s.guid for s in item_spans(prefixed) or []] == ["urn:1", None]
    assert [s.guid for s in item_spans(GOOD_ATOM) or []] == ["urn:a1", "urn:a2"]
    assert len(item_spans(GOOD_RSS) or []) == 2


def test_other_layouts_and_unreadable_documents_are_not_handled() -> None:
    assert item_spans(b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>') is None
    assert item_spans(b"<rss><channel><item>") is None  # not well-formed
    assert item_spans(b"<rss><x:channel/></rss>") is None  # an unbound prefix
    assert item_spans(b'<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd"><rss/>') is None
