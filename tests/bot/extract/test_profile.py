"""The negotiation profile: loaded and validated at start, with one-line errors."""

from datetime import date
from pathlib import Path

import pytest

from bot.config import DEFAULT_PROFILE
from bot.extract.phrases import Phrases
from bot.extract.profile import ProfileError, default_profile, load_profile, with_inverted_compounds
from tests.bot.extract.helpers import DATED_PROFILE as _DATED
from tests.bot.extract.helpers import facts_of


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
        ('usual_venue = "Washington"', 'usual_venue = "Narnia"', "negotiation.usual_venue"),
        ('\nside = "Japan"', '\nside = "Atlantis"', "people[0].side"),
        ('timezone = "America/New_York"', 'timezone = "Mars/Olympus"', "places[0].timezone"),
        ('economic_security = ["economic security"]', 'economic_security = ["economic (security"]', "topics.economic_security"),
        ('[stances]\nissue = "us_tariffs"', '[stances]\nissue = "us_tariffs"\ncolour = "red"', "stances.colour"),
        ('aliases = ["Greer", "Jamieson Greer"]', 'aliases = ["Greer"]\nnot_aliases = ["Greer (Street"]', "people[6].not_aliases"),
        ('aliases = ["Greer", "Jamieson Greer"]', 'aliases = ["Greer"]\nnot_aliases = "Greer Street"', "people[6].not_aliases"),
    ],
)
def test_a_broken_profile_names_the_file_the_key_and_the_problem(tmp_path, old, new, names):
    path = _broken(tmp_path, old, new)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and names in message
    assert "\n" not in message


def test_a_persons_not_aliases_are_optional_and_compiled_like_names(tmp_path):
    assert all(person.exclusions is None for person in default_profile().people)  # today's profiles: none
    path = _broken(tmp_path, 'aliases = ["Greer", "Jamieson Greer"]', 'aliases = ["Greer"]\nnot_aliases = ["Greer Street"]')
    (greer,) = [p for p in load_profile(path).people if p.name == "Jamieson Greer"]
    assert greer.exclusions is not None
    assert greer.exclusions.search("on Greer Street") and greer.exclusions.search("GREER STREET")  # capitals too
    assert not greer.exclusions.search("greer street")  # a name: as written


def test_a_missing_or_unreadable_profile(tmp_path):
    with pytest.raises(ProfileError, match="profile file not found"):
        load_profile(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[negotiation\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(bad)


US_CHINA = DEFAULT_PROFILE.parent / "us_china_2025.toml"


def test_todays_one_issue_stances_are_one_issue_of_the_tracked_side_tried_deal_first():
    (issue,) = load_profile(DEFAULT_PROFILE).issues
    assert (issue.id, issue.side) == ("us_tariffs", "Japan")
    assert [(s.id, s.needs) for s in issue.stances] == [("agreed", "deal"), ("reduction", "clause"), ("removal", "near")]


def test_issues_name_their_side_stances_and_what_they_are_about():
    profile = load_profile(US_CHINA)
    assert [(i.id, i.side) for i in profile.issues] == [("us_tariffs", "China"), ("export_controls", "United States")]
    assert [s.id for s in profile.issues[1].stances] == ["agreed", "removal"]
    assert profile.label("us_tariffs") == "the US tariffs"


def test_sectors_say_who_imposes_them_and_which_is_a_sides_rate_on_all_goods():
    profile = load_profile(US_CHINA)
    assert profile.imposer_of("reciprocal") == "United States"
    assert profile.imposer_of("china_retaliatory") == "China"
    assert profile.country_sector(125) == "reciprocal" and profile.country_sector(145) == "combined"
    assert profile.country_sector(125, imposed_by="China") == "china_retaliatory"


def test_a_family_name_first_is_the_surname():
    people = {p.name: p for p in load_profile(US_CHINA).people}
    assert (people["He Lifeng"].surname, people["He Lifeng"].family_first) == ("He", True)
    assert (people["Scott Bessent"].surname, people["Scott Bessent"].family_first) == ("Bessent", False)


def test_an_asker_may_name_a_side_by_an_alias_in_any_case():
    profile = load_profile(US_CHINA)
    assert profile.side_named("china") == "China"
    assert profile.side_named("usa") == profile.side_named("united states") == "United States"
    assert profile.side_named("Narnia") is None


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ('tariffs_imposed_by = "United States"', 'tariffs_imposed_by = "Narnia"', "negotiation.tariffs_imposed_by"),
        ('surname = "He"', 'surname = "Ho"', "people[4].surname"),
        ('id = "us_tariffs"\nside = "China"', 'id = "us_tariffs"\nside = "Narnia"', "issues[0].side"),
        ('needs = "deal"', 'needs = "nearby"', "issues[0].stances[0].needs"),
        ("[sector_details.ship_fees]", "[sector_details.ships]", "sector_details"),
        ('imposed_by = "China"\ncountry_wide', 'imposed_by = "Narnia"\ncountry_wide', "sector_details.china_retaliatory"),
        ("[[issues]]", "[stances]\nissue = 'x'\nremoval = ['a']\nreduction = ['b']\nagreed = ['c']\n\n[[issues]]", "[stances] or [[issues]]"),
        ('place = "London"', 'place = "Paris"', "rounds[1].place"),
        ("end = 2025-06-10", "end = 2025-06-01", "rounds[1].end"),
        ("start = 2025-06-09", 'start = "early June"', "rounds[1].start"),
        ("number = 2", "number = 1", "rounds: two rounds share a number"),
        ("number = 2", "number = 0", "rounds[1].number"),
    ],
)
def test_a_broken_new_key_names_the_file_the_key_and_the_problem(tmp_path, old, new, names):
    path = tmp_path / "profile.toml"
    text = US_CHINA.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and names in message, message
    assert "\n" not in message


def test_rounds_are_optional_and_a_listed_round_has_its_days_and_city():
    assert default_profile().rounds == ()  # a profile of today's format, without [[rounds]]
    profile = load_profile(US_CHINA)
    assert [(r.number, r.place) for r in profile.rounds][:2] == [(1, "Geneva"), (2, "London")]
    london = profile.scheduled(2)
    assert london is not None and london.holds(date(2025, 6, 10)) and not london.holds(date(2025, 6, 11))
    assert profile.scheduled(9) is None


def test_a_stance_without_a_label_of_its_own_takes_its_labels_entry(tmp_path):
    path = tmp_path / "profile.toml"
    text = US_CHINA.read_text(encoding="utf-8").replace('id = "removal"\nlabel = "their removal"\n', 'id = "removal"\n')
    path.write_text(text + '\n[labels]\nremoval = "lifting them"\n', encoding="utf-8")
    profile = load_profile(path)
    assert profile.stance_label("export_controls", "removal") == "lifting them"
    assert profile.stance_label("us_tariffs", "removal") == "removal of the US tariffs"  # its own label wins


def test_a_side_has_one_country_wide_sector(tmp_path):
    text = US_CHINA.read_text(encoding="utf-8").replace(
        '[sector_details.china_agriculture]\nimposed_by = "China"\n', '[sector_details.china_agriculture]\nimposed_by = "China"\ncountry_wide = true\n'
    )
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match="china_retaliatory and china_agriculture are both country_wide for China"):
        load_profile(path)


def test_names_of_sides_and_places_and_buildings_are_found_without_their_diacritics(tmp_path):
    text = DEFAULT_PROFILE.read_text(encoding="utf-8").replace(
        'aliases = ["Japan"', 'aliases = ["Nippon Kōkoku", "Japan"', 1
    ).replace('buildings = [', 'buildings = ["Hôtel de Ville", ', 1)
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    profile = load_profile(path)
    assert profile.sides["Japan"].search("Nippon Kokoku said") and profile.sides["Japan"].search("Nippon Kōkoku said")
    (with_buildings,) = [p for p in profile.places if p.buildings and p.buildings.search("at the hotel de ville")]
    assert with_buildings.buildings is not None and with_buildings.buildings.search("at the Hôtel de Ville")



def _dated(tmp_path: Path, text: str = _DATED) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_dated_titles_load_with_their_days(tmp_path):
    profile = load_profile(_dated(tmp_path))
    pak, ro = profile.people
    assert [(t.phrases.patterns, t.since, t.until) for t in pak.dated_titles] == [
        (("finance minister",), None, date(2025, 6, 30)),
        (("then-finance minister",), None, None),  # a table without days is always held
    ]
    assert [(t.phrases.patterns, t.since, t.until) for t in ro.dated_titles] == [
        (("finance minister",), date(2025, 7, 1), None),
        (("planning minister",), None, date(2025, 6, 30)),  # a table's days are its own
    ]
    assert ro.titles is not None and ro.titles.patterns == ("finance minister", "planning minister")
    assert profile.note.startswith("A round is a sitting")
    assert profile.side_exclusions["South Korea"].search("Korean Air said")


def test_an_undated_person_has_one_set_of_titles_held_on_every_day():
    (titles,) = default_profile().people[0].dated_titles
    assert titles.phrases is default_profile().people[0].titles
    assert titles.held_on(None) and titles.held_on(date(1999, 1, 1))


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ("until = 2025-06-30\nnegotiator", "until = 2025-06-30\nfrom = 2025-07-01\nnegotiator", "people[0].until"),
        ('{ title = "planning minister", until = 2025-06-30 }', '{ title = "planning minister", from = 2025-07-01, until = 2025-06-30 }', "people[1].titles[1].until"),
        ('{ title = "then-finance minister" }', '{ title = "then-finance minister", since = 2025-01-01 }', "people[0].titles"),
        ("from = 2025-07-01", 'from = "July"', "people[1].from"),
        ('not_aliases = ["Korean Air"]', 'not_aliases = ["Korean (Air"]', "sides.South Korea.not_aliases"),
    ],
)
def test_a_broken_dated_title_or_not_alias_names_the_key(tmp_path, old, new, names):
    assert old in _DATED
    path = _dated(tmp_path, _DATED.replace(old, new, 1))
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and names in message, message
    assert "\n" not in message


def test_the_clock_of_events_with_no_place_is_a_known_time_zone(tmp_path):
    text = _DATED.replace('subject_terms = ["tariffs?"]', 'subject_terms = ["tariffs?"]\ntimezone = "Asia/Seoul"')
    assert load_profile(_dated(tmp_path, text)).default_tz is not None
    assert load_profile(_dated(tmp_path)).default_tz is None  # UTC when unset
    path = _dated(tmp_path, text.replace("Asia/Seoul", "Asia/Atlantis"))
    with pytest.raises(ProfileError, match=r"negotiation\.timezone: unknown time zone 'Asia/Atlantis'"):
        load_profile(path)


def test_a_stances_phrases_let_in_small_words_and_hyphens_between_their_words():
    import re

    from bot.extract.profile import with_gaps

    patterns = with_gaps(["reduc\\w+ (?:the )?tariffs?", "zero-for-zero", "non-?tariff barriers", "removal"])
    assert patterns[:4] == ["reduc\\w+ (?:the )?tariffs?", "zero-for-zero", "non-?tariff barriers", "removal"]

    def found(text: str) -> bool:
        return any(re.fullmatch(p, text) for p in patterns)

    assert found("reduction of the 46% tariffs")
    assert found("reduce the 20 percent tariff")
    assert found("zero for zero")
    assert found("non-tariff barriers")
    assert not found("reduce its tariffs")  # whose tariffs "its" are is for the positions to weigh
    assert not found("reduction of the tariffs and the levies on steel, cars and tariffs")


def test_cities_are_found_in_capitals_too():
    from tests.bot.extract.helpers import article_of

    article = article_of("08:11 AKAZAWA ARRIVES IN WASHINGTON FOR TARIFF TALKS")
    assert [m.value for m in article.places.items] == ["Washington"]


def test_a_two_word_topic_is_also_found_head_first_with_its_modifier_after_on():
    found = Phrases(with_inverted_compounds(["export controls?", "rare[- ]earths?"]))
    text = "He urged Beijing to lift its controls on chip exports, and its curbs on exports of magnets."
    assert [text[s:e] for s, e in found.spans(text)] == ["controls on"]
    # only where the modifier ends its noun phrase: "export" is not the head of "export licences"
    assert not found.search("It eased controls on export licences.")


def test_a_topic_between_an_inverted_compounds_head_and_its_modifier_is_its_own():
    us_china = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
    facts = facts_of(
        "Bessent met He Lifeng in Geneva on Saturday for trade talks.\n"
        "Washington also pressed Beijing to lift its remaining curbs on rare-earth exports, Bessent said.",
        published="2025-05-11T08:00:00Z",
        profile=us_china,
    )
    assert sorted(facts.topics) == ["export_controls", "rare_earths"]
