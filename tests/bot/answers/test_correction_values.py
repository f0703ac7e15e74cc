"""A corrected value is read as the extractor reads articles, by the profile's words; a value
that cannot be read is one line saying what was expected."""

from __future__ import annotations

import pytest

from bot.answers.correction_values import read_value
from bot.errors import UserError
from bot.extract.profile import default_profile, load_profile
from bot.knowledge.matching import dump

PROFILE = default_profile()


@pytest.mark.parametrize(("field", "text", "key", "value"), [
    ("date", "2025-06-07", "", '"2025-06-07"'),
    ("date", "June 7, 2025", "", '"2025-06-07"'),
    ("location", "tokyo", "", '"Tokyo"'),
    ("participants", "Akazawa, Lutnik and Bessent", "", '["Howard Lutnick","Ryosei Akazawa","Scott Bessent"]'),
    ("meetings", "Lutnick 110 min; Besent 45 minutes", "",
     '[{"minutes":110,"with":["Howard Lutnick"]},{"minutes":45,"with":["Scott Bessent"]}]'),
    ("meetings", "Lutnick an hour and a half", "", '[{"minutes":90,"with":["Howard Lutnick"]}]'),
    ("tariffs", "autos 15%", "autos", "15"),
    ("tariffs", "cars 27.5 percent", "autos", "27.5"),
    ("position", "reduction", "Japan:us_tariffs", '"reduction"'),
    ("position", "Japan: a deal", "Japan:us_tariffs", '"agreed"'),
    ("topics", "rice, energy", "", '["agriculture","energy"]'),
])
def test_values_are_read_by_the_profiles_words(field: str, text: str, key: str, value: str) -> None:
    read = read_value(field, text, PROFILE)
    assert (read.field, read.key, dump(read.value)) == (field, key, value)


@pytest.mark.parametrize(("field", "text", "expected"), [
    ("date", "soonish", "2025-06-06"),
    ("location", "Paris", "Washington"),
    ("participants", "Akazawa, the butler", "e.g. Akazawa, "),
    ("meetings", "for a while", "Akazawa 110 min"),
    ("tariffs", "autos", "15%"),
    ("position", "maybe", "removal"),
    ("topics", "the weather", "comma-separated"),
    ("position", "", "needs a value"),
])
def test_a_value_that_cannot_be_read_says_what_was_expected(field: str, text: str, expected: str) -> None:
    with pytest.raises(UserError) as info:
        read_value(field, text, PROFILE)
    assert expected in str(info.value) and "\n" not in str(info.value)


def test_the_stances_are_the_profiles_not_the_code() -> None:
    us_china = load_profile("bot/profiles/us_china_2025.toml")
    with pytest.raises(UserError) as info:
        read_value("position", "nonsense", us_china)
    stances = {s.id for issue in us_china.issues for s in issue.stances}
    assert all(s in str(info.value) for s in stances)
