"""Summary-only entries get their article's main text, within a budget, and never lose the summary."""

from __future__ import annotations

import dataclasses

from aiohttp import web
from feedserver import LIMITS

from bot.feeds.article import ArticleBudget, extract_main_text, with_full_text
from bot.feeds.entry import FeedEntry

ARTICLE = """<!doctype html><html><head><title>Akazawa meets Bessent</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<article><h1>Japan, US hold fifth round of tariff talks</h1>
<p>WASHINGTON - Japan's chief tariff negotiator Ryosei Akazawa met U.S. Treasury Secretary Scott Bessent
and Commerce Secretary Howard Lutnick on Friday for the fifth round of ministerial talks on tariffs.</p>
<p>Akazawa told reporters after the 110-minute meeting with Lutnick that the two sides had discussed
agriculture and non-tariff barriers, and that Japan continued to seek the removal of the additional tariffs.</p>
<p>The two sides agreed to continue talks ahead of the Group of Seven summit in Canada later this month,
where Prime Minister Shigeru Ishiba is expected to meet President Donald Trump.</p>
</article>
<section id="comments"><h2>Comments</h2><div class="comment"><p>COMMENTER: this is all a disgrace, total waste
of time and money, they will never agree to anything at all.</p></div></section>
<footer>Copyright 2025 News Example. All rights reserved.</footer></body></html>"""


def teaser(link: str, guid: str = "g1") -> FeedEntry:
    return FeedEntry(guid=guid, title="Talks", link=link, html="Akazawa met Bessent.", published=None,
                     summary_only=True)


def test_the_main_text_is_extracted_without_comments_or_navigation():
    text = extract_main_text(ARTICLE, "https://news.example/a")
    assert text is not None
    assert "110-minute meeting with Lutnick" in text
    assert "COMMENTER" not in text and "Home" not in text


async def test_a_summary_only_entry_gets_the_article_text(session, feed_server):
    async def page(request):
        return web.Response(text=ARTICLE, content_type="text/html")

    feed_server.routes["/article"] = page
    full = FeedEntry(guid="g2", title="Full", link=feed_server.url("/article"), html="<p>all</p>", published=None)
    entries, notes = await with_full_text(session, [teaser(feed_server.url("/article")), full], limits=LIMITS)
    assert notes == []
    assert "110-minute meeting with Lutnick" in entries[0].html and not entries[0].summary_only
    assert entries[1] is full
    assert len(feed_server.hits("/article")) == 1  # the entry with a full body was left alone


async def test_an_unreadable_page_keeps_the_summary_and_says_why(session, feed_server):
    entries, notes = await with_full_text(session, [teaser(feed_server.url("/404"))], limits=LIMITS)
    assert entries[0].html == "Akazawa met Bessent." and entries[0].summary_only
    assert notes == [f"{feed_server.url('/404')}: HTTP 404 Not Found"]


async def test_a_huge_page_is_cut_off_by_the_article_budget(session, feed_server):
    budget = dataclasses.replace(ArticleBudget(), max_bytes=64 * 1024)
    _, notes = await with_full_text(session, [teaser(feed_server.url("/huge"))], limits=LIMITS, budget=budget)
    assert notes == [f"{feed_server.url('/huge')}: response larger than 65,536 bytes"]


async def test_no_more_pages_than_the_budget_allows_in_one_poll(session, feed_server):
    async def page(request):
        return web.Response(text=ARTICLE, content_type="text/html")

    feed_server.routes["/article"] = page
    budget = dataclasses.replace(ArticleBudget(), max_articles_per_poll=2)
    teasers = [teaser(feed_server.url("/article"), guid=f"g{n}") for n in range(5)]
    entries, _ = await with_full_text(session, teasers, limits=LIMITS, budget=budget)
    assert [e.summary_only for e in entries] == [False, False, True, True, True]
