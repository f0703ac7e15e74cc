"""The pipeline's own rules: what it settles once every finder has spoken."""

from pathlib import Path

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from tests.bot.extract.helpers import facts_of

_MET = (
    "Japan's chief tariff negotiator Ryosei Akazawa met Commerce Secretary Howard Lutnick for about 90 minutes on "
    "Thursday, and the two agreed to keep talking about the tariffs on Japanese cars."
)


def test_a_sitting_whose_story_names_no_city_is_at_the_profiles_usual_venue():
    facts = facts_of(_MET, title="Akazawa, Lutnick hold talks on car tariffs", published="2025-06-28T01:00:00Z")
    assert facts.meetings and facts.location == "Washington"


def test_a_profile_without_a_usual_venue_places_such_a_sitting_nowhere(tmp_path: Path):
    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("usual_venue"))
    path = tmp_path / "profile.toml"
    path.write_text(text.replace(line, ""), encoding="utf-8")
    profile = load_profile(path)
    assert profile.usual_venue is None
    facts = facts_of(_MET, title="Akazawa, Lutnick hold talks on car tariffs", profile=profile)
    assert facts.meetings and facts.location is None


def test_a_city_the_story_names_wins_over_the_usual_venue():
    facts = facts_of(
        "Japan's chief tariff negotiator Ryosei Akazawa met Commerce Secretary Howard Lutnick in Osaka for about 90 "
        "minutes on Thursday to discuss the tariffs on Japanese cars.",
        title="Akazawa, Lutnick hold talks on car tariffs",
    )
    assert facts.location == "Osaka"


def test_a_leaders_sitting_is_not_placed_at_the_negotiators_usual_venue():
    facts = facts_of(
        "Prime Minister Shigeru Ishiba met President Donald Trump for about 30 minutes on Monday, with Ryosei Akazawa "
        "at his side, but the two leaders reached no deal on tariffs.",
        title="Ishiba and Trump meet, no deal on tariffs",
    )
    assert "Shigeru Ishiba" in facts.participants and facts.location is None


def test_a_call_is_not_placed_at_the_usual_venue():
    facts = facts_of(
        "Ryosei Akazawa spoke with Commerce Secretary Howard Lutnick by telephone for about 40 minutes on Tuesday "
        "about the tariffs on Japanese cars.",
        title="Akazawa and Lutnick hold phone call on tariffs",
    )
    assert facts.location is None

