"""`parley profile check`'s reading of a profile: a summary, and warnings for what loads but will
not read as its author meant (each one saying what the extractor does instead)."""

from pathlib import Path

import pytest

from bot.config import DEFAULT_PROFILE
from bot.extract.profile import load_profile
from bot.extract.profile_check import samples, summary, warnings

US_CHINA = DEFAULT_PROFILE.parent / "us_china_2025.toml"


def _edited(tmp_path: Path, *edits: tuple[str, str], base: Path = DEFAULT_PROFILE) -> Path:
    text = base.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_summary_names_what_the_extractor_will_use():
    lines = summary(load_profile(US_CHINA))
    text = "\n".join(lines)
    assert lines[0] == "negotiation: US–China trade talks (2025) (id us-china-trade-2025)"
    assert "  He Lifeng (China, surname He, family name first, negotiator): aliases He Lifeng; titles vice premier" in text
    assert "  Geneva (Europe/Zurich): aliases Geneva; buildings Villa Saladin" in text
    assert "  china_retaliatory: imposed by China, China's rate on all the other side's goods" in text
    assert "a rate on no named goods: combined; 34%, 84%, 125% -> reciprocal" in text
    assert "  us_tariffs: what China seeks, shown as 'the US tariffs'; stances in order: agreed [deal]" in text
    assert "  2: 2025-06-09 to 2025-06-10, London" in text


def test_a_persons_capitalised_variants_are_not_listed_as_written():
    text = "\n".join(summary(load_profile(DEFAULT_PROFILE)))
    assert "aliases Akazawa, Ryosei Akazawa, Akazawa Ryosei;" in text
    assert "AKAZAWA" not in text


def test_rounds_are_left_out_of_a_profile_without_them():
    assert not any(line.startswith("rounds") for line in summary(load_profile(DEFAULT_PROFILE)))


def test_a_spelt_out_pattern_gives_its_texts_and_a_wildcard_none():
    assert samples("tariffs?") == ["tariffs", "tariff"]
    assert samples("U\\.S\\.(?:A\\.)?") == ["U.S.A.", "U.S."]
    assert samples("negotiat\\w+") == []


def test_the_shipped_profiles_have_no_warning():
    # Li Chenggang's "vice commerce minister" holds Wang Wentao's "commerce minister": no warning,
    # the longer title is only Li's where it stands
    assert [w for w in warnings(load_profile(DEFAULT_PROFILE)) if not w.startswith("note:")] == []
    assert [w for w in warnings(load_profile(US_CHINA)) if not w.startswith("note:")] == []


def test_a_title_two_people_share_is_the_first_listed_unless_the_others_side_stands_before_it(tmp_path):
    path = _edited(tmp_path, ('titles = ["trade representative", "USTR"]',
                              'titles = ["trade representative", "USTR", "commerce secretary"]'))
    (found,) = [w for w in warnings(load_profile(path)) if "title" in w]
    assert found == (
        "people: the title 'commerce secretary' is one of Howard Lutnick's and of Jamieson Greer's: where it stands "
        "without a name after it, it is read as the one of them last named by an alias of their own before it in the "
        "article, else as Howard Lutnick, who is listed first (both are of one side: give each a title of their own)"
    )
    path = _edited(tmp_path, ('titles = ["economic revitalization minister"', 'titles = ["commerce secretary", "economic revitalization minister"'))
    (found,) = [w for w in warnings(load_profile(path)) if "title" in w]
    assert found.endswith(
        "else as Ryosei Akazawa, who is listed first, unless a name of United States stands just before it "
        "(\"the United States ...\")"
    )


def test_an_alias_of_two_people_is_the_first_listed(tmp_path):
    path = _edited(tmp_path, ('aliases = ["Greer", "Jamieson Greer"]', 'aliases = ["Greer", "Jamieson Greer", "Lutnick"]'))
    (found,) = [w for w in warnings(load_profile(path)) if "alias of" in w and "people" in w]
    assert found.startswith("people: 'Lutnick' is an alias of Howard Lutnick and of Jamieson Greer: it is read as the one")
    assert found.endswith("else as Howard Lutnick, who is listed first")


def test_an_alias_on_both_sides_names_both(tmp_path):
    path = _edited(tmp_path, ('aliases = ["Japan", "Japanese", "Tokyo"]', 'aliases = ["Japan", "Japanese", "Tokyo", "US"]'))
    assert any(w.startswith("sides: 'US' is an alias of both Japan and United States") for w in warnings(load_profile(path)))


def test_a_side_alias_that_is_also_a_place_is_a_note():
    notes = [w for w in warnings(load_profile(DEFAULT_PROFILE)) if w.startswith("note:")]
    assert any("'Tokyo' is an alias of the side Japan and of the place Tokyo" in n for n in notes)


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('economic_security = ["economic security"]', 'economic_security = ["economic security "]', "a space at its start or end"),
        # a space made optional by a group: "economic (?:security )?" spells "economic "
        ('economic_security = ["economic security"]', 'economic_security = ["economic (?:security )?"]',
         "can end or start with a space ('economic security ')"),
        ('economic_security = ["economic security"]', 'economic_security = ["^economic security"]', "an anchor"),
        ('economic_security = ["economic security"]', 'economic_security = ["-economic security"]', "a phrase must start a word"),
        # a phrase cannot be made case-sensitive: "(?-i:ES)" would find "es" and never "ES"
        ('economic_security = ["economic security"]', 'economic_security = ["(?-i:ES) policy"]', "an inline flag"),
        ('economic_security = ["economic security"]', 'economic_security = ["economic-"]', "ends with a hyphen"),
        ('aliases = ["Greer", "Jamieson Greer"]', 'aliases = ["greer", "Jamieson Greer"]', "no capital letter"),
    ],
)
def test_a_phrase_that_can_match_nothing_plausible_is_named_with_its_key(tmp_path, old, new, says):
    path = _edited(tmp_path, (old, new))
    found = [w for w in warnings(load_profile(path)) if says in w]
    assert len(found) == 1, warnings(load_profile(path))
    assert found[0].split(":")[0] in ("topics.economic_security", "people[6].aliases")


def test_a_rate_listed_for_two_sectors_is_the_first(tmp_path):
    path = _edited(tmp_path, ("by_rate = { reciprocal = [34, 84, 125] }", "by_rate = { reciprocal = [34, 84, 125], combined = [125] }"),
                   base=US_CHINA)
    assert "country_rates.by_rate: 125 is listed for reciprocal and combined: it is always reciprocal, listed first" in warnings(load_profile(path))


def test_rounds_in_one_city_cannot_be_named_by_it(tmp_path):
    path = _edited(tmp_path, ('number = 2\nstart = 2025-06-09\nend = 2025-06-10\nplace = "London"',
                              'number = 2\nstart = 2025-06-09\nend = 2025-06-10\nplace = "Geneva"'), base=US_CHINA)
    assert any(w.startswith("rounds: 1, 2 were all held in Geneva") for w in warnings(load_profile(path)))


def test_a_profile_without_places_reads_days_in_utc(tmp_path):
    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    text = text.replace('usual_venue = "Washington"', "")  # a usual venue must be one of the places
    start, end = text.index("[[places]]"), text.index("# Topics:")
    path = tmp_path / "profile.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert any(w.startswith("places: none listed") for w in warnings(load_profile(path)))


def test_a_label_for_an_id_both_topic_and_sector_is_named_unless_the_sector_has_its_own(tmp_path):
    text = US_CHINA.read_text(encoding="utf-8") + '\n[labels]\nfentanyl = "fentanyl"\n'
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    assert not any(w.startswith("labels.fentanyl") for w in warnings(load_profile(path)))  # the sector has its own
    path.write_text(text.replace('[sector_details.fentanyl]\nlabel = "US fentanyl tariff"\n', ""), encoding="utf-8")
    assert any(w.startswith("labels.fentanyl: 'fentanyl' is a topic and a sector") for w in warnings(load_profile(path)))


def test_a_topic_is_not_shown_with_the_label_of_a_sector_of_the_same_id():
    profile = load_profile(US_CHINA)
    assert profile.label("fentanyl") == "US fentanyl tariff"  # the sector
    assert profile.topic_label("fentanyl") == "fentanyl"  # the topic


def test_the_commented_template_loads_with_no_warning():
    template = Path(__file__).resolve().parents[3] / "docs" / "profile_template.toml"
    profile = load_profile(template)
    assert [w for w in warnings(profile) if not w.startswith("note:")] == []
    assert [r.number for r in profile.rounds] == [1] and profile.imposer_of("northland_retaliatory") == "Northland"


def test_a_side_that_names_several_countries_is_a_note_saying_each_speaks_for_it(tmp_path):
    # a union listed with its members: each member's name is the side, and no member is foreign
    path = _edited(tmp_path, ('"PRC"]', '"PRC", "Taiwan", "Mongolia"]'), base=US_CHINA)
    (note,) = [w for w in warnings(load_profile(path)) if w.startswith("note: sides.") and "countries of the data" in w]
    assert note.startswith("note: sides.China names 3 countries of the data packages (China, Mongolia, Taiwan)")
    assert "none of these countries, nor their other names and capitals, is ever a third party" in note
    assert not [w for w in warnings(load_profile(US_CHINA)) if "countries of the data" in w]


def test_country_wide_for_the_side_whose_tariffs_the_rates_are_does_nothing(tmp_path):
    path = _edited(tmp_path, ("[sector_details.combined]\n", "[sector_details.combined]\ncountry_wide = true\n"), base=US_CHINA)
    assert any(w.startswith("sector_details.combined: country_wide does nothing for United States") for w in warnings(load_profile(path)))
    assert not any(w.startswith("sector_details.") for w in warnings(load_profile(US_CHINA)))


def test_a_bare_title_copied_from_the_shipped_profile_is_no_warning_inside_another_persons(tmp_path):
    # Trump's bare "president" (Japan–US) beside another's "president of the chamber" or
    # "chamber president": the longer title is only its own person's where it stands
    other = ('[[people]]\nname = "Kana Mori"\nside = "Japan"\nrole = "chair"\naliases = ["Mori"]\n'
             'titles = ["president of the chamber", "(?:Japanese )?chamber president"]\n\n[[places]]')
    path = _edited(tmp_path, ('titles = ["president", "POTUS"]\n\n[[places]]', f'titles = ["president", "POTUS"]\n\n{other}'))
    assert [w for w in warnings(load_profile(path)) if "Kana Mori" in w] == []



def test_the_spellings_without_diacritics_are_not_listed_as_written(tmp_path):
    path = _edited(tmp_path, ('aliases = ["Japan"', 'aliases = ["Nippon Kōkoku", "Japan"'),
                   ('buildings = ["Kantei"', 'buildings = ["Hôtel de Ville", "Kantei"'))
    text = "\n".join(summary(load_profile(path)))
    assert "  Japan: Nippon Kōkoku, Japan, Japanese, Tokyo" in text and "buildings Hôtel de Ville, Kantei" in text
    assert "[ōo]" not in text and "[ôo]" not in text


def test_a_phrase_may_open_with_a_currency_sign(tmp_path):
    path = _edited(tmp_path, ('economic_security = ["economic security"]', 'economic_security = ["\\\\$350 billion"]'))
    profile = load_profile(path)
    assert [w for w in warnings(profile) if "economic_security" in w] == []
    assert profile.topics["economic_security"].search("Seoul offered $350 billion.")
    assert not profile.topics["economic_security"].search("a US$350 billion fund")


def test_dated_titles_are_shown_with_their_days_and_a_title_held_in_turn_is_no_warning(tmp_path):
    from tests.bot.extract.helpers import DATED_PROFILE

    path = tmp_path / "profile.toml"
    path.write_text(DATED_PROFILE, encoding="utf-8")
    profile = load_profile(path)
    text = "\n".join(summary(profile))
    assert "note: A round is a sitting in Washington" in text
    assert "  South Korea: South Korea, Korea, Korean, Seoul; never Korean Air" in text
    assert "titles finance minister until 2025-06-30; then-finance minister" in text
    assert "titles finance minister from 2025-07-01; planning minister until 2025-06-30" in text
    assert not [w for w in warnings(profile) if "finance minister" in w]
    path.write_text(DATED_PROFILE.replace("from = 2025-07-01", "from = 2025-06-01"), encoding="utf-8")
    assert [w for w in warnings(load_profile(path)) if "'finance minister' is one of Pak Min-ho's and of Ro Tae-sun's" in w]


def test_another_countrys_name_holding_a_side_alias_is_a_note(tmp_path):
    from tests.bot.extract.helpers import DATED_PROFILE

    path = tmp_path / "profile.toml"
    path.write_text(DATED_PROFILE, encoding="utf-8")
    notes = [w for w in warnings(load_profile(path)) if w.startswith("note: sides.South Korea")]
    assert len(notes) == 1 and "North Korea" in notes[0] and "no need to list these" in notes[0]


def test_a_family_name_two_people_share_is_a_warning(tmp_path):
    from tests.bot.extract.helpers import DATED_PROFILE

    people = '[[people]]\nname = "Kim A"\nside = "South Korea"\nrole = "x"\nsurname = "Kim"\naliases = ["Kim A"]\n\n'
    people += people.replace("Kim A", "Kim B")
    path = tmp_path / "profile.toml"
    path.write_text(DATED_PROFILE.replace("[topics]", people + "[topics]", 1), encoding="utf-8")
    (found,) = [w for w in warnings(load_profile(path)) if "share the family name" in w]
    assert found.startswith("people: Kim A and Kim B share the family name 'Kim': alone")
    assert "it names the one of them last named by an alias of their own before it in the article" in found


def test_a_persons_not_aliases_are_shown_and_one_holding_none_of_their_names_is_a_warning(tmp_path):
    path = _edited(tmp_path, (
        'aliases = ["Greer", "Jamieson Greer"]',
        'aliases = ["Greer", "Jamieson Greer"]\nnot_aliases = ["Greer Street", "Harry Roque", "Gre+r Lane"]',
    ))
    profile = load_profile(path)
    (line,) = [line for line in summary(profile) if line.startswith("  Jamieson Greer")]
    assert line.endswith("; never Greer Street, Harry Roque, Gre+r Lane")  # as written, no added capitals
    found = [w for w in warnings(profile) if w.startswith("people[")]
    assert found == [
        "people[6].not_aliases: 'Harry Roque' holds none of Jamieson Greer's aliases or titles: it takes no mention "
        "away (list the whole name that holds one: \"Harry Roque\" for \"Roque\")"
    ]  # "Gre+r Lane" spells nothing out: not weighed


def test_the_summary_names_the_clock_of_events_with_no_place():
    assert "an event with no place found is dated on the clock of UTC" in summary(load_profile(DEFAULT_PROFILE))


def test_a_rounds_aliases_are_shown_with_it(tmp_path):
    path = _edited(tmp_path, ('place = "London"', 'place = "London"\naliases = ["the London round"]'), base=US_CHINA)
    assert "  2: 2025-06-09 to 2025-06-10, London; named the London round" in summary(load_profile(path))
