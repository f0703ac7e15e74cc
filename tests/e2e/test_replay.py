"""`parley replay --console` on the seeds: three outlets' round 2 merged into one digest, the
round 4 and 5 digests, Japan's change of position at round 5, and nothing new the second time.

The ``gold`` tests pin each seed's facts to seeds/gold.json, so they test the
knowledge base alone. The ``real extractor`` tests run `bot.extract.extract_entry` and pass once
the extractor finds those facts (they depend on the extractor, on purpose).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import Settings
from bot.replay import replay
from storage import Store
from tests.e2e.gold import GoldExtractor

SEEDS = Path(__file__).parents[2] / "seeds"


def _blocks(output: str) -> dict[str, str]:
    """Printed items by their heading (the line after the rule, up to the title's colon)."""
    parts = re.split(r"^─+\n((?:DIGEST|ALERT)  [^:\n]+).*\n─+\n", output, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _settings(url: str) -> Settings:
    return Settings(database_url=url, discord_token=None, _env_file=None)


@pytest.fixture(params=["gold", "real extractor"])
def extractor(request: pytest.FixtureRequest) -> GoldExtractor | None:
    return GoldExtractor() if request.param == "gold" else None


async def test_replay_prints_the_merged_digests_and_the_change(
    database_url: str, extractor: GoldExtractor | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await replay(_settings(database_url), SEEDS, True, extract=extractor) == 0
    out = capsys.readouterr().out
    items = _blocks(out)
    assert list(items) == [
        "DIGEST  Round 2",
        "DIGEST  Round 4",
        "DIGEST  Round 5",
        "ALERT  Japan changed its position on the US tariffs in round 5",
    ], out
    round2 = items["DIGEST  Round 2"]
    assert round2.startswith("Round 2: held, 2025-05-01, Washington")
    for outlet in ("Jiji Press", "Bloomberg (via Financial Post)", "Parley seed articles"):  # the feed's title
        assert f"({outlet})" in round2
    for internal in ("digest:round", "revision", "us_tariffs", "non_tariff_barriers", "unknown outlet", "china"):
        assert internal not in out  # people see labels, not Parley's keys
    assert "from 3 sources" in round2
    assert "Next steps:" in round2 and "next ministerial meeting as early as in mid-May" in round2
    assert items["DIGEST  Round 4"].startswith("Round 4: held, 2025-05-30, Washington")
    assert items["DIGEST  Round 5"].startswith("Round 5: held, 2025-06-06, Washington")
    alert = items["ALERT  Japan changed its position on the US tariffs in round 5"]
    assert alert.startswith("Japan changed its position on the US tariffs in round 5: removal → reduction")
    assert "https://seeds.parley.invalid/seed-003" in alert and "“" in alert  # the sentence and the link
    assert "Before (round 4): removal" in alert


async def test_second_replay_posts_nothing_new(
    database_url: str, extractor: GoldExtractor | None, capsys: pytest.CaptureFixture[str]
) -> None:
    await replay(_settings(database_url), SEEDS, True, extract=extractor)
    capsys.readouterr()
    await replay(_settings(database_url), SEEDS, True, extract=extractor)
    out = capsys.readouterr().out
    assert _blocks(out) == {}
    assert "nothing new" in out and "0 new, 5 seen before" in out


async def test_replay_without_console_leaves_rows_for_discord(database_url: str, capsys) -> None:
    async with Store(database_url) as store:
        await store.add_subscription(guild_id=1, channel_id=42, kind="all", role_id=7)
    await replay(_settings(database_url), SEEDS, False, extract=GoldExtractor())
    assert "waiting in the outbox" in capsys.readouterr().out
    async with Store(database_url) as store:
        rows = await store.outbox_items(undelivered_only=True)
    assert {(r.destination, r.item_key) for r in rows} == {
        ("discord:42", "digest:round:2"),
        ("discord:42", "digest:round:4"),
        ("discord:42", "digest:round:5"),
        ("discord:42", "alert:position:Japan:us_tariffs:5"),
    }
    assert next(r for r in rows if r.item_key == "digest:round:2").revision == 3  # three sources, one message
