"""The discord.py client class and `run_bot`, the body of `parley run`.

Why a `commands.Bot` when Parley has only slash commands: it brings extension loading
(`load_extension` with `async def setup(bot)`), which keeps each area of commands in its own
module under `cogs/`. No privileged intents are asked for: slash commands arrive as
interactions, and messages arrive only to answer questions (`bot.chat.conversation`): Discord
sends a bot the content of a message that mentions it, and of a DM, without Message Content.

`DISCORD_API_BASE` and `DISCORD_GATEWAY_URL` redirect the real client (REST, interaction
webhooks and gateway) to a Discord-compatible server; the tests run it against a loopback one.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
import pkgutil
import signal
import socket
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from bot.chat.embeds import error_line
from bot.config import Settings
from bot.errors import UserError
from bot.extract.profile import load_profile
from bot.masking import mask_urls_in
from bot.ops import metrics
from bot.ops.logs import silence_voice_warnings
from storage.errors import StorageError

if TYPE_CHECKING:
    from bot.chat.delivery import DeliveryWorker
    from bot.chat.threads import ThreadWorker
    from bot.feeds.polling import PollOutcome
    from bot.feeds.scheduler import FeedScheduler
    from storage import Store

log = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY = "wss://gateway.discord.gg/"
COGS_PACKAGE = "cogs"


def extension_names(package: str = COGS_PACKAGE) -> list[str]:
    """Every extension in ``package``, found by walking it, so adding a cog is adding a file.

    Modules and sub-packages whose name starts with an underscore are helpers, not extensions.
    """
    module = importlib.import_module(package)
    names = []
    for info in pkgutil.iter_modules(module.__path__, f"{package}."):
        if not info.name.rpartition(".")[2].startswith("_"):
            names.append(info.name)
    return sorted(names)


def configure_endpoints(settings: Settings) -> None:
    """Point discord.py's REST routes (and interaction webhooks, which share them) at ``DISCORD_API_BASE``.

    discord.py keeps the base URL on the `Route` class, so this is process-wide; one process
    runs one bot, which talks to one Discord.
    """
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")


def describe_error(error: BaseException) -> str | None:
    """The one line a user sees for ``error``, or None when it is a bug (logged, answered generically)."""
    if isinstance(error, app_commands.CommandInvokeError | commands.CommandInvokeError):
        error = error.original
    if isinstance(error, StorageError):  # its line names the database: for the operator's log only
        log.warning("a command could not use the database: %s", error)
        return "Parley cannot use its database right now; try again in a minute."
    if isinstance(error, UserError):  # it may quote a feed URL the user gave: never its token
        return mask_urls_in(str(error))
    if isinstance(error, app_commands.MissingPermissions):
        return "You need the Manage Server permission to do that."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server channel, not in direct messages."
    if isinstance(error, app_commands.TransformerError):
        return f"{error.value!r} is not a valid value for this option."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return "This command changed since Discord last saw it; try again in a minute."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You cannot use this command here."
    return None


def count_interaction(interaction: discord.Interaction[Any], result: str) -> None:
    """Count one answered slash command, and its latency from when it reached the tree (metrics)."""
    name = interaction.command.qualified_name if interaction.command else "?"
    metrics.INTERACTIONS.labels(name, result).inc()
    started = interaction.extras.get("parley_started")
    if started is not None:
        metrics.INTERACTION_SECONDS.labels(name).observe(time.perf_counter() - started)


class ParleyTree(app_commands.CommandTree["ParleyBot"]):
    """A command tree whose errors end as one ephemeral line, never as a traceback."""

    async def interaction_check(self, interaction: discord.Interaction[ParleyBot], /) -> bool:
        interaction.extras["parley_started"] = time.perf_counter()  # for the latency metric
        return True

    async def on_error(self, interaction: discord.Interaction[ParleyBot], error: app_commands.AppCommandError) -> None:
        count_interaction(interaction, "error")
        message = describe_error(error)
        if message is None:
            name = interaction.command.qualified_name if interaction.command else "?"
            log.error("command /%s failed", name, exc_info=error)
            message = "Something went wrong on our side; it has been logged."
        await send_ephemeral(interaction, error_line(message))


async def send_ephemeral(interaction: discord.Interaction[Any], message: str) -> None:
    """Tell only the asker ``message``, whether or not the interaction was answered already."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        else:
            await interaction.response.send_message(
                message, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
    except discord.HTTPException:  # the interaction expired or Discord is down: nothing more to say
        log.warning("could not send an error to the user: %s", message)


class ParleyBot(commands.Bot):
    """Parley on Discord: slash commands, the feed scheduler and the outbox delivery worker.

    ``store`` is the storage layer's `Store`; when not given it is opened from ``DATABASE_URL``
    in `setup_hook` (so construction needs no event loop). Tests pass ``scheduler=False`` to poll
    by hand and may pass ``delivery=False`` to drive delivery themselves; ``client_options`` go
    to `discord.Client` (tests shorten ``guild_ready_timeout``).
    """

    def __init__(self, settings: Settings, *, store: Store | None = None, scheduler: bool = True, delivery: bool = True,
                 worker_id: str | None = None, delivery_interval: float = 2.0, **client_options: Any) -> None:
        silence_voice_warnings()  # before discord.Client.__init__, which warns
        intents = discord.Intents.none()
        intents.guilds = True  # guild and channel names for /status and checks; not privileged
        intents.guild_messages = True  # "@Parley what happened in round 5?" (content only when mentioned)
        intents.dm_messages = True  # questions by direct message
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            tree_cls=ParleyTree,
            allowed_mentions=discord.AllowedMentions.none(),  # article text never pings
            **client_options,
        )
        configure_endpoints(settings)
        self.settings = settings
        # the slash commands' choices (sides, sectors) and the answers' words come from it
        self.profile = load_profile(settings.parley_profile)
        self._store = store
        self._owns_store = store is None
        self._want_scheduler = scheduler
        self._want_delivery = delivery
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.delivery_interval = delivery_interval
        self.delivery: DeliveryWorker | None = None
        self.threads: ThreadWorker | None = None  # the thread-per-round worker (`bot.chat.threads`)
        self.scheduler: FeedScheduler | None = None
        self.synced_commands: list[app_commands.AppCommand] = []

    @property
    def store(self) -> Store:
        """The storage layer's `Store`: given to the constructor, or opened in `setup_hook`.

        A property rather than an optional attribute, so that every command and worker (which
        only run after `setup_hook`) gets a `Store`, not a `Store | None` to check each time.
        """
        if self._store is None:
            raise RuntimeError("the bot's store opens in setup_hook: use it once the bot has logged in")
        return self._store

    @store.setter
    def store(self, store: Store) -> None:
        self._store = store

    async def on_message(self, message: discord.Message) -> None:
        """Not a prefix-command bot: questions are answered by the conversation cog's listener, and
        a mention must not be read as a text command ("what" is no command)."""

    # -- start-up ----------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        """Open the store, load every cog, sync the commands, start the background work.

        Runs after login and before the gateway connects, so commands are registered before
        the first interaction can arrive.
        """
        if self._store is None:
            self._store = await open_store(self.settings)
        await self.load_all_extensions()
        from bot.chat.buttons import PERSISTENT_ITEMS

        self.add_dynamic_items(*PERSISTENT_ITEMS)  # buttons of messages posted before a restart work too
        self.synced_commands = await self.sync_commands()
        if self._want_delivery:
            from bot.chat.delivery import DeliveryWorker

            self.delivery = DeliveryWorker(self, self.store, worker_id=self.worker_id, interval=self.delivery_interval,
                                           lease_seconds=self.settings.delivery_lease_seconds)
            self.delivery.start()
            from bot.chat.threads import ThreadWorker

            self.threads = ThreadWorker(self, self.store, worker_id=self.worker_id, interval=self.delivery_interval)
            self.threads.start()
        if self._want_scheduler:
            self.scheduler = await start_scheduler(self.settings, self.store, on_outcome=self.on_poll_outcome)

    async def load_all_extensions(self) -> None:
        for name in extension_names():
            await self.load_extension(name)
            log.debug("loaded extension %s", name)

    async def sync_commands(self) -> list[app_commands.AppCommand]:
        """Register the slash commands: at once in ``DISCORD_GUILD_ID`` when set, globally otherwise.

        Global commands can take a while to show up in clients; a development guild gets them
        immediately, which is what ``DISCORD_GUILD_ID`` is for.
        """
        if self.settings.discord_guild_id:
            guild = discord.Object(id=self.settings.discord_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
        else:
            synced = await self.tree.sync()
        log.info("synced %d commands %s", len(synced),
                 f"to guild {self.settings.discord_guild_id}" if self.settings.discord_guild_id else "globally")
        return synced

    async def connect(self, *, reconnect: bool = True) -> None:
        """Connect to ``DISCORD_GATEWAY_URL``, or to the gateway the REST API names, then run the gateway loop."""
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(await self.gateway_url())
        await super().connect(reconnect=reconnect)

    async def gateway_url(self) -> str:
        if self.settings.discord_gateway_url:
            return self.settings.discord_gateway_url
        if self.settings.discord_api_base.rstrip("/") == DEFAULT_API_BASE:
            return DEFAULT_GATEWAY
        _shards, url, _limit = await self.http.get_bot_gateway()
        return url

    async def on_app_command_completion(self, interaction: discord.Interaction[Any],
                                        command: app_commands.Command[Any, ..., Any] | app_commands.ContextMenu) -> None:
        count_interaction(interaction, "ok")

    def kick_delivery(self) -> None:
        """Deliver now rather than at the next tick (called after a poll wrote to the outbox)."""
        if self.delivery is not None:
            self.delivery.kick()
        if self.threads is not None:
            self.threads.kick()

    async def on_poll_outcome(self, outcome: PollOutcome) -> None:
        """The scheduler's report of one poll: queue a notice if it disabled its feed
        (`bot.answers.notices.after_poll`), then wake the delivery worker for what the poll wrote."""
        from bot.answers.notices import after_poll

        try:
            await after_poll(self.store, outcome)
        finally:
            self.kick_delivery()

    async def close(self) -> None:
        if self.scheduler is not None:
            try:
                await self.scheduler.stop()
            except Exception:  # closing must go on: the delivery worker and the store come next
                log.exception("stopping the feed scheduler failed")
        if self.delivery is not None:
            await self.delivery.stop()
        if self.threads is not None:
            await self.threads.stop()
        await super().close()
        if self._owns_store and self._store is not None:
            await self._store.close()


async def open_store(settings: Settings) -> Store:
    """The storage layer's `Store` for ``DATABASE_URL``, migrated first (as at every start)."""
    from storage import Store
    from storage.migrate import upgrade

    await asyncio.to_thread(upgrade, settings.database_url)
    return Store(settings.database_url)


async def start_scheduler(settings: Settings, store: Store,
                          on_outcome: Callable[[PollOutcome], Awaitable[None]]) -> FeedScheduler:
    """Start the feed scheduler (the polling room's `FeedScheduler`) on the bot's store.

    ``on_outcome`` gets each poll's outcome (`ParleyBot.on_poll_outcome`: a notice when the poll
    disabled its feed, and the delivery worker woken, so a new digest is posted without waiting
    for the worker's next tick).
    """
    from bot.feeds.scheduler import FeedScheduler

    scheduler = FeedScheduler(settings, store=store, on_outcome=on_outcome)
    await scheduler.start()
    return scheduler


async def _main(settings: Settings) -> int:
    bot = ParleyBot(settings)
    loop = asyncio.get_running_loop()
    closing: list[asyncio.Future[None]] = []

    def stop(name: str) -> None:
        """A service manager's stop, or Ctrl-C: stop polling, finish the delivery in flight, close."""
        if not closing:
            log.info("%s: stopping", name)
            closing.append(asyncio.ensure_future(bot.close()))

    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(sig, stop, sig.name)
    async with bot:
        try:
            await bot.start(settings.discord_token or "")
        except discord.LoginFailure:
            raise UserError(
                "Discord refused DISCORD_TOKEN: copy the bot token again from "
                "https://discord.com/developers/applications (Bot → Reset Token)"
            ) from None
        except discord.PrivilegedIntentsRequired:  # not expected: Parley asks for none
            raise UserError("Discord asks for privileged intents, which Parley does not use") from None
        except StorageError as exc:
            raise UserError(str(exc)) from None
        except (aiohttp.ClientError, OSError) as exc:
            raise UserError(f"cannot reach Discord at {settings.discord_api_base}: {exc}") from None
        except discord.HTTPException as exc:  # not Discord's API there: a wrong DISCORD_API_BASE, a proxy's page
            if bot.is_ready():  # refused once running: a real failure of ours, not the address
                raise
            hint = ": is DISCORD_API_BASE right?" if exc.status == 404 else ""
            what = " ".join((exc.text or getattr(exc.response, "reason", "") or "").split())[:200]
            raise UserError(
                f"Discord at {settings.discord_api_base} answered HTTP {exc.status}"
                f"{f' ({what})' if what else ''} while starting{hint}"
            ) from None
        finally:
            if closing:  # the close the signal started must end before the loop does, or it is cut short
                await closing[0]
    return 0


def run_bot(settings: Settings) -> int:
    """Run the bot until SIGTERM or Ctrl-C (exit 0), or a refused token (`UserError`, exit 2).

    Logging is set up by the CLI for every command (`bot.ops.logs`), from LOG_LEVEL and LOG_FORMAT.
    """
    server = None
    if settings.metrics_port:
        try:
            server = metrics.serve(settings.metrics_port, settings.metrics_host)
        except OSError as exc:
            raise UserError(f"cannot serve metrics on {settings.metrics_host}:{settings.metrics_port}: "
                            f"{exc.strerror or exc} (METRICS_PORT)") from None
    try:
        return asyncio.run(_main(settings))
    finally:
        if server is not None:
            server.shutdown()
