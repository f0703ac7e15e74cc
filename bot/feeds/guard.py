"""Which network addresses a feed may reach, checked when the socket connects.

A feed URL is typed by a Discord user, so it must not become a way to probe the machine
Parley runs on or its private network (SSRF). Checking the host name is not enough: a name
can resolve to 127.0.0.1, or resolve differently a second later (DNS rebinding), and a
redirect can point anywhere. So the check sits in the socket factory the aiohttp connector
calls with the very address it is about to connect to: whatever the name, the redirect or
the resolver said, no socket to a refused address is ever opened.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from aiohappyeyeballs import AddrInfoType

ALLOW_HINT = "set ALLOW_PRIVATE_FEEDS=true to allow"


class BlockedAddressError(OSError):
    """A connection was refused because its address is not on the public internet."""


def address_problem(address: str) -> str | None:
    """Why ``address`` (an IP literal) may not be reached, or ``None`` when it is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return None  # not an IP literal: the socket factory will see the resolved address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        kind = "a loopback"
    elif ip.is_link_local:
        kind = "a link-local"
    elif ip.is_unspecified:
        kind = "an unspecified"
    elif ip.is_multicast:
        kind = "a multicast"
    elif ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED):
        kind = "a private"
    elif ip.is_reserved:
        kind = "a reserved"
    else:
        return None
    return f"refused: {ip} is {kind} address ({ALLOW_HINT})"


_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, not flagged private by ipaddress


def guarded_socket_factory(allow_private: bool) -> Callable[[AddrInfoType], socket.socket]:
    """A socket factory for `aiohttp.TCPConnector` that refuses non-public addresses.

    aiohttp hands the factory the resolved address of every connection attempt (IP literals
    included, which skip the resolver), so this is the one place no path can go around.
    """

    def factory(addr_info: AddrInfoType) -> socket.socket:
        family, type_, proto, _, sockaddr = addr_info
        if not allow_private:
            problem = address_problem(str(sockaddr[0]))
            if problem:
                raise BlockedAddressError(problem)
        return socket.socket(family=family, type=type_, proto=proto)

    return factory


class FeedUrlError(ValueError):
    """A feed address that cannot be followed; the message is one line for the user."""


_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}$")
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def _canonical_host(host: str) -> str:
    """The host as a connection will see it: IPv4 in any of the forms C's ``inet_aton`` accepts
    (``127.1``, ``2130706433``, ``0x7f000001``, ``0177.0.0.1``) as a dotted quad, IPv6 compressed,
    names lower-cased, in IDNA, without the trailing dot that makes ``localhost.`` a new name."""
    host = host.strip().lower().rstrip(".")
    if not host:
        raise FeedUrlError("the address has no host name")
    try:
        return str(ipaddress.ip_address(host.split("%", 1)[0]))
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        try:
            return socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            raise FeedUrlError(f"{host} is not a valid IPv4 address") from None
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FeedUrlError(f"{host!r} is not a valid host name") from None


def host_problem(host: str) -> str | None:
    """Why a canonical host may not be reached, or ``None``: private IP literals and the names
    that always mean this machine (``localhost`` and ``*.localhost``, RFC 6761)."""
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return f"refused: {host} is a loopback address ({ALLOW_HINT})"
    return address_problem(host)


def canonical_feed_url(url: str, *, allow_private: bool) -> str:
    """``url`` with its host canonicalised, or `FeedUrlError` saying why it cannot be a feed.

    Refusing private addresses here, when a feed is added, gives the user the reason at once
    instead of a feed that fails at every poll until it is disabled; the socket factory above
    still refuses them at connect time, whatever a name resolves to later.
    """
    url = url.strip().strip("<>").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FeedUrlError(f"not a feed address: {url!r} (give an http:// or https:// URL)")
    try:
        port = parts.port
    except ValueError:
        raise FeedUrlError(f"{url}: the port is not a number from 0 to 65535") from None
    try:
        host = _canonical_host(parts.hostname)
    except FeedUrlError as exc:
        raise FeedUrlError(f"{url}: {exc}") from None
    if not allow_private:
        problem = host_problem(host)
        if problem:
            raise FeedUrlError(f"{url}: {problem}")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    if parts.username is not None or parts.password is not None:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))
