"""Bare percentages in sentences with no tariff word: when they are rates, and whose."""

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

LEAD = "Akazawa met Lutnick in Washington on Friday for the sixth round of tariff talks with the United States.\n"


def rates(body: str) -> list[tuple[str, float]]:
    return [(t.sector, t.rate) for t in facts_of(LEAD + body).tariffs]


def test_a_sentence_after_one_whose_rates_were_read_is_about_tariffs_too():
    # "Cars pay 27.5%" has no tariff word but is read after the baseline; the next sentence follows on
    body = "Most goods pay the 10% baseline tariff. Cars pay 27.5%. Steel and aluminum went to 50% in June."
    assert rates(body) == [("baseline", 10), ("autos", 27.5), ("steel", 50), ("aluminum", 50)]


def test_what_goods_remain_subject_to_or_move_to_is_their_rate():
    body = "The tariff deal covers cars.\n\nSteel remains subject to 50% for now. Auto parts go to 25% in May."
    assert rates(body) == [("steel", 50), ("auto_parts", 25)]
    assert rates("The deal was signed.\n\nSteel and aluminum remain outside the deal at 50%.") == [("steel", 50), ("aluminum", 50)]


def test_a_rate_compared_with_the_one_before_is_its_old_value():
    # "double the 25%", "instead of 25%": the same goods' earlier rate
    body = "The deal was signed.\n\nSteel and aluminum went to 50% in June, double the 25% they paid before."
    assert rates(body) == [("steel", 50), ("aluminum", 50), ("steel", 25), ("aluminum", 25)]


def test_what_the_tracked_side_is_told_it_may_pay_is_its_country_rate():
    # no tariff word: the side is the subject of "pay"; the alternatives and the figure compared with them follow
    body = 'The deal was not signed.\n\nThe president said Japan might have to pay "30%, 35%, or more", well above the 24% announced in April.'
    assert rates(body) == [("reciprocal", 30), ("reciprocal", 35), ("reciprocal", 24)]


def test_a_side_as_the_adjective_of_goods_is_no_subject_that_pays():
    assert rates("The deal was signed.\n\nJapanese whisky stays at 10%.") == []


def test_market_moves_and_shares_after_a_rate_are_no_rates():
    body = "Cars pay 27.5% now.\n\nCars pay 27.5%. Car prices have risen more than 20% this year. Cars earned 6 trillion yen, or 28.3%, of exports."
    assert rates(body) == [("autos", 27.5)]


_US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
_US_CHINA_LEAD = "Bessent and He Lifeng met in Geneva on Sunday for the first round of trade talks.\n"


def us_china_rates(body: str) -> list[tuple[str, float]]:
    return [(t.sector, t.rate) for t in facts_of(_US_CHINA_LEAD + body, profile=_US_CHINA).tariffs]


def test_a_rate_the_other_side_owns_is_its_own_not_a_part_of_the_total_before():
    # "against China's 10%": China's rate on all US goods, not a part of the US total said before it
    body = "US duties on Chinese goods stay at 30% overall, against China's 10% on US goods."
    assert us_china_rates(body) == [("combined", 30), ("china_retaliatory", 10)]
    body = "The truce keeps the fentanyl duty on Chinese goods at 20% and Chinese duties on American goods at 10%."
    assert us_china_rates(body) == [("fentanyl", 20), ("china_retaliatory", 10)]


def test_a_rate_replaced_or_compared_is_an_old_value_of_the_same_goods():
    # no tariff word: "replacing the 24%" is the country rate the new one replaces, however far its words run
    body = "The deal was not signed.\n\nOn 7 July Trump announced by letter a 25% rate on Japanese goods from 1 August, replacing the 24% announced in April."
    assert rates(body) == [("reciprocal", 25), ("reciprocal", 24)]


def test_the_second_of_two_rates_compared_with_a_rate_is_one_more_value_of_its_goods():
    body = "Reciprocal rate: 15%, versus the 25% threatened in the 7 July letter and the 24% announced on 2 April."
    assert rates(body) == [("reciprocal", 15), ("reciprocal", 25), ("reciprocal", 24)]

