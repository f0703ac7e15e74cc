"""Feed bytes to entries: safe, tolerant, and quick to skip what was already read."""

from __future__ import annotations

from feedserver import ENTITY_BOMB, GOOD_ATOM, HTML_PAGE, item, rss

from bot.feeds.parse import parse_feed, prune_known


def test_known_items_are_cut_before_parsing_and_the_total_is_kept():
    doc = rss([item(3), item(1), item(2)], ttl=30)
    pruned = prune_known(doc, {"https://news.example/1", "https://news.example/2"})
    assert pruned is not None
    reduced, total = pruned
    parsed = parse_feed(reduced)
    assert total == 3
    assert [e.guid for e in parsed.entries] == ["https://news.example/3"]
    assert parsed.ttl_minutes == 30 and parsed.title == "Tariff Wire"
    assert parsed.entries[0].html == parse_feed(doc).entries[0].html  # the new entry reads the same


def test_atom_entries_are_cut_by_id():
    reduced, total = prune_known(GOOD_ATOM, {"urn:a1"})
    assert total == 2 and [e.guid for e in parse_feed(reduced).entries] == ["urn:a2"]


def test_items_without_a_guid_are_always_kept():
    doc = rss([{"title": "No guid", "link": "https://news.example/x", "description": "text"}, item(1)])
    reduced, _ = prune_known(doc, {"https://news.example/x", "https://news.example/1"})
    assert [e.guid for e in parse_feed(reduced).entries] == ["https://news.example/x"]


def test_a_utf8_feed_is_cut_as_bytes_and_the_rest_reads_as_in_the_whole_feed():
    doc = rss([item(3, text="Caf\u00e9 \u2019quoted\u2019 <b>bold</b>"), item(1), item(2)])
    known = {"https://news.example/1", "https://news.example/2"}
    reduced, total = prune_known(doc, known) or (b"", 0)
    assert total == 3
    assert doc[doc.index(b"<item>"):doc.index(b"</item>") + 7] in reduced  # the new item as the site wrote it
    assert parse_feed(reduced).entries == [e for e in parse_feed(doc).entries if e.guid not in known]


def test_a_feed_in_another_encoding_is_still_cut():
    doc = rss([item(3, text="Caf\u00e9 cr\u00e8me"), item(1)], encoding="iso-8859-1")
    reduced, total = prune_known(doc, {"https://news.example/1"}) or (b"", 0)
    assert total == 2
    assert parse_feed(reduced).entries == parse_feed(doc).entries[:1]


def test_the_shortcut_steps_aside_for_anything_unusual():
    assert prune_known(HTML_PAGE, {"x"}) is None  # not XML: the full parser gives the error
    assert prune_known(ENTITY_BOMB, {"x"}) is None  # entities: the full parser refuses it
    assert prune_known(b"<rss><channel><item>", {"x"}) is None  # broken XML: feedparser is more lenient
    rdf = b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>'
    assert prune_known(rdf, {"x"}) is None


def test_no_encoding_hides_a_doctype():
    import pytest

    from bot.feeds.parse import FeedError

    feed = rss([item(1)]).split(b"?>", 1)[1].decode()
    doctype = '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">'
    bodies = [
        ('<?xml version="1.0" encoding="utf-16"?><!--' + "x" * 2000 + "-->" + doctype + feed).encode("utf-16"),
        b'<?xml version="1.0" encoding="utf-8"?><!--\xff\xfe-->' + doctype.encode() + feed.encode(),  # not UTF-8 after all
        ('<?xml version="1.0" encoding="windows-1252"?><!--\u00e9-->' + doctype + feed).encode("cp1252"),
    ]
    for body in bodies:
        with pytest.raises(FeedError, match="has a DOCTYPE"):
            parse_feed(body)
    assert len(parse_feed(('<?xml version="1.0" encoding="windows-1252"?>' + feed).encode("cp1252")).entries) == 1
