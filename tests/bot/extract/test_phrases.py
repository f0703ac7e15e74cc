"""Phrase sets: spelled-out alternatives, word boundaries, and one-pass scanning."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.phrases import (
    Hits,
    Phrases,
    Scanner,
    expand_alternatives,
    is_literal,
    literal_prefix,
    lower_pattern,
    marks_optional,
    required_words,
    upper_pattern,
)


def test_alternatives_are_spelled_out():
    assert sorted(expand_alternatives("(?:was|were) not discussed")) == ["was not discussed", "were not discussed"]
    assert sorted(expand_alternatives("tariffs?")) == ["tariff", "tariffs"]
    assert sorted(expand_alternatives("defen[cs]e")) == ["defence", "defense"]


def test_open_ended_patterns_keep_their_literal_prefix():
    assert expand_alternatives(r"agricultur\w*") == [r"agricultur\w*"]
    assert literal_prefix(r"agricultur\w*") == "agricultur"
    assert literal_prefix(r"U\.S\.(?:A\.)?") == "U.S."


def test_nothing_is_spelled_out_past_the_first_open_part():
    # past "\\w+" no variant gets a longer literal prefix or becomes a plain word; spelling out
    # would only join dozens of variants that each redo the open part's backtracking
    assert expand_alternatives(r"agreed (?:\w+ ){0,3}to (?:the|a) (?:deal|accord)") == [
        r"agreed (?:\w+ ){0,3}to (?:the|a) (?:deal|accord)"
    ]
    assert expand_alternatives(r"(?:met|talked) \w+ (?:twice|again)") == [r"met \w+ (?:twice|again)", r"talked \w+ (?:twice|again)"]
    assert expand_alternatives(r"in the .+ (?:round|session)") == [r"in the .+ (?:round|session)"]


def test_three_groups_of_a_few_words_each_are_spelled_out_whole():
    # not stopped at "to (?:fall|drop|...)", a variant that opens with the bare "to "
    variants = expand_alternatives(
        "(?:will|would|shall|to|going to) (?:also |now |only |then )?(?:fall|drop|come down|be cut|be lowered|be reduced)"
    )
    assert len(variants) == 5 * 5 * 6
    assert "to fall" in variants and "going to now be reduced" in variants
    assert all(is_literal(v) for v in variants)


def _scan(phrases: Phrases, text: str) -> list[str]:
    lower = text.lower()
    spans = Scanner([phrases]).scan(text, lower)[id(phrases)]
    return [text[s:e] for s, e in spans]


def test_common_words_respect_hyphenated_words():
    tariff = Phrases(["tariffs?"])
    assert _scan(tariff, "Non-tariff barriers and tariffs; a tariff.") == ["tariffs", "tariff"]


def test_names_are_case_sensitive_and_split_at_hyphens():
    names = Phrases(["Japan", "US", r"U\.S\."], case_sensitive=True)
    assert _scan(names, "Japan-US talks, U.S.-Japan ties, us and USA") == ["Japan", "US", "U.S.", "Japan"]


def test_longest_alternative_is_found_at_a_boundary():
    removal = Phrases(["exempt(?:ion|ions|ed)?"])
    assert _scan(removal, "Japan seeks exemptions; exempted goods") == ["exemptions", "exempted"]


def test_scanner_and_plain_search_agree():
    phrases = Phrases(["rare[- ]earths?(?: metals)?", r"semiconductor\w*", "economic security"])
    text = "Rare earth metals, semiconductors and economic security were on the agenda."
    assert _scan(phrases, text) == [text[s:e] for s, e in phrases.spans(text.lower())]


def test_a_pattern_opening_with_a_class_needs_one_of_the_words_every_match_holds():
    assert required_words(re.compile("[3-7] (?:laps|innings)")) == ("laps", "innings")
    assert required_words(re.compile("[a-z]+ stew(?:ed)?")) == (" stew",)
    assert required_words(re.compile("[a-z]+ (?:ox|pig)")) == ()  # too short to be worth a search
    assert required_words(re.compile("(?i)[a-z]+ stew")) == ()  # a case-blind match may spell it otherwise


def test_a_pattern_scanned_on_its_own_is_found_only_where_its_words_are():
    laps = Phrases(["[3-7] (?:laps|innings)"])
    assert _scan(laps, "She ran 5 laps, then 4 innings; 9 laps and 45 laps.") == ["5 laps", "4 innings"]
    assert _scan(laps, "She ran 5 miles.") == []


def test_a_phrase_of_several_words_is_not_found_across_a_line_break_or_a_dash():
    # the scanner searches a copy where openers (newlines, dashes, brackets) are spaces
    security = Phrases(["economic security"])
    assert _scan(security, "Economic security, and economic\nsecurity, economic—security, economic (security") == [
        "Economic security"
    ]


def test_words_after_any_opener_are_found_and_names_also_after_a_hyphen():
    tariff = Phrases(["tariffs?"])
    japan = Phrases(["Japan"], case_sensitive=True)
    text = "(tariff) “tariffs” —tariff /tariff non-tariff US-Japan Japan’s"
    assert _scan(tariff, text) == ["tariff", "tariffs", "tariff", "tariff"]
    assert _scan(japan, text) == ["Japan", "Japan"]


# -- the scanner against a plain statement of its rule, on texts built from words and marks ----
_WORDS = Phrases(["tariffs?", "japan", "economic security"])
_NAMES = Phrases(["Japan", "US", r"U\.S\."], case_sensitive=True)
_OPENS_A_WORD = " \n\t(\"'“‘«[/—–…"
_WORD_SPEC = re.compile(r"(?:tariffs?|japan|economic security)(?![\w-])")
_NAME_SPEC = re.compile(r"(?:Japan|US|U\.S\.)(?!\w)")


def _by_rule(spec: re.Pattern[str], text: str, openers: str) -> list[tuple[int, int]]:
    """Every match that starts the text or follows an opener, the longest at each start."""
    found = []
    for start in range(len(text)):
        if start == 0 or text[start - 1] in openers:
            m = spec.match(text, start)
            if m:
                found.append(m.span())
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["tariff", "tariffs", "Tariffs", "tariffed", "Japan", "japan", "JAPAN", "Japanese", "US",
                         "us", "U.S.", "economic", "security", "x", "2025"]),
        max_size=12,
    ),
    st.lists(
        st.sampled_from([" ", ", ", ".", ";", "-", "_", "’", "'", "(", ")", "\n", "%", "—", "", "” ", ": ", "?"]),
        min_size=12, max_size=12,
    ),
)  # fmt: skip
def test_the_scanner_finds_words_and_names_exactly_where_the_rule_says(words, marks):
    text = "".join(word + mark for word, mark in zip(words, marks, strict=False))
    lower = text.lower()
    found = Scanner([_WORDS, _NAMES]).scan(text, lower)
    assert found[id(_WORDS)] == _by_rule(_WORD_SPEC, lower, _OPENS_A_WORD)
    assert found[id(_NAMES)] == _by_rule(_NAME_SPEC, text, _OPENS_A_WORD + "-")


def test_a_patterns_letters_are_put_in_capitals_marked_ones_too_escapes_left_alone():
    assert upper_pattern("Šefčovič") == "ŠEFČOVIČ"
    assert upper_pattern(r"Donald J\. Trump") == r"DONALD J\. TRUMP"
    assert upper_pattern(r"[Tt]he\w+") == r"[TT]HE\w+"


def test_a_marked_letter_is_found_with_or_without_its_mark():
    assert marks_optional("Šefčovič") == "[ŠS]ef[čc]ovi[čc]"
    assert marks_optional("José Manuel") == "Jos[ée] Manuel"
    # what the author already wrote as a class or an escape stays
    assert marks_optional(r"[ŠS]ef\.č") == r"[ŠS]ef\.[čc]"
    # a letter with a stroke, which Unicode does not take apart, is found as its plain letter too
    assert marks_optional("Løkke") == "L[øo]kke"
    assert marks_optional("Đức") == "[ĐD][ứu]c"
    assert marks_optional("Łódź") == "[ŁL][óo]d[źz]"
    found = Phrases([marks_optional("Šefčovič")], case_sensitive=True)
    assert [found.search(t) for t in ("Šefčovič", "Sefcovic", "Šefcovic", "sefcovic")] == [True, True, True, False]


def test_a_phrase_with_a_marked_capital_is_lowered_like_the_text():
    assert lower_pattern(r"École \W") == r"école \W"
    assert Phrases(["École Militaire"]).search("talks at the École Militaire")


def test_a_flash_headlines_star_or_a_bullet_opens_a_word():
    from tests.bot.extract.helpers import article_of

    article = article_of("16:15 *AKAZAWA MET TRUMP FOR 50 MINUTES IN WASHINGTON\n•Akazawa met Lutnick.")
    assert [m.value for m in article.people.items] == ["Ryosei Akazawa", "Donald Trump", "Ryosei Akazawa", "Howard Lutnick"]


def test_a_set_scanned_on_demand_finds_what_the_shared_scan_finds():
    # the same phrases, one set in a scan of many, the other scanned alone when an article asks
    patterns = ["(?:the|these) (?:[\\w-]+ )?(?:curbs|rules)", "them", "in [\\w'-]+ call"]
    shared, on_demand = Phrases(patterns), Phrases(patterns, on_demand=True)
    text = "The new curbs stay. They discussed them in Friday's call; (these rules) and the-curbs, then."
    lower = text.lower()
    found = Scanner([Phrases(["curbs", "the"]), shared]).scan(text, lower)[id(shared)]
    assert on_demand.scanned(text, lower) == found
    assert [text[s:e] for s, e in found] == ["The new curbs", "them", "in Friday's call", "these rules"]


def test_the_spans_within_a_range_are_those_wholly_inside_it():
    hits = Hits([(0, 4), (2, 9), (5, 8), (6, 12), (12, 15)])
    assert hits.within(2, 10) == [(2, 9), (5, 8)]
    assert hits.within(9, 12) == []
    assert hits.within(0, 15) == [(0, 4), (2, 9), (5, 8), (6, 12), (12, 15)]


def test_a_hit_runs_a_pattern_only_where_the_text_can_hold_its_match():
    # the scanner's keys are lower-cased: " un" is met at "until" as at "UN"
    un = Phrases([r"UN(?!\$)"], case_sensitive=True)
    # the key " on " is met at every "on": the pattern also needs "side", which the key lacks
    seat = Phrases([r"on [\w.-]+['’]s side (?:were|was)"])
    scanner = Scanner([un, seat])
    *_, (name,) = scanner._automaton.get(" un")
    assert name[3] == "UN"  # the spelling the text must hold at the hit, checked before any regex
    *_, (pattern,) = scanner._automaton.get(" on ")
    assert pattern[4] is not None and "side" in pattern[4][1][0]  # searched for once per scan
    *_, (unneeded,) = Scanner([Phrases([r"negotiat\w+"])])._automaton.get(" negotiat")
    assert unneeded[4] is None  # every hit of the key holds the word already: nothing to search
    text = "Until the UN met, on Japan's side were Akazawa and others; on Monday UN$ fell."
    found = scanner.scan(text, text.lower())
    assert [text[s:e] for s, e in found[id(un)]] == ["UN"]
    assert [text[s:e] for s, e in found[id(seat)]] == ["on Japan's side were"]
    no_side = "On Monday, the UN met; until then talks on tariffs were held."
    assert scanner.scan(no_side, no_side.lower())[id(seat)] == []
