"""The buttons under digests and alerts, end to end on the loopback Discord with the real client:
"Sources" answers the clicker alone with the sentences behind the facts; "Wrong?" opens a form
for editors whose submission files a correction (and so withdraws the alert it made false);
both keep working on messages posted before a restart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.chat.buttons import NOT_AN_EDITOR
from bot.chat.client import ParleyBot
from storage import Store
from tests.e2e.test_discord_corrections import MANAGE_GUILD, NO_PERMISSIONS, _deliver, _round_six_alerted, text_of
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot

MODAL = 9


@pytest.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    settings = bot_settings(fake, database_url=store.database_url)
    async with running_bot(fake, settings, store=store, delivery=False) as running:
        yield running


def _digest(fake: FakeDiscord, number: int) -> dict[str, Any]:
    return next(m for m in fake.posted(fake.channel_id("news")) if text_of(m).lstrip().startswith(f"Round {number}"))


async def test_digests_and_alerts_carry_sources_and_wrong_buttons(fake: FakeDiscord, bot: ParleyBot,
                                                                  store: Store) -> None:
    alert = await _round_six_alerted(fake, bot, store)
    assert fake.buttons_of(alert) == {"Sources": "parley:src:6:Japan:us_tariffs", "Wrong?": "parley:wrong:6:position"}
    assert fake.buttons_of(_digest(fake, 6)) == {"Sources": "parley:src:6", "Wrong?": "parley:wrong:6"}


async def test_sources_lists_the_sentence_behind_each_fact_to_the_clicker_only(fake: FakeDiscord, bot: ParleyBot,
                                                                             store: Store) -> None:
    alert = await _round_six_alerted(fake, bot, store)
    shown = await fake.click(alert, fake.buttons_of(alert)["Sources"], permissions=NO_PERMISSIONS)
    assert shown.ephemeral
    assert "Japan presses US to scrap tariffs in sixth round of talks" in shown.text  # round 6's removal
    assert "Round 5" in shown.text and "reduction" in shown.text  # the stance it changed from
    digest = _digest(fake, 6)
    listed = await fake.click(digest, fake.buttons_of(digest)["Sources"], permissions=NO_PERMISSIONS)
    assert listed.ephemeral and "for about 80 minutes at the Commerce Department" in listed.text


async def test_wrong_opens_a_form_for_editors_that_files_a_correction(fake: FakeDiscord, bot: ParleyBot,
                                                                      store: Store) -> None:
    news = fake.channel_id("news")
    alert = await _round_six_alerted(fake, bot, store)
    wrong = fake.buttons_of(alert)["Wrong?"]
    refused = await fake.click(alert, wrong, permissions=NO_PERMISSIONS)
    assert refused.callback_type != MODAL and refused.ephemeral and refused.content == NOT_AN_EDITOR

    form = await fake.click(alert, wrong, permissions=MANAGE_GUILD)
    assert form.callback_type == MODAL and form.data["title"] == "Correct round 6"
    filed = await fake.submit(form, {"Right value": "reduction", "Why (optional)": "misread headline"},
                              permissions=MANAGE_GUILD)
    assert "Corrected round 6: position" in filed.text and "Alerts withdrawn" in filed.text
    await _deliver(bot, store)
    assert "Withdrawn by Asker" in text_of(fake.messages[news][alert["id"]])
    assert fake.buttons_of(fake.messages[news][alert["id"]]), "the edited alert keeps its buttons"

    form = await fake.click(alert, wrong, permissions=MANAGE_GUILD)
    bad = await fake.submit(form, {"Field": "weather", "Right value": "sunny"}, permissions=MANAGE_GUILD)
    assert bad.ephemeral and "field must be one of" in bad.content


async def test_the_buttons_keep_working_after_a_restart(fake: FakeDiscord, store: Store) -> None:
    settings = bot_settings(fake, database_url=store.database_url)
    async with running_bot(fake, settings, store=store, delivery=False) as first:
        alert = await _round_six_alerted(fake, first, store)
    async with running_bot(fake, settings, store=store, delivery=False):
        shown = await fake.click(alert, fake.buttons_of(alert)["Sources"], permissions=NO_PERMISSIONS)
        assert shown.ephemeral and "Japan presses US to scrap tariffs" in shown.text
        form = await fake.click(alert, fake.buttons_of(alert)["Wrong?"], permissions=MANAGE_GUILD)
        assert form.callback_type == MODAL
