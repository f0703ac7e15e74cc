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
_CANADA_CHINA = load_profile(Path(__file__).parent / "blind" / "cach1" / "profile.toml")
_CANADA_CHINA_LEAD = "Anand met Wang Yi in Beijing on Friday for trade talks on canola.\n"


def rates(body: str) -> list[tuple[str, float]]:
    return [(t.sector, t.rate) for t in facts_of(LEAD + body).tariffs]


def us_china_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_US_CHINA_LEAD + body, title="US and China trade talks", profile=_US_CHINA)
    return [(t.sector, t.rate) for t in facts.tariffs]


def us_india_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_US_INDIA_LEAD + body, title="India and US trade talks", profile=_US_INDIA)
    return [(t.sector, t.rate) for t in facts.tariffs]


def canada_china_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_CANADA_CHINA_LEAD + body, title="Canada and China trade talks", profile=_CANADA_CHINA)
    return [(t.sector, t.rate) for t in facts.tariffs]


# -- several rates, each with a list of goods --


def test_a_rate_keeps_its_list_of_goods_up_to_the_next_rate():
    # "and 25% on ...": the break before the next figure ends the first rate's list, not its first comma
    body = "China has charged 100% on canola oil, canola meal and peas and 25% on pork and seafood."
    assert canada_china_rates(body) == [
        ("canola_oil", 100), ("canola_meal", 100), ("peas", 100), ("pork", 25), ("seafood", 25),
    ]  # fmt: skip
    body = "Beijing announced additional tariffs of 100% on rapeseed oil, oil cakes and peas and of 25% on aquatic products and pork."
    assert canada_china_rates(body) == [
        ("canola_oil", 100), ("canola_meal", 100), ("peas", 100), ("seafood", 25), ("pork", 25),
    ]  # fmt: skip


def test_a_surtax_is_a_tariff_word():
    # a bare rate in a sentence whose only tariff word is "surtax" is still a rate
    body = "That was in reply to Ottawa's 100% surtax on Chinese electric vehicles and 25% on Chinese steel and aluminium."
    assert canada_china_rates(body) == [("evs", 100), ("steel", 25), ("aluminum", 25)]


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


# -- percentages that are no tariffs, in sentences about tariffs --

_UK_US = load_profile(Path(__file__).parent / "blind" / "ukus1" / "profile.toml")
_UK_US_LEAD = "Reeves met Lutnick in Washington on Monday for a round of trade talks.\n"


def uk_us_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_UK_US_LEAD + body, title="UK and US trade talks", profile=_UK_US)
    return [(t.sector, t.rate) for t in facts.tariffs]


def test_a_central_banks_policy_rate_is_no_tariff():
    assert rates("The central bank kept its policy rate at 0.5% despite the tariffs.") == []
    assert rates("Worried by the tariffs, the bank cut its lending rate to 1.25% on Thursday.") == []


def test_a_tariff_free_quota_is_no_rate_of_the_percentage_before_it():
    assert rates("Japan will buy 60 per cent more wheat inside its existing tariff-free quota.") == []
    assert rates("Tokyo will take 40 percent of the grain duty-free under the deal.") == []


def test_a_share_or_an_amount_is_no_tariff():
    assert rates("Of 300,000 cars sold here, about 40% are imported from Japan, so the tariff bites.") == []
    assert rates("Once the fund recovers its money, 90% goes to the United States, under the tariff deal.") == []
    assert rates("Farmers say that selling 60% more is welcome, whatever the tariffs.") == []
    # ... but what goods are said to pay still is
    assert rates("Japanese cars pay 15% under the tariff deal.") == [("autos", 15)]


def test_a_signed_market_move_is_no_tariff():
    assert rates("Toyota +1.5%, Honda -0.8% as tariff fears ease.") == []


def test_what_a_percentage_measures_after_a_bracket_or_a_colon_is_no_tariff():
    assert rates("We put a low (15%) probability on a deal on the tariffs.") == []
    assert rates("- 25%: the rise in the price of cars since the tariffs.") == []


def test_a_tax_on_revenues_or_a_named_domestic_tax_is_no_tariff():
    assert uk_us_rates("Washington objects to Britain's 2% levy on the revenues of large platforms.") == []
    assert uk_us_rates("The UK's 2% digital services tax raises about £800m a year.") == []
    assert rates("The 3% digital services tax on tech firms annoys the White House.") == []
    assert rates("Cars face a 25% tariff, and a sales tax applies too.") == [("autos", 25)]


def test_the_same_tariffs_as_other_goods_take_no_rate_from_the_sentence_before():
    body = "Japanese goods pay 24%.\nGoods shipped through Okinawa face the same tariffs as other Japanese goods."
    assert rates(body) == [("reciprocal", 24)]


# -- the old value of a rate, said at once after it --

_EU_US = load_profile(Path(__file__).parent / "blind" / "eu1" / "profile.toml")
_EU_US_LEAD = "Sefcovic met Lutnick in Washington on Monday for a round of trade talks.\n"


def eu_us_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_EU_US_LEAD + body, title="EU and US trade talks", profile=_EU_US)
    return [(t.sector, t.rate) for t in facts.tariffs]


def test_an_old_value_said_at_once_has_the_goods_of_the_new_one_not_the_goods_named_after_it():
    body = ("The US trimmed its duty on European vehicles to 15% from 27.5% in the autumn, once Brussels moved to drop "
            "EU tariffs on American industrial goods.")
    assert eu_us_rates(body) == [("autos", 15), ("autos", 27.5)]
    # ... and the goods after it are the next rate's
    body = "The duty on cars goes to 15% from 27.5% and on steel to 25% from 50%."
    assert rates(body) == [("autos", 15), ("autos", 27.5), ("steel", 25), ("steel", 50)]


def test_a_range_keeps_the_goods_after_it():
    body = "Beijing put tariffs of 10% to 15% on US chicken and pork, and keeps a 10% tariff on US goods."
    assert us_china_rates(body)[:2] == [("china_agriculture", 10), ("china_agriculture", 15)]


def test_a_rate_spelled_in_words_ends_the_goods_of_the_tariff_before_it():
    body = "Washington will lower the fentanyl levy on Chinese shipments to 10 percent from 20 percent next month."
    assert us_china_rates(body) == [("fentanyl", 10), ("fentanyl", 20)]


# -- a bare "parts" right after a sector's goods: the profile's parts sector of those goods --


def test_bare_parts_after_cars_are_the_parts_sector_of_the_profile():
    assert ("auto_parts", 25) in rates("Exporters pay 25 percent on whole vehicles and 25 percent on parts.")
    assert ("auto_parts", 25) in rates("Vehicles have paid a 25% duty since April, and parts have faced 25% since May.")


def test_parts_sectors_pair_a_sector_with_the_one_named_by_its_goods_and_parts():
    from bot.extract.profile import default_profile
    from bot.extract.tariffs import parts_sectors

    assert parts_sectors(default_profile()) == {"autos": "auto_parts"}
    assert parts_sectors(_US_CHINA) == {}  # no parts sector: a bare "parts" names no goods


def test_parts_of_something_or_far_from_goods_are_no_parts_sector():
    assert ("auto_parts", 25) not in rates("Parts of the deal on cars remain open, with a 25% rate on steel.")
    assert ("auto_parts", 50) not in rates("Steel pays 50% and parts of the economy suffer.")


# -- goods a rate is not on: goods exempt from it, the duty it is added to --

_TAIWAN_US = load_profile(Path(__file__).parent / "blind" / "twus1" / "profile.toml")
_TAIWAN_US_LEAD = "Cheng Li-chiun met Greer in Washington on Tuesday for a round of tariff talks.\n"


def taiwan_us_rates(body: str) -> list[tuple[str, float]]:
    facts = facts_of(_TAIWAN_US_LEAD + body, title="Taiwan and US tariff talks", profile=_TAIWAN_US)
    return [(t.sector, t.rate) for t in facts.tariffs]


def test_goods_said_to_be_exempt_are_not_on_the_rate():
    # the goods exempt from the rate, with those joined to them, are not its goods
    body = "Taiwanese goods pay a 20% reciprocal tariff, though chips and wafers are still exempt from it."
    assert taiwan_us_rates(body) == [("reciprocal", 20)]
    body = "Japan's exporters face a 25% levy; vehicles, the country's biggest export, have so far been spared."
    assert ("autos", 25) not in rates(body)
    # a wish to be exempted is no exemption: the goods keep the rate
    assert rates("Tokyo wants its cars to be exempted from the 25% tariff.") == [("autos", 25)]


def test_the_tariff_goods_are_exempt_from_or_a_rate_is_added_to_is_no_goods_of_the_rate():
    # a profile whose sectors name duties (MFN, the combined rate): the duty a rate is stacked on is not its kind
    body = "Taipei asked that the 20% rate not be stacked on top of the existing most-favored-nation (MFN) duties."
    assert taiwan_us_rates(body) == [("reciprocal", 20)]
    body = "Fasteners pay 50% on their steel and are not subject to the reciprocal tariff."
    assert taiwan_us_rates(body) == [("steel", 50)]
    # ... but a duty whose own rate follows is that rate's kind
    body = "Taiwan's goods pay this on top of the reciprocal tariff of 20% in force since August."
    assert taiwan_us_rates(body) == [("reciprocal", 20)]


# -- rates spelled "pc", list lines labelled with goods, old values said as a change --


def test_a_rate_spelled_pc_is_read():
    body = "Tokyo's carmakers pay a 25pc levy on autos while most other exports face the 10pc baseline."
    assert rates(body) == [("autos", 25), ("baseline", 10)]


def test_a_list_line_labelled_with_goods_is_a_rate_on_them_without_a_tariff_word():
    facts = facts_of(
        LEAD + "What the US charges now, item by item:\n"
        "- Auto parts: an extra 25% (since early May)\n"
        "- Steel and aluminum: 25% since the spring.\n"
        "- Container rail share: 31%\n"
        "The bottom line: 15%."
    )
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("auto_parts", 25), ("steel", 25), ("aluminum", 25)]


def test_a_label_with_a_section_number_is_one_line():
    facts = facts_of(LEAD + "Rates in force this week\nAluminum (Sec. 232): 50%, no change")
    assert [(t.sector, t.rate) for t in facts.tariffs] == [("aluminum", 50)]


def test_the_old_value_of_a_change_said_after_the_rates_words_has_its_goods():
    body = "Importers now pay 50% tariffs on steel and aluminum goods, doubled from 25%, since the start of summer."
    assert rates(body) == [("steel", 50), ("aluminum", 50), ("steel", 25), ("aluminum", 25)]
    # another clause with goods of its own comes between: not the old value of the steel rate
    body = "Steel pays 50% at the border, while the levy on autos, cut from 27.5%, is still under review."
    assert ("steel", 27.5) not in rates(body)


def test_the_tariff_word_right_after_a_rate_is_that_rates_with_its_goods():
    body = "The White House said the 25 percent tariff on steel would be raised to 50 percent next month."
    assert rates(body) == [("steel", 25), ("steel", 50)]


# -- what is left of a rate, a rate split in its clause, one side's rate --


def test_what_a_suspension_leaves_is_the_rest_of_the_rate():
    body = "Washington paused most of its 34% reciprocal duty for now, leaving a 10% rate in place."
    assert us_china_rates(body) == [("reciprocal", 34), ("reciprocal", 10)]
    body = "Beijing will hold off its extra 24% tariff on US goods for another quarter while retaining a 10% rate."
    assert us_china_rates(body) == [("china_retaliatory", 24), ("china_retaliatory", 10)]


def test_the_rates_after_a_rate_the_clause_opens_on_are_its_parts():
    body = "On the US tariff: of the 34% reciprocal rate, 24% will be paused for a quarter and 10% will be collected."
    assert us_china_rates(body) == [("reciprocal", 34), ("reciprocal", 24), ("reciprocal", 10)]


def test_a_rate_said_as_a_share_of_the_rate_before_is_its_part():
    # "of which 24%", "24% of it": a part of the rate just before, not a rate on all goods of its own
    body = "The US reciprocal tariff on Chinese goods went to 34%, of which 24% is suspended for 90 days."
    assert us_china_rates(body) == [("reciprocal", 34), ("reciprocal", 24)]
    body = "The US reciprocal tariff on Chinese goods was set at 34%, with 24% of it suspended for 90 days."
    assert us_china_rates(body) == [("reciprocal", 34), ("reciprocal", 24)]


def test_the_clause_that_opens_on_a_rate_may_follow_an_attribution():
    body = (
        "According to the statement, of the so-called reciprocal tariff of 34 percent, America will keep 10 percent "
        "and suspend the remaining 24 percent."
    )
    assert us_china_rates(body) == [("reciprocal", 34), ("reciprocal", 10), ("reciprocal", 24)]


def test_a_rate_is_one_sides_not_the_other_sides_measures_named_with_it():
    body = "Officials will seek a longer pause on the 24% part of the US reciprocal tariff and on Beijing's countermeasures."
    assert us_china_rates(body) == [("reciprocal", 24)]


def test_a_pair_of_sides_does_not_levy_a_rate():
    body = "Stocks climbed after the weekend deal cut US-China tariffs to 30%, traders said."
    assert us_china_rates(body) == [("combined", 30)]


def test_both_sides_words_in_one_phrase_stay_the_rates_goods():
    # "total" (the US sum) and the tracked side's goods in one phrase: no second thing joined
    body = "Washington's total duty on American soybeans fell from 30% to 20% last year."
    assert ("china_agriculture", 30) in us_china_rates(body)


def test_a_counter_tariff_after_a_rate_is_its_tariff_word():
    # (no other tariff word in the sentence or the one before)
    assert us_china_rates("Beijing's 15% counter-tariffs remain in force.") == [("china_retaliatory", 15)]


# -- a rate whose subject points back at the goods of the sentence before --


def test_that_tariff_is_the_tariff_the_sentence_before_named():
    body = (
        "What Washington has not offered is any movement on the auto tariff, which is what Tokyo came for.\n"
        "That tariff now stands at 27.5%: the 25% Trump added in April on top of the old 2.5% duty."
    )
    assert rates(body) == [("autos", 27.5), ("autos", 25), ("autos", 2.5)]


def test_those_imports_are_the_goods_the_sentence_before_named():
    body = "The new tariff on cars is 15%, the order says. That's the tariff on cars imported from Japan.\nRight now, those imports pay 27.5%."
    assert ("autos", 27.5) in rates(body)
    assert ("reciprocal", 27.5) not in rates(body)


def test_the_parts_are_the_parts_of_the_goods_the_sentence_before_named():
    body = "Since April, a Japanese car going to America pays a 25% tariff.\nSince the beginning of this month, the parts pay 25% too."
    assert rates(body) == [("autos", 25), ("auto_parts", 25)]


def test_no_goods_are_pointed_back_at_where_the_sentence_before_has_rates_of_another_kind():
    # "The rate" may be either rate of the sentence before: the country rate stays
    body = "Japanese goods will pay a 24% tariff and cars 25%, he said.\nThe rate compares with the 10% of the pause."
    assert ("autos", 10) not in rates(body)


def test_no_goods_are_pointed_back_at_where_the_sentence_before_ends_on_a_tariff_on_other_goods():
    body = (
        "The steel probe opened the day after the draft duties on battery-powered mowers.\n"
        "Those duties took effect in October, at rates of up to 35.3%."
    )
    assert ("steel", 35.3) not in rates(body)


def test_a_rate_the_pointing_subject_is_compared_with_is_not_its_rate():
    body = "Cars would face a 25% tariff from August 1.\nThe rate is one percentage point higher than the 24% announced in April."
    assert ("autos", 24) not in rates(body)


# -- a side that gets a rate as the clause before got one levies it --


def test_a_side_getting_a_rate_after_the_other_side_got_one_levies_it():
    body = 'Trump wrote that the US is "getting a total of 55% tariffs" while "China is getting 10%."'
    assert us_china_rates(body) == [("combined", 55), ("china_retaliatory", 10)]
    assert us_china_rates('"We are getting a total of 55% tariffs, China is getting 10%," he added.') == [
        ("combined", 55),
        ("china_retaliatory", 10),
    ]


def test_a_side_getting_a_rate_alone_pays_it():
    assert ("china_retaliatory", 10) not in us_china_rates("Under the truce, China is getting 10% on top of the older duties.")


# -- a ceiling is a rate --


def test_a_ceiling_with_a_list_of_goods_is_their_rate():
    body = (
        "Akazawa spoke to reporters after the meeting.\n"
        "He said the 15% all-inclusive ceiling on most exports, including cars and steel, was the best deal."
    )
    assert ("autos", 15) in rates(body)
    assert ("steel", 15) in rates(body)


def test_a_figure_that_is_no_rate_still_ends_the_goods_of_the_rate_before():
    # "10% of the March retaliation" is a share, no rate; the 3% before it is not the retaliation's
    found = us_china_rates(
        "A U.S. soybean shipped to China today faces a 23% duty (the 3% MFN rate, 10% of the March retaliation "
        "and 10% under the Geneva arrangement)."
    )
    assert ("china_agriculture", 3) in found and ("china_retaliatory", 3) not in found
