"""A small Discord-compatible server on loopback: REST and gateway, enough for the real discord.py client.

Why: the bot must be tested with the real discord.py client (its HTTP rate-limit handling, its
gateway state machine, its command tree), and Discord itself cannot be reached from tests. This
server speaks the subset of the protocol the bot uses, records every REST request so tests can
assert on what the bot really sent, and lets tests script failures (429, 403, 404, 5xx) on any
route. It is deliberately not a Discord emulator: no permissions model, no caches beyond the
messages it was asked to create, so tests stay readable.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API_PREFIX = "/api/v10"
HEARTBEAT_INTERVAL_MS = 41_250
EPHEMERAL = 1 << 6
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3
ALL_PERMISSIONS = (1 << 50) - 1
# gateway intents that decide which MESSAGE_CREATE events a bot receives, and with what content
GUILD_MESSAGES = 1 << 9
DIRECT_MESSAGES = 1 << 12
MESSAGE_CONTENT = 1 << 15  # privileged: without it, content arrives only for mentions and DMs

DISCORD_EPOCH_MS = 1_420_070_400_000
_sequence = itertools.count()
_last_id = 0


def snowflake() -> str:
    """A fresh id, as a string like Discord's: the time of creation in its high bits.

    Time-ordered like Discord's own, so ``GET .../messages?after=<a time's snowflake>`` finds
    what was created since that time (the bot looks for its own earlier attempts that way).
    """
    global _last_id
    stamp = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22 | (next(_sequence) & 0xFFF)
    _last_id = max(stamp, _last_id + 1)
    return str(_last_id)


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00", time.gmtime())


@dataclass
class Recorded:
    """One REST request as the bot sent it."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    status: int = 0


_RECORD = web.RequestKey("record", Recorded) if hasattr(web, "RequestKey") else "record"  # type: ignore[var-annotated]


@dataclass
class ScriptedFailure:
    """An error the server returns instead of handling a matching request, ``times`` times."""

    method: str
    pattern: re.Pattern[str]
    status: int
    body: dict[str, Any]
    times: int
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Reply:
    """What the bot answered to one injected interaction."""

    interaction_id: str
    callback_type: int
    data: dict[str, Any]
    sent_at: float
    answered_at: float

    @property
    def ephemeral(self) -> bool:
        return bool(int(self.data.get("flags") or 0) & EPHEMERAL)

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list(self.data.get("embeds") or [])

    @property
    def content(self) -> str:
        return self.data.get("content") or ""

    @property
    def choices(self) -> list[dict[str, Any]]:
        return list(self.data.get("choices") or [])

    @property
    def text(self) -> str:
        """Everything a user would read: content, embed titles, descriptions and fields."""
        parts = [self.content]
        for embed in self.embeds:
            parts += [embed.get("title", ""), embed.get("description", "")]
            for item in embed.get("fields", []):
                parts += [item.get("name", ""), item.get("value", "")]
            parts.append((embed.get("footer") or {}).get("text", ""))
        return "\n".join(p for p in parts if p)

    @property
    def latency(self) -> float:
        return self.answered_at - self.sent_at


@dataclass
class _Pending:
    sent_at: float
    future: asyncio.Future[Reply]
    callback_type: int | None = None


class _Session:
    """One gateway connection, identified and ready to receive dispatches."""

    def __init__(self, ws: web.WebSocketResponse, session_id: str) -> None:
        self.ws = ws
        self.session_id = session_id
        self.seq = 0
        self.ready = asyncio.Event()

    async def dispatch(self, event: str, data: Any) -> None:
        self.seq += 1
        await self.ws.send_str(json.dumps({"op": 0, "t": event, "s": self.seq, "d": data}))


class FakeDiscord:
    """A loopback Discord: ``async with FakeDiscord() as discord:`` then point the bot at ``api_base``.

    One application with one bot user, one guild with text channels (more with :meth:`add_guild`,
    before the bot connects). Tests inject interactions
    with :meth:`interact`, read posted messages from :attr:`messages`, script failures with
    :meth:`fail`, and inspect every request in :attr:`requests`.

    Two modes make it less helpful than Discord, to test that the bot does not lean on it:
    ``honour_nonces=False`` ignores ``nonce``/``enforce_nonce`` (every POST makes a new message),
    and ``post_delay`` seconds makes every message POST slow: the message is created half-way
    through the delay and answered at its end, so a bot killed during a post may leave a message
    it never heard of, possibly created after it died. Neither mode is cancelled by the client
    going away, as Discord finishes a request it has received.
    """

    def __init__(self, *, channels: Iterable[str] = ("general", "alerts", "news"), token: str = "fake-token",
                 honour_nonces: bool = True, post_delay: float = 0.0) -> None:
        self.token = token
        self.honour_nonces = honour_nonces
        self.post_delay = post_delay
        self.application_id = snowflake()
        self.bot_user = {
            "id": self.application_id, "username": "Parley", "discriminator": "0", "global_name": None,
            "avatar": None, "bot": True, "flags": 0,
        }
        self.owner_user = {"id": snowflake(), "username": "owner", "discriminator": "0", "avatar": None}
        self.guild_id = snowflake()
        self.channels: dict[str, dict[str, Any]] = {}
        for name in channels:
            cid = snowflake()
            self.channels[cid] = {"id": cid, "type": 0, "name": name, "guild_id": self.guild_id, "position": 0,
                                  "permission_overwrites": [], "nsfw": False, "parent_id": None}
        self.guild_names: dict[str, str] = {self.guild_id: "Negotiation desk"}
        self.roles: dict[str, dict[str, Any]] = {
            self.guild_id: {"id": self.guild_id, "name": "@everyone", "permissions": "0", "position": 0, "color": 0,
                            "hoist": False, "managed": False, "mentionable": False, "flags": 0},
        }
        self.requests: list[Recorded] = []
        self.messages: dict[str, dict[str, dict[str, Any]]] = {}  # channel id -> message id -> message
        self.member_user = {"id": snowflake(), "username": "asker", "discriminator": "0", "avatar": None,
                            "global_name": "Asker", "bot": False}
        self.dm_channels: dict[str, dict[str, Any]] = {}  # DM channel id -> channel (with one recipient)
        self.reactions: list[tuple[str, str, str]] = []  # (channel id, message id, emoji) the bot added
        self.intents: int | None = None  # what the last IDENTIFY asked for
        self.dispatched: list[tuple[str, dict[str, Any]]] = []  # MESSAGE_CREATEs sent to a bot
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or guild id -> synced commands
        self.commands_synced = asyncio.Event()
        self.identified = asyncio.Event()
        self.resumed = asyncio.Event()
        self.sessions: list[_Session] = []
        self.failures: list[ScriptedFailure] = []
        self._pending: dict[str, _Pending] = {}  # interaction token -> waiting test
        self._originals: dict[str, dict[str, Any]] = {}  # interaction token -> its response message
        self._runner: web.AppRunner | None = None
        self._gateway_connections: set[web.WebSocketResponse] = set()
        self._nonces: dict[tuple[str, str], str] = {}
        self._stalls: list[tuple[str, re.Pattern[str], asyncio.Event]] = []
        self._held: list[asyncio.Event] = []
        self._posted = asyncio.Event()
        self.stalled = asyncio.Event()
        self.port = 0
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for release in self._held:
            release.set()
        for ws in list(self._gateway_connections):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        """The value for ``DISCORD_API_BASE``."""
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """The value for ``DISCORD_GATEWAY_URL``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def channel_ids(self) -> list[str]:
        """The first guild's channels (the default place of interactions and messages)."""
        return [cid for cid, ch in self.channels.items() if ch.get("guild_id") == self.guild_id]

    def add_guild(self, name: str, channels: Iterable[str]) -> str:
        """Another server the bot is in, with its own text channels (names unique across guilds);
        call before the bot connects. Returns its id. An interaction in one of its channels comes
        from that guild."""
        guild_id = snowflake()
        self.guild_names[guild_id] = name
        for channel in channels:
            cid = snowflake()
            self.channels[cid] = {"id": cid, "type": 0, "name": channel, "guild_id": guild_id, "position": 0,
                                  "permission_overwrites": [], "nsfw": False, "parent_id": None}
        self.roles[guild_id] = {"id": guild_id, "name": "@everyone", "permissions": "0", "position": 0, "color": 0,
                                "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        return guild_id

    def guild_of(self, channel_id: str) -> str:
        return str(self.channels.get(channel_id, {}).get("guild_id") or self.guild_id)

    def channel_id(self, name: str) -> str:
        return next(cid for cid, ch in self.channels.items() if ch["name"] == name)

    # -- what tests script and read ------------------------------------------------------------

    def fail(self, method: str, path_regex: str, status: int, *, times: int = 1, retry_after: float = 0.01,
             code: int | None = None, message: str | None = None) -> None:
        """Answer the next ``times`` requests matching ``method`` and ``path_regex`` with an error.

        The bodies and headers are Discord's: 429 carries ``retry_after`` and a ``Via`` header (the
        library treats a 429 without one as Cloudflare's and gives up); 403 is Missing Access
        (50001), 404 Unknown Channel (10003).
        """
        defaults = {429: (0, "You are being rate limited."), 403: (50001, "Missing Access"),
                    404: (10003, "Unknown Channel")}
        dcode, dmsg = defaults.get(status, (0, "Internal Server Error"))
        body: dict[str, Any] = {"code": dcode if code is None else code, "message": message or dmsg}
        headers: dict[str, str] = {}
        if status == 429:
            body.update(retry_after=retry_after, code=0, **{"global": False})
            headers = {"Via": "1.1 google", "Retry-After": str(retry_after), "X-RateLimit-Scope": "user"}
        self.failures.append(ScriptedFailure(method.upper(), re.compile(path_regex), status, body, times, headers))

    def stall(self, method: str, path_regex: str) -> asyncio.Event:
        """Carry out the next matching request but hold its response until the returned event is set.

        This is how a test crashes a bot "in the middle" of a delivery: Discord created the
        message, the bot never heard back. :attr:`stalled` is set when the request arrived.
        """
        release = asyncio.Event()
        self._stalls.append((method.upper(), re.compile(path_regex), release))
        return release

    def posted(self, channel_id: str) -> list[dict[str, Any]]:
        """Messages currently in a channel (as last edited), oldest first."""
        return list(self.messages.get(str(channel_id), {}).values())

    async def wait_for_posts(self, channel_id: str, count: int, wait: float = 10) -> list[dict[str, Any]]:
        """Wait until ``channel_id`` holds at least ``count`` messages (posted by a background worker)."""
        async def _enough() -> None:
            while len(self.posted(channel_id)) < count:
                self._posted.clear()
                await self._posted.wait()

        await asyncio.wait_for(_enough(), wait)
        return self.posted(channel_id)

    def requests_to(self, method: str, path_regex: str) -> list[Recorded]:
        rx = re.compile(path_regex)
        return [r for r in self.requests if r.method == method.upper() and rx.search(r.path)]

    async def wait_ready(self, wait: float = 10) -> None:
        """Wait until some bot has identified and received READY and GUILD_CREATE."""
        await asyncio.wait_for(self.identified.wait(), wait)

    async def disconnect_gateways(self, code: int = 4000) -> None:
        """Close every gateway connection (a resumable code by default), as Discord does now and then."""
        for ws in list(self._gateway_connections):
            await ws.close(code=code)

    def interaction_payload(self, name: str, options: list[dict[str, Any]] | None = None, *,
                            channel: str | None = None, permissions: int = ALL_PERMISSIONS,
                            itype: int = 2, subcommand: list[str] | None = None,
                            token: str | None = None, roles: Iterable[str] = ()) -> dict[str, Any]:
        """An INTERACTION_CREATE payload as Discord sends it for a slash command (or autocomplete: itype 4).

        ``subcommand`` nests the options under a (group and) subcommand, e.g. ``["add"]`` for
        ``/feed add``. ``permissions`` is the member's resolved permission bitfield, ``roles`` the
        ids of the member's roles. A role option (type 8) comes with the role in ``resolved``.
        """
        channel_id = channel or self.channel_ids[0]
        opts = options or []
        for sub in reversed(subcommand or []):
            opts = [{"type": 1, "name": sub, "options": opts}]
        command = next((c for cmds in self.commands.values() for c in cmds if c["name"] == name), None)
        user = {"id": self.owner_user["id"], "username": "asker", "discriminator": "0", "avatar": None,
                "global_name": "Asker"}
        guild_id = self.guild_of(channel_id)
        data: dict[str, Any] = {"id": (command or {}).get("id", snowflake()), "name": name, "type": 1, "options": opts}
        role_options = [o["value"] for o in (options or []) if o.get("type") == 8]
        if role_options:
            data["resolved"] = {"roles": {str(r): self.roles[str(r)] for r in role_options}}
        return {
            "id": snowflake(), "application_id": self.application_id, "type": itype, "token": token or snowflake(),
            "version": 1, "guild_id": guild_id, "channel_id": channel_id,
            "channel": dict(self.channels.get(channel_id, {"id": channel_id, "type": 0, "name": "x"})),
            "data": data,
            "member": {"user": user, "roles": [str(r) for r in roles], "permissions": str(permissions),
                       "joined_at": _now_iso(),
                       "deaf": False, "mute": False, "flags": 0, "nick": None, "avatar": None},
            "app_permissions": str(ALL_PERMISSIONS), "locale": "en-US", "guild_locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {"0": guild_id}, "context": 0,
            "attachment_size_limit": 10_485_760,
        }

    async def interact(self, name: str, options: list[dict[str, Any]] | None = None, *, wait: float = 10,
                       session: int = 0, **kwargs: Any) -> Reply:
        """Send an INTERACTION_CREATE to a bot and wait for its answer.

        Returns when the bot answered with a message (callback type 4), autocomplete choices
        (type 8), or — after a deferral (type 5) — when it edited the original response or sent a
        follow-up.
        """
        payload = self.interaction_payload(name, options, **kwargs)
        return await self.send_interaction(payload, wait=wait, session=session)

    # -- message components and modals (buttons, forms) ---------------------------------------

    @staticmethod
    def buttons_of(message: dict[str, Any]) -> dict[str, str]:
        """A message's buttons, label → custom_id."""
        return {c["label"]: c["custom_id"] for row in message.get("components") or []
                for c in row.get("components") or [] if c.get("type") == 2 and "custom_id" in c}

    async def click(self, message: dict[str, Any], custom_id: str, *, wait: float = 10, **kwargs: Any) -> Reply:
        """A member clicks a button of ``message`` (INTERACTION_CREATE type 3, component type 2); the
        bot's answer: a message (callback 4) or a modal (callback 9, its form in ``data``)."""
        payload = self.interaction_payload("", channel=message["channel_id"], **kwargs)
        payload["type"] = 3
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        payload["message"] = message
        return await self.send_interaction(payload, wait=wait)

    async def submit(self, form: Reply, values: dict[str, str], *, wait: float = 10, **kwargs: Any) -> Reply:
        """A member submits the modal ``form`` (a callback-9 reply) with ``values`` by input label
        (INTERACTION_CREATE type 5); inputs not named are sent with their default."""
        rows = []
        for row in form.data.get("components") or []:
            inputs = row.get("components") or ([row["component"]] if "component" in row else [])
            sent = [{"type": 4, "custom_id": i["custom_id"], "value": values.get(i.get("label", ""), i.get("value", ""))}
                    for i in inputs if i.get("type") == 4]
            rows.append({"type": 1, "components": sent})
        payload = self.interaction_payload("", **kwargs)
        payload["type"] = 5
        payload["data"] = {"custom_id": form.data["custom_id"], "components": rows}
        return await self.send_interaction(payload, wait=wait)

    async def send_interaction(self, payload: dict[str, Any], *, wait: float = 10, session: int = 0) -> Reply:
        """Dispatch a prepared interaction payload and wait for the bot's answer."""
        loop = asyncio.get_running_loop()
        pending = _Pending(sent_at=time.perf_counter(), future=loop.create_future())
        self._pending[payload["token"]] = pending
        await (await self._live_session(session, wait)).dispatch("INTERACTION_CREATE", payload)
        try:
            return await asyncio.wait_for(pending.future, wait)
        finally:
            self._pending.pop(payload["token"], None)

    # -- messages from people (MESSAGE_CREATE) -------------------------------------------------

    def dm_channel(self, user: dict[str, Any] | None = None) -> str:
        """The id of a direct-message channel between ``user`` (the member by default) and the bot."""
        user = user or self.member_user
        for cid, ch in self.dm_channels.items():
            if ch["recipients"][0]["id"] == user["id"]:
                return cid
        cid = snowflake()
        self.dm_channels[cid] = {"id": cid, "type": 1, "recipients": [user], "last_message_id": None}
        return cid

    def user(self, name: str) -> dict[str, Any]:
        """Another (human) member of the guild, for tests with more than one asker."""
        return {"id": snowflake(), "username": name, "discriminator": "0", "avatar": None, "global_name": name,
                "bot": False}

    async def say(self, content: str, *, channel: str | None = None, mention: bool = False, dm: bool = False,
                  author: dict[str, Any] | None = None, reply_to: dict[str, Any] | None = None,
                  session: int = 0) -> dict[str, Any]:
        """A person posts ``content``: in a guild channel (the first by default), a thread, or a DM.

        ``mention`` prefixes the bot's mention, as a client does when someone types @Parley.
        Discord's rules for bots are kept: the event goes out only under the GUILD_MESSAGES /
        DIRECT_MESSAGES intent, and without MESSAGE_CONTENT a guild message that does not
        mention the bot arrives with empty content. Returns the message as stored.
        """
        author = author or self.member_user
        if mention:
            content = f"<@{self.application_id}> {content}"
        channel_id = self.dm_channel(author) if dm else (channel or self.channel_ids[0])
        msg: dict[str, Any] = {
            "id": snowflake(), "channel_id": channel_id, "author": author, "content": content,
            "timestamp": _now_iso(), "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": [self.bot_user] if mention else [], "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 19 if reply_to else 0, "flags": 0, "components": [],
        }
        if reply_to is not None:
            msg["message_reference"] = {"message_id": reply_to["id"], "channel_id": reply_to["channel_id"],
                                        "guild_id": None if dm else self.guild_id, "type": 0}
            msg["referenced_message"] = reply_to
            if reply_to["author"]["id"] == self.bot_user["id"] and self.bot_user not in msg["mentions"]:
                msg["mentions"].append(self.bot_user)  # a reply to the bot pings it, as in a client
        if not dm:
            msg["guild_id"] = self.guild_id
            msg["member"] = {"roles": [], "joined_at": _now_iso(), "deaf": False, "mute": False, "flags": 0,
                             "nick": None, "avatar": None}
        self.messages.setdefault(channel_id, {})[msg["id"]] = msg
        intents = self.intents or 0
        if intents & (DIRECT_MESSAGES if dm else GUILD_MESSAGES):
            sent = dict(msg)
            mentioned = any(u["id"] == self.bot_user["id"] for u in msg["mentions"])
            if not dm and not mentioned and not intents & MESSAGE_CONTENT:
                sent["content"] = ""
            self.dispatched.append(("MESSAGE_CREATE", sent))
            await (await self._live_session(session)).dispatch("MESSAGE_CREATE", sent)
        return msg

    def thread_payload(self, parent_id: str, name: str, *, owner_id: str | None = None,
                       thread_id: str | None = None) -> dict[str, Any]:
        tid = thread_id or snowflake()
        return {"id": tid, "type": 11, "guild_id": self.guild_id, "parent_id": parent_id, "name": name,
                "owner_id": owner_id or self.bot_user["id"], "last_message_id": None, "rate_limit_per_user": 0,
                "message_count": 0, "member_count": 1, "flags": 0, "total_message_sent": 0,
                "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "locked": False,
                                    "archive_timestamp": _now_iso(), "create_timestamp": _now_iso()}}

    async def add_thread(self, parent_id: str, name: str, *, owner_id: str | None = None) -> str:
        """A public thread in ``parent_id`` (started by the bot unless ``owner_id`` says who), announced
        to the connected bots with THREAD_CREATE. Returns its id."""
        thread = self.thread_payload(parent_id, name, owner_id=owner_id)
        self.channels[thread["id"]] = thread
        await self._dispatch_all("THREAD_CREATE", {**thread, "newly_created": True})
        return str(thread["id"])

    async def add_role(self, name: str, *, permissions: int = 0) -> str:
        """A role of the guild, announced to the connected bots (GUILD_ROLE_CREATE). Returns its id."""
        rid = snowflake()
        self.roles[rid] = {"id": rid, "name": name, "permissions": str(permissions), "position": len(self.roles),
                           "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        await self._dispatch_all("GUILD_ROLE_CREATE", {"guild_id": self.guild_id, "role": self.roles[rid]})
        return rid

    async def _live_session(self, index: int, wait: float = 10) -> _Session:
        """The ``index``-th gateway session that is ready, waiting for one while the bot reconnects
        or resumes (on a loaded machine a heartbeat can be late and the bot reconnect): Discord
        delivers an event once the session is back, it does not drop it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            live = [s for s in self.sessions if s.ready.is_set() and not s.ws.closed]
            if len(live) > index:
                return live[index]
            if loop.time() >= deadline:
                raise AssertionError(f"no ready gateway session {index} within {wait} s ({len(live)} ready)")
            await asyncio.sleep(0.05)

    async def _dispatch_all(self, event: str, data: dict[str, Any]) -> None:
        for session in [s for s in self.sessions if s.ready.is_set() and not s.ws.closed]:
            await session.dispatch(event, data)

    def replies_to(self, message: dict[str, Any]) -> list[dict[str, Any]]:
        """The bot's messages that reply to ``message``, oldest first."""
        return [m for m in self.posted(message["channel_id"])
                if (m.get("message_reference") or {}).get("message_id") == message["id"]]

    def reactions_on(self, message: dict[str, Any]) -> list[str]:
        return [emoji for cid, mid, emoji in self.reactions if mid == message["id"]]

    async def wait_for_reply(self, message: dict[str, Any], wait: float = 10) -> dict[str, Any] | str:
        """Wait until the bot replies to ``message`` (the reply) or reacts to it (the emoji)."""
        async def _answered() -> dict[str, Any] | str:
            while True:
                replies = self.replies_to(message)
                if replies:
                    return replies[0]
                reactions = self.reactions_on(message)
                if reactions:
                    return reactions[0]
                self._posted.clear()
                await self._posted.wait()

        return await asyncio.wait_for(_answered(), wait)

    # -- REST -------------------------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX):
            return await handler(request)
        path = request.path[len(API_PREFIX):]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw or b"null")
            elif request.content_type.startswith("multipart/"):
                body = _payload_json_from_multipart(raw)
        record = Recorded(request.method, path, dict(request.query), body)
        self.requests.append(record)
        request[_RECORD] = record
        token_free = path.startswith(("/interactions/", "/webhooks/"))  # the interaction token authenticates
        if not token_free and request.headers.get("Authorization") != f"Bot {self.token}":
            record.status = 401
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        for failure in self.failures:
            if failure.times > 0 and failure.method == request.method and failure.pattern.search(path):
                failure.times -= 1
                record.status = failure.status
                return _json(failure.body, status=failure.status, headers=failure.headers)
        response = await handler(request)
        record.status = response.status
        for stall in list(self._stalls):
            if stall[0] == request.method and stall[1].search(path):
                self._stalls.remove(stall)
                self._held.append(stall[2])
                self.stalled.set()
                await stall[2].wait()  # the work is done, the answer never arrives (until released)
        return response

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body = request[_RECORD].body
        method = request.method
        for rx, meth, func in self._routes():
            m = rx.fullmatch(path)
            if m and meth == method:
                return await func(request, body, *m.groups())
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    def _routes(self) -> list[tuple[re.Pattern[str], str, Any]]:
        r = re.compile
        return [
            (r(r"/users/@me"), "GET", self._get_me),
            (r(r"/oauth2/applications/@me"), "GET", self._get_application),
            (r(r"/gateway/bot"), "GET", self._get_gateway_bot),
            (r(r"/gateway"), "GET", self._get_gateway_bot),
            (r(r"/applications/(\d+)/commands"), "PUT", self._put_global_commands),
            (r(r"/applications/(\d+)/commands"), "GET", self._get_global_commands),
            (r(r"/applications/(\d+)/guilds/(\d+)/commands"), "PUT", self._put_guild_commands),
            (r(r"/applications/(\d+)/guilds/(\d+)/commands"), "GET", self._get_guild_commands),
            (r(r"/interactions/(\d+)/([^/]+)/callback"), "POST", self._callback),
            (r(r"/webhooks/(\d+)/([^/]+)"), "POST", self._followup),
            (r(r"/webhooks/(\d+)/([^/]+)/messages/@original"), "PATCH", self._edit_original),
            (r(r"/webhooks/(\d+)/([^/]+)/messages/@original"), "GET", self._get_original),
            (r(r"/channels/(\d+)/messages"), "POST", self._post_message),
            (r(r"/channels/(\d+)/messages"), "GET", self._list_messages),
            (r(r"/channels/(\d+)/messages/(\d+)/reactions/([^/]+)/@me"), "PUT", self._add_reaction),
            (r(r"/channels/(\d+)/messages/(\d+)/threads"), "POST", self._thread_from_message),
            (r(r"/channels/(\d+)/threads"), "POST", self._thread_without_message),
            (r(r"/channels/(\d+)"), "PATCH", self._edit_channel),
            (r(r"/channels/(\d+)/messages/(\d+)"), "PATCH", self._edit_message),
            (r(r"/channels/(\d+)/messages/(\d+)"), "GET", self._get_message),
            (r(r"/channels/(\d+)"), "GET", self._get_channel),
        ]

    async def _get_me(self, request: web.Request, body: Any) -> web.Response:
        if request.headers.get("Authorization") != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        return _json(self.bot_user)

    async def _get_application(self, request: web.Request, body: Any) -> web.Response:
        return _json({
            "id": self.application_id, "name": "Parley", "description": "", "icon": None, "bot_public": True,
            "bot_require_code_grant": False, "owner": self.owner_user, "verify_key": "0" * 64, "flags": 0,
            "summary": "", "team": None, "interactions_endpoint_url": None,
        })

    async def _get_gateway_bot(self, request: web.Request, body: Any) -> web.Response:
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})

    def _command_records(self, commands: list[dict[str, Any]], guild_id: str | None) -> list[dict[str, Any]]:
        out = []
        for cmd in commands:
            rec = {"id": snowflake(), "application_id": self.application_id, "version": snowflake(),
                   "type": 1, "options": [], "default_member_permissions": None, **cmd}
            if guild_id:
                rec["guild_id"] = guild_id
            out.append(rec)
        return out

    async def _put_global_commands(self, request: web.Request, body: Any, app_id: str) -> web.Response:
        self.commands["global"] = self._command_records(body or [], None)
        self.commands_synced.set()
        return _json(self.commands["global"])

    async def _get_global_commands(self, request: web.Request, body: Any, app_id: str) -> web.Response:
        return _json(self.commands.get("global", []))

    async def _put_guild_commands(self, request: web.Request, body: Any, app_id: str, guild_id: str) -> web.Response:
        self.commands[guild_id] = self._command_records(body or [], guild_id)
        self.commands_synced.set()
        return _json(self.commands[guild_id])

    async def _get_guild_commands(self, request: web.Request, body: Any, app_id: str, guild_id: str) -> web.Response:
        return _json(self.commands.get(guild_id, []))

    def _resolve(self, token: str, callback_type: int, data: dict[str, Any]) -> None:
        pending = self._pending.get(token)
        if pending is not None and not pending.future.done():
            pending.future.set_result(Reply(token, callback_type, data, pending.sent_at, time.perf_counter()))

    async def _callback(self, request: web.Request, body: Any, interaction_id: str, token: str) -> web.Response:
        ctype = int(body.get("type", 0))
        data = body.get("data") or {}
        pending = self._pending.get(token)
        if pending is not None:
            pending.callback_type = ctype
        message_id = None
        if ctype in (4, 8, 9):  # a message, autocomplete choices, a modal
            self._resolve(token, ctype, data)
        if ctype in (4, 5):
            message_id = snowflake()
            channel_id = self.channel_ids[0]
            self._originals[token] = self._message(channel_id, data, message_id=message_id)
        resource: dict[str, Any] = {"type": ctype}
        if message_id:
            resource["message"] = self._originals[token]
        return _json({
            "interaction": {"id": interaction_id, "type": 2, "response_message_id": message_id,
                            "response_message_loading": ctype == 5,
                            "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL)},
            "resource": resource,
        })

    async def _followup(self, request: web.Request, body: Any, app_id: str, token: str) -> web.Response:
        msg = self._message(self.channel_ids[0], body or {})
        self._resolve(token, 4, body or {})
        return _json(msg)

    async def _edit_original(self, request: web.Request, body: Any, app_id: str, token: str) -> web.Response:
        original = self._originals.get(token) or self._message(self.channel_ids[0], {})
        original.update({k: v for k, v in (body or {}).items() if k != "allowed_mentions"})
        self._originals[token] = original
        self._resolve(token, 4, original)
        return _json(original)

    async def _get_original(self, request: web.Request, body: Any, app_id: str, token: str) -> web.Response:
        if token not in self._originals:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        return _json(self._originals[token])

    def _message(self, channel_id: str, body: dict[str, Any], *, message_id: str | None = None) -> dict[str, Any]:
        return {
            "id": message_id or snowflake(), "channel_id": channel_id, "guild_id": self.guild_of(channel_id),
            "author": self.bot_user, "content": body.get("content") or "", "timestamp": _now_iso(),
            "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
            "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [], "pinned": False,
            "type": 0, "flags": int(body.get("flags") or 0), "components": body.get("components") or [],
            "allowed_mentions": body.get("allowed_mentions"),
        }

    async def _post_message(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        if channel_id not in self.channels and channel_id not in self.dm_channels:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        if (self.channels.get(channel_id, {}).get("thread_metadata") or {}).get("archived"):
            return _json({"message": "Thread is archived", "code": 50083}, status=400)
        if not self.post_delay:
            return self._create_message(channel_id, body or {})
        # shielded: a client that hangs up (a killed bot) does not stop the message being made
        return await asyncio.shield(self._slow_post(channel_id, body or {}))

    async def _slow_post(self, channel_id: str, body: dict[str, Any]) -> web.Response:
        await asyncio.sleep(self.post_delay / 2)
        response = self._create_message(channel_id, body)
        await asyncio.sleep(self.post_delay / 2)
        return response

    def _create_message(self, channel_id: str, body: dict[str, Any]) -> web.Response:
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce") and self.honour_nonces:
            # Discord returns the message already made with this nonce
            existing = self._nonces.get((channel_id, str(nonce)))
            if existing is not None and existing in self.messages.get(channel_id, {}):
                return _json(self.messages[channel_id][existing])
        msg = self._message(channel_id, body)
        msg["nonce"] = nonce
        reference = body.get("message_reference")
        if reference:
            referenced = self.messages.get(channel_id, {}).get(str(reference.get("message_id")))
            if referenced is None and reference.get("fail_if_not_exists", True):
                return _json({"message": "Invalid Form Body", "code": 50035}, status=400)
            msg["message_reference"] = {**reference, "message_id": str(reference.get("message_id"))}
            msg["referenced_message"] = referenced
            msg["type"] = 19
        if channel_id in self.dm_channels:
            msg["guild_id"] = None
        self.messages.setdefault(channel_id, {})[msg["id"]] = msg
        if nonce:
            self._nonces[(channel_id, str(nonce))] = msg["id"]
        self._posted.set()
        return _json(msg)

    async def _list_messages(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        """A page of a channel's messages, newest first, as Discord gives it: ``limit`` (1-100,
        default 50) of those ``before`` an id, or the oldest ones ``after`` an id."""
        if channel_id not in self.channels:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        try:
            limit = min(max(int(request.query.get("limit", 50)), 1), 100)
            after, before = (int(request.query[k]) if k in request.query else None for k in ("after", "before"))
        except ValueError:
            return _json({"message": "Invalid Form Body", "code": 50035}, status=400)
        oldest_first = sorted(self.messages.get(channel_id, {}).values(), key=lambda m: int(m["id"]))
        if after is not None:
            page = [m for m in oldest_first if int(m["id"]) > after][:limit]
        else:
            page = [m for m in oldest_first if before is None or int(m["id"]) < before][-limit:]
        # Discord gives a message's nonce only to its sender, never in a listing
        return _json([{k: v for k, v in m.items() if k != "nonce"} for m in reversed(page)])
    # -- threads ----------------------------------------------------------------------------------

    def threads(self, parent_id: str | None = None) -> list[dict[str, Any]]:
        """Threads that exist now (deleted ones are gone), in a channel or everywhere."""
        return [c for c in self.channels.values() if c.get("type") == 11
                and (parent_id is None or c.get("parent_id") == parent_id)]

    async def archive_thread(self, thread_id: str) -> None:
        """Archive a thread, as Discord does after its auto-archive time."""
        self.channels[thread_id]["thread_metadata"]["archived"] = True
        await self._dispatch_all("THREAD_UPDATE", self.channels[thread_id])

    async def delete_thread(self, thread_id: str) -> None:
        """Delete a thread, as a moderator may."""
        thread = self.channels.pop(thread_id)
        self.messages.pop(thread_id, None)
        await self._dispatch_all("THREAD_DELETE", {"id": thread_id, "guild_id": self.guild_id,
                                                   "parent_id": thread["parent_id"], "type": 11})

    async def _thread_from_message(self, request: web.Request, body: Any, channel_id: str,
                                   message_id: str) -> web.Response:
        msg = self.messages.get(channel_id, {}).get(message_id)
        if msg is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        if msg.get("thread_started"):
            return _json({"message": "A thread has already been created for this message", "code": 160004},
                         status=400)
        thread = self.thread_payload(channel_id, (body or {}).get("name") or "thread", thread_id=message_id)
        msg["thread_started"] = True
        self.channels[message_id] = thread
        await self._dispatch_all("THREAD_CREATE", {**thread, "newly_created": True})
        return _json(thread, status=201)

    async def _thread_without_message(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        if channel_id not in self.channels:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        thread = self.thread_payload(channel_id, (body or {}).get("name") or "thread")
        self.channels[thread["id"]] = thread
        await self._dispatch_all("THREAD_CREATE", {**thread, "newly_created": True})
        return _json(thread, status=201)

    async def _edit_channel(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        channel = self.channels.get(channel_id)
        if channel is None:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        body = body or {}
        if "name" in body:
            channel["name"] = body["name"]
        if "archived" in body and "thread_metadata" in channel:
            channel["thread_metadata"]["archived"] = bool(body["archived"])
        await self._dispatch_all("THREAD_UPDATE" if channel.get("type") == 11 else "CHANNEL_UPDATE", channel)
        return _json(channel)

    async def _add_reaction(self, request: web.Request, body: Any, channel_id: str, message_id: str,
                            emoji: str) -> web.Response:
        from urllib.parse import unquote

        if message_id not in self.messages.get(channel_id, {}):
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        self.reactions.append((channel_id, message_id, unquote(emoji)))
        self._posted.set()
        return web.Response(status=204)

    async def _edit_message(self, request: web.Request, body: Any, channel_id: str, message_id: str) -> web.Response:
        msg = self.messages.get(channel_id, {}).get(message_id)
        if msg is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        for key in ("content", "embeds", "allowed_mentions", "flags", "components"):
            if body and key in body:
                msg[key] = body[key]
        msg["edited_timestamp"] = _now_iso()
        return _json(msg)

    async def _get_message(self, request: web.Request, body: Any, channel_id: str, message_id: str) -> web.Response:
        msg = self.messages.get(channel_id, {}).get(message_id)
        if msg is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        return _json(msg)

    async def _get_channel(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        if channel_id not in self.channels:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        return _json(self.channels[channel_id])

    # -- gateway ----------------------------------------------------------------------------------

    def _guild_payload(self, guild_id: str | None = None) -> dict[str, Any]:
        guild_id = guild_id or self.guild_id
        return {
            "id": guild_id, "name": self.guild_names[guild_id], "unavailable": False, "member_count": 2,
            "owner_id": self.owner_user["id"], "large": False, "features": [], "emojis": [], "stickers": [],
            "roles": [r for rid, r in self.roles.items()  # roles a test makes are the first guild's
                      if rid == guild_id or (guild_id == self.guild_id and rid not in self.guild_names)],
            "channels": [c for c in self.channels.values() if c.get("guild_id") == guild_id], "threads": [],
            "members": [], "voice_states": [], "presences": [], "stage_instances": [],
            "guild_scheduled_events": [], "soundboard_sounds": [], "icon": None, "splash": None,
            "discovery_splash": None, "banner": None, "description": None, "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0,
            "premium_tier": 0, "premium_subscription_count": 0, "preferred_locale": "en-US",
            "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None,
            "public_updates_channel_id": None, "afk_channel_id": None, "afk_timeout": 300,
            "max_members": 100, "vanity_url_code": None, "application_id": None, "joined_at": _now_iso(),
            "lazy": True,
        }

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        self._gateway_connections.add(ws)
        session: _Session | None = None
        try:
            await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}}))
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                op, data = frame.get("op"), frame.get("d")
                if op == 1:  # HEARTBEAT
                    self.heartbeats += 1
                    await ws.send_str(json.dumps({"op": 11}))
                elif op == 2:  # IDENTIFY
                    if data.get("token") != self.token:
                        await ws.close(code=4004, message=b"Authentication failed.")
                        break
                    self.identifies += 1
                    self.intents = int(data.get("intents") or 0)
                    session = _Session(ws, snowflake())
                    self.sessions.append(session)
                    await session.dispatch("READY", {
                        "v": 10, "user": self.bot_user, "session_id": session.session_id,
                        "resume_gateway_url": self.gateway_url, "shard": [0, 1],
                        "guilds": [{"id": gid, "unavailable": True} for gid in self.guild_names],
                        "application": {"id": self.application_id, "flags": 0},
                        "private_channels": [], "relationships": [], "presences": [],
                    })
                    for gid in self.guild_names:
                        await session.dispatch("GUILD_CREATE", self._guild_payload(gid))
                    session.ready.set()
                    self.identified.set()
                elif op == 6:  # RESUME
                    self.resumes += 1
                    self.resumed.set()
                    old = next((s for s in self.sessions if s.session_id == data.get("session_id")), None)
                    session = _Session(ws, data.get("session_id") or snowflake())
                    session.seq = old.seq if old else int(data.get("seq") or 0)
                    self.sessions.append(session)
                    await session.dispatch("RESUMED", {})
                    session.ready.set()
        finally:
            self._gateway_connections.discard(ws)
            if session is not None:
                session.ready.clear()
        return ws


def _payload_json_from_multipart(raw: bytes) -> Any:
    """The ``payload_json`` part of a multipart body (discord.py sends one when files are attached)."""
    match = re.search(rb'name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n(.*?)\r\n--', raw, re.S)
    return json.loads(match.group(1)) if match else None


def _json(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response with exactly ``Content-Type: application/json``, as Discord sends it.

    discord.py compares the header verbatim; aiohttp's own json_response appends a charset,
    which the library would then read as text.
    """
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={**(headers or {}), "Content-Type": "application/json"})
