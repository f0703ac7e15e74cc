"""Finding the message an earlier, unrecorded attempt may have posted, so it is adopted, not repeated.

Why: a worker can die (or lose its lease) after Discord created a row's message and before the
database recorded it. Discord's ``enforce_nonce`` would hand that message back to a retry, but
only for a few minutes and only where the nonce is honoured; Parley must not rest on it. So
every post carries a marker of its row in the last embed's footer (``ref p…``, the same value
as the nonce), and before posting a row that has an unrecorded attempt (`Outbox.post_started_at`)
the sink reads the channel's messages since that attempt and adopts the bot's own message
carrying the marker. Bots always receive the content of their own messages, so no privileged
intent is needed; reading history needs the Read Message History permission.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import discord

from storage.models import Outbox, as_utc

# Clocks of the bot's host and of Discord differ a little: look this far before the attempt.
CLOCK_MARGIN = timedelta(minutes=2)
# Messages read at most per search (Discord pages by 100), so a very busy channel costs bounded reads.
SEARCH_LIMIT = 1000


def nonce_for(row: Outbox) -> str:
    """A stable nonce (≤ 25 characters, Discord's limit) for the posts of a row."""
    digest = hashlib.blake2b(f"{row.destination}|{row.item_key}".encode(), digest_size=12).hexdigest()
    return f"p{digest}"


def marker_for(row: Outbox) -> str:
    """The footer text that identifies a row's message among the channel's messages."""
    return f"ref {nonce_for(row)}"


def carries(message: discord.Message, marker: str) -> bool:
    """Whether one of ``message``'s embeds has ``marker`` in its footer."""
    return any(marker in (embed.footer.text or "") for embed in message.embeds)


async def find_posted(channel: discord.abc.Messageable, *, marker: str, author_id: int | None,
                      since: datetime, limit: int = SEARCH_LIMIT) -> discord.Message | None:
    """The oldest message by ``author_id`` carrying ``marker`` posted since ``since`` (less the
    clock margin), or None. Raises discord.py's errors (Forbidden, HTTPException) to the caller."""
    after = (as_utc(since) or since) - CLOCK_MARGIN
    async for message in channel.history(limit=limit, after=after, oldest_first=True):
        if (author_id is None or message.author.id == author_id) and carries(message, marker):
            return message
    return None
