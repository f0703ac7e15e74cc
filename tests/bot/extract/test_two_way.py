"""A negotiation between two countries neither of which is the United States, whose tariffs run
both ways (each side cuts its own duties): what a new user's profile for such talks needs Parley
to read (the invented Norway–Chile profile of `helpers.TWO_WAY_PROFILE`)."""

from __future__ import annotations

import pytest

from bot.extract.profile import Profile
from tests.bot.extract.helpers import facts_of, two_way_profile

TITLE = "Norway and Chile resume trade talks"


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    return two_way_profile(tmp_path_factory.mktemp("two_way"))


def _rates(body: str, profile: Profile) -> list[tuple[str, float]]:
    return [(t.sector, t.rate) for t in facts_of(body, title=TITLE, profile=profile).tariffs]


def test_the_united_states_named_by_its_initials_or_capital_is_a_third_party(profile):
    body = (
        "Holm met Rojas in Oslo. For context, the US 10% baseline tariff has focused minds in Oslo, "
        "and Chile's 25% US rate is only paused. Norway wants Chile's 20% duty on machinery cut."
    )
    assert _rates(body, profile) == [("machinery", 20)]


def test_a_rate_added_to_a_third_countrys_rate_is_that_countrys_too(profile):
    body = (
        "Holm met Rojas for trade talks.\n"
        "The additional tariff of 25% announced by the United States on Chilean goods came into effect "
        "on Wednesday, on top of the 25% already in force. Machinery pays 5% in Chile."
    )
    assert _rates(body, profile) == [("machinery", 5)]


def _stances(body: str, profile: Profile, title: str = TITLE) -> list[tuple[str, str, str]]:
    return [(p.actor, p.issue, p.stance) for p in facts_of(body, title=title, profile=profile).positions]


AGREED = [("Norway", "chile_tariffs", "agreed")]


def test_a_deal_named_with_its_makers_then_a_comma_and_its_verb_is_agreed(profile):
    body = "Exporters welcomed the free trade agreement between Norway and Chile, announced this afternoon."
    assert _stances(body, profile) == AGREED


def test_a_deal_whose_name_opens_with_the_pair_of_sides_is_made_by_them(profile):
    title = "Norway–Chile Free Trade Agreement concluded; what it means for salmon exporters"
    assert _stances("Holm and Rojas met in Oslo on tariffs.", profile, title=title) == AGREED


def test_a_deal_recalled_by_its_day_is_no_current_stance(profile):
    body = "Holm and Rojas reviewed follow-up measures to the Norway–Chile tariff agreement reached on July 30."
    assert _stances(body, profile) == []


def test_putting_signatures_to_a_deal_with_a_long_name_signs_it(profile):
    body = (
        "In Oslo, Holm and Rojas put their signatures to the Norway–Chile Comprehensive Economic and "
        "Trade Agreement, with both prime ministers looking on."
    )
    assert _stances(body, profile) == AGREED


def test_a_share_of_tariff_lines_is_no_rate(profile):
    body = "Holm and Rojas agreed to cut tariffs on 90% of tariff lines; Chile's duty on machinery falls to 5%."
    assert _rates(body, profile) == [("machinery", 5)]


def test_a_paragraph_headed_by_goods_gives_them_to_its_rates_that_name_none(profile):
    body = (
        "Holm and Rojas met in Oslo for trade talks.\n"
        "2. Machinery. Chile's 30% tariff is the big one. The landing zone seems to be 10% inside a quota.\n"
        "Overall, Norway's goods face a 6% tariff in Chile."
    )
    assert _rates(body, profile) == [("machinery", 30), ("machinery", 10), ("chile_average", 6)]
