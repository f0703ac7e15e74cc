"""The negotiation profile: loaded and validated at start, with one-line errors."""

from pathlib import Path

import pytest

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import ProfileError, load_profile


def test_the_shipped_profile_loads():
    profile = load_profile(DEFAULT_PROFILE)
    assert profile.tracked_side == "Japan"
    assert {p.name for p in profile.people} >= {"Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"}
    assert profile.country_sector(10) == "baseline" and profile.country_sector(24) == "reciprocal"


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(DEFAULT_PROFILE.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ('tracked_side = "Japan"', 'tracked_side = "Narnia"', "negotiation.tracked_side"),
        ('\nside = "Japan"', '\nside = "Atlantis"', "people[0].side"),
        ('timezone = "America/New_York"', 'timezone = "Mars/Olympus"', "places[0].timezone"),
        ('economic_security = ["economic security"]', 'economic_security = ["economic (security"]', "topics.economic_security"),
        ('[stances]\nissue = "us_tariffs"', '[stances]\nissue = "us_tariffs"\ncolour = "red"', "stances.colour"),
    ],
)
def test_a_broken_profile_names_the_file_the_key_and_the_problem(tmp_path, old, new, names):
    path = _broken(tmp_path, old, new)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and names in message
    assert "\n" not in message


def test_a_missing_or_unreadable_profile(tmp_path):
    with pytest.raises(ProfileError, match="profile file not found"):
        load_profile(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[negotiation\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(bad)
