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
import socket
from collections.abc import Callable

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
