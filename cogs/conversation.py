"""Questions in plain words by mention or DM (`bot.chat.conversation`), wired to the bot's messages."""

from __future__ import annotations

import discord
from discord.ext import commands

from bot.answers.questions import QuestionParser
from bot.chat.client import ParleyBot
from bot.chat.conversation import Conversation


class ConversationCog(commands.Cog, name="Conversation"):
    """Answers "@Parley what happened in round 5?" and direct messages with a reply."""

    def __init__(self, bot: ParleyBot, conversation: Conversation) -> None:
        self.bot = bot
        self.conversation = conversation

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        await self.conversation.on_message(message)


async def setup(bot: ParleyBot) -> None:
    await bot.add_cog(ConversationCog(bot, Conversation(bot, QuestionParser(bot.profile))))
