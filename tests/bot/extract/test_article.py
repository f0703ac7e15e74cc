"""Finding the profile's people in an article: each step of `_find_people`, then the whole."""

import pytest

from bot.config import DEFAULT_PROFILE
from bot.extract.article import (
    Mention,
    Mentions,
    _alias_mentions,
    _covered_by,
    _family_names_alone,
    _find_people,
    _misspelling_mentions,
    _misspelt_surnames,
    _title_mentions,
    scanner_for,
)
from bot.extract.phrases import lower_keeping_length
from bot.extract.profile import Profile, default_profile, load_profile
from tests.bot.extract.helpers import DATED_PROFILE, article_of

JAPAN_US = default_profile()
US_CHINA = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")


def _scan(profile: Profile, text: str) -> dict[int, list[tuple[int, int]]]:
    return scanner_for(profile).scan(text, lower_keeping_length(text))


def _named(text: str, mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.value, text[m.start : m.end], m.via) for m in mentions]


def _no_sides() -> Mentions:
    return Mentions([])


def test_an_alias_inside_a_longer_alias_is_one_mention_of_the_longer():
    text = "Donald Trump spoke; later Trump and Lutnick met."
    mentions = _alias_mentions(JAPAN_US, _scan(JAPAN_US, text))
    assert _named(text, mentions) == [
        ("Donald Trump", "Donald Trump", "alias"),
        ("Donald Trump", "Trump", "alias"),
        ("Howard Lutnick", "Lutnick", "alias"),
    ]


def test_a_position_is_covered_only_inside_a_mention():
    covered = _covered_by([Mention("A", 5, 10), Mention("B", 20, 25)])
    assert [p for p in range(30) if covered(p)] == [*range(5, 10), *range(20, 25)]
    assert not _covered_by([])(0)


def test_a_title_alone_names_its_person_and_a_title_before_an_alias_adds_nothing():
    text = "The commerce secretary met reporters. Commerce Secretary Howard Lutnick left."
    found = _scan(JAPAN_US, text)
    mentions, learned = _title_mentions(JAPAN_US, text, found, _no_sides(), _covered_by(_alias_mentions(JAPAN_US, found)))
    assert _named(text, mentions) == [("Howard Lutnick", "commerce secretary", "title")]
    assert learned == {}


def test_a_title_before_a_misspelt_surname_teaches_the_misspelling():
    text = "Treasury Secretary Benson arrived."
    found = _scan(JAPAN_US, text)
    mentions, learned = _title_mentions(JAPAN_US, text, found, _no_sides(), _covered_by(_alias_mentions(JAPAN_US, found)))
    assert mentions == []
    assert learned == {"Benson": "Scott Bessent"}


def test_a_title_before_the_family_name_first_is_that_person():
    text = "Vice Premier He arrived on Sunday."
    found = _scan(US_CHINA, text)
    mentions, _ = _title_mentions(US_CHINA, text, found, _no_sides(), _covered_by(_alias_mentions(US_CHINA, found)))
    assert _named(text, mentions) == [("He Lifeng", "Vice Premier He", "title")]


def test_a_title_of_a_company_is_nobodys():
    text = "The trade representative of Acme spoke."
    found = _scan(JAPAN_US, text)
    mentions, _ = _title_mentions(JAPAN_US, text, found, _no_sides(), _covered_by([]))
    assert mentions == []


@pytest.mark.parametrize("past", ["A former commerce secretary", "The ex-commerce secretary", "An erstwhile commerce secretary"])
def test_a_title_someone_once_held_is_nobodys(past):
    text = f"{past} said the talks would drag on. The commerce secretary left."
    found = _scan(JAPAN_US, text)
    mentions, _ = _title_mentions(JAPAN_US, text, found, _no_sides(), _covered_by([]))
    assert [m.start for m in mentions] == [text.index("The commerce secretary") + 4]


def test_a_family_name_alone_is_a_name_after_a_word_not_at_a_sentences_start():
    text = "He said talks with He went well. Bessent and He met."
    mentions = _family_names_alone(US_CHINA, text, _covered_by([]))
    assert [text[m.start : m.end] for m in mentions] == ["He", "He"]
    assert [m.start for m in mentions] == [text.index("with He") + 5, text.index("and He") + 4]


@pytest.mark.parametrize("lower", ["A deputy commerce secretary", "The vice-commerce secretary", "An assistant commerce secretary"])
def test_a_title_of_a_lower_office_is_nobodys(lower):
    text = f"{lower} said the talks would drag on. The commerce secretary left."
    found = _scan(JAPAN_US, text)
    mentions, _ = _title_mentions(JAPAN_US, text, found, _no_sides(), _covered_by([]))
    assert [m.start for m in mentions] == [text.index("The commerce secretary") + 4]


@pytest.mark.parametrize(
    "text",
    [
        "Beijing sent He Lifeng, its chief trade negotiator, to the talks.",
        "The talks were led by He Lifeng, China's senior trade negotiator.",
    ],
)
def test_a_title_after_a_name_and_its_comma_describes_that_name(text):
    found = _scan(US_CHINA, text)
    aliases = _alias_mentions(US_CHINA, found)
    mentions, _ = _title_mentions(US_CHINA, text, found, _no_sides(), _covered_by(aliases))
    assert mentions == []
    # not after "and": "He Lifeng, and the trade negotiator" are two people
    text = "Beijing sent He Lifeng, and the trade negotiator came too."
    found = _scan(US_CHINA, text)
    mentions, _ = _title_mentions(US_CHINA, text, found, _no_sides(), _covered_by(_alias_mentions(US_CHINA, found)))
    assert _named(text, mentions) == [("Li Chenggang", "trade negotiator", "title")]


@pytest.mark.parametrize("text", ["Taipei's envoy Lin Li-wen spoke.", "Envoy Chen Li spoke to Wang Li-ming."])
def test_a_family_name_inside_another_name_is_not_the_person(text):
    assert _family_names_alone(US_CHINA, text, _covered_by([])) == []


def test_a_family_name_after_a_form_of_address_is_the_person():
    text = "Talks went on. Mr He left, and Ms. Li stayed."
    assert [text[m.start : m.end] for m in _family_names_alone(US_CHINA, text, _covered_by([]))] == ["He", "Li"]


def test_misspelt_surnames_are_learned_from_titles_and_found_by_their_shape():
    text = "Akazwa flew in. Lutnik and Benton waited."
    assert _misspelt_surnames(JAPAN_US, text, {}) == {"Akazwa": "Ryosei Akazawa", "Lutnik": "Howard Lutnick"}
    assert _misspelt_surnames(JAPAN_US, text, {"Benson": "Scott Bessent"}) == {
        "Benson": "Scott Bessent",
        "Akazwa": "Ryosei Akazawa",
        "Lutnik": "Howard Lutnick",
    }


def test_a_misspelling_stands_only_as_a_whole_word_outside_the_aliases():
    text = "Akazwa met; Akazwas and the Akazwa-led team; Akazwa again."
    covered = _covered_by([Mention("x", text.rindex("Akazwa"), len(text))])
    mentions = _misspelling_mentions(text, {"Akazwa": "Ryosei Akazawa"}, covered)
    assert [(m.start, m.via) for m in mentions] == [(0, "fuzzy")]


def test_find_people_gathers_every_step():
    text = "Akazwa met Commerce Secretary Howard Lutnick. The treasury secretary joined."
    found = _scan(JAPAN_US, text)
    people = _find_people(JAPAN_US, text, found, _no_sides())
    assert sorted((m.value, m.via) for m in people) == [
        ("Howard Lutnick", "alias"),
        ("Ryosei Akazawa", "fuzzy"),
        ("Scott Bessent", "title"),
    ]


def test_a_name_written_with_diacritics_is_found_without_them_and_in_capitals(tmp_path):
    # the profile writes the name as it is spelt; wires drop the marks, releases use capitals
    path = tmp_path / "profile.toml"
    shipped = DEFAULT_PROFILE.read_text(encoding="utf-8")
    path.write_text(shipped.replace('name = "Ryosei Akazawa"', 'name = "Maroš Šefčovič"').replace(
        'aliases = ["Akazawa", "Ryosei Akazawa", "Akazawa Ryosei"]', 'aliases = ["Šefčovič", "Maroš Šefčovič"]'
    ), encoding="utf-8")
    profile = load_profile(path)
    text = "Sefcovic met Lutnick. ŠEFČOVIČ, SEFCOVIC and Maros Sefcovic; Šefcovic too, not sefcovic."
    found = [written for name, written, _ in _named(text, _alias_mentions(profile, _scan(profile, text))) if name != "Howard Lutnick"]
    assert found == ["Sefcovic", "ŠEFČOVIČ", "SEFCOVIC", "Maros Sefcovic", "Šefcovic"]


def test_a_name_with_a_stroked_letter_is_found_with_the_plain_letter(tmp_path):
    # "Đ" is a letter of its own to Unicode, not D with a mark; wires write "Duc" all the same
    path = tmp_path / "profile.toml"
    shipped = DEFAULT_PROFILE.read_text(encoding="utf-8")
    path.write_text(shipped.replace('name = "Ryosei Akazawa"', 'name = "Hồ Đức Phớc"').replace(
        'aliases = ["Akazawa", "Ryosei Akazawa", "Akazawa Ryosei"]', 'aliases = ["Hồ Đức Phớc"]'
    ), encoding="utf-8")
    profile = load_profile(path)
    text = "Ho Duc Phoc met Lutnick. HO DUC PHOC and Hồ Đức Phớc; Hồ Đúc Phoc too."
    found = [written for name, written, _ in _named(text, _alias_mentions(profile, _scan(profile, text))) if name != "Howard Lutnick"]
    assert found == ["Ho Duc Phoc", "HO DUC PHOC", "Hồ Đức Phớc"]


def test_a_title_before_the_whole_surname_names_its_person(tmp_path):
    # the surname (the word or words the press uses alone) after a title is the person: a surname
    # of two words, one ending a sentence, one with its possessive; a longer word is not it
    path = tmp_path / "profile.toml"
    shipped = DEFAULT_PROFILE.read_text(encoding="utf-8")
    path.write_text(shipped.replace('name = "Ryosei Akazawa"', 'name = "Helene Budliger Artieda"\nsurname = "Budliger Artieda"').replace(
        'aliases = ["Akazawa", "Ryosei Akazawa", "Akazawa Ryosei"]', 'aliases = ["Helene Budliger Artieda"]'
    ), encoding="utf-8")
    profile = load_profile(path)
    text = "Economy Minister Budliger Artieda met Lutnick. He thanked Economy Minister Budliger Artieda. Economy Minister Budliger Artieda's aides."
    mentions, _ = _title_mentions(profile, text, _scan(profile, text), _no_sides(), _covered_by([]))
    assert [text[m.start : m.end] for m in mentions if m.value == "Helene Budliger Artieda"] == [
        "Economy Minister Budliger Artieda"
    ] * 3
    text = "Economy Minister Budliger met Lutnick."
    mentions, _ = _title_mentions(profile, text, _scan(profile, text), _no_sides(), _covered_by([]))
    assert [m for m in mentions if m.value == "Helene Budliger Artieda"] == []


def test_a_title_inside_a_longer_title_is_not_a_second_persons():
    text = "The international trade representative arrived; the vice minister of commerce stayed home."
    found = _scan(US_CHINA, text)
    mentions, _ = _title_mentions(US_CHINA, text, found, _no_sides(), _covered_by([]))
    assert [(m.value, text[m.start : m.end]) for m in mentions] == [
        ("Li Chenggang", "international trade representative"),
        ("Li Chenggang", "vice minister of commerce"),
    ]


def test_a_title_two_people_share_is_the_first_listed_whose_side_fits(tmp_path):
    # Akazawa (Japan, listed first) and Lutnick (United States) both "commerce secretary": alone it
    # is the first listed's; after "U.S." it is the US one's, not nobody's
    path = tmp_path / "profile.toml"
    path.write_text(DEFAULT_PROFILE.read_text(encoding="utf-8").replace(
        '"chief negotiator", "the minister"]', '"chief negotiator", "the minister", "commerce secretary"]'
    ), encoding="utf-8")
    profile = load_profile(path)
    text = "The commerce secretary arrived. The U.S. commerce secretary left. Japan's commerce secretary stayed."
    article = article_of(text, profile=profile)
    found = [(m.value, m.via) for m in article.people.within(0, len(article.text))]
    assert found == [("Ryosei Akazawa", "title"), ("Howard Lutnick", "title"), ("Ryosei Akazawa", "title")]


@pytest.fixture(scope="module")
def korea_us(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    path = tmp_path_factory.mktemp("profile") / "korea_us.toml"
    path.write_text(DATED_PROFILE, encoding="utf-8")
    return load_profile(path)


def test_a_side_alias_inside_another_countrys_name_is_not_the_side(korea_us):
    article = article_of(
        "North Korea fired a missile while North Korean envoys met in Beijing.\n"
        "Korea and the US resumed the tariff talks; South Korean officials said so.",
        profile=korea_us,
    )
    named = [article.text[m.start : m.end] for m in article.sides if m.value == "South Korea"]
    assert named == ["Korea", "Korean"]  # "Korean" in "South Korean", the side's own country


def test_a_name_the_side_lists_as_not_its_own_is_not_the_side(korea_us):
    article = article_of("Korean Air ordered jets as Korean exporters watched the tariffs.", profile=korea_us)
    assert [article.text[m.start : m.end] for m in article.sides] == ["Korean"]


def _titled(article) -> list[tuple[str, str]]:
    return [(m.value, article.text[m.start : m.end]) for m in article.people if m.via == "title"]


def test_a_bare_title_is_the_holder_on_the_day_the_article_is_published(korea_us):
    body = "The finance minister flew to Washington for the tariff talks."
    april = article_of(body, profile=korea_us, published="2025-04-20T03:00:00Z")
    august = article_of(body, profile=korea_us, published="2025-08-02T03:00:00Z")
    assert _titled(april) == [("Pak Min-ho", "finance minister")]
    assert _titled(august) == [("Ro Tae-sun", "finance minister")]


def test_a_title_with_days_of_its_own_is_held_on_those_days_only(korea_us):
    body = "The planning minister joined, and the then-finance minister recalled the talks."
    may = article_of(body, profile=korea_us, published="2025-05-20T03:00:00Z")
    october = article_of(body, profile=korea_us, published="2025-10-20T03:00:00Z")
    assert _titled(may) == [("Ro Tae-sun", "planning minister"), ("Pak Min-ho", "then-finance minister")]
    assert _titled(october) == [("Pak Min-ho", "then-finance minister")]  # a table without days: always


def test_a_named_person_is_found_whatever_the_day(korea_us):
    article = article_of("Pak Min-ho spoke on the tariffs.", profile=korea_us, published="2025-12-01T03:00:00Z")
    assert [m.value for m in article.people] == ["Pak Min-ho"]


def test_a_title_after_a_country_that_is_no_side_is_that_countrys(korea_us):
    body = (
        "Japan's finance minister said the yen was stable.\n"
        "China's finance minister spoke next.\n"
        "Seoul's finance minister met the US side."
    )
    article = article_of(body, profile=korea_us, published="2025-08-02T03:00:00Z")
    assert _titled(article) == [("Ro Tae-sun", "finance minister")]
    assert article.text[article.people.items[0].start - 8 :].startswith("Seoul's")


def test_a_side_nearer_the_title_than_a_third_country_keeps_the_title():
    kept = article_of("After the talks in China, Japan's chief negotiator flew home.", profile=JAPAN_US)
    blocked = article_of("Japan also met China's chief negotiator in Geneva.", profile=JAPAN_US)
    assert _titled(kept) == [("Ryosei Akazawa", "chief negotiator")]
    assert _titled(blocked) == []


def test_the_longest_country_name_holding_a_side_alias_decides():
    text = "The People's Republic of China said the Republic of China did not."
    article = article_of(text, profile=US_CHINA)
    taiwan = text.index("Republic of China", text.index("said"))
    named = [m.start for m in article.sides if m.value == "China"]
    # the People's Republic is China (and "China" inside it); the Republic of China is Taiwan
    assert named and all(start < taiwan for start in named)


_TWO_KIMS = """
[[people]]
name = "Kim Jae-won"
side = "South Korea"
role = "trade minister"
surname = "Kim"
aliases = ["Kim Jae-won"]
titles = ["trade minister"]

[[people]]
name = "Kim Soo-hee"
side = "South Korea"
role = "policy chief"
surname = "Kim"
aliases = ["Kim Soo-hee"]

[topics]"""


@pytest.fixture(scope="module")
def two_kims(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    path = tmp_path_factory.mktemp("profile") / "two_kims.toml"
    path.write_text(DATED_PROFILE.replace("[topics]", _TWO_KIMS, 1), encoding="utf-8")
    return load_profile(path)


def test_a_family_name_two_listed_people_share_names_neither_alone(two_kims):
    article = article_of("The US side held talks with Kim on Friday.", profile=two_kims)
    assert [m.value for m in article.people] == []


def test_a_shared_family_name_after_a_title_is_the_titles_person(two_kims):
    article = article_of("Trade Minister Kim met the US side, and Kim Soo-hee joined.", profile=two_kims)
    assert [(m.value, m.via) for m in article.people] == [("Kim Jae-won", "title"), ("Kim Soo-hee", "alias")]


# -- names that are someone else's, and names two people share ---------------------------------

_MORE_PEOPLE = """
[[people]]
name = "Ilsa Varga"
side = "United States"
role = "trade envoy"
aliases = ["Varga", "Ilsa Varga"]
titles = ["trade envoy"]
not_aliases = ["Tomas Varga", "Varga Holdings"]

[[people]]
name = "Lee Jun"
side = "South Korea"
role = "president"
surname = "Lee"
aliases = ["Lee Jun", "Jun"]
titles = ["president"]

[[people]]
name = "Dale Cord"
side = "United States"
role = "president"
aliases = ["Dale Cord", "Jun"]
titles = ["president"]

[topics]"""


@pytest.fixture(scope="module")
def more_people(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    path = tmp_path_factory.mktemp("profile") / "more_people.toml"
    path.write_text(DATED_PROFILE.replace("[topics]", _TWO_KIMS.replace("[topics]", _MORE_PEOPLE), 1), encoding="utf-8")
    return load_profile(path)


def _people(article) -> list[tuple[str, str]]:
    return [(m.value, article.text[m.start : m.end]) for m in article.people]


def test_a_name_the_person_lists_as_not_theirs_names_nobody_there(more_people):
    article = article_of(
        "Tomas Varga, the envoy's cousin, sold Varga Holdings. TOMAS VARGA left. Varga met Ro Tae-sun.",
        profile=more_people,
    )
    assert _people(article) == [("Ilsa Varga", "Varga"), ("Ro Tae-sun", "Ro Tae-sun")]


def test_a_name_another_person_lists_as_not_theirs_still_names_its_own_person(more_people):
    # "Ilsa Varga" holds no not_alias of hers; Pak is named inside Varga's not_alias-free text
    article = article_of("Ilsa Varga met Pak Min-ho.", profile=more_people)
    assert _people(article) == [("Ilsa Varga", "Ilsa Varga"), ("Pak Min-ho", "Pak Min-ho")]


def test_a_shared_family_name_is_the_one_last_named_in_full_before_it(more_people):
    article = article_of(
        "Kim Jae-won met the US side, and Kim Soo-hee joined later. Minister Kim said the tariffs stay.\n"
        "Kim Jae-won spoke next; Kim and Ro Tae-sun will report to Seoul.",
        profile=more_people,
    )
    assert [name for name, words in _people(article) if words == "Kim"] == ["Kim Soo-hee", "Kim Jae-won"]


def test_a_shared_family_name_with_neither_named_before_it_names_no_one(more_people):
    article = article_of("Minister Kim said the tariffs stay. Kim Soo-hee agreed.", profile=more_people)
    assert _people(article) == [("Kim Soo-hee", "Kim Soo-hee")]


def test_a_shared_family_name_before_another_capitalised_name_is_someone_else(more_people):
    article = article_of("Kim Soo-hee spoke after Kim Jong Un fired a missile.", profile=more_people)
    assert _people(article) == [("Kim Soo-hee", "Kim Soo-hee")]


def test_a_shared_family_name_that_is_a_pronoun_opening_a_sentence_is_the_pronoun(tmp_path):
    two_hes = _TWO_KIMS.replace("Kim", "He")
    path = tmp_path / "two_hes.toml"
    path.write_text(DATED_PROFILE.replace("[topics]", two_hes, 1), encoding="utf-8")
    article = article_of("He Soo-hee met the US side. He said the tariffs stay, and Minister He agreed.", profile=load_profile(path))
    assert _people(article) == [("He Soo-hee", "He Soo-hee"), ("He Soo-hee", "He")]
    assert article.text[article.people.items[-1].start - 9 :].startswith("Minister He")


def test_a_title_two_people_hold_is_the_one_last_named_before_it(more_people):
    named = article_of("Dale Cord flew in. Later the president said the tariffs stay.", profile=more_people)
    assert _people(named)[-1] == ("Dale Cord", "president")
    unnamed = article_of("The president said the tariffs stay.", profile=more_people)
    assert _people(unnamed) == [("Lee Jun", "president")]  # neither named before: the first listed


def test_an_alias_two_people_have_is_the_one_last_named_before_it(more_people):
    named = article_of("Dale Cord arrived. Jun said the tariffs stay.", profile=more_people)
    assert [(m.value, m.via) for m in named.people][-1] == ("Dale Cord", "shared")
    unnamed = article_of("Jun said the tariffs stay.", profile=more_people)
    assert [(m.value, m.via) for m in unnamed.people] == [("Lee Jun", "shared")]  # the first listed


def test_then_before_a_title_names_its_earlier_holder(korea_us):
    body = "The then finance minister praised the finance minister and the then planning minister."
    august = article_of(body, profile=korea_us, published="2025-08-02T03:00:00Z")
    assert _titled(august) == [
        ("Pak Min-ho", "finance minister"),
        ("Ro Tae-sun", "finance minister"),
        ("Ro Tae-sun", "planning minister"),
    ]
    may = article_of(body, profile=korea_us, published="2025-05-20T03:00:00Z")
    assert _titled(may)[0] == ("Pak Min-ho", "finance minister")  # no earlier holder: the one of the day


def test_a_side_in_capitals_counts_only_in_a_run_of_capitals():
    us_china = load_profile(DEFAULT_PROFILE.parent / "us_china_2025.toml")
    shouted = article_of("FULL MAGNETS WILL BE SUPPLIED, UP FRONT, BY CHINA. LIKEWISE, WE WILL PROVIDE", profile=us_china)
    assert [m.value for m in shouted.sides] == ["China"]
    # one shouted word in mixed-case text is not a run: a ticker or a heading's word
    lone = article_of("Shares of CHINA Mobile rose on Tuesday.", profile=us_china)
    assert [m.value for m in lone.sides] == []
    # "US" is written so already: in lower case it stays the pronoun
    pronoun = article_of("Trump told us the deal was done.", profile=us_china)
    assert [m.value for m in pronoun.sides] == []


def test_sentences_containing_a_word_are_every_sentence_it_stands_in():
    # a word repeated within a sentence, and in the sentences after it: each sentence once
    article = article_of("Talks, talks and talks. No word here. More talks. And talks again, talks.")
    assert article.sentences_containing(("talks",)) == {
        s.index for s in article.sentences if "talks" in s.text.lower()
    }
    assert article.sentences_containing(("talks",)) == {0, 2, 3}
