"""The world's countries, from the data packages: names, short forms, demonyms, capitals."""

from bot.extract.world import COUNTRY_NAMES, countries, country_words


def _names_of(name: str) -> tuple[str, ...]:
    return next(c.names for c in countries() if c.name == name)


def test_a_country_is_named_by_its_name_demonym_and_capital():
    assert {"Switzerland", "Swiss", "Bern"} <= set(_names_of("Switzerland"))
    assert {"Philippines", "Filipino", "Manila"} <= set(_names_of("Philippines"))


def test_short_forms_the_press_uses_are_added_by_rule():
    assert {"Korea", "Korean", "South Korea", "South Korean"} <= set(_names_of("South Korea"))
    assert {"UK", "U.K.", "Britain", "British", "London"} <= set(_names_of("United Kingdom"))


def test_a_union_is_named_by_its_name_and_initials():
    assert set(_names_of("European Union")) == {"European Union", "EU", "E.U."}


def test_codes_other_scripts_and_small_territories_capitals_are_left_out():
    words = set(country_words())
    assert not {"CH", "CHE", "JPN", "中华人民共和国"} & words
    assert not {"Stanley", "Hamilton", "Douglas"} & words  # capitals of territories under 100,000 people


def test_the_initials_of_a_populous_country_and_a_capital_without_its_abbreviation_are_names():
    # the press writes "the US 10% tariff" and "the backdrop is Washington", not only "United States"
    assert {"US", "U.S.", "Washington"} <= set(_names_of("United States"))
    # a smaller country's initials are more often something else ("SA", "CR")
    assert "SA" not in _names_of("Saudi Arabia") and "CR" not in _names_of("Costa Rica")


def test_initials_before_a_currency_sign_are_an_amount_not_the_country():
    text = "exports worth US$ 900 million, and the US rate"
    assert [text[s:e] for s, e in COUNTRY_NAMES.spans(text)] == ["US"]
    assert COUNTRY_NAMES.spans(text)[0][0] == text.index("US rate")
