"""Fetch one feed politely and defensively: the HTTP half of polling, with no database.

`fetch_feed` never raises for anything a server can do. Every outcome, good or bad, comes
back as a `FetchResult` whose ``error`` is one human-readable line, so the poller can record
it, schedule the next try and move on. What it guards against:

- slow or silent servers: connect, read and total timeouts;
- huge bodies and compression bombs: a cap on the bytes read off the wire and, separately,
  on the bytes they decompress to (aiohttp's own decompression is off so both are counted);
- redirect loops and chains; temporary redirects are followed, permanent ones (301/308) are
  reported in ``permanent_url`` so the poller can update the stored URL;
- non-public addresses, refused in the connector's socket factory (see `bot.feeds.guard`).

What it does to be polite: conditional GET (ETag / Last-Modified), an honest User-Agent,
gzip, a small number of connections per host, and it reports ``Cache-Control: max-age`` and
``Retry-After`` so the schedule can honour them.
"""

from __future__ import annotations

import asyncio
import re
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import aiohttp
from yarl import URL

from bot.feeds.guard import BlockedAddressError, guarded_socket_factory
from bot.feeds.source import USER_AGENT

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT_REDIRECTS = {301, 308}
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How much one fetch may cost. Tests shrink these; production keeps the defaults."""

    max_bytes: int = 10 * _MB  # read off the wire (compressed)
    # after gzip/deflate; 10 MB keeps parsing any body under 300 MB of memory (bench/feed_memory.py)
    max_decompressed_bytes: int = 10 * _MB
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence while reading
    total_timeout: float = 60.0  # whole fetch, redirects included
    max_redirects: int = 5
    per_host: int = 2  # simultaneous connections to one host
    max_connections: int = 64
    allow_private: bool = False


DEFAULT_LIMITS = FetchLimits()


@dataclass(slots=True)
class FetchResult:
    """What one fetch found. ``error`` is ``None`` on success (200 with a body, or 304)."""

    url: str
    status: int | None = None
    body: bytes | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    permanent_url: str | None = None
    retry_after: float | None = None
    max_age: int | None = None
    content_type: str | None = None
    error: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _size(limit: int) -> str:
    return f"{limit // _MB} MB" if limit >= _MB and limit % _MB == 0 else f"{limit:,} bytes"


def make_session(limits: FetchLimits = DEFAULT_LIMITS, *, user_agent: str = USER_AGENT) -> aiohttp.ClientSession:
    """A client session wired with the guards: address checks, per-host limits, timeouts.

    Decompression is left to `fetch_feed`, which counts the bytes on both sides of it.
    """
    connector = aiohttp.TCPConnector(
        limit=limits.max_connections,
        limit_per_host=limits.per_host,
        socket_factory=guarded_socket_factory(limits.allow_private),
        ttl_dns_cache=300,
    )
    timeout = aiohttp.ClientTimeout(
        total=None, sock_connect=limits.connect_timeout, sock_read=limits.read_timeout
    )
    return aiohttp.ClientSession(
        connector=connector,
        timeout=timeout,
        auto_decompress=False,
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def parse_max_age(cache_control: str | None) -> int | None:
    """``max-age`` from a ``Cache-Control`` header, in seconds."""
    if not cache_control:
        return None
    match = _MAX_AGE.search(cache_control)
    return int(match.group(1)) if match else None


class _TooLarge(Exception):
    pass


def _decompressor(encoding: str) -> zlib._Decompress | None:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib or gzip header, auto-detected
    raise ValueError(f"unsupported Content-Encoding {encoding!r}")


async def _read_body(response: aiohttp.ClientResponse, limits: FetchLimits, deadline: float) -> bytes:
    """The decompressed body, within both caps and the deadline."""
    length = response.content_length
    if length is not None and length > limits.max_bytes:
        raise _TooLarge(f"response larger than {_size(limits.max_bytes)} ({length:,} bytes announced)")
    decompressor = _decompressor(response.headers.get("Content-Encoding", ""))
    out = bytearray()
    raw = 0
    limit = limits.max_decompressed_bytes
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        chunk = await asyncio.wait_for(response.content.readany(), remaining)
        if not chunk:
            break
        raw += len(chunk)
        if raw > limits.max_bytes:
            raise _TooLarge(f"response larger than {_size(limits.max_bytes)}")
        if decompressor is None:
            out += chunk
            continue
        out += decompressor.decompress(chunk, limit - len(out) + 1)
        if len(out) > limit or decompressor.unconsumed_tail:
            raise _TooLarge(f"decompressed response larger than {_size(limit)} (compression bomb?)")
    if decompressor is not None:
        out += decompressor.flush()
        if len(out) > limit:
            raise _TooLarge(f"decompressed response larger than {_size(limit)} (compression bomb?)")
    return bytes(out)


def _status_error(status: int, reason: str | None) -> str:
    return f"HTTP {status} {reason or ''}".rstrip()


async def fetch_feed(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
    accept: str = FEED_ACCEPT,
) -> FetchResult:
    """GET ``url`` with conditional headers, following redirects by hand. Never raises.

    On 304 the result has ``body=None`` and keeps the validators it was given (or new ones
    the server sent). ``permanent_url`` is set when every hop to the final URL was a 301/308.
    """
    result = FetchResult(url=url, etag=etag, last_modified=last_modified)
    deadline = time.monotonic() + limits.total_timeout
    try:
        return await asyncio.wait_for(
            _fetch(session, url, result, etag=etag, last_modified=last_modified, limits=limits,
                   accept=accept, deadline=deadline),
            limits.total_timeout,
        )
    except TimeoutError:
        result.error = f"timed out after {limits.total_timeout:g} s"
        return result


async def _fetch(
    session: aiohttp.ClientSession,
    url: str,
    result: FetchResult,
    *,
    etag: str | None,
    last_modified: str | None,
    limits: FetchLimits,
    accept: str,
    deadline: float,
) -> FetchResult:
    current = URL(url)
    if current.scheme not in ("http", "https") or not current.host:
        result.error = f"not an http(s) URL: {url}"
        return result
    seen = {str(current)}
    all_permanent = True
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _hop in range(limits.max_redirects + 1):
        try:
            async with session.get(current, headers=headers, allow_redirects=False) as response:
                status = response.status
                result.status = status
                result.final_url = str(current)
                if status in REDIRECTS and "Location" in response.headers:
                    target = current.join(URL(response.headers["Location"]))
                    if target.scheme not in ("http", "https"):
                        result.error = f"HTTP {status} redirect to a non-http URL: {target}"
                        return result
                    if str(target) in seen:
                        result.error = f"redirect loop: {target} was already visited"
                        return result
                    seen.add(str(target))
                    all_permanent = all_permanent and status in PERMANENT_REDIRECTS
                    current = target
                    continue
                if all_permanent and str(current) != url:
                    result.permanent_url = str(current)
                _record_headers(result, response)
                if status == 304:
                    return result
                if status >= 400 or status < 200:
                    result.error = _status_error(status, response.reason)
                    return result
                try:
                    result.body = await _read_body(response, limits, deadline)
                except _TooLarge as exc:
                    result.error = str(exc)
                except ValueError as exc:
                    result.error = str(exc)
                except zlib.error as exc:
                    result.error = f"corrupt compressed response ({exc})"
                return result
        except aiohttp.ClientConnectorError as exc:
            result.error = _connect_error(current, exc)
            return result
        except aiohttp.ConnectionTimeoutError:
            result.error = f"timed out connecting to {current.host} (after {limits.connect_timeout:g} s)"
            return result
        except aiohttp.ServerTimeoutError:
            result.error = f"timed out: the server sent nothing for {limits.read_timeout:g} s"
            return result
        except TimeoutError:
            result.error = f"timed out after {limits.total_timeout:g} s"
            return result
        except aiohttp.ClientPayloadError as exc:
            result.error = f"broken response body ({_first_line(exc)})"
            return result
        except aiohttp.ClientResponseError as exc:
            result.error = f"bad HTTP response ({_first_line(exc)})"
            return result
        except aiohttp.ClientError as exc:
            result.error = f"cannot fetch ({exc.__class__.__name__}: {_first_line(exc)})"
            return result
    result.error = f"too many redirects (more than {limits.max_redirects})"
    return result


def _record_headers(result: FetchResult, response: aiohttp.ClientResponse) -> None:
    h = response.headers
    result.etag = h.get("ETag") or result.etag
    result.last_modified = h.get("Last-Modified") or result.last_modified
    result.max_age = parse_max_age(h.get("Cache-Control"))
    result.retry_after = parse_retry_after(h.get("Retry-After"))
    result.content_type = h.get("Content-Type")
    result.headers = {k: v for k, v in h.items() if k.lower() in ("content-type", "content-location")}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def _connect_error(url: URL, exc: aiohttp.ClientConnectorError) -> str:
    cause = exc.os_error
    if isinstance(cause, BlockedAddressError):
        return str(cause)
    if cause is not None and "refused:" in str(cause) and "ALLOW_PRIVATE_FEEDS" in str(cause):
        return _first_line(cause).split("Multiple exceptions: ", 1)[-1]
    if isinstance(cause, OSError) and cause.strerror:
        return f"cannot connect to {url.host}: {cause.strerror.lower()}"
    return f"cannot connect to {url.host} ({_first_line(exc)})"
