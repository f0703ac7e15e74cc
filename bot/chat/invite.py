"""The OAuth2 URL that invites Parley to a server, with exactly the permissions Parley uses.

Why computed: a hand-written number drifts from the code (the docs once offered 149504, which
lacks View Channels, so the bot met Missing Access and its subscriptions were disabled). Each
permission below is listed with the reason Parley needs it, and a test checks the number
against `discord.Permissions`.
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import urlencode

import discord

from bot.errors import UserError

AUTHORIZE_URL = "https://discord.com/oauth2/authorize"
SCOPES = ("bot", "applications.commands")  # a bot user, and the slash commands it registers

#: (discord.Permissions flag, why Parley needs it)
NEEDED: tuple[tuple[str, str], ...] = (
    ("view_channel", "see the subscribed channels at all; without it every post is Missing Access"),
    ("send_messages", "post digests, alerts and notices"),
    ("embed_links", "digests and answers are embeds"),
    ("read_message_history", "reply to a question, and find its own post again after a crash (adoption)"),
    ("add_reactions", "the quiet ⏳ for someone asking faster than 5 questions in 10 s"),
    ("create_public_threads", "open a thread per round for a subscription with threads:true"),
    ("send_messages_in_threads", "post the round's new sources in that thread"),
)


def permissions() -> discord.Permissions:
    """The bot permissions Parley asks for when invited."""
    return discord.Permissions(**dict.fromkeys((name for name, _ in NEEDED), True))


def application_id_from_token(token: str) -> int:
    """The application (bot user) id a bot token starts with: its first part is the id in base64."""
    first = token.strip().split(".", 1)[0]
    try:
        decoded = base64.b64decode(first + "=" * (-len(first) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        decoded = ""
    if not decoded.isdigit():
        raise UserError("DISCORD_TOKEN does not look like a bot token: pass the application id with --application-id")
    return int(decoded)


def invite_url(application_id: int) -> str:
    """The URL a server admin opens to add Parley with its slash commands and permissions."""
    query = {"client_id": str(application_id), "scope": " ".join(SCOPES), "permissions": str(permissions().value)}
    return f"{AUTHORIZE_URL}?{urlencode(query)}"
