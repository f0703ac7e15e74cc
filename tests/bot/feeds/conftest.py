"""Fixtures of the feed tests: a real HTTP server on loopback (`feedserver.FeedServer`) and a
guarded client session with small caps and timeouts (`feedserver.LIMITS`)."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from feedserver import LIMITS, FeedServer, default_routes

from bot.feeds.fetch import make_session


@pytest.fixture(scope="session")
def gzip_bomb() -> bytes:
    """50 MB of zeros that gzip to about 50 kB."""
    return gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)


@pytest.fixture
async def feed_server(gzip_bomb: bytes) -> AsyncIterator[FeedServer]:
    server = FeedServer()
    default_routes(server, gzip_bomb)

    async def dispatch(request: web.Request) -> web.StreamResponse:
        server.requests.append((request.path, dict(request.headers)))
        handler = server.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="no such route")
        server.in_flight += 1
        server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            return await handler(request)
        finally:
            server.in_flight -= 1

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", dispatch)
    runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    server.base = f"http://127.0.0.1:{port}"
    try:
        yield server
    finally:
        await runner.cleanup()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with make_session(LIMITS) as client:
        yield client
