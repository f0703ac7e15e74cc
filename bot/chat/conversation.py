"""Questions by mention or direct message: a Discord reply, answered by the query layer.

Why here and not as slash commands: people talk to a teammate in the channel, so Parley answers
"@Parley who did Akazawa meet in the fifth round?" the way it answers `/round 5`. Discord sends a
bot the content of messages that mention it and of its DMs without the privileged Message
Content intent, so Parley asks for none: other messages arrive empty and are ignored.

Replies never ping anyone (not even the asker), and a person asking faster than the limit gets
one quiet reaction instead of answers, so a loop or a flood cannot turn Parley into a spammer.
"""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import discord

from bot.answers.queries import ask_question
from bot.answers.questions import QuestionParser
from bot.chat.embeds import error_line, render
from bot.errors import UserError

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
SLOW_DOWN = "⏳"  # the quiet reaction for someone asking too fast
ASKS_PER_WINDOW = 5
WINDOW_SECONDS = 10.0
_THREAD_ROUND = re.compile(r"^Round (\d+)\b")


class AskLimiter:
    """At most ``limit`` questions per person in any ``window`` seconds (a sliding window).

    ``clock`` is injectable so tests decide what time it is instead of sleeping.
    """

    def __init__(self, limit: int = ASKS_PER_WINDOW, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._asks: dict[int, deque[float]] = {}

    def allow(self, user_id: int) -> bool:
        """Record one question from ``user_id``; False when it is over the limit (not recorded)."""
        now = self.clock()
        asks = self._asks.setdefault(user_id, deque())
        while asks and now - asks[0] >= self.window:
            asks.popleft()
        if len(asks) >= self.limit:
            return False
        asks.append(now)
        if len(self._asks) > 10_000:  # forget people who have gone quiet
            self._asks = {u: q for u, q in self._asks.items() if q and now - q[-1] < self.window}
        return True


def is_question_for(message: discord.Message, me: discord.abc.User | None) -> bool:
    """A message Parley should answer: a DM, or a message that mentions it, from a person."""
    if me is None or message.author.bot or message.author.id == me.id:
        return False
    if message.guild is None:
        return True
    return any(user.id == me.id for user in message.mentions)


def question_text(message: discord.Message, me: discord.abc.User) -> str:
    """The question without Parley's mention (``<@id>`` or ``<@!id>``)."""
    return re.sub(rf"<@!?{me.id}>", " ", message.content).strip()


def thread_round(channel: Any, me: discord.abc.User, rounds_of_threads: dict[int, int] | None = None) -> int | None:
    """The round of the thread a question was asked in: a thread Parley started for a round
    ("Round 5 · 2025-06-06 · Washington"), or one recorded for a round; None elsewhere."""
    if not isinstance(channel, discord.Thread):
        return None
    if rounds_of_threads and channel.id in rounds_of_threads:
        return rounds_of_threads[channel.id]
    if channel.owner_id != me.id:
        return None
    m = _THREAD_ROUND.match(channel.name or "")
    return int(m.group(1)) if m else None


class Conversation:
    """Answers the questions people put to Parley in channels, threads and DMs."""

    def __init__(self, bot: Any, parser: QuestionParser, limiter: AskLimiter | None = None) -> None:
        self.bot = bot
        self.parser = parser
        self.limiter = limiter or AskLimiter()

    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if not is_question_for(message, me):
            return
        if not self.limiter.allow(message.author.id):
            try:
                await message.add_reaction(SLOW_DOWN)
            except discord.HTTPException:  # no permission to react: stay quiet all the same
                log.info("could not react to a question asked too fast in %s", message.channel.id)
            return
        text = question_text(message, me)
        rounds = await self._rounds_of_threads(message.channel)
        try:
            answer = await ask_question(self.bot.store, self.parser, text,
                                        thread_round=thread_round(message.channel, me, rounds))
        except UserError as exc:  # a slip in the question ("/round 9999"): one line
            slip: str | None = error_line(str(exc))
        else:
            slip = None
        try:
            if slip is not None:
                await message.reply(slip, allowed_mentions=NO_MENTIONS, mention_author=False)
            else:
                await message.reply(embeds=render(answer), allowed_mentions=NO_MENTIONS, mention_author=False)
        except discord.HTTPException as exc:  # deleted meanwhile, or no permission to send here
            log.warning("could not reply to a question in %s: %s", message.channel.id, exc)

    async def _rounds_of_threads(self, channel: Any) -> dict[int, int] | None:
        """The rounds of the threads Parley recorded, when the question is in a thread."""
        if not isinstance(channel, discord.Thread):
            return None
        number = await self.bot.store.round_of_thread(channel.id)
        return {channel.id: number} if number is not None else None
