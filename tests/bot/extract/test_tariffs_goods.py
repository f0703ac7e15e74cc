"""Which goods a rate is on, and which percentages are no tariffs: mechanisms of how news states rates."""

from pathlib import Path

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

LEAD = "Akazawa met Lutnick in Washington on Friday for the sixth round of tariff talks with the United States.\n"
_US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
_US_CHINA_LEAD = "Bessent and He Lifeng met in Geneva on Sunday for the first round of trade talks.\n"
_US_INDIA = load_profile(Path(__file__).parent / "blind" / "usi1" / "profile.toml")
_US_INDIA_LEAD = "Goyal met Greer in New Delhi on Tuesday for the sixth round of trade talks.\n"


def rates(body: str) -> list[tuple[str, float]]:
    return [(t.sector, t.rate) for t in facts_of(LEAD + body).tariffs]


def us_china_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_US_CHINA_LEAD + body, title="US and China trade talks", profile=_US_CHINA)
    return [(t.sector, t.rate) for t in facts.tariffs]


def us_india_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_US_INDIA_LEAD + body, title="India and US trade talks", profile=_US_INDIA)
    return [(t.sector, t.rate) for t in facts.tariffs]


# -- a which-clause that gives goods named after a break their rate --


def test_goods_after_a_break_take_the_rate_of_their_which_clause():
    body = "Tokyo hopes for a lower 25% duty on its cars and a quota on steel and aluminum, which pay 50% today."
    assert rates(body) == [("autos", 25), ("steel", 50), ("aluminum", 50)]
    body = ("New Delhi asked for a waiver from the 26% reciprocal rate, and for relief on steel, which Washington "
            "raised to 50% from 25% in June.")
    assert us_india_rates(body) == [("reciprocal", 26), ("steel", 50), ("steel", 25)]


def test_goods_listed_before_a_which_clause_keep_the_rate_before():
    # the comma only joins goods, and a clause with goods of its own keeps the goods before it
    found = rates("A 25% duty covers cars, steel and aluminum, which now pay 50%.")
    assert found[:3] == [("autos", 25), ("steel", 25), ("aluminum", 25)]
    body = "Cars pay a 25% tariff and a fee on steel, which also faces 50% on aluminum."
    assert ("steel", 50) not in rates(body)
