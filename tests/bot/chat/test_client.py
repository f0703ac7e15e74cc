"""The client class: where it connects, which extensions it loads, what users see of errors."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.chat.client import ParleyBot, configure_endpoints, describe_error, extension_names
from bot.config import Settings
from bot.errors import UserError
from storage.errors import StorageError


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_extensions_are_every_public_module_of_cogs() -> None:
    names = extension_names()
    assert "cogs.negotiation" in names and "cogs.subscriptions" in names
    assert "cogs._reply" not in names


def test_the_api_base_redirects_rest_and_interaction_webhooks() -> None:
    try:
        configure_endpoints(settings(discord_api_base="http://127.0.0.1:9/api/v10/"))
        assert discord.http.Route("GET", "/users/@me").url == "http://127.0.0.1:9/api/v10/users/@me"
    finally:
        configure_endpoints(settings())
    assert discord.http.Route.BASE == "https://discord.com/api/v10"


async def test_the_gateway_is_the_configured_one_or_discords() -> None:
    bot = ParleyBot(settings(discord_gateway_url="ws://127.0.0.1:9/gw"), store=object())
    assert await bot.gateway_url() == "ws://127.0.0.1:9/gw"
    assert await ParleyBot(settings(), store=object()).gateway_url() == "wss://gateway.discord.gg/"


def test_user_errors_are_shown_as_they_are_database_errors_plainly_and_bugs_not() -> None:
    assert describe_error(UserError("no such feed")) == "no such feed"
    assert describe_error(StorageError("cannot reach the database at sqlite:///x.db")) == (
        "Parley cannot use its database right now; try again in a minute."), "the URL is for the operator's log"
    assert describe_error(app_commands.MissingPermissions(["manage_guild"])) == (
        "You need the Manage Server permission to do that.")
    assert describe_error(ValueError("internal detail")) is None
