"""Which addresses a feed may reach: only the public internet, unless the operator allows more."""

from __future__ import annotations

import socket

import pytest

from bot.feeds.guard import BlockedAddressError, address_problem, guarded_socket_factory


@pytest.mark.parametrize(
    ("address", "kind"),
    [("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.0.0.5", "private"), ("192.168.1.1", "private"),
     ("172.16.0.1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
     ("100.64.0.1", "private"), ("0.0.0.0", "unspecified"), ("::ffff:127.0.0.1", "loopback"),
     ("fd00::1", "private")],
)
def test_non_public_addresses_are_refused_with_the_way_out(address, kind):
    problem = address_problem(address)
    assert problem is not None
    assert f"is a {kind} address" in problem or f"is an {kind} address" in problem
    assert problem.endswith("(set ALLOW_PRIVATE_FEEDS=true to allow)")


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "feeds.example.com"])
def test_public_addresses_and_names_pass(address):
    assert address_problem(address) is None


def test_the_socket_factory_refuses_before_a_socket_exists():
    factory = guarded_socket_factory(allow_private=False)
    with pytest.raises(BlockedAddressError, match=r"169\.254\.169\.254 is a link-local address"):
        factory((socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 80)))


def test_the_socket_factory_allows_private_addresses_when_told_to():
    factory = guarded_socket_factory(allow_private=True)
    sock = factory((socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80)))
    sock.close()
