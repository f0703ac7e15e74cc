"""/subscribe, /unsubscribe and /subscriptions, run as real interactions through the command tree."""

from __future__ import annotations

from bot.chat.client import ParleyBot
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import invoke


async def test_subscribe_records_the_channel_kind_and_role(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    channel = fake.channel_id("alerts")
    role = fake.guild_id  # @everyone is a role Discord resolves like any other
    reply = await fake.interact("subscribe", [{"name": "kind", "type": 3, "value": "digests"},
                                              {"name": "role", "type": 8, "value": role}], channel=channel)
    assert not reply.ephemeral
    assert "Subscribed" in reply.text
    (sub,) = await store.list_subscriptions()
    assert (sub.channel_id, sub.kind, sub.role_id) == (int(channel), "digests", int(role))
    assert reply.data["allowed_mentions"] == {"parse": []}, "a reply never pings, even when it names a role"


async def test_subscribe_defaults_to_everything(fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    await fake.interact("subscribe", channel=fake.channel_id("news"))
    (sub,) = await store.list_subscriptions()
    assert sub.kind == "all" and sub.role_id is None


async def test_members_without_manage_server_are_refused_with_one_ephemeral_line(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    reply = await fake.interact("subscribe", permissions=0)
    assert reply.ephemeral
    assert reply.content == "You need the Manage Server permission to do that."
    assert await store.list_subscriptions() == []


async def test_unsubscribe_without_a_subscription_is_a_one_line_error(fake: FakeDiscord, bot: ParleyBot) -> None:
    reply = await fake.interact("unsubscribe")
    assert reply.ephemeral and "\n" not in reply.content
    assert "no subscription" in reply.content


async def test_subscriptions_lists_this_servers_channels(fake: FakeDiscord, bot: ParleyBot) -> None:
    await fake.interact("subscribe", channel=fake.channel_id("alerts"))
    await fake.interact("subscribe", [{"name": "kind", "type": 3, "value": "changes"}],
                        channel=fake.channel_id("news"))
    await fake.interact("unsubscribe", channel=fake.channel_id("alerts"))
    reply = await fake.interact("subscriptions")
    assert reply.ephemeral
    assert f"<#{fake.channel_id('news')}>: changes" in reply.text
    assert fake.channel_id("alerts") not in reply.text


async def test_a_built_interaction_runs_through_the_tree_with_its_checks(fake: FakeDiscord, bot: ParleyBot,
                                                                         store: Store) -> None:
    """The same handler, reached by building `discord.Interaction` from a payload (no gateway)."""
    payload = fake.interaction_payload("subscribe", [{"name": "kind", "type": 3, "value": "changes"}],
                                       channel=fake.channel_id("news"))
    interaction = await invoke(bot, payload)
    assert interaction.command is not None and interaction.command.name == "subscribe"
    assert not interaction.command_failed
    (sub,) = await store.list_subscriptions()
    assert sub.kind == "changes"
    refused = await invoke(bot, fake.interaction_payload("unsubscribe", permissions=0))
    assert refused.command_failed
    assert [s.kind for s in await store.list_subscriptions()] == ["changes"]
