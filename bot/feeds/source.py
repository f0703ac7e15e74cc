"""Read one feed document from a path, a `file://` URL or an `http(s)://` URL.

Used by one-off commands (`parley extract`); the scheduled poller has its own fetcher with
conditional GET and back-off. Errors are `FeedSourceError` with a one-line message.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import aiohttp

from bot.errors import UserError

MAX_FEED_BYTES = 20 * 1024 * 1024
TIMEOUT = aiohttp.ClientTimeout(total=30, sock_connect=10, sock_read=20)
USER_AGENT = "Parley/0.1 (+https://github.com/parley-bot/parley; feed reader)"


class FeedSourceError(UserError):
    """The feed could not be read; the message says why in one line."""


def _read_path(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FeedSourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FeedSourceError(f"{path}: is a folder, not a feed file") from None
    except OSError as exc:
        raise FeedSourceError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_FEED_BYTES:
        raise FeedSourceError(f"{path}: larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    return data


async def _read_http(url: str) -> bytes:
    try:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}) as session,
            session.get(url) as response,
        ):
            if response.status >= 400:
                raise FeedSourceError(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
            chunks, size = [], 0
            async for chunk in response.content.iter_chunked(65536):
                size += len(chunk)
                if size > MAX_FEED_BYTES:
                    raise FeedSourceError(f"{url}: response larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
                chunks.append(chunk)
            return b"".join(chunks)
    except TimeoutError:
        raise FeedSourceError(f"{url}: timed out") from None
    except aiohttp.ClientError as exc:
        raise FeedSourceError(f"{url}: cannot connect ({exc.__class__.__name__}: {exc})") from None


async def read_feed(location: str) -> bytes:
    """The raw bytes of the feed at ``location``."""
    parsed = urlparse(location)
    if parsed.scheme in ("http", "https"):
        return await _read_http(location)
    if parsed.scheme == "file":
        return _read_path(Path(unquote(parsed.path)))
    if parsed.scheme and len(parsed.scheme) > 1:
        raise FeedSourceError(f"{location}: unsupported URL scheme {parsed.scheme!r} (use a path, file:// or http(s)://)")
    return _read_path(Path(location))
