"""`parley invite`: the OAuth2 URL with the permissions Parley uses, checked against discord.py's own flags."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlsplit

import discord
import pytest

from bot.chat.invite import application_id_from_token, invite_url, permissions
from bot.errors import UserError
from tests.bot.test_cli import assert_one_line_error, parley

APP_ID = 1_234_567_890_123_456_789


def query_of(url: str) -> dict[str, list[str]]:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "discord.com", "/oauth2/authorize")
    return parse_qs(parts.query)


def test_the_invite_asks_for_what_a_bot_that_posts_embeds_needs():
    granted = discord.Permissions(int(query_of(invite_url(APP_ID))["permissions"][0]))
    assert granted.view_channel and granted.send_messages and granted.embed_links and granted.read_message_history
    assert granted.create_public_threads and granted.send_messages_in_threads


def test_the_invite_asks_for_nothing_more():
    granted = discord.Permissions(int(query_of(invite_url(APP_ID))["permissions"][0]))
    assert not (granted.administrator or granted.manage_guild or granted.manage_messages or granted.mention_everyone)
    assert granted == permissions()
    assert granted.value != 149504  # the old number, without View Channels


def test_the_invite_registers_slash_commands_for_this_application():
    query = query_of(invite_url(APP_ID))
    assert query["client_id"] == [str(APP_ID)]
    assert query["scope"] == ["bot applications.commands"]


def token_for(application_id: int) -> str:
    return base64.b64encode(str(application_id).encode()).decode().rstrip("=") + ".GhIjKl.secret-part"


def test_the_application_id_is_read_from_the_token():
    assert application_id_from_token(token_for(APP_ID)) == APP_ID


def test_a_token_that_is_not_a_bot_token_says_what_to_do():
    with pytest.raises(UserError, match="--application-id"):
        application_id_from_token("not a token")


def test_parley_invite_prints_the_url_from_the_token():
    result = parley("invite", env={"DISCORD_TOKEN": token_for(APP_ID)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == invite_url(APP_ID)
    assert "view channel" in result.stderr


def test_parley_invite_takes_the_application_id():
    result = parley("invite", "--application-id", str(APP_ID))
    assert result.returncode == 0 and result.stdout.strip() == invite_url(APP_ID)


def test_parley_invite_without_token_or_id_is_one_line():
    assert_one_line_error(parley("invite"), "--application-id")
