"""The buttons under each digest and alert: "Sources" and "Wrong?", and the form "Wrong?" opens.

- **Sources** answers only the clicker with the sentence behind each fact of the round (for an
  alert: the stances of its side on its issue), from `bot.answers.sources`.
- **Wrong?** opens a form (a Discord modal) for editors (Manage Server, or the role `/editors`
  names): field, value and a note; submitting it files a correction as ``/correct`` does
  (`bot.answers.corrections.correct`). Anyone else gets one line saying who may.

Why `discord.ui.DynamicItem`: a button's ``custom_id`` carries what it is about
(``parley:src:6:Japan:us_tariffs``, ``parley:wrong:6:position``), and `ParleyBot.setup_hook`
registers the classes, so a click is understood from its ``custom_id`` alone: buttons on messages
posted before a restart, or by another bot process, keep working. Nothing is kept per message.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from bot.answers.correction_values import FIELDS
from bot.chat.embeds import error_line, render
from bot.errors import UserError
from storage.errors import StorageError

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
NOT_AN_EDITOR = ("Correcting the record needs the Manage Server permission or the editors role "
                 "(a server manager names it with /editors role:...).")
CUSTOM_ID_MAX = 100  # Discord's limit


async def is_editor(interaction: discord.Interaction[Any]) -> bool:
    """Whether the member may correct: Manage Server, or the role `/editors` named in this guild."""
    if interaction.guild_id is None:
        return False
    if interaction.permissions.manage_guild:
        return True
    role_id = await interaction.client.store.editor_role(interaction.guild_id)
    member = interaction.user
    return role_id is not None and isinstance(member, discord.Member) and any(r.id == role_id for r in member.roles)


async def _tell(interaction: discord.Interaction[Any], text: str) -> None:
    await interaction.response.send_message(error_line(text), ephemeral=True, allowed_mentions=NO_MENTIONS)


def _user_line(error: Exception) -> str:
    if isinstance(error, StorageError):
        log.warning("a button could not use the database: %s", error)
        return "Parley cannot use its database right now; try again in a minute."
    return str(error)


class SourcesButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"parley:src:(?P<round>\d{1,4})(?::(?P<key>.+))?"):
    """"Sources": the sentences behind the round's facts (an alert's: its side's stance), only for the clicker."""

    def __init__(self, number: int, key: str | None = None) -> None:
        custom_id = f"parley:src:{number}" + (f":{key}" if key else "")
        super().__init__(discord.ui.Button(label="Sources", style=discord.ButtonStyle.secondary,
                                           custom_id=custom_id[:CUSTOM_ID_MAX]))
        self.number, self.key = number, key

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> SourcesButton:
        return cls(int(match["round"]), match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        from bot.answers.sources import sources

        client = interaction.client
        try:
            answer = await sources(client.store, self.number, client.profile, key=self.key)
        except (UserError, StorageError) as exc:
            await _tell(interaction, _user_line(exc))
            return
        await interaction.response.send_message(embeds=render(answer), ephemeral=True, allowed_mentions=NO_MENTIONS)


class WrongButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"parley:wrong:(?P<round>\d{1,4})(?::(?P<field>[a-z]+))?"):
    """"Wrong?": the correction form, for editors."""

    def __init__(self, number: int, field: str | None = None) -> None:
        custom_id = f"parley:wrong:{number}" + (f":{field}" if field else "")
        super().__init__(discord.ui.Button(label="Wrong?", style=discord.ButtonStyle.secondary, custom_id=custom_id))
        self.number, self.field = number, field

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> WrongButton:
        return cls(int(match["round"]), match["field"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            editor = await is_editor(interaction)
        except StorageError as exc:
            await _tell(interaction, _user_line(exc))
            return
        if not editor:
            await _tell(interaction, NOT_AN_EDITOR)
            return
        await interaction.response.send_modal(CorrectionForm(self.number, self.field))


class CorrectionForm(discord.ui.Modal):
    """The form "Wrong?" opens: which field of the round, the right value, and why."""

    def __init__(self, number: int, field: str | None = None) -> None:
        super().__init__(title=f"Correct round {number}", custom_id=f"parley:correct-form:{number}", timeout=900)
        self.number = number
        self.field: discord.ui.TextInput[CorrectionForm] = discord.ui.TextInput(
            label="Field", placeholder=", ".join(FIELDS), default=field if field in FIELDS else None,
            max_length=20)
        self.value: discord.ui.TextInput[CorrectionForm] = discord.ui.TextInput(
            label="Right value", placeholder="e.g. a stance, 2025-06-06, a surname and 110 min, a sector and 15%", max_length=300)
        self.note: discord.ui.TextInput[CorrectionForm] = discord.ui.TextInput(
            label="Why (optional)", required=False, max_length=300, style=discord.TextStyle.paragraph)
        for item in (self.field, self.value, self.note):
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        from bot.answers.corrections import correct

        client = interaction.client
        try:
            if not await is_editor(interaction):  # the role may have been taken away meanwhile
                raise UserError(NOT_AN_EDITOR)
            answer = await correct(
                client.store, client.profile, guild_id=interaction.guild_id, round_number=self.number,
                field=self.field.value.strip().lower(), value=self.value.value, note=self.note.value or None,
                undo=False, author_id=interaction.user.id, author_name=interaction.user.display_name)
        except (UserError, StorageError) as exc:
            await _tell(interaction, _user_line(exc))
            return
        await interaction.response.send_message(embeds=render(answer), allowed_mentions=NO_MENTIONS)
        client.kick_delivery()


def buttons_for(kind: str, item_key: str) -> discord.ui.View:
    """The buttons of an outbox row's message: a round's digest (``digest:round:N``) and a change
    alert (``alert:position:ACTOR:ISSUE:N``) get "Sources" and "Wrong?"; other posts none (an
    empty view)."""
    parts = item_key.split(":")
    if kind == "digest" and len(parts) == 3 and parts[2].isdigit():
        items: list[discord.ui.Item[Any]] = [SourcesButton(int(parts[2])), WrongButton(int(parts[2]))]
    elif kind == "alert" and len(parts) == 5 and parts[4].isdigit():
        key = f"{parts[2]}:{parts[3]}"
        items = [SourcesButton(int(parts[4]), key), WrongButton(int(parts[4]), "position")]
    else:
        items = []
    view = discord.ui.View(timeout=None)
    for item in items:
        view.add_item(item)
    return view


PERSISTENT_ITEMS = (SourcesButton, WrongButton)
