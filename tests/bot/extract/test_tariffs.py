"""Tariff rates by sector; numbers that are not tariffs."""

from pathlib import Path

import pytest

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

LEAD = "Akazawa met Lutnick in Washington on Friday for the sixth round of tariff talks with the United States.\n"


def rates(body: str) -> list[tuple[str, float]]:
    return [(t.sector, t.rate) for t in facts_of(LEAD + body).tariffs]


def test_a_decimal_comma_is_a_decimal_point():
    # European papers write "27,5 %": that is 27.5, not a 5% rate; a list's comma has a space after it
    body = "The tariff on Japanese cars falls from 27,5 % to 15%, and the 2,5% duty on autos stays."
    assert rates(body) == [("autos", 27.5), ("autos", 15), ("autos", 2.5)]
    assert rates("Levies of 10, 25 and 50% on steel were floated.") == [("steel", 50)]


def test_one_rate_on_two_goods_is_two_facts():
    assert rates("A 25% levy on US imports of steel and aluminum started in March.") == [("steel", 25), ("aluminum", 25)]


def test_a_similar_tax_takes_the_rate_before_it():
    body = "A 25% levy on steel started in March, with a similar tax on autos and a baseline 10% tariff on all goods."
    assert rates(body) == [("steel", 25), ("autos", 25), ("baseline", 10)]


def test_percent_written_out_and_a_component_rate():
    body = "Akazawa urged the U.S. to cut its tariffs on automobiles, which stand at 27.5 percent including the existing 2.5 percent duty."
    assert rates(body) == [("autos", 27.5), ("autos", 2.5)]


def test_goods_named_before_the_rate():
    assert rates("Imported Japanese cars have been hit with a 25% levy since April.") == [("autos", 25)]


def test_a_country_wide_rate_is_reciprocal_unless_it_is_the_baseline():
    body = "Japanese goods face the 10% baseline tariff, which is set to rise to 24% on July 9, on top of an additional 25% on imported cars."
    assert rates(body) == [("baseline", 10), ("reciprocal", 24), ("autos", 25)]


def test_a_rate_given_by_reference():
    body = "Under the deal, the reciprocal tariff on Japan falls to 15% from the 25% threatened in Trump's July letter."
    assert rates(body) == [("reciprocal", 15), ("reciprocal", 25)]


def test_goods_joined_by_and_share_the_rate():
    assert rates("Steel and aluminum imports also face 25% duties.") == [("steel", 25), ("aluminum", 25)]


def test_a_bare_rate_after_its_goods():
    assert rates("Cars face a 25% levy, and steel 50%.") == [("autos", 25), ("steel", 50)]


def test_the_old_rate_of_a_cut_has_the_same_goods():
    body = "The deal cuts the tariff on Japanese cars to 15 per cent from 27.5 per cent, while steel and aluminium remain subject to a 50 per cent tariff."
    assert rates(body) == [("autos", 15), ("autos", 27.5), ("steel", 50), ("aluminum", 50)]


def test_a_market_move_is_not_a_tariff():
    assert rates("Japanese stocks edged up, with the Nikkei share average rising 0.4% on tariff hopes.") == []


def test_the_rate_before_a_doubling_is_stated_too():
    body = "The Trump administration doubled the tariff on steel and aluminum imports to 50% from 25%."
    assert rates(body) == [("steel", 50), ("aluminum", 50), ("steel", 25), ("aluminum", 25)]


def test_a_share_of_gdp_is_not_a_tariff():
    assert rates("Analysts estimate the tariffs could shave 0.8% off Japan's GDP.") == []


def test_a_total_and_a_combined_rate_are_the_goods_rate():
    body = ("The additional 25% tariff on Japanese cars, which on top of an existing 2.5% duty had brought the total "
            "levy to 27.5%, will be cut so that the combined rate is 15%.")
    assert rates(body) == [("autos", 25), ("autos", 2.5), ("autos", 27.5), ("autos", 15)]


def test_a_rate_on_goods_outside_the_sectors_is_no_country_rate():
    body = "Trump threatened a 25% tariff on iPhones made overseas, rattling markets in Tokyo."
    assert rates(body) == []


def test_an_increase_by_a_percentage_is_no_rate():
    assert rates("Under the tariff deal, Japan will raise its imports of US rice by 75% within its quota.") == []


def test_rates_written_in_words():
    body = "Japan faces a reciprocal rate of 24%, with a ten percent baseline tariff, while cars face a levy of twenty-five percent."
    assert rates(body) == [("reciprocal", 24), ("baseline", 10), ("autos", 25)]


def test_an_upper_bound_is_the_rate():
    assert rates("The U.S. imposes tariffs of up to 25% on Japanese cars.") == [("autos", 25)]


def test_numbers_that_are_not_tariffs():
    body = (
        "Japan will invest $550 billion in the United States. Japanese carmakers sold 3.3 million vehicles in the U.S. "
        "last year. A 90-day pause on the tariffs ends on July 9. Customs data showed a 2% fall in Japan's exports. "
        "Trading houses hold a 25% stake in some U.S. LNG projects. Shares of Toyota jumped 14% in Tokyo. "
        "The economy already shrank at an annualized 0.2% pace in the first quarter as tariffs bit."
    )
    assert rates(body) == []


def test_rates_on_a_third_countrys_goods_are_not_this_negotiations():
    assert rates("Washington also put a 25% tariff on Canadian steel.") == []


def test_including_from_a_country_says_whose_goods_not_a_component_rate():
    facts = facts_of(
        "Japan wants the 25% levy on Japanese automobiles scrapped, Akazawa said after meeting Lutnick.\n"
        "The talks came two days after Washington doubled its tariff on imported steel, including from Japan, to 50% "
        "from 25%."
    )
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("autos", 25.0), ("steel", 50.0), ("steel", 25.0)]


def test_shares_and_ranges_of_a_fall_are_no_rates_and_the_rate_named_before_is_no_new_one():
    facts = facts_of(
        "The Section 232 tariffs on steel doubled to 50% from 25% on June 4, Akazawa said after meeting Lutnick.\n"
        "Japanese yards hold roughly 25% of the global orderbook, against well under 1% for U.S. builders, "
        "Akazawa said of the tariffs.\n"
        "Analysts estimate that Japanese mills' U.S.-bound volumes could fall by a further 15% to 20% if the 50% "
        "rate stays in place."
    )
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("steel", 50.0), ("steel", 25.0)]


def test_rates_on_the_goods_of_a_country_that_is_also_a_topic_are_not_this_negotiations():
    facts = facts_of(
        "Japan faces a 24% reciprocal tariff, Akazawa said after meeting Lutnick for the first round of talks.\n"
        "Separately, U.S. tariffs on most Chinese goods now stand at 145%, and Beijing has retaliated with 125%."
    )
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("reciprocal", 24.0)]


def test_a_list_of_labelled_lines_with_rates_in_brackets():
    facts = facts_of(
        "President Trump announced a trade deal with Japan after meeting Akazawa at the White House.\n"
        "The rates, before and after:\n"
        "Autos: 27.5% (25% Section 232 tariff plus the 2.5% MFN duty) -> 15% all-in\n"
        "Steel: 50% (unchanged)\n"
        "Aluminum: 50% (unchanged)"
    )
    assert sorted((t.sector, t.rate) for t in facts.tariffs) == [
        ("aluminum", 50.0), ("autos", 2.5), ("autos", 15.0), ("autos", 25.0), ("autos", 27.5), ("steel", 50.0)
    ]


def test_a_rate_a_country_could_be_charged_and_its_alternative_are_rates():
    facts = facts_of(
        "Akazawa met Commerce Secretary Howard Lutnick for the eighth round of talks in Washington.\n"
        'On Tuesday, Trump told reporters that Japan could be charged "30% or 35%" instead of the 24% rate.'
    )
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("reciprocal", 30.0), ("reciprocal", 35.0), ("reciprocal", 24.0)]


def test_an_additional_rate_with_no_rate_before_it_in_the_sentence_has_the_goods_named_before_it():
    body = "Tokyo wants a cut to the levy on automobiles, now an additional 25% on top of the 2.5% that applied before April."
    assert rates(body) == [("autos", 25), ("autos", 2.5)]


def test_rates_joined_by_and_share_the_goods_after_the_last():
    body = "The US will cut its tariffs of 25 percent and 27.5 percent on a range of Japanese cars."
    assert rates(body) == [("autos", 25), ("autos", 27.5)]


def test_a_percentage_that_measures_something_named_before_it_is_no_tariff():
    body = "Goldman Sachs cut its estimate of the probability of a U.S. recession to 35% from 45%, citing lower tariffs."
    assert rates(body) == []


# -- other negotiations' profiles: how a rate is stated, whoever the sides are --

_US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
_US_INDIA = load_profile(Path(__file__).parent / "blind" / "usi1" / "profile.toml")
_US_CHINA_LEAD = "Bessent and He Lifeng met in Geneva on Sunday for the first round of trade talks.\n"
_US_INDIA_LEAD = "Goyal met Greer in New Delhi on Tuesday for the sixth round of trade talks.\n"


def us_china_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_US_CHINA_LEAD + body, title="US and China trade talks", profile=_US_CHINA)
    return [(t.sector, t.rate) for t in facts.tariffs]


def us_india_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_US_INDIA_LEAD + body, title="India and US trade talks", profile=_US_INDIA)
    return [(t.sector, t.rate) for t in facts.tariffs]


def test_a_country_named_by_a_sectors_own_words_is_no_third_country():
    body = "Washington added another 25% tariff as a penalty for New Delhi's purchases of Russian oil."
    assert us_india_rates(body) == [("russia_penalty", 25)]


@pytest.mark.parametrize(
    "body",
    [
        "Washington slapped a 25% penalty on Indian goods for New Delhi's purchases of oil from Russia.",
        "The US added a 25% penalty on imports from India over its buying of oil from Russia.",
    ],
)
def test_a_penalty_on_the_tracked_sides_goods_over_a_third_countrys_oil_is_a_rate_of_the_tracked_side(body):
    assert us_india_rates(body) == [("russia_penalty", 25)]


def test_a_bare_on_the_tracked_country_does_not_clear_a_third_country_named_after_it():
    body = "Trump urged European allies to impose tariffs of 50% to 100% on China over its purchases of Russian oil."
    assert 100 not in [rate for _, rate in us_china_rates(body)]


def test_a_sector_word_that_dates_the_rate_is_no_goods():
    body = "Washington will lower the fentanyl tariff on Chinese goods from 20% to 10%, effective November 10."
    assert us_china_rates(body) == [("fentanyl", 20), ("fentanyl", 10)]


def test_the_new_value_of_a_cut_in_the_same_clause_has_the_goods_of_the_old():
    body = "The US will cut its 34 percent reciprocal tariff on Chinese goods by 24 percentage points to 10 percent."
    assert us_china_rates(body) == [("reciprocal", 34), ("reciprocal", 10)]


def test_a_hedged_new_value_keeps_the_country_rate_it_changes():
    body = "New Delhi wants the 25% reciprocal tariff brought down to around 15%."
    assert us_india_rates(body) == [("reciprocal", 25), ("reciprocal", 15)]


def test_plus_opens_another_item_not_the_goods_of_the_rate():
    body = "Indian goods will face a 25% tariff from August 1, plus a penalty over Russian oil."
    assert us_india_rates(body) == [("reciprocal", 25)]


def test_a_which_clause_ends_the_goods_and_a_matching_levy_takes_the_rate_before():
    body = "Japan also pays a 25% tariff on imported cars, which began in April, and a matching levy on auto parts."
    assert rates(body) == [("autos", 25), ("auto_parts", 25)]


def test_what_goods_of_the_profile_pay_is_a_rate_in_a_sentence_with_no_tariff_word():
    facts = facts_of(
        LEAD + "Officials said the deal was close.\n"
        "Steel and aluminum, which matter to every machine shop, stay at 50%.\n"
        "Japanese automobiles face 25% on top of the existing 2.5%.\n"
        "Steel mills ran at 77.8% of capacity, and steel utilization was 80% in May."
    )
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("steel", 50), ("aluminum", 50), ("autos", 25), ("autos", 2.5)]


def test_a_part_of_a_rate_has_the_goods_of_that_rate():
    assert us_china_rates("A further 24% of the original 34% reciprocal rate is suspended.") == [
        ("reciprocal", 24), ("reciprocal", 34)
    ]
    assert us_china_rates("Beijing kept 10% of its 34% retaliatory tariff and suspended the rest.") == [
        ("china_retaliatory", 10), ("china_retaliatory", 34)
    ]
    assert us_china_rates("A further 24 percentage points of the reciprocal duty stay suspended.") == [("reciprocal", 24)]


def test_the_remaining_rate_is_part_of_the_rate_before():
    body = "Washington kept a 10% reciprocal tariff on Chinese goods and suspended the remaining 24%."
    assert us_china_rates(body) == [("reciprocal", 10), ("reciprocal", 24)]


def test_articles_of_a_side_are_its_goods():
    body = "China will keep a rate of duty of 34 percent on articles of the United States."
    assert us_china_rates(body) == [("china_retaliatory", 34)]


def test_a_side_before_a_preposition_levies_the_rate_and_a_side_before_goods_names_them():
    body = "The additional duty of 25% imposed by the United States on imports of Indian-origin goods came into force."
    assert us_india_rates(body) == [("reciprocal", 25)]


def test_a_distance_from_a_level_is_no_rate():
    body = "Stocks rallied on the tariff truce, and the index is now just 4.9% below its record high."
    assert us_china_rates(body) == []


def test_goods_of_a_sector_made_by_the_tracked_side_are_not_all_its_goods():
    body = "The Section 301 duty on Chinese-made semiconductors is now 50%, doubled from 25% under the earlier review."
    assert us_china_rates(body) == [("semiconductors", 50), ("semiconductors", 25)]


def test_a_side_that_charges_a_rate_levies_it():
    body = "China charges 10% on all US goods, plus the 10% to 15% it added on US farm products in March."
    assert us_china_rates(body) == [("china_retaliatory", 10), ("china_agriculture", 10), ("china_agriculture", 15)]


def test_the_old_value_said_after_a_break_has_the_goods_of_the_rate_it_gives_way_to():
    body = "Japanese cars will pay a flat 15% when they reach American ports, down from 27.5%."
    assert rates(body) == [("autos", 15), ("autos", 27.5)]
    assert rates("- Cars: 15% in all, replacing the current 27.5%.") == [("autos", 15), ("autos", 27.5)]


def test_the_parts_of_an_old_value_in_brackets_have_its_goods():
    body = "Japanese cars will pay 15% when they reach American ports, down from 27.5% (a 25% levy plus the 2.5% duty)."
    assert rates(body) == [("autos", 15), ("autos", 27.5), ("autos", 25), ("autos", 2.5)]


def test_a_duty_stacked_on_another_or_the_effective_sum_has_the_same_goods():
    assert rates("Japanese cars face 27.5% now, an additional 25% levy stacked on the 2.5% duty.") == [
        ("autos", 27.5), ("autos", 25), ("autos", 2.5)
    ]
    body = "Tokyo wants a cut in the 25% car tariff, which on top of the 2.5% duty already paid makes an effective 27.5%."
    assert rates(body) == [("autos", 25), ("autos", 2.5), ("autos", 27.5)]


def test_a_duty_held_within_a_country_rate_is_no_rate_of_any_goods():
    # the normal duty counted inside an all-in country rate is not itself the reciprocal rate
    assert rates("Japan's goods will pay 15% all-in, inclusive of the 2.5% duty they paid before.") == [("reciprocal", 15)]
    # ... but a duty within it that is one of the profile's country rates is that rate
    assert rates("Japan's rate of 24%, inclusive of the 10%, is suspended.") == [("reciprocal", 24), ("baseline", 10)]


def test_goods_named_only_in_a_gloss_before_the_rate():
    body = "Tokyo wants a cut to the jidosha kanzei (car tariffs), now 25% on top of the 2.5% duty."
    assert rates(body) == [("autos", 25), ("autos", 2.5)]


def test_goods_joined_by_and_far_before_the_rate_are_all_its_goods():
    body = "Steel and aluminum shipments arriving in the United States from Japan are subject to a 25% tariff."
    assert rates(body) == [("steel", 25), ("aluminum", 25)]


def test_after_a_country_rate_a_figure_the_profile_lists_is_that_country_rate():
    facts = facts_of(LEAD + "Exporters are waiting.\n" + "The 24% reciprocal rate is on hold until July, and only the 10% is being collected.")
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("reciprocal", 24), ("baseline", 10)]
    # a figure the profile does not list is left to a sentence that names the side
    facts = facts_of(LEAD + "Exporters are waiting.\n" + "The 24% reciprocal rate is on hold until July, and 12% is being floated.")
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("reciprocal", 24)]


def test_the_parts_of_a_sum_are_on_the_goods_of_the_sum():
    # a total and the two rates that add up to it, joined by a word of adding: the parts are on the
    # total's goods, not the country rate for want of goods said with them
    body = "Japanese vehicles now pay 27.5% at the port, the 25% tariff added in spring plus the 2.5% ordinary duty."
    assert rates(body) == [("autos", 27.5), ("autos", 25), ("autos", 2.5)]
    body = "Japanese vehicles pay 27.5%: the 25% levy of April on top of the standing 2.5% duty."
    assert rates(body) == [("autos", 27.5), ("autos", 25), ("autos", 2.5)]
    # the goods named by one of the parts go to the sum and to the other part
    body = "It stays below the 27.5% paid so far (the old 2.5% plus the 25% vehicle tariff of April)."
    assert rates(body) == [("autos", 27.5), ("autos", 2.5), ("autos", 25)]


def test_rates_that_do_not_add_up_or_are_not_joined_as_a_sum_keep_their_goods():
    # 20 + 2.5 is not 25: no sum
    body = "Japanese vehicles pay 25% at the port, the 20% tariff added in spring plus the 2.5% ordinary duty."
    assert ("autos", 20) not in rates(body)
    # figures that add up in a list are no sum without a word of adding
    body = "Japan faces 25% on cars, 10% on most goods and 15% on the rest."
    assert ("autos", 10) not in rates(body) and ("autos", 15) not in rates(body)
    # a country rate is no goods: its parts are not given it
    assert rates("Japanese goods face 25%: the 10% baseline plus 15%.") == [
        ("reciprocal", 25), ("baseline", 10), ("reciprocal", 15)
    ]


def test_a_sum_of_two_kinds_of_tariff_is_no_goods_of_either():
    body = "Chinese goods now face 30%: a 10% reciprocal rate plus the 20% levy over fentanyl."
    assert ("fentanyl", 30) not in us_china_rates(body)


def test_a_joiner_between_a_rate_and_a_tariff_word_ends_the_rate():
    # "145% and China's rate": two rates, the first the US one, not one "145% ... rate" of China's
    body = "Tariffs went up on both sides until the U.S. rate on Chinese goods reached 145% and China's rate on U.S. goods reached 125%."
    assert us_china_rates(body) == [("combined", 145), ("china_retaliatory", 125)]


def test_a_side_named_as_levying_the_rate_keeps_the_other_sides_measures_out_of_its_goods():
    # "retaliation" names China's measures, but "U.S. duties" says whose the 145% is
    body = "After rounds of retaliation, U.S. duties reach 145% and China's 125% by April 11."
    assert us_china_rates(body) == [("combined", 145), ("china_retaliatory", 125)]


def test_a_reported_clause_after_the_last_rate_holds_none_of_its_goods():
    body = (
        "Trump said he would cut the fentanyl tariff from 20% to 10%, bringing the combined rate on China from 57% to 47%,"
        " and that China has agreed to buy American soybeans."
    )
    assert us_china_rates(body) == [("fentanyl", 20), ("fentanyl", 10), ("combined", 57), ("combined", 47)]


def test_a_tariff_under_a_product_programme_is_no_country_rate():
    body = (
        "US tariffs on most Chinese goods stand at 30%, on top of the Section 301 tariffs from 2018–19 (7.5% or 25%"
        " depending on the list), and the Section 232 tariffs of 25% on steel."
    )
    assert us_china_rates(body) == [("combined", 30), ("steel", 25)]
    body = "The 55% is made up of the 10% reciprocal tariff, the 20% fentanyl tariff and the 25% Section 301 tariffs."
    assert us_china_rates(body) == [("reciprocal", 10), ("fentanyl", 20)]
    body = "Commerce set a preliminary anti-dumping duty of 93.5% on Chinese anode material."
    assert us_china_rates(body) == []


def test_a_rate_after_the_other_sides_rate_with_no_side_of_its_own_is_that_sides():
    body = "Beijing would keep suspending its additional 24% tariff on US goods for 90 days and retain the 10%."
    assert us_china_rates(body) == [("china_retaliatory", 24), ("china_retaliatory", 10)]
    body = "China continues to apply the 10 percent additional tariff on US goods and keeps the 24 percent additional tariff suspended."
    assert us_china_rates(body) == [("china_retaliatory", 10), ("china_retaliatory", 24)]
    # a rate that names the other side's goods is not that side's
    body = "China's tariff on U.S. goods is 10%, which compares with 30% on most Chinese goods."
    assert us_china_rates(body) == [("china_retaliatory", 10), ("combined", 30)]


def test_the_other_sides_rate_on_all_goods_after_its_rates_on_some():
    body = (
        "Beijing lifted the extra tariffs of 10 per cent and 15 per cent it put on American farm goods in March,"
        " and kept its additional 24 per cent tariff on US goods suspended, leaving a 10 per cent rate in place."
    )
    assert us_china_rates(body) == [
        ("china_agriculture", 10), ("china_agriculture", 15), ("china_retaliatory", 24), ("china_retaliatory", 10)
    ]


def test_a_counter_tariff_is_a_tariff_word_for_the_bare_rates_of_its_sentence():
    body = "China will likewise suspend 24% of its 34% counter-tariff on US goods, keeping 10%."
    assert ("china_retaliatory", 10) in us_china_rates(body)


def test_the_old_duty_a_tariff_was_added_to_is_a_part_of_the_goods_rate():
    # "the old 2.5%" is the duty the cars paid before: theirs, not a rate on all goods
    body = "Tokyo wants the elimination of the additional tariffs, and the 25% levy on cars, added in April to the old 2.5%, is the heart of the matter."
    assert rates(body) == [("autos", 25), ("autos", 2.5)]


def test_rates_after_a_colon_spell_out_the_rate_before_it():
    # the 12.5% and 2.5% make up the 15%, and what they replace is the cars' rate too
    body = (
        "The order sets the tariff on Japanese cars at 15%: a 12.5% additional duty on top of the existing 2.5%, "
        "replacing the 27.5% that has applied since April."
    )
    assert rates(body) == [("autos", 15), ("autos", 12.5), ("autos", 2.5), ("autos", 27.5)]
