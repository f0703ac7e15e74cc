"""The loopback feed server's content and routes (the fixtures live in conftest.py).

A real HTTP server on loopback that serves every kind of feed, good and bad.

The fetcher is tested against sockets, never against a mock of the HTTP client: what is
under test is exactly how Parley behaves when a server misbehaves. Each route is a small
handler; tests may add their own with `FeedServer.route`. Caps and timeouts are configured
small (`LIMITS`) so the slow-server and 50 MB cases finish at once.
"""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from aiohttp import web

from bot.feeds.fetch import FetchLimits

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

LIMITS = FetchLimits(
    max_bytes=1024 * 1024,
    max_decompressed_bytes=2 * 1024 * 1024,
    connect_timeout=1.0,
    read_timeout=0.3,
    total_timeout=3.0,
    max_redirects=5,
    per_host=2,
    allow_private=True,  # the test server is on loopback; the guard tests turn this off
)


def rss(items: list[dict[str, str]], *, title: str = "Tariff Wire", ttl: int | None = None, encoding: str = "utf-8"
        ) -> bytes:
    """An RSS 2.0 document; each item is a dict of child elements (guid, title, link, ...)."""
    parts = [f'<?xml version="1.0" encoding="{encoding}"?>',
             '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
             f"<title>{title}</title><link>https://example.com/</link><description>news</description>"]
    if ttl is not None:
        parts.append(f"<ttl>{ttl}</ttl>")
    for item in items:
        parts.append("<item>")
        for key, value in item.items():
            if key == "content":
                parts.append(f"<content:encoded><![CDATA[{value}]]></content:encoded>")
            else:
                parts.append(f"<{key}>{value}</{key}>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode(encoding)


ROUND_TEXT = (
    "Japan's chief tariff negotiator Ryosei Akazawa met Treasury Secretary Scott Bessent in Washington "
    "on Friday for the fifth round of tariff talks. Japan continued to demand the removal of the tariffs."
)


def item(n: int, *, text: str | None = None, date: str | None = "Fri, 06 Jun 2025 12:00:00 GMT") -> dict[str, str]:
    """An RSS item; by default a round report whose text differs from every other item's."""
    text = text or f"{ROUND_TEXT} Report number {n} from our correspondent."
    entry = {"guid": f"https://news.example/{n}", "title": f"Story {n}", "link": f"https://news.example/{n}",
             "content": f"<p>{text}</p>"}
    if date:
        entry["pubDate"] = date
    return entry


GOOD_RSS = rss([item(1), item(2)], ttl=30)
GOOD_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Tariffs</title><id>urn:feed</id>
<updated>2025-06-07T00:00:00Z</updated>
<entry><id>urn:a1</id><title>Atom one</title><link href="https://atom.example/1"/>
<updated>2025-06-07T00:00:00Z</updated><content type="html">&lt;p&gt;Akazawa met Lutnick.&lt;/p&gt;</content></entry>
<entry><id>urn:a2</id><title>Atom two</title><link href="https://atom.example/2"/>
<updated>2025-06-08T00:00:00Z</updated><summary>Bessent spoke.</summary></entry>
</feed>"""
ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title></item></channel></rss>"""
HTML_PAGE = b"<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"


@dataclass
class FeedServer:
    """The running server: its base URL, its routes, and a log of the requests it got."""

    base: str = ""
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes[path] = handler
            return handler

        return register

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


def static(body: bytes, *, content_type: str = "application/rss+xml", etag: str | None = None,
           last_modified: str | None = None, headers: dict[str, str] | None = None) -> Handler:
    """A handler serving ``body`` with validators, answering 304 to a matching conditional GET."""

    async def handler(request: web.Request) -> web.StreamResponse:
        extra = dict(headers or {})
        if etag:
            extra["ETag"] = etag
        if last_modified:
            extra["Last-Modified"] = last_modified
        if (etag and request.headers.get("If-None-Match") == etag) or (
            last_modified and not etag and request.headers.get("If-Modified-Since") == last_modified
        ):
            return web.Response(status=304, headers=extra)
        return web.Response(body=body, headers={"Content-Type": content_type, **extra})

    return handler


def default_routes(server: FeedServer, bomb: bytes) -> None:
    r = server.routes
    r["/rss"] = static(GOOD_RSS, etag='"rss-v1"', headers={"Cache-Control": "max-age=600"})
    r["/atom"] = static(GOOD_ATOM, content_type="application/atom+xml",
                        last_modified="Sat, 07 Jun 2025 00:00:00 GMT")
    r["/html"] = static(HTML_PAGE, content_type="text/html")
    r["/entity-bomb"] = static(ENTITY_BOMB)
    r["/no-guid"] = static(rss([{"title": "No guid, no date", "description": "Akazawa spoke."},
                                {"title": "Linked only", "link": "https://news.example/linked",
                                 "description": "Bessent spoke."}]))
    r["/dupes"] = static(rss([item(7), item(7, text="A second copy."), item(8)]))
    wrong = rss([item(9, text="Négociation à Washington: café")], encoding="iso-8859-1")
    r["/wrong-charset"] = static(wrong, content_type="application/rss+xml; charset=utf-8")

    async def gzipped(request: web.Request) -> web.StreamResponse:
        return web.Response(body=gzip.compress(GOOD_RSS), headers={
            "Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})

    async def bomb_handler(request: web.Request) -> web.StreamResponse:
        return web.Response(body=bomb, headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})

    def redirect(status: int, to: str) -> Handler:
        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers={"Location": to})

        return handler

    def status(code: int, headers: dict[str, str] | None = None) -> Handler:
        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=code, text="nope", headers=headers or {})

        return handler

    async def slow(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(30)  # far beyond the read timeout; the client gives up first
        return web.Response(body=GOOD_RSS)

    async def huge(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        block = b"<!-- " + b"x" * (1024 * 1024 - 9) + b" -->"
        try:
            for _ in range(50):  # 50 MB, streamed without a Content-Length
                await response.write(block)
        except (ConnectionResetError, ConnectionError):
            pass
        return response

    async def huge_declared(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.content_length = 50 * 1024 * 1024
        await response.prepare(request)
        return response  # never sends the body: the client must refuse on the header alone

    r["/gzip"] = gzipped
    r["/gzip-bomb"] = bomb_handler
    r["/moved"] = redirect(301, "/rss")
    r["/moved-308"] = redirect(308, "/moved")
    r["/temporary"] = redirect(302, "/rss")
    r["/moved-then-temporary"] = redirect(301, "/temporary")
    r["/loop-a"] = redirect(301, "/loop-b")
    r["/loop-b"] = redirect(301, "/loop-a")
    r["/404"] = status(404)
    r["/410"] = status(410)
    r["/500"] = status(500)
    r["/429"] = status(429, {"Retry-After": "120"})
    retry_at = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    r["/503"] = status(503, {"Retry-After": retry_at})
    r["/slow"] = slow
    r["/huge"] = huge
    r["/huge-declared"] = huge_declared


