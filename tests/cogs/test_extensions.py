"""Every module of `cogs/` is an extension that loads on its own, and no two define the same command."""

from __future__ import annotations

import importlib
from collections import Counter

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.client import ParleyBot, extension_names
from bot.config import Settings

EXPECTED = {"round", "latest", "timeline", "positions", "changes", "tariffs", "why", "subscribe", "unsubscribe",
            "subscriptions", "feed", "status", "replay", "correct", "corrections", "editors"}


def test_extensions_are_found_by_walking_the_package_not_from_a_list() -> None:
    names = extension_names()
    assert names, "cogs/ holds no extension"
    assert all(not n.rpartition(".")[2].startswith("_") for n in names), "helpers (_name) are not extensions"
    for name in names:
        assert callable(getattr(importlib.import_module(name), "setup", None)), f"{name} has no setup(bot)"


async def test_every_extension_loads_and_no_command_names_clash() -> None:
    bot = ParleyBot(Settings(_env_file=None), store=object(), scheduler=False, delivery=False)  # type: ignore[call-arg]
    seen: Counter[str] = Counter()
    for name in extension_names():
        before = {c.name for c in bot.tree.get_commands()}
        try:
            await bot.load_extension(name)
        except commands.ExtensionFailed as exc:  # a clash surfaces here as CommandAlreadyRegistered
            raise AssertionError(f"{name} failed to load: {exc.original!r}") from exc
        added = {c.name for c in bot.tree.get_commands()} - before
        seen.update(added)
    assert not [n for n, k in seen.items() if k > 1]
    assert set(seen) == EXPECTED


async def test_every_command_and_option_has_a_description_within_discords_limits() -> None:
    bot = ParleyBot(Settings(_env_file=None), store=object(), scheduler=False, delivery=False)  # type: ignore[call-arg]
    for name in extension_names():
        await bot.load_extension(name)
    for command in bot.tree.walk_commands():
        assert command.description and command.description != "…", command.qualified_name
        assert len(command.description) <= 100, command.qualified_name
        if isinstance(command, app_commands.Command):
            for param in command.parameters:
                assert param.description and param.description != "…", f"{command.qualified_name} {param.name}"
    payload = [c.to_dict(bot.tree) for c in bot.tree.get_commands()]
    assert all(p["name"].islower() for p in payload)


async def test_management_commands_need_manage_server_by_default() -> None:
    bot = ParleyBot(Settings(_env_file=None), store=object(), scheduler=False, delivery=False)  # type: ignore[call-arg]
    for name in extension_names():
        await bot.load_extension(name)
    by_name = {c.name: c for c in bot.tree.get_commands()}
    for name in ("subscribe", "unsubscribe", "subscriptions", "feed", "replay"):
        assert by_name[name].default_permissions == discord.Permissions(manage_guild=True), name
    for name in ("round", "latest", "status"):
        assert by_name[name].default_permissions is None, name
