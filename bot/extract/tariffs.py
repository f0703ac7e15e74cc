"""Tariff rates stated for goods traded between the two sides.

A rate is a percentage tied to a tariff: "a 25% levy", "tariffs of 24 percent", "the tariff on
cars will be cut to 15%", "taxed at 27.5%", "the 25% on imported cars", "Trump's 25%". Its goods
are the sector words that follow it, up to the next rate ("a 25% levy on steel and aluminum" is
two facts), or else the goods the sentence is about before it ("cars have been hit with a 25%
levy", "tariffs on automobiles, which stand at 27.5 percent"). A reference ("a similar tax on
autos") takes the rate before it; a component ("including the existing 2.5% duty") keeps the
goods of its head, and so does a remainder ("suspended the remaining 24%") and an old value said
after a break ("a flat 15% at the border, down from 27.5%"); a part of a rate
takes the goods of that rate ("24% of the original 34% reciprocal rate", "24 percentage points of
the reciprocal duty"). A rate on no goods, said of the tracked country, is the country-wide rate
the profile names for it (the baseline 10%, else the reciprocal rate); said of the other side's
goods, or owned or levied by the other side ("China's 125%", "Beijing cut its duties on U.S.
goods to 10%"), it is that side's country-wide rate; a pair of sides ("US-China tariffs") levies
nothing. One rate is one side's: the other side's measures joined after its goods ("the 24% portion
of the US reciprocal tariff, and of China's countermeasures") are not its goods. A list's line
labelled with goods ("- Steel and aluminum: 25% since March") is a rate on them without a tariff
word; an old value said as a change ("50% tariffs on steel, doubled from 25%"), what a suspension
leaves ("leaving a 10% rate") and the rates of a clause that opens on one ("Of the 34% rate, 24% is
suspended and 10% stays") have the goods of the rate before. "3.3 million vehicles", "a 90-day pause",
"a 2% fall in exports", "a 25% stake", "companies 50% owned by" and "the probability of a
recession to 35%" are not tariffs, nor are "the policy rate at 0.5%", "a 2% levy on the revenues of
tech firms", "40% are imported", "90% goes to", "Kia +1.5%" and "a tariff-free quota".
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from itertools import pairwise

from bot.extract.article import Article, Mention
from bot.extract.dates import DATE_WORDS
from bot.extract.facts import Tariff
from bot.extract.lexicon import (
    APPROXIMATORS,
    COLLECTING_VERBS,
    COMPARED_WITH_WORDS,
    EXEMPT_FROM_WORDS,
    EXEMPT_WORDS,
    FREE_OF_SUFFIX,
    HELD_AT_WORDS,
    LEVY_VERBS,
    LEVY_VERBS_WITH,
    OTHER_RATE_WORDS,
    OTHER_TAX_BASES,
    OTHER_TAX_WORDS,
    PARTS_WORDS,
    PAYING_VERBS,
    PHRASE_JOINERS,
    PRODUCT_TARIFF_PROGRAMMES,
    RATE_CHANGED_FROM,
    RATE_VERBS,
    RATE_VERBS_TO,
    REFERRING_DETERMINERS,
    REMAINDER_WORDS,
    REPLACING_WORDS,
    SAME_RATE_WORDS,
    SHARE_OF_AFTER,
    SHARE_OF_BEFORE,
    SHARE_PREDICATES,
    STANDING_DUTY_WORDS,
    SUBJECT_AUXILIARIES,
    SUM_JOINERS,
    TARIFF_NOUNS,
    TRADED_GOODS_NOUNS,
    alternation,
    first_characters,
    plain_words,
    two_letter_openings,
)
from bot.extract.near import Cue, Near, for_lower_case
from bot.extract.numbers import _CARDINAL_WORD, CARDINAL, NUMBER_WORDS, cardinal_value
from bot.extract.phrases import Hits, Phrases
from bot.extract.profile import Profile
from bot.extract.scope import other_countries_within
from bot.extract.text import Sentence

# a percentage in figures or words: "25%", "24 per cent", "twenty-five percent", "twenty-seven and a half per
# cent"; a decimal comma as European papers write it ("27,5%") is a decimal point
_PCT = (
    r"(?P<{name}>\d{{1,3}}(?:[.,]\d{{1,2}})?|(?:"
    + CARDINAL.replace("{", "{{").replace("}", "}}")
    + r")(?:[- ]and[- ]a[- ]half)?)"
    # "24 percentage points of the reciprocal duty": a part of a rate (a cut "by 24 percentage points" is none)
    r"[\s-]?(?:%|percent\b|per cent\b|pc\b|pct\b|percentage points?(?=\s+of\s+(?:the|its|their)\s))"
)
_NOUN = alternation(TARIFF_NOUNS)
# a word between a percentage and its tariff noun ("a 25% additional tariff"); not a joiner, which opens
# the next phrase ("145% and China's rate on U.S. goods reached 125%": no "145% ... rate")
_WORD_TO_NOUN = rf"(?:(?!{alternation(PHRASE_JOINERS)}\s)[\w'’\"“”-]+\s+)"
# "to around 15%", "of up to 100%"
_APPROX = alternation(w.replace(" ", r"\s+") + r"\s+" for w in APPROXIMATORS) + "?"
_VERB = alternation([*RATE_VERBS, alternation(RATE_VERBS_TO) + r"\s+to"])
# the small words a rate's phrase may open with: "to 15%", "from 27.5%", "at 25%", "the 25%", "a 25%"
_SMALL_OPENINGS = ("to ", "from", "at ", "the", "a ", "an ")
# Two look-aheads name every way a rate's phrase can start, so that the regex engine gives up at
# almost every position after a letter or two instead of trying all six branches there. The
# first names the characters it can start with (a figure, a number word, a tariff word, "to", a
# verb, "the", or a word before "'s") and passes over spaces at once. The second, for letters,
# needs: a figure; a number word, even inside a word (the first branch has no "\b"); a letter
# before "'s"; or, at the start of a word, the first two letters of a tariff word, of a verb or of
# a small opening word ("to ", "the"). The two letters are plain literals, which the engine
# compares without entering the branch. Both are derived from the lexicon's words, so a verb or a
# tariff word added there is let through here too (tests/bot/extract/test_tariffs_regex.py checks
# the look-aheads change no match).
_OPENING_WORDS = (*plain_words(TARIFF_NOUNS), *_SMALL_OPENINGS, *RATE_VERBS, *RATE_VERBS_TO)
_RATE_START = (
    rf"(?=[0-9{first_characters([*NUMBER_WORDS, *_OPENING_WORDS])[1:]}|\w['’])"
    rf"(?=[0-9]|{_CARDINAL_WORD}"
    rf"|\b{alternation(two_letter_openings(_OPENING_WORDS))}|\w['’])"
)
# the branches of a rate's phrase, behind the look-ahead above
_RATE_BODY = (
    rf"(?:{_PCT.format(name='a')}(?:\s+|-){_WORD_TO_NOUN}{{0,3}}{_NOUN}\b(?!{FREE_OF_SUFFIX})"
    rf"|\b{_NOUN}\s+(?:(?:rate\s+)?(?:of|at|to|from)|(?:rate\s+)?(?:on|for)\s+(?:(?!\d|percent\b|per\s+cent\b|cent\b|pct\b)[\w.'’-]+\s+){{1,5}}(?:of|at|to|from))\s+"
    rf"{_APPROX}{_PCT.format(name='b')}"
    rf"|\b(?:to|from|at)\s+{_APPROX}{_PCT.format(name='c')}"
    rf"|\b{_VERB}\s+(?:(?:at|to|of|about|around|roughly|nearly|just|only|a|an|the)\s+){{0,2}}{_PCT.format(name='d')}"
    rf"|(?:\b(?:the|a|an)|\w['’]s)\s+(?:[a-z-]+\s+)?{_PCT.format(name='e')}"
    rf"|(?<![\w.]){_PCT.format(name='f')})"
)
RATE_RE = re.compile(_RATE_START + _RATE_BODY, re.IGNORECASE)
#: the word every rate has, for `finditer_near` (on lower-cased text)
#: ("Canada's 25% counter-tariffs": a prefix joined by a hyphen, but no "non-tariff")
_NOUN_AFTER = re.compile(rf"(?:\s+|-){_WORD_TO_NOUN}{{0,3}}(?:(?!non-)[a-z]+-)?{_NOUN}\b(?!{FREE_OF_SUFFIX})", re.I)
REFERENCE_RE = re.compile(rf"\b(?:a |the )?{alternation(SAME_RATE_WORDS)}\s+(?:\w+\s+)?{_NOUN}", re.I)
# ("counter-tariff" too: a tariff word joined after a hyphen is still one)
_TARIFF_WORD = Phrases(
    [r"tariffs?", r"counter-?tariffs?", "levy", "levies", r"dut(?:y|ies)", r"surtax(?:es)?", "reciprocal", "baseline"],
    shared=True,
)
_NOT_A_RATE_AFTER = re.compile(
    # a distance, not a rate: "4.9% below its all-time high", "5% higher than a year ago"
    r"^[:)]?\s*(?:(?:below|above|(?:higher|lower|more|less)\s+than)\b|of\s+(?!(?:the\s+|a\s+|its\s+|their\s+)?(?:tariffs?|dut(?:y|ies)|lev(?:y|ies)|rates?|value)\b"
    # a part of another rate: "24% of the original 34% reciprocal rate", "10% of its 34% countermeasure"
    r"|(?:the\s+|its\s+|their\s+)(?:[\w-]+\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent))\w+|"
    r"(?:[\w'’]+\s+){0,3}(?:stake|share|owned|ownership|drop|decline|fall|rise|increase|gain|jump|growth|gdp|inflation|approval|"
    r"interest|unemployment|market|probability|chance|majority|discount|of (?:the|its|their) (?:profits?|shares?|"
    r"votes?|market|population|gdp|exports|imports)))\b",
    re.I,
)
# a market or trade move, not a rate: "exports fell 2%", "closed down 1%", "rice imports by 75%",
# "could fall by a further 15% to 20%"
_NOT_A_RATE_BEFORE = re.compile(
    r"\b(?:f[ae]ll(?:s|ing|en)?|ris(?:e|es|ing|en)|rose|grown|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|jump(?:s|ed|ing)?|"
    r"gain(?:s|ed|ing)?|gr[eo]w(?:s|ing)?|slid(?:e|es|ing)?|climb(?:s|ed|ing)?|plung(?:e|es|ed|ing)|surg(?:e|es|ed|ing)|"
    r"soar(?:s|ed|ing)?|s[ai]nk(?:s|ing)?|tumbl(?:e|es|ed|ing)|slipp?(?:ed|ing|s)?|down|up|lower|higher|by|"
    # a share of an amount: "automobiles accounted for 6.0 trillion yen, or 28.3%"
    r"(?:billion|million|trillion|yen|dollars?|euros?|tonnes|tons|units),?\s+or|"
    r"account(?:s|ed|ing)? for|growth of|share of|stake of|majority of|spend(?:s|ing)?|spent|"
    r"(?:annuali[sz]ed|growth|inflation|unemployment|interest|savings|approval|jobless) rate of|"
    r"(?:contract|expand|shr[iua]nk|gr[eo]w)\w* (?:at|by)(?: an?(?: annuali[sz]ed)?(?: rate of)?)?)\s+"
    r"(?:a\s+further\s+|another\s+|an\s+(?:additional|extra)\s+)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|almost\s+|approximately\s+|more than\s+)?"
    # the second of a range: "fell by a further 15% to 20%"
    r"(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)?\s*(?:to|-|–|or)\s*)?$",
    re.I,
)
# Where the goods of one rate end and the next rate's phrase begins. A bare "and" joins goods
# ("steel and aluminum"); "and a ...", "and 10% on ...", "plus a penalty" start the next phrase. Every branch opens
# with a plain character, so that the regex engine skips in C to a ",", ";", "a", "w", "b" or a
# dash (a branch opening with "\b" or a "[...]" makes it try every position): a word's start is
# checked after the word instead, ``and(?<!\wand)`` being ``\band``.
_BREAK = re.compile(
    r",|;|and(?<!\wand)\s+(?:a|an|the|its|their|(?:of\s+)?(?=\d))\b|with(?<!\wwith)\b|while(?<!\wwhile)\b"
    r"|which(?<!\wwhich)\b|but(?<!\wbut)\b|plus(?<!\wplus)\b|—|–|--",
    re.I,
)
# the rate is part, or the sum, of the goods' rate before it: "including the existing 2.5% duty",
# "brought the total levy to 27.5%", "so that the combined rate is 15%" (but "including from Japan"
# says whose goods)
_COMPONENT = re.compile(
    r"\b(?:component|includ\w+\b(?!\s+(?:those\s+|imports\s+|goods\s+)?from\b)|plus|on top of|total|combin\w+|"
    rf"{alternation(STANDING_DUTY_WORDS)}|"
    rf"overall|additional|add-on|extra|{alternation(REMAINDER_WORDS)}|{alternation(SHARE_OF_BEFORE)}|inclusive|stack\w*|layered|"
    r"an effective|effectively)\b",
    re.I,
)
# a share of the rate before, said after the share: "with 24% of it suspended"
_SHARE_OF_AFTER = re.compile(rf"\s+{alternation(SHARE_OF_AFTER)}\b", re.I)
# a duty held within the rate before, not added to it: "15% all-in, inclusive of the 2.5% duty"
_CONTAINED = re.compile(r"\b(?:includ\w+|inclusive|existing|MFN|most[- ]favou?red[- ]nation)\b", re.I)
# the old value of the rate before, said after a break: "pay a flat 15% on entry, down from 27.5%"
# (the words before a rate that opens with "from"), "15% in total, replacing the current 27.5%"
_DOWN_FROM = re.compile(r"\b(?:down|up)\s+$", re.I)
# "50% tariffs on steel and aluminum, doubled from 25%": a change said right after the rate's words
_CHANGED_FROM = re.compile(rf",\s*{alternation(RATE_CHANGED_FROM)}\s+$", re.I)
_REPLACED_BY = alternation(w.replace(" ", r"\s+") for w in REPLACING_WORDS)
_REPLACING = re.compile(
    rf"\b{_REPLACED_BY}\s+(?:the\s+|a\s+)?(?:current\s+|existing\s+|previous\s+|old\s+)?$",
    re.I,
)
# the rate before compared with another of its goods ("pay 25%, lower than the 50% everyone else has
# paid", "went to 50%, double the 25% they paid"): that rate's goods, where they were its own (said
# with it), not borrowed from a rate named earlier
_COMPARED_OLD = re.compile(
    rf"\b{alternation(COMPARED_WITH_WORDS)}\s+(?:the\s+|a\s+)?(?:current\s+|existing\s+|previous\s+|old\s+)?$", re.I
)
# "a 25% tariff on iPhones": a rate on goods that are not the profile's sectors is no country rate
_ON_GOODS = re.compile(r"^[^,;]{0,30}?\b(?:on|for)\s+(?:imports? of\s+|the\s+)?(?P<goods>[A-Za-z][\w-]*)")
_COUNTRY_WIDE = {"all", "goods", "imports", "import", "products", "articles", "everything", "most", "other", "exports", "items", "top",
                 "average", "paper", "hold", "course", "track", "time", "the", "a", "an"}  # fmt: skip
# "to 15% from 27.5%", "from 27.5% to 15%": the second rate has the goods of the first
_FROM_BEFORE = re.compile(
    rf"\b(?:from|to)\s+(?:the\s+|a\s+)?(?:current\s+|existing\s+|previous\s+)?{_APPROX}$", re.I
)
_OTHER_RATE = re.compile(rf"\b{alternation(OTHER_RATE_WORDS)} rate", re.I)
# a tax that is no tariff: "a 2% levy on the revenues of tech firms", "a 3% digital services tax"
_OTHER_TAX_AFTER = re.compile(
    rf"(?:\s+(?:[\w-]+\s+){{0,2}}?{_NOUN})?\s+(?:on|of)\s+(?:the\s+|their\s+|its\s+|all\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"{alternation(OTHER_TAX_BASES)}\b",
    re.I,
)
_OTHER_TAX_NAMED = re.compile(rf"\b{alternation(OTHER_TAX_WORDS)}\s+(?:tax(?:es)?|levy|levies)\b", re.I)
# a share or an amount, not a rate: "40% are imported", "90% goes to the investor", "75% more"
_SHARE_AFTER = re.compile(rf"[\"”’')]?\s*{alternation(SHARE_PREDICATES)}\b", re.I)
# a signed change, as market reports write it: "Kia +1.5%", "Sony -2.1%"
_SIGNED = re.compile(r"(?:^|[\s(,:])[+−-]$")
# a rate's words reach up to ~150 characters before its percentage ("tariffs on ... from as much as")
# the percentage as one regex: its first characters ("%", "p") are rare enough for the engine
# to skip through a sentence faster than three word searches and a regex together
RATES_NEAR = Near(for_lower_case(RATE_RE), Cue(pattern=re.compile(r"%|per ?cent|pct?\b")), before=200, after=120)
_REFERENCE_LOWER = for_lower_case(REFERENCE_RE)
_NOT_A_RATE_BEFORE = for_lower_case(_NOT_A_RATE_BEFORE)  # searched in the lower-cased text
# a bare percentage that measures something else named before it in its clause: "its estimate of
# the probability of a U.S. recession in the next 12 months to 35% from 45%"
_MEASURE_BEFORE = re.compile(
    r"\b(?:probability|odds|chances?|likelihood|forecast|estimate|yield|poll|approval|turnout|stake|margin|utili[sz]ation|capacity)\b"
    r"[^,;%]{0,70}\b(?:to|at|of|from|is|was|stands? at)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+(?:to|from|or)\s+)?$"  # "to 35% from 45%": both
)
_BREAK = for_lower_case(_BREAK)  # searched in the lower-cased text
_DASH = re.compile(r"\s(?:—|–|--|-)\s")
# "could be charged \"30%": a levy's own verb; "30% or 35%": the second of two alternatives
_LEVIED_BEFORE = re.compile(rf"\b{alternation([*LEVY_VERBS, *LEVY_VERBS_WITH])}\s+(?:at\s+)?[\"“']?$")
_ALTERNATIVE = re.compile(r"[\"”’']?\s*(?:or|to|-|–|,)\s*")
# a bare rate compared with the rate just before it: "30% or 35%, far higher than the 24% announced
# in April", "went to 50% on June 4, double the 25% they paid from March"
_COMPARED = re.compile(
    rf"\b{alternation(COMPARED_WITH_WORDS)}\s+(?:the\s+|a\s+)?(?:previous\s+|current\s+|old\s+|existing\s+)?$"
)
# the second of two rates compared with a rate: "... and the 24% announced in April"
_AND_ANOTHER = re.compile(r"[^,;:()%]{0,50}\band\s+(?:the\s+|a\s+)?")


def _compared_too(lowered: str, anchors: list[_Anchor], start: int) -> bool:
    """Whether a rate is joined by "and" to one the rate before it is compared with or replaced
    by ("15%, versus the 25% threatened in July and the 24% announced in April", "in place of the
    24% announced in April and the 25% of the July letter"): one more value of the same goods."""
    if len(anchors) < 2 or anchors[-2].rate is None or not _AND_ANOTHER.fullmatch(lowered, anchors[-1].end, start):
        return False
    return bool(_COMPARED.search(lowered, max(anchors[-2].end, anchors[-1].start - 40), anchors[-1].start))


_LABELLED = re.compile(r"[A-Z][\w ()-]{0,40}:\s")  # a line of a list: "Auto parts: 25% -> 15%"
_BRACKETS = re.compile(r"\([^()]{0,120}\)")
#: what a sentence with a rate has (on lower-cased text)
_HAS_RATE = ("%", "percent", "per cent", " pct", " pc ", *(f"{digit}pc" for digit in "0123456789"))  # "a 25pc tariff"
# ... or a reference to one ("the same 25% levy", "a similar tariff"): words, found by the scan
_REFERENCE_WORDS = Phrases(list(SAME_RATE_WORDS), shared=True)


@dataclass(frozen=True, slots=True)
class _Anchor:
    start: int
    end: int
    rate: float | None  # None: a reference to the rate before
    from_rate: bool = False  # "to 15% from 27.5%": the same goods as the rate just before


#: a bare "parts" or "components" ("cars and parts", "25% on parts"); "parts of the deal" is none
_BARE_PARTS = Phrases([rf"{word}(?!\s+of\b)" for word in PARTS_WORDS], shared=True)
_PARTS_PHRASE = re.compile(rf"(?P<goods>.+?)\s+{alternation(PARTS_WORDS)}")
#: how far before a bare "parts" the goods they belong to may be named, in its sentence
_PARTS_REACH = 100
_PARTS_SECTORS: weakref.WeakKeyDictionary[Profile, dict[str, str]] = weakref.WeakKeyDictionary()


def parts_sectors(profile: Profile) -> dict[str, str]:
    """For a sector of goods, the profile's sector of their parts: one whose phrase is a phrase of
    the goods and a word for parts ("auto parts" for autos = ["autos?", ...]); read from the
    profile's phrases, so any profile's sectors pair up, none where it has no parts sector."""
    found = _PARTS_SECTORS.get(profile)
    if found is None:
        found = {}
        for parts, phrases in profile.sectors.items():
            heads = [m.group("goods") for p in phrases.patterns if (m := _PARTS_PHRASE.fullmatch(p))]
            for goods, own in profile.sectors.items():
                if goods != parts and any(re.fullmatch(g, head, re.I) for g in own.patterns for head in heads):
                    found.setdefault(goods, parts)
        _PARTS_SECTORS[profile] = found
    return found


def _bare_parts_spans(article: Article, start: int, end: int, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A bare "parts" in text[start:end] right after goods of a sector that has a parts sector
    ("cars and parts", "25 percent on finished cars and 25 percent on parts", "vehicles pay 25%,
    and parts have faced 25% since May"): the parts sector's goods. The goods are the last
    sector named before it in its sentence, not far back; a "parts" that a sector's own phrase
    holds ("auto parts") is that phrase's."""
    parts_of = parts_sectors(article.profile)
    found: list[tuple[int, int, str]] = []
    for s, e in article.hits(_BARE_PARTS).within(start, end) if parts_of else ():
        if any(o[0] <= s and e <= o[1] for o in spans):
            continue
        sentence = article.sentences[article.sentence_index(s)]
        before = _direct_sector_spans(article, max(sentence.start, s - _PARTS_REACH), s)
        if before:
            goods = max(before)[2]
            if goods in parts_of:
                found.append((s, e, parts_of[goods]))
    return found


def _direct_sector_spans(article: Article, start: int, end: int) -> list[tuple[int, int, str]]:
    """Where the profile's sector phrases stand in text[start:end], with their sector."""
    spans: list[tuple[int, int, str]] = []
    for sector, hits in _sectors_found(article):
        spans += [(s, e, sector) for s, e in hits.within(start, end)]
    return spans


def _sectors_found(article: Article) -> list[tuple[str, Hits]]:
    """The profile's sectors whose phrases the article has, in the profile's order, with their
    hits: worked out once per article, as every rate of every sentence asks for its goods (most
    sectors are named nowhere in an article)."""
    found = article.memo.get("tariffs.sectors_found")
    if found is None:
        found = article.memo["tariffs.sectors_found"] = [
            (sector, hits) for sector, phrases in article.profile.sectors.items() if (hits := article.hits(phrases)).spans
        ]
    return found  # type: ignore[return-value]


def _sector_spans(article: Article, start: int, end: int) -> list[tuple[int, int, str]]:
    """Where the profile's sector phrases stand in text[start:end], with their sector, and bare
    "parts" after a sector's goods (`_bare_parts_spans`); not a word that dates ("effective
    August 27", "effective Monday": when, not the effective rate)."""
    spans = _direct_sector_spans(article, start, end)
    spans += _bare_parts_spans(article, start, end, spans)
    if spans:
        dates = article.hits(DATE_WORDS)
        spans = [(s, e, x) for s, e, x in spans if not _dates_next(article.text, e, dates)]
    return spans


_BEFORE_A_DATE = re.compile(r"\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?")


def _dates_next(text: str, end: int, dates: Hits) -> bool:
    """Whether a date word follows at once ("effective August 27", "effective 27 August")."""
    gap = _BEFORE_A_DATE.match(text, end)
    return gap is not None and any(s == gap.end() for s, _ in dates.within(gap.end(), gap.end() + 12))


# the goods before it are exempt from the rate: "chip exports, which are exempt", "medicines, the
# country's first export, are not subject to the 39%", "drugs have so far been exempt from it" (not
# "are to be exempted": a wish)
_EXEMPT_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?(?:,[^,;.]{1,40},)?,?\s+(?:(?:which|that)\s+)?"
    r"(?:(?:are|is|were|was|remain|remains|remained|stay|stays|stayed|have|has|had|been|"
    r"so|far|still|now|also|largely|currently|mostly)\s+){1,5}"
    rf"{alternation(EXEMPT_WORDS)}\b",
    re.I,
)
# the sector named is what the goods are exempt from, or what the rate is added to: "exempt from the
# reciprocal tariff", "not to be stacked on top of existing most-favored-nation duties"
_NOT_THE_GOODS_BEFORE = re.compile(
    rf"\b{alternation([*EXEMPT_FROM_WORDS, *(w for w in SUM_JOINERS if w.isalpha() or ' ' in w)])}\s+"
    r"(?:(?:the|a|an|its|their|any|existing|current|regular|normal|ordinary|usual|standard|so-called)\s+){0,3}$",
    re.I,
)


def _not_the_rates_goods(article: Article, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The sector phrases that are not the goods of a rate near them: goods said to be exempt from it
    ("chip exports, which are exempt from the reciprocal tariff, ..."), and the tariff goods are exempt
    from or a rate is added to ("exempt from the reciprocal tariff", "stacked on top of the MFN duty"),
    unless its own rate follows ("in addition to the reciprocal tariff of 25%"), with the goods joined
    to them ("cars, steel and aluminum remain exempt")."""
    text = article.text
    out = [
        span
        for span in spans
        if _EXEMPT_AFTER.match(text, span[1])
        or (_NOT_THE_GOODS_BEFORE.search(text, max(0, span[0] - 60), span[0]) and not _ITS_RATE_AFTER.match(text, span[1]))
        or _ADDING.match(text, span[0])
    ]
    if out:
        ordered = sorted(spans)
        for _ in range(2):  # out from each way: the goods before and after those found
            for a, b in pairwise(ordered):
                joined = _JOINING.fullmatch(text, a[1], b[0]) or _GLOSS.fullmatch(text, a[1], b[0])
                if joined and (a in out) != (b in out):
                    out.append(b if a in out else a)
    return out


# the duty named is the one whose rate follows: "in addition to the reciprocal tariff of 25%"
_ITS_RATE_AFTER = re.compile(r"(?:\s+[\w\"'’”-]+){0,2}?\s+(?:of|at)\s+(?:about\s+|around\s+)?\d")
# a sector's word that is the verb of adding ("not to be stacked on top of", where "stacked" names the
# combined rate); a gloss of the goods before it ("the most-favored-nation (MFN) rate")
_ADDING = re.compile(alternation(SUM_JOINERS), re.I)
_GLOSS = re.compile(r"\s*\(\s*")


def _sectors_in(article: Article, start: int, end: int, *, last: bool = False) -> list[str]:
    spans = _sector_spans(article, start, end)
    if spans:
        excluded = _not_the_rates_goods(article, spans)
        spans = [s for s in spans if s not in excluded]
    kept = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)]
    kept.sort()
    if last and kept:
        kept = [k for k in kept if k[0] >= kept[-1][0] - 40]  # the goods named just before the rate
    out: list[str] = []
    for _, _, sector in kept:
        if sector not in out:
            out.append(sector)
    return out


def _rate_value(text: str) -> float | None:
    """The number of a rate: "27.5", "27,5", "ten", "twenty-seven and a half"."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        pass
    half = 0.5 if text.lower().rstrip().endswith("half") else 0.0
    whole = cardinal_value(re.sub(r"[- ]and[- ]a[- ]half$", "", text.strip(), flags=re.I))
    return None if whole is None else whole + half


def _anchors(article: Article, sentence: Sentence, *, after_rates: bool = False) -> list[_Anchor]:
    """The rates of a sentence, in order. A bare percentage counts only in a sentence about tariffs:
    one with a tariff word, after one (``_previous_has_tariff``) or after a sentence whose rates were
    read (``after_rates``: "Cars pay 27.5%. Steel and aluminum went to 50% on June 4.")."""
    text = sentence.text
    anchors: list[_Anchor] = []
    lowered = article.lower[sentence.start : sentence.end]
    for m in RATES_NEAR.finditer(lowered, lowered):
        name = next(k for k in "abcdef" if m.group(k))
        if _OTHER_RATE.search(text, max(0, m.start() - 25), m.start() + 5):
            continue  # "contracted at an annualized rate of 0.7 percent"
        if _not_a_tariff(text, m, name) or _OF_LINES.match(text, m.start(name)):
            continue
        if name in "cdef" and not _NOUN_AFTER.match(text, m.end()):
            # a bare percentage: only in a sentence about tariffs (or one levied: 'could be charged
            # "30% or 35%"'), and not a market move
            levied = _LEVIED_BEFORE.search(lowered, max(0, m.start(name) - 30), m.start(name)) or (
                anchors
                and anchors[-1].rate is not None
                and (
                    _ALTERNATIVE.fullmatch(lowered, anchors[-1].end, m.start(name))
                    # a part of the rate before: "face 25% on top of the existing 2.5%"
                    or (m.start(name) - anchors[-1].end < 40 and _COMPONENT.search(text, anchors[-1].end, m.start(name)))
                    # parallel to it, on goods of its own: "charged 100% on canola oil and 25% on pork"
                    or _on_goods_of_its_own(article, sentence.start, lowered, m.end())
                    # compared with it: "pay 50% instead of 25%", "far higher than the 24% announced in April"
                    or (m.start(name) - anchors[-1].end < 50 and _COMPARED.search(lowered, anchors[-1].end, m.start(name)))
                    # what it replaces may come after more of its words: "a 25% rate on Japanese goods from
                    # 1 August, replacing the 24% announced in April"
                    or (m.start(name) - anchors[-1].end < 60 and _REPLACING.search(lowered, anchors[-1].end, m.start(name)))
                    # the second of two compared with it: "15%, versus the 25% threatened in July and the 24% of April"
                    or _compared_too(lowered, anchors, m.start(name))
                )
            )
            if not (
                levied
                or article.has(_TARIFF_WORD, sentence.start, sentence.end)
                or _previous_has_tariff(article, sentence)
                or after_rates
                or _after_a_goods_label(article, sentence, m.start(name))
                or _goods_held_at(article, sentence, lowered, m.start(name), anchors)
            ):
                continue
            if (
                (
                    _NOT_A_RATE_AFTER.match(text[m.end() : m.end() + 100])
                    and not _share_of_the_rate_before(lowered, m.start(name), m.end(), anchors)
                )
                or _NOT_A_RATE_BEFORE.search(lowered, max(0, m.start(name) - 100), m.start(name))
                or _MEASURE_BEFORE.search(lowered, max(0, m.start(name) - 80), m.start(name))
            ):
                continue
        start = m.start(name) if name in "def" else m.start()
        if name == "b" and anchors and not lowered[anchors[-1].end : m.start()].strip():
            # "the 25 percent tariff on steel would be doubled to 50 percent": the tariff word right
            # after a rate is that rate's, with the goods after it, not the next rate's head
            start = m.start(name)
        from_rate = bool(_FROM_BEFORE.search(text, max(0, m.start() - 30), m.start(name)))
        rate = _rate_value(m.group(name))
        if rate is None:
            continue
        anchors.append(_Anchor(start, m.end(), rate, from_rate))
    # "the same tariffs as mainland goods": the same as what is named after it, not the rate before
    anchors += [
        _Anchor(m.start(), m.end(), None) for m in _REFERENCE_LOWER.finditer(lowered) if not _AS_AFTER.match(lowered, m.end())
    ]
    return sorted(anchors, key=lambda a: a.start)


_ON_AFTER_A_RATE = re.compile(r"\s+(?:on|for)\s+")
_FEW_WORDS = re.compile(r"(?:[\w-]+\s+){0,2}")


def _on_goods_of_its_own(article: Article, base: int, lowered: str, end: int) -> bool:
    """Whether a bare percentage after a rate is followed at once by goods of the profile ("100% on
    canola oil and 25% on pork", "on Canadian pork"): a rate of those goods, like the one before."""
    on = _ON_AFTER_A_RATE.match(lowered, end)
    if on is None:
        return False
    spans = _direct_sector_spans(article, base + on.end(), base + on.end() + 40)
    return any(_FEW_WORDS.fullmatch(lowered, on.end(), s - base) for s, _, _ in spans)


def _share_of_the_rate_before(lowered: str, start: int, end: int, anchors: list[_Anchor]) -> bool:
    """Whether a bare percentage is a share of the rate before it in its sentence, after a break
    ("set at 34%, with 24% of it suspended"): a part of that rate, not a share of something else
    ("1% to 2% of it would be equity" has no break: a range of one share)."""
    return (
        bool(anchors)
        and anchors[-1].rate is not None
        and bool(_SHARE_OF_AFTER.match(lowered, end))
        and _BREAK.search(lowered, anchors[-1].end, start) is not None
    )


_AS_AFTER = re.compile(r"\s+as\b")
# "cut tariffs on 90% of tariff lines", "99% of product lines free of duty": a share of the products a
# schedule lists, not a rate
_OF_LINES = re.compile(r"[\d.,]+\s*(?:%|per\s*cent|percent)\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+)?lines\b", re.I)


def _not_a_tariff(text: str, m: re.Match[str], name: str) -> bool:
    """Whether a percentage is something other than a tariff, whatever its sentence: a tax that is no
    tariff ("a 2% levy on the revenues of tech firms", "a 3% digital services tax"), a share or an
    amount ("40% are imported", "90% goes to", "75% more"), a signed market move ("Kia +1.5%")."""
    if _OTHER_TAX_AFTER.match(text, m.end()):
        return True
    named = _OTHER_TAX_NAMED.search(text, max(0, m.start() - 30), m.end() + 30)
    if named and named.end() > m.start() and not re.search(r"[,;]", text[m.end() : named.start()]):
        return True
    if name != "a" and _SHARE_AFTER.match(text, m.end()):
        return True
    return bool(_SIGNED.search(text, max(0, m.start(name) - 2), m.start(name)))


# what goods are said to pay: "face 25%", "have been paying 50 per cent", "stay at 50%", "unchanged
# at 50%", "have been at 25%", "face an additional 15%"
_HELD_AT = re.compile(
    rf"\b(?:{alternation(RATE_VERBS)}\s+(?:(?:[\w-]+\s+){{0,3}}?at\s+)?|(?:unchanged|been|is|are|was|were)\s+at\s+"
    rf"|{alternation(HELD_AT_WORDS)}\s+){_APPROX}"
    r"(?:an?\s+(?:additional\s+|extra\s+|further\s+)?)?[\"“']?$"
)


def _goods_held_at(article: Article, sentence: Sentence, lowered: str, start: int, anchors: list[_Anchor]) -> bool:
    """Whether a bare percentage is what goods of the profile pay, named before it in its sentence
    ("Steel and aluminum have been at 25% since March", "Japanese automobiles face 25%", "steel
    remains subject to 50%"), or what the tracked side pays ("Japan could be made to pay 30%"): a
    rate in a sentence with no tariff word."""
    if not _HELD_AT.search(lowered, max(0, start - 40), start):
        return False
    floor = sentence.start + (anchors[-1].end if anchors else 0)
    if _sector_spans(article, floor, sentence.start + start):
        return True
    tracked = article.profile.tracked_side
    return any(
        m.value == tracked and _SUBJECT_AFTER.match(article.text, m.end)
        for m in article.sides.within(floor, sentence.start + start)
    )


# a side as the subject of its clause: "Japan could be made to pay", "China pays"
# ("Japanese goods would face 25%": the goods of a side, as a whole)
_SUBJECT_AFTER = re.compile(
    rf"\s+(?:(?:goods|products|imports|exports)\s+)?{alternation([*SUBJECT_AUXILIARIES, *PAYING_VERBS])}\b", re.I
)


# the label of a list's line, after its bullet: "- Steel and aluminum: ", "Auto parts (Sec. 232): "
_LINE_LABEL = re.compile(r"\s*(?:[-•*–·]\s*)?[A-Z][^:;!?%]{0,60}?:\s")


def _after_a_goods_label(article: Article, sentence: Sentence, start: int) -> bool:
    """Whether a bare percentage is the value of a list's line whose label names goods of the
    profile ("- Steel and aluminum: 25% since March", "Auto parts: additional 25% (from May 3)"):
    the label says what the rate is on, as a tariff word would; a label of no goods ("Rail share:
    27%", "The big number: 15%") makes no rate."""
    label = _LINE_LABEL.match(sentence.text)
    if label is None or label.end() > start:
        return False
    return bool(_sector_spans(article, sentence.start, sentence.start + label.end()))


# what a heading of goods may hold besides them: a list's number or bullet, an emoji, a stop or colon
_HEADING_MARKS = re.compile(r"[\W\d_]*")


def _goods_of_the_paragraph(article: Article, sentence: Sentence) -> list[str]:
    """The goods a paragraph is headed by, for a rate of it that names none ("2. Cars. India's 110%
    tariff is the other big one. The landing zone is 10% inside a quota."): its first sentence
    holds nothing but goods of the profile, as a heading, with a list's number or an emoji."""
    i = sentence.index
    while i > 0 and article.sentences[i - 1].paragraph == sentence.paragraph:
        i -= 1
    text = article.text
    # ("2." may stand as a sentence of its own before the goods)
    while i < sentence.index and _HEADING_MARKS.fullmatch(text, article.sentences[i].start, article.sentences[i].end):
        i += 1
    first = article.sentences[i]
    if first.index == sentence.index or first.end - first.start > 40:
        return []
    spans = _sector_spans(article, first.start, first.end)
    if not spans:
        return []
    cursor = first.start
    for start, end, _ in sorted(spans):
        if start < cursor or not _HEADING_MARKS.fullmatch(text, cursor, start):
            return []
        cursor = end
    if not _HEADING_MARKS.fullmatch(text, cursor, first.end):
        return []
    return list(dict.fromkeys(sector for _, _, sector in sorted(spans)))


def _previous_has_tariff(article: Article, sentence: Sentence) -> bool:
    """Whether the sentence before names a tariff; in a list of labelled lines ("Steel: 50%",
    "Aluminum: 50%"), any line of it or the line that opens it."""
    index = sentence.index - 1
    while index >= 0:
        before = article.sentences[index]
        if before.paragraph == 0:
            return False
        if article.has(_TARIFF_WORD, before.start, before.end):
            return True
        if not (_LABELLED.match(before.text) and _LABELLED.match(article.sentences[index + 1].text)):
            return False
        index -= 1
    return False


def _parentheticals(text: str) -> list[tuple[int, int]]:
    """Spans between paired dashes ("— a 25% tariff on cars layered on the 2.5% duty —") or in
    brackets ("27.5% (25% Section 232 tariff plus the 2.5% MFN duty)")."""
    dashes = [m.start() for m in _DASH.finditer(text)]
    spans = list(zip(dashes[0::2], dashes[1::2], strict=False))
    if "(" in text:
        spans += [m.span() for m in _BRACKETS.finditer(text)]
        spans.sort()
    return spans


def _within(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _outside(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``spans`` not covered by ``holes``."""
    out = []
    for start, end in spans:
        cursor = start
        for h_start, h_end in sorted(holes):
            if h_end <= cursor or h_start >= end:
                continue
            if h_start > cursor:
                out.append((cursor, h_start))
            cursor = max(cursor, h_end)
        if cursor < end:
            out.append((cursor, end))
    return out


def _country_wide(article: Article, after: str) -> bool:
    """Whether the rate is said of no particular goods ("a 24% tariff on Japanese goods", "rising to
    24% on July 9"), not of goods outside the profile's sectors ("a 25% tariff on iPhones")."""
    goods = _ON_GOODS.match(after)
    if goods is None:
        return True
    word = goods.group("goods")
    tracked = article.profile.sides[article.profile.tracked_side]
    return word.lower() in _COUNTRY_WIDE or tracked.search(word) or DATE_WORDS.search(word) or word.isdigit()


# "tariffs on U.S. goods", "on imports from China", "Chinese goods", "American farm products": a
# side named as the goods a rate is on
_ON_A_SIDE = re.compile(
    r"\b(?:on|against)\s+(?:all\s+|most\s+)?(?:(?:imports|goods|products|articles)\s+(?:from|of)\s+)?(?:the\s+)?$",
    re.I,
)
# (a word between, but no preposition: "the United States on imports of ..." names who levies)
_GOODS_AFTER_A_SIDE = re.compile(
    r"(?:\s+|-)(?:(?!(?:on|of|for|from|to|by|in|at|against)\b)[\w-]+\s+)?"
    r"(?:goods|products|imports|exports|shipments|produce|companies|firms|ships|vessels|articles)\b",
    re.I,
)


_OWNER = re.compile(r"['’]s\b")


def _names_goods(article: Article, floor: int, side: Mention) -> bool:
    """Whether a side is named as the goods a rate is on ("on U.S. goods", "Chinese imports"),
    not as who levies it; a side as an owner is the goods only where its goods follow ("against
    China's 10%" is China's rate, "on China's exports" its goods)."""
    owner = _OWNER.match(article.text, side.end)
    if owner:
        return bool(_GOODS_AFTER_A_SIDE.match(article.text, owner.end()))
    return bool(
        _GOODS_AFTER_A_SIDE.match(article.text, side.end)
        or _ON_A_SIDE.search(article.text, max(floor, side.start - 40), side.start)
    )


# what stands between a side and a rate it levies: its owner's "'s" ("China's 125%", "Beijing's at
# 10%"), its own tariffs ("Beijing reduced its own to 10%", "cut its duties ... to 10%"), or at
# most one word ("China from 125%", "China charges 10%"); not a wish ("New Delhi will push for an
# exemption from the 26% rate")
_LEVIES = re.compile(rf"['’]s\b|[^,;]*\b(?:its|their)\b|\s+(?:(?!{alternation(PAYING_VERBS)}\s)[\w-]+\s+)?(?=\S*$)", re.I)


def _imposed_by(article: Article, sentence: Sentence, span: _Span, anchor: _Anchor) -> str:
    """The side that levies a rate said of no goods of the profile, from the rate's own words: the
    other side when they name one side's goods ("its duties on American products from 125%",
    "30% on Chinese goods"); else the side they name before the rate, as its owner ("China's
    125%", "Beijing's at 10%") or as who levies it ("Beijing reduced its own to 10%", "the US from
    145% to 30% and China from 125% to 10%"); else the side whose tariffs the profile's rates are."""
    profile = article.profile
    base = sentence.start
    named = article.sides.within(base + span.head, base + span.stop)
    for m in named:
        if _names_goods(article, base, m):
            others = [side for side in profile.sides if side != m.value]
            if len(others) == 1:
                return others[0]
    before = [m for m in named if m.end <= base + anchor.start]
    if before and _LEVIES.match(article.text, before[-1].end, base + anchor.start) and not _paired(article, before[-1]):
        return before[-1].value
    if before and _collects_in_parallel(article, sentence, before[-1], base + anchor.start):
        return before[-1].value
    return profile.tariffs_imposed_by


# a side that gets a rate as the clause before got one: "WE ARE GETTING A TOTAL OF 55% TARIFFS, CHINA IS
# GETTING 10%", "the US is getting a total of 55% while China is getting 10%"
_GETS_A_RATE = re.compile(
    rf"\s+(?:(?:is|are|was|were|will\s+be|would\s+be)\s+)?[\"“']?(?P<verb>{alternation(COLLECTING_VERBS)})\s+[^%,;]{{0,20}}$",
    re.I,
)
_GOT_A_RATE_BEFORE = re.compile(
    rf"\b(?:{alternation(COLLECTING_VERBS)})\s+[^%,;]{{0,30}}?\d+(?:\.\d+)?\s*(?:%|percent|per cent)", re.I
)


def _collects_in_parallel(article: Article, sentence: Sentence, side: Mention, rate_start: int) -> bool:
    """Whether a side is said to get a rate in the words of a clause before it that got one too
    ("WE ARE GETTING A TOTAL OF 55% TARIFFS, CHINA IS GETTING 10%"): two sides each getting a rate
    are each collecting their own tariffs, so the side levies the rate it gets. A side getting a
    rate alone ("Japan gets 15%") pays it."""
    if not _GETS_A_RATE.match(article.text, side.end, rate_start):
        return False
    return bool(_GOT_A_RATE_BEFORE.search(article.text, sentence.start, side.start))


def _paired(article: Article, side: Mention) -> bool:
    """Whether a side is named as one of a pair with the other ("US-China tariffs", "the
    U.S./China rate"): the pair's tariffs, not this side's own."""
    text = article.text
    if side.start == 0 or text[side.start - 1] not in "-–/":
        return False
    return any(m.end == side.start - 1 and m.value != side.value for m in article.sides.within(max(0, side.start - 40), side.start))


# "the 50% rate", "the same 25% levy": a rate named before, with no goods of its own after it
_THE_BEFORE = re.compile(r"\bthe\s+(?:same\s+|current\s+|existing\s+|new\s+)?$", re.I)
_NO_GOODS_AFTER = re.compile(r"[^,;]{0,12}?(?:rate|tariff|levy|duty)\b(?!\s+(?:on|for)\b)", re.I)


def _refers_back(text: str, start: int) -> bool:
    """Whether the rate at ``start`` is "the N% rate" of something named before, not new goods."""
    return bool(_THE_BEFORE.search(text, max(0, start - 20), start)) and bool(_NO_GOODS_AFTER.match(text, start))


def _names_tracked(article: Article, sentence: Sentence) -> bool:
    tracked = article.profile.tracked_side
    if article.names_side(tracked, sentence.start, sentence.end):
        return True
    if sentence.index > 0 and sentence.paragraph > 0:
        before = article.sentences[sentence.index - 1]
        return article.names_side(tracked, before.start, before.end)
    return False


@dataclass(slots=True)
class _Reading:
    """What a sentence has said so far, as its rates are read left to right."""

    previous_rate: float | None  # the rate before ("a similar tax" takes it)
    previous_sector: str | None  # the goods of the rate before
    subject_sector: str | None = None  # the goods the sentence is about ("cars, taxed at 27.5%, ...")
    last_sectors: list[str] | None = None  # the goods the rate just before was given
    last_own: bool = False  # whether those goods were said with it (not borrowed, nor a country rate)
    consumed: int = 0  # where the goods already given to a rate after it end
    previous_stop: int = 0  # where the words of the rate before end
    foreign: bool = False  # a rate before in the sentence was a third country's


@dataclass(frozen=True, slots=True)
class _Span:
    """Where one rate's own words are in its sentence: from ``head`` to ``stop``, ``inside`` an aside."""

    head: int
    stop: int
    inside: tuple[int, int] | None


_PERCENT_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)")


def _rate_span(
    article: Article,
    base: int,
    lowered: str,
    anchors: list[_Anchor],
    i: int,
    asides: list[tuple[int, int]],
    reading: _Reading,
) -> _Span:
    """Step 1: the words a rate owns. Forward, up to the last break before the next rate (or the
    first break that opens another clause); backward, from the last break after what the rate
    before took as its goods."""
    anchor = anchors[i]
    inside = next(((s, e) for s, e in asides if s <= anchor.start < e), None)
    stop = anchors[i + 1].start if i + 1 < len(anchors) else len(lowered)
    if inside:
        stop = min(stop, inside[1])
    # a figure that is no rate of its own still ends the goods of the one before: "(the 3% MFN
    # rate, 10% of the March retaliation and 10% under the Geneva arrangement)"
    figure = _PERCENT_FIGURE.search(lowered, anchor.end, stop)
    if figure is not None:
        stop = figure.start()
    # (searched a character past the next rate's start: "and 25% on pork" is a break before a figure)
    cuts = [m.start() for m in _BREAK.finditer(lowered, anchor.end, stop + 1) if m.start() < stop]
    if i + 1 < len(anchors) and cuts:
        stop = _before_goods_of_a_which_clause(article, base, lowered, anchors[i + 1], cuts) or cuts[-1]
    elif cuts and (lowered[cuts[0]] in ";—–-" or _OPENS_CLAUSE.match(lowered, cuts[0])):
        stop = cuts[0]
    # "145% and China's on American goods 125%", "to 30% and Beijing reduced its own to 10%": a
    # side joined by "and" opens the next rate's words
    for side in article.sides.within(base + anchor.end, base + stop):
        if _AND_BEFORE.search(lowered, max(anchor.end, side.start - base - 8), side.start - base):
            stop = side.start - base
            break
    floor = max(anchors[i - 1].end, reading.previous_stop) if i else 0
    head_cuts = [m.end() for m in _BREAK.finditer(lowered, floor, anchor.start + 1) if m.end() <= anchor.start]
    head = head_cuts[-1] if head_cuts else _joined_goods_start(article, base, floor, max(floor, anchor.start - 60))
    return _Span(head, stop, inside)


# "..., which now face 50%", "..., which Trump doubled to 50%": a clause on the goods just before it
# that gives them their rate
_WHICH_CLAUSE = re.compile(rf",?\s*which\s+(?:[\w'’.-]+\s+){{0,3}}?(?:{_VERB}|(?:{alternation(RATE_VERBS_TO)}|doubled|tripled|halved)\b)", re.I)


def _before_goods_of_a_which_clause(
    article: Article, base: int, lowered: str, after: _Anchor, cuts: list[int]
) -> int | None:
    """Where a rate's words end when the next rate is the rate of a which-clause on goods named
    after a break ("the 25% tariff on cars and a quota for steel and aluminum, which now face 50%",
    "relief from the 26% rate, as well as from tariffs on steel, which Trump doubled to 50%"): at
    that break, so that the goods go to the rate of the clause, not to the rate before. Not when
    the clause's rate names goods of its own, nor where the break only joins goods ("cars, steel
    and aluminum, which ...")."""
    which = next((c for c in cuts if _WHICH_CLAUSE.match(lowered, c)), None)
    if which is None or _BREAK.search(lowered, which + 7, after.start):
        return None
    earlier = [c for c in cuts if c < which and not lowered.startswith("which", c)]
    if not earlier or earlier[-1] == which:
        return None
    cut = earlier[-1]
    spans = _sector_spans(article, base + cut, base + which)
    if not spans or min(s for s, _, _ in spans) - base - cut <= 2:
        return None  # no goods in the clause, or the break joins goods ("cars, steel and aluminum")
    following = _BREAK.search(lowered, after.end)
    if _sector_spans(article, base + after.end, base + (following.start() if following else len(lowered))):
        return None
    return cut


_AND_BEFORE = re.compile(r"\band\s+(?:the\s+)?$")
_JOINING = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s+")


def _joined_goods_start(article: Article, base: int, floor: int, head: int) -> int:
    """Where a rate's words begin when they are cut at a distance (``head``): back at the first of
    the goods joined to those the cut falls in or after ("Steel and aluminum imports into the United
    States are subject to a 25% tariff": steel too, not only aluminum)."""
    spans = sorted((s - base, e - base) for s, e, _ in _sector_spans(article, base + floor, base + head + 30))
    if not spans:
        return head
    following = [(s, e) for s, e in spans if e > head]
    if not following:
        return head
    start = following[0][0]
    for s, e in reversed([sp for sp in spans if sp[1] <= start]):
        if not _JOINING.fullmatch(article.text, base + e, base + start):
            break
        start = s
    return min(head, start)
# (", and that China will buy soybeans", ", that China would delay ...": another reported clause)
_OPENS_CLAUSE = re.compile(r",?\s*(?:which|while|but|plus|(?:and\s+)?that)\b")


def _of_another_country(article: Article, sentence: Sentence, anchor: _Anchor, span: _Span) -> bool:
    """Step 2: a rate of a third country's goods ("and Beijing has retaliated with 125%" in a
    Japan-US story): its clause names another country, even where the rate before took the words
    before it as its goods. A country named inside one of the profile's sector phrases is what
    that tariff is about, not whose goods it is on ("a 25% penalty over Russian oil" where the
    profile's penalty sector is worded so)."""
    text = sentence.text
    clause_start = max(text.rfind(",", 0, anchor.start), text.rfind(";", 0, anchor.start)) + 1
    start, end = sentence.start + min(span.head, clause_start), sentence.start + span.stop
    others = other_countries_within(article, start, end)
    if not others:
        return False
    sectors = _sector_spans(article, start, end)
    others = [(o_start, o_end) for o_start, o_end in others if not any(s <= o_start and o_end <= e for s, e, _ in sectors)]
    return bool(others) and not _tracked_goods_before(article, start, others[0][0])


def _tracked_goods_before(article: Article, start: int, other: int) -> bool:
    """Whether the rate's words name the tracked side's goods before they name another country
    ("a 25% penalty on Indian goods for New Delhi's purchases of Russian oil", "Indian exports
    face 25% over Russian crude"): the goods are the tracked side's, and the country named after
    them is what the rate is over, not whose goods it taxes. The goods must be named as goods
    ("on China" alone may follow a rate levied by others: "urged its allies to impose 50% on
    China over Russian oil")."""
    tracked = article.profile.tracked_side
    return any(
        m.value == tracked
        and (
            _GOODS_AFTER_A_SIDE.match(article.text, m.end)
            or _GOODS_OF_A_SIDE.search(article.text, max(start, m.start - 30), m.start)
        )
        for m in article.sides.within(start, other)
    )


# goods named by where they come from: "imports from India", "products of the United States"
_GOODS_OF_A_SIDE = re.compile(r"\b(?:imports|goods|products|articles|exports|shipments)\s+(?:from|of)\s+(?:the\s+)?$", re.I)


def _goods_of_the_rate_before(
    article: Article, base: int, text: str, anchors: list[_Anchor], i: int, rate: float, span: _Span, reading: _Reading
) -> list[str] | None:
    """Step 4: a rate that is part of the one before ("including the existing 2.5% duty"), an
    aside on it, or its old value ("to 15% from 27.5%", "a flat 15%, down from 27.5%") has its
    goods; a country rate's old value is the country rate of its own figure ("to 24% from the
    current 10%": the baseline). A duty held within a country rate is no rate of any goods (None) unless
    the profile lists its figure: "15% is all-in, inclusive of the 2.5% duty" names the normal
    duty of no particular goods, "24%, inclusive of the 10%" the baseline."""
    if not reading.last_sectors:
        # "the levy on automobiles, now an additional 25%": no rate before it in the sentence, so
        # its goods are those named before it, not a country rate
        return []
    anchor = anchors[i]
    before = anchors[i - 1].end if i else 0
    part = reading.previous_sector and (
        _COMPONENT.search(text[max(before, anchor.start - 40) : anchor.start])
        or span.inside
        or _SHARE_OF_AFTER.match(text, anchor.end)
        or _opens_on_the_rate(text, anchors, i)
        or (i and _SPELLED_OUT.fullmatch(text, anchors[i - 1].end, anchor.start))
    )
    # the old value follows at once, with no side of its own ("the US from 145% to 30% and China
    # from 125% to 10%": China's rate is not the US one's), or after a break as what the rate before
    # replaces ("a flat 15% on entry to the United States, down from 27.5%")
    old_value = i and (
        (
            anchor.from_rate
            and _same_clause(text, anchors[i - 1].end, anchor.start)
            and all(
                _names_goods(article, base, m) for m in article.sides.within(base + anchors[i - 1].end, base + anchor.start)
            )
        )
        or (anchor.from_rate and _DOWN_FROM.search(text, max(anchors[i - 1].end, anchor.start - 10), anchor.start))
        or (anchor.from_rate and _changed_from(text, anchors[i - 1].end, anchor.start))
        or _REPLACING.search(text, max(anchors[i - 1].end, anchor.start - 40), anchor.start)
        or (i > 1 and _compared_too(text.lower(), anchors[:i], anchor.start))
        or (reading.last_own and _COMPARED_OLD.search(text, max(anchors[i - 1].end, anchor.start - 40), anchor.start))
    )
    if not (part or old_value):
        return []
    contained = _CONTAINED.search(text, max(before, anchor.start - 40), anchor.start)
    if part and contained and not old_value and _all_country_rates(article, reading.last_sectors):
        # "24%, inclusive of the 10%": a duty within a country rate counts only as one the profile lists
        listed = _listed_country_rate(article, rate)
        return [listed] if listed else None
    return _country_rate_of_figure(article, list(reading.last_sectors or []), rate)


# a rate right after a colon that follows the rate before spells that rate out: "sets the tariff on
# cars at 15%: a 12.5% additional duty on top of the existing 2.5%"
_SPELLED_OUT = re.compile(r"\s*:\s*(?:(?:a|an|the)\s+)?")


# a sentence that opens on a rate it then splits: "Of the 34% rate announced in April, 24% is
# suspended and 10% stays in place" (the rates after it are its parts)
# (also after an attribution: "According to the statement, of the so-called reciprocal tariff of 34
# percent, America will keep 10 percent and suspend the remaining 24 percent")
_OF_THE_RATE = re.compile(r"(?:[^,;%]{0,40},)?\s*of\s+(?:the|its|their)\s+(?:[\w'’\"“”.-]+\s+){0,4}$", re.I)


def _opens_on_the_rate(text: str, anchors: list[_Anchor], i: int) -> bool:
    """Whether the clause of a rate opens on an earlier rate it splits ("Of the 34% rate, 24% is
    suspended and 10% stays in place", "the reciprocal tariff: of the 34% rate, 24% is ..."), the
    clause running from the sentence's start or its last colon or semicolon."""
    opening = max(text.rfind(":", 0, anchors[i].start), text.rfind(";", 0, anchors[i].start)) + 1
    first = next((a for a in anchors[:i] if a.start >= opening), None)
    return first is not None and bool(_OF_THE_RATE.match(text, opening, first.start))


def _changed_from(text: str, start: int, end: int) -> bool:
    """Whether the words between a rate and the next say the next is its old value, as a change
    after the one break that ends the rate's words ("50% tariffs on steel and aluminum, doubled from
    25%"); not where another clause comes between ("50% on steel, and the car tariff, cut from
    27.5%")."""
    return bool(_CHANGED_FROM.search(text, start, end)) and sum(1 for _ in _BREAK.finditer(text.lower(), start, end)) == 1


def _old_value_at_once(
    article: Article, lowered: str, anchors: list[_Anchor], i: int, rate: float, reading: _Reading
) -> list[str]:
    """The goods of a rate said at once after another as its other value ("cut its tariff on cars to
    15% from 27.5%, after Brussels offered to scrap its tariffs on American goods"): those of the
    rate before, whatever goods the words after it name."""
    anchor = anchors[i]
    if not (i and anchor.from_rate and reading.last_sectors and lowered.startswith("from", anchor.start)):
        return []  # ("tariffs of 10% to 15% on farm goods" is a range, with goods after it)
    if lowered[anchors[i - 1].end : anchor.start].strip():
        return []
    return _country_rate_of_figure(article, list(reading.last_sectors), rate)


def _all_country_rates(article: Article, sectors: list[str]) -> bool:
    """Whether every sector is one of the profile's country rates (the reciprocal, the baseline)."""
    rates = article.profile.country_rates
    return rates is not None and bool(sectors) and set(sectors) <= {rates.default, *rates.by_rate}


def _country_rate_of_figure(article: Article, sectors: list[str], rate: float) -> list[str]:
    """The goods of a rate tied to a country rate ("to 24% from the current 10%"): the country rate
    the profile lists for its figure; else, where the rate it is tied to is one the profile fixes
    at one other figure (the baseline 10%), the default country rate; else the same country rate
    (a reciprocal rate cut "to around 15%" is still the reciprocal rate)."""
    rates = article.profile.country_rates
    if rates is None or not set(sectors) <= {rates.default, *rates.by_rate}:
        return sectors
    listed = _listed_country_rate(article, rate)
    if listed is not None:
        return [listed]
    if all(len(rates.by_rate.get(s, ())) == 1 for s in sectors):
        return [rates.default]
    return sectors


def _listed_country_rate(article: Article, rate: float) -> str | None:
    """The country rate the profile lists for a figure (the baseline for 10%), if any."""
    rates = article.profile.country_rates
    if rates is None:
        return None
    return next((s for s, figures in rates.by_rate.items() if any(abs(rate - f) < 1e-9 for f in figures)), None)


def _same_clause(text: str, start: int, end: int) -> bool:
    """Whether two rates are said in one breath: near (32 characters), or in one clause with no
    break between ("cut its 34% tariff on Chinese goods by 24 percentage points to 10%", "the 25%
    reciprocal rate to be brought down to around 15%")."""
    if end - start < 32:
        return True
    return end - start < 90 and _BREAK.search(text.lower(), start, end) is None


def _names_the_country(article: Article, start: int, end: int) -> bool:
    """Whether the rate's own words before it name a tariff on all the tracked side's goods ("the
    additional US tariff on most Chinese goods falls to"): its goods, so none are looked for
    further back."""
    tracked = article.profile.tracked_side
    return any(
        m.value == tracked
        and _ON_A_SIDE.search(article.text, max(start, m.start - 40), m.start)
        # "on Chinese-made semiconductors" names goods of a sector, not all the side's goods
        and not _sector_spans(article, m.end, min(end, m.end + 25))
        for m in article.sides.within(start, end)
    )


def _goods_of_the_next_rate(
    article: Article,
    sentence: Sentence,
    lowered: str,
    anchors: list[_Anchor],
    i: int,
    asides: list[tuple[int, int]],
    reading: _Reading,
) -> list[str]:
    """Step 3b: a rate joined to the next by "and", "or" or "to" has the goods said after that one
    ("tariffs of 10 percent and 15 percent on U.S. agricultural products", "30% or 35% on cars")."""
    if i + 1 >= len(anchors) or not (
        _JOINED.fullmatch(lowered, anchors[i].end, anchors[i + 1].start)
        # "the 10% to 15% it added": the "to" opens the next rate's words
        or (not lowered[anchors[i].end : anchors[i + 1].start].strip() and lowered.startswith("to ", anchors[i + 1].start))
        or _PART_OF.fullmatch(lowered, anchors[i].end, anchors[i + 1].start)
    ):
        return []
    after = _rate_span(article, sentence.start, lowered, anchors, i + 1, asides, reading)
    return _sectors_in(article, sentence.start + anchors[i + 1].end, sentence.start + after.stop)


_JOINED = re.compile(r"[\"”’']?\s*(?:and|or|to|-|–)\s*")
# "24% of the original 34% reciprocal rate": a part of the rate after it, on its goods
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?")


def _goods_before(
    article: Article,
    sentence: Sentence,
    anchors: list[_Anchor],
    i: int,
    asides: list[tuple[int, int]],
    span: _Span,
    reading: _Reading,
) -> list[str]:
    """Step 5: the goods the sentence is about, named before the rate ("cars have been hit with a
    25% levy"), skipping asides between dashes and goods already given to the rate before; else
    the goods the sentence was about ("cars, taxed at 27.5%, will also face 15%")."""
    anchor = anchors[i]
    base = sentence.start
    if _names_the_country(article, base + span.head, base + anchor.end):
        return []  # "Combined with the fentanyl duty, the US tariff on most Chinese goods falls to 30%"
    floor = max((a.end for a in anchors[:i] if not _within(a.start, asides)), default=0)
    floor = max(floor, reading.consumed)
    if span.inside:
        floor = max(floor, span.inside[0])
    spans = [(base + floor, base + anchor.start)]
    if not span.inside:
        spans = _outside(spans, [(base + a, base + b) for a, b in asides])
    levier = _levier_named(article, base + span.head, base + anchor.start)
    for span_start, span_end in reversed(spans):
        sectors = _sectors_in(article, span_start, span_end, last=True)
        if levier is not None:
            # "After rounds of retaliation, U.S. duties reach 145%": the rate is the U.S.'s, so the
            # other side's measures named before it are not its goods
            sectors = [sector for sector in sectors if article.profile.imposer_of(sector) == levier]
        if sectors:
            reading.subject_sector = sectors[0]
            return sectors
    if reading.subject_sector:
        return [reading.subject_sector]
    # the goods named only in a gloss before the rate: "the jidosha kanzei (auto tariffs), currently 25%"
    if not span.inside:
        for aside_start, aside_end in reversed([a for a in asides if floor <= a[0] and a[1] <= anchor.start]):
            sectors = _sectors_in(article, base + aside_start, base + aside_end)
            if sectors:
                return sectors
    return []


# a side named as who levies the tariff words right after it: "U.S. duties", "Chinese tariffs", "China's levy"
_TARIFF_AFTER_A_SIDE = re.compile(rf"(?:['’]s)?\s+(?:[a-z-]+\s+)?{_NOUN}\b", re.I)


def _levier_named(article: Article, start: int, end: int) -> str | None:
    """The side a rate's own words before it name as levying it ("U.S. duties reach 145%", "China's
    tariffs rose to 125%"), when they name one side so and no side's goods; else None."""
    named = article.sides.within(start, end)
    if any(_names_goods(article, start, m) for m in named):
        return None
    leviers = {m.value for m in named if _TARIFF_AFTER_A_SIDE.match(article.text, m.end)}
    return leviers.pop() if len(leviers) == 1 else None


def _country_wide_goods(
    article: Article,
    sentence: Sentence,
    anchor: _Anchor,
    rate: float,
    span: _Span,
    found: list[Tariff],
    before: list[tuple[str, float]],
) -> list[str]:
    """Step 6: a rate on no goods of the profile. The other side's rate on all goods when it levies
    it ("Beijing cut its duties on US goods to 10%"); said of the tracked country (named in the
    sentence or the one before), the goods' rate it refers back
    to ("if the 50% rate stays in place", the first rate of its sentence) or the country rate the
    profile names for its figure; else, after a country rate of its sentence (``before`` it), a
    figure the profile lists as a country rate ("the 24% reciprocal rate is on hold, and the 10% is
    being charged": the baseline)."""
    profile = article.profile
    text = sentence.text
    imposer = profile.tariffs_imposed_by
    if profile.country_wide_sectors:
        imposer = _imposed_by(article, sentence, span, anchor)
    if imposer != profile.tariffs_imposed_by:
        wide = profile.country_wide_sectors.get(imposer)
        return [wide] if wide else []
    if not _country_wide(article, text[anchor.start : min(span.stop, anchor.start + 60)]):
        return []
    if not before:
        said_before = _goods_of_the_sentence_before(article, sentence, anchor, span)
        if said_before:
            return said_before
    if not _names_tracked(article, sentence):
        # after a country rate, a figure the profile lists as one is that rate
        listed = _listed_country_rate(article, rate)
        return [listed] if listed and _all_country_rates(article, [sector for sector, _ in before[-1:]]) else []
    if not before and _refers_back(text, anchor.start):
        same = [t.sector for t in found if t.rate == rate]
        if same:
            return same
    own = profile.country_sector(rate)
    return [own] if own else []


# a subject that points back at what the sentence before named: "That tariff now stands at 27.5%",
# "Right now, those imports pay 27.5%", "The rate is now 15% in total", "That's the 25% tariff ...";
# not one whose goods follow ("the tariff on Japanese goods is 24%") nor "the 20% rate"
_REFERRING_SUBJECT = re.compile(
    rf"^(?:[^,;:%]{{0,40}},\s+|(?:[\w'’-]+\s+){{0,4}}?)(?:(?:{alternation(REFERRING_DETERMINERS)})\s+(?:[a-z-]+\s+)?"
    rf"(?:{_NOUN}|{alternation(TRADED_GOODS_NOUNS)}|(?P<parts>{alternation(PARTS_WORDS)}))\b(?!\s+(?:on|for|of|from)\b)"
    r"|(?:that|this|it)(?:['’]s|\s+is|\s+was)\b)",
    re.I,
)


# what may stand between such a subject and its rate: its verb, not a comparison with another rate
# ("The rate is one percentage point higher than the 24% announced in April": the 24% is no rate of it)
_PREDICATE_OF_THE_SUBJECT = re.compile(rf"(?:(?!{alternation(COMPARED_WITH_WORDS)}\b).){{0,40}}", re.I | re.S)


def _goods_of_the_sentence_before(article: Article, sentence: Sentence, anchor: _Anchor, span: _Span) -> list[str]:
    """The goods of a rate whose sentence names neither goods nor a side and whose subject points
    back ("... any movement on the auto tariff. That tariff now stands at 27.5%", "That's the new
    tariff on cars. Right now, those imports pay 27.5%", "The reduced tariff on vehicles took effect
    on Tuesday. The rate is now 15% in total"): the goods named last in the sentence before, else
    those its rates were given (a chain of such sentences). Only where that sentence's rates are
    all on those goods: after "Vietnamese goods will pay 20% and transshipments 40%", "The rate
    compares with the 46%" may be either's; nor a rate the subject is compared with ("The rate is a
    point higher than the 24% announced in April"). No side may be named up to the end of the rate's words
    (one named after them, "the 25% Trump added in April", says who levied a part)."""
    subject = _REFERRING_SUBJECT.match(sentence.text, 0, anchor.start) if sentence.index else None
    if subject is None or not _PREDICATE_OF_THE_SUBJECT.fullmatch(sentence.text, subject.end(), anchor.start):
        return []
    if article.sides_named(sentence.start, sentence.start + span.stop):
        return []
    before = article.sentences[sentence.index - 1]
    rated = goods_rated(article).get(before.index, set())
    named = _sectors_in(article, before.start, before.end, last=True) or sorted(rated)
    if not named or not _of_goods(article, named) or not rated <= set(named):
        return []
    if _other_goods_taxed_last(article, before):
        return []
    if subject.group("parts"):
        # "Cars pay 25%. The parts pay 25% too": the parts of those goods
        parts_of = parts_sectors(article.profile)
        return [parts_of[goods] for goods in named if goods in parts_of]
    return named


_ON_AFTER = re.compile(r"\s+(?:on|for)\s", re.I)


def _other_goods_taxed_last(article: Article, before: Sentence) -> bool:
    """Whether the sentence before ends on a tariff on goods after the last goods of the profile it
    names ("The dairy probe opened the day after the draft duties on battery-electric vehicles.
    Those duties took effect in October"): the duties pointed back at are on those goods."""
    last_goods = max((e for _, e, _ in _sector_spans(article, before.start, before.end)), default=before.start)
    return any(
        _ON_AFTER.match(article.text, e) for s, e in article.hits(_TARIFF_WORD).within(last_goods, before.end)
    )


_RATED = "tariffs.rated"


def goods_rated(article: Article) -> dict[int, set[str]]:
    """For each sentence that states a rate for goods of a sector, those sectors (every rate,
    also one already found in a sentence before): what `find_tariffs`, run first, read."""
    rated = article.memo.get(_RATED)
    return rated if isinstance(rated, dict) else {}


def find_tariffs(article: Article, skip_paragraphs: set[int]) -> list[Tariff]:
    """Every rate of the sentences that state one, with its goods, in the order of the article.

    Each rate is read in steps: the words it owns (`_rate_span`); none if they are another
    country's (`_of_another_country`); its goods said after it (`_sectors_in`), else those said
    after the rate it is joined to (`_goods_of_the_next_rate`), else those of the rate it is part
    of (`_goods_of_the_rate_before`), else those named before it unless its own words name all the
    tracked side's goods (`_goods_before`), else the country-wide rate it is (`_country_wide_goods`).
    """
    found: list[Tariff] = []
    seen: set[tuple[str, float]] = set()
    rated: dict[int, set[str]] = {}
    article.memo[_RATED] = rated
    with_rates = article.sentences_containing(_HAS_RATE) | article.sentences_with(_REFERENCE_WORDS)
    for sentence in article.sentences:
        if sentence.paragraph in skip_paragraphs or sentence.index not in with_rates:
            continue
        for sector, rate in _rates_of(article, sentence, found):
            rated.setdefault(sentence.index, set()).add(sector)
            if (sector, rate) not in seen:
                seen.add((sector, rate))
                found.append(Tariff(sector=sector, rate=rate, evidence=sentence.text))
    return found


def _rates_of(article: Article, sentence: Sentence, found: list[Tariff]) -> list[tuple[str, float]]:
    """The (goods, rate) pairs of one sentence, given the rates found before it."""
    text = sentence.text
    lowered = article.lower[sentence.start : sentence.end]
    previous = article.sentences[sentence.index - 1] if sentence.index else None
    after_rates = bool(found) and previous is not None and previous.paragraph > 0 and found[-1].evidence == previous.text
    anchors = _anchors(article, sentence, after_rates=after_rates)
    asides = _parentheticals(text)
    reading = _Reading(found[-1].rate if found else None, found[-1].sector if found else None)
    out: list[tuple[str, float]] = []
    reads: list[_Read] = []
    for i, anchor in enumerate(anchors):
        rate = anchor.rate if anchor.rate is not None else reading.previous_rate
        if rate is None:
            continue
        reading.previous_rate = rate
        span = _rate_span(article, sentence.start, lowered, anchors, i, asides, reading)
        reading.previous_stop = span.stop
        if _of_another_country(article, sentence, anchor, span):
            # its words are that country's: a rate after it takes no goods from them ("25% announced
            # by the United States on Indian goods ..., on top of the 25% already in force")
            reading.consumed = max(reading.consumed, span.stop)
            reading.foreign = True
            continue
        old_value = _old_value_at_once(article, lowered, anchors, i, rate, reading)
        sectors = old_value or _one_imposer(
            article,
            sentence.start + span.head,
            sentence.start + span.stop,
            _sectors_in(article, sentence.start + span.head, sentence.start + span.stop),
        )
        if old_value:
            reading.previous_stop = anchor.end  # the words after it are the next rate's
        elif sectors and not span.inside:
            reading.consumed = span.stop
        sectors = sectors or _goods_of_the_next_rate(article, sentence, lowered, anchors, i, asides, reading)
        own = bool(sectors)
        if not sectors:
            sectors = _the_other_sides_rate(article, sentence, anchors, i, span, reading)
        if not sectors:
            of_before = _goods_of_the_rate_before(article, sentence.start, text, anchors, i, rate, span, reading)
            if of_before is None:
                reads.append(_Read(anchor.start, anchor.end, rate, [], own=False))  # a sum may still give it goods
                continue
            sectors = of_before
        if not sectors:
            sectors = _goods_before(article, sentence, anchors, i, asides, span, reading)
            own = bool(sectors)
        if not sectors:
            sectors = _goods_of_the_paragraph(article, sentence)
        if not sectors and reading.foreign and not article.sides_named(sentence.start + span.head, sentence.start + span.stop):
            continue  # no goods, after a third country's rate: that country's too ("on top of the 25% already in force")
        sectors = sectors or _country_wide_goods(article, sentence, anchor, rate, span, found, out)
        if sectors and not _of_goods(article, sectors) and _under_a_product_programme(lowered, anchors, i, reads):
            # "Section 301 duties (7.5% or 25% depending on the list)": on products the profile does not track
            reads.append(_Read(anchor.start, anchor.end, rate, [], own=False, programme=True))
            continue
        reading.last_sectors = sectors
        reading.last_own = own
        reads.append(_Read(anchor.start, anchor.end, rate, sectors, own))
        for sector in sectors:
            reading.previous_sector = sector
            out.append((sector, rate))
    if _parts_of_a_sum(article, lowered, reads):
        return [(sector, read.rate) for read in reads for sector in read.sectors]
    return out


_PRODUCT_PROGRAMME = re.compile(rf"\b{alternation(PRODUCT_TARIFF_PROGRAMMES)}\b")


def _under_a_product_programme(lowered: str, anchors: list[_Anchor], i: int, reads: list[_Read]) -> bool:
    """Whether a rate is of a tariff levied under a law or a trade remedy on particular products
    ("the Section 301 duties of 25%", "a preliminary anti-dumping duty of 93.5%", "a 100% Section 301
    duty"), named in its own words or its clause's just before it, or the alternative of such a rate
    ("Section 301 duties (7.5% or 25% depending on the list)"); not one that names it after its own
    tariff word ("30%, on top of the Section 301 tariffs"). Such a rate is on the products it
    lists, never the country-wide rate of all goods (nor a part of it)."""
    anchor = anchors[i]
    if reads and reads[-1].programme and _ALTERNATIVE.fullmatch(lowered, reads[-1].end, anchor.start):
        return True
    clause = max(lowered.rfind(";", 0, anchor.start), lowered.rfind(":", 0, anchor.start)) + 1
    start = max(clause, anchors[i - 1].end if i else 0, anchor.start - 80)
    noun = _NOUN_AFTER.match(lowered, anchor.end)  # after it, only up to its tariff word ("a 100% Section 301 duty")
    return bool(_PRODUCT_PROGRAMME.search(lowered, start, noun.end() if noun else anchor.end))


def _the_other_sides_rate(
    article: Article, sentence: Sentence, anchors: list[_Anchor], i: int, span: _Span, reading: _Reading
) -> list[str]:
    """Step 3c: a rate whose own words say the other side levies it ("US tariffs remain at 30% in
    total, against China's 10% on US goods", "and Chinese duties on American goods at 10%") is that
    side's rate on all goods: neither a part of the first side's rate before it nor a rate of the
    first side's goods named before it. (A rate after that same rate, "China from 125% to 10%", is
    left to the steps after; one after that side's rate on some goods is not: "lifted its tariffs of
    15% on farm goods and kept its 24% tariff on US goods suspended".) So is a rate that names no
    side after that side's rate on all goods, with every side named since saying that side levies it
    ("China will keep suspending its 24% tariff on US goods and retain the 10%")."""
    profile = article.profile
    if not profile.country_wide_sectors:
        return []
    anchor = anchors[i]
    imposer = _imposed_by(article, sentence, span, anchor)
    if imposer == profile.tariffs_imposed_by:
        return _the_same_sides_rate_continued(article, sentence, anchors, i, span, reading)
    wide = profile.country_wide_sectors.get(imposer)
    if wide is None or wide in (reading.last_sectors or []):
        return []
    return [wide]


def _the_same_sides_rate_continued(
    article: Article, sentence: Sentence, anchors: list[_Anchor], i: int, span: _Span, reading: _Reading
) -> list[str]:
    """The other side's rate on all goods, for a rate that says nothing of who levies it, right after
    that rate in its sentence, where every side named since says that side levies them (its own
    name, not as goods; the first side's name as goods): "China continues to apply the 10% tariff on
    US goods and keeps the 24% additional tariff suspended", "suspend 24% of its counter-tariff on US
    goods, keeping 10%"."""
    profile = article.profile
    last = reading.last_sectors or []
    if not i or len(last) != 1 or last[0] not in profile.country_wide_sectors.values():
        return []
    side = profile.imposer_of(last[0])
    base = sentence.start
    for m in article.sides.within(base + anchors[i - 1].end, base + max(span.stop, anchors[i].end)):
        if (m.value == side) == _names_goods(article, base, m):
            return []
    return list(last)


def _one_imposer(article: Article, start: int, end: int, sectors: list[str]) -> list[str]:
    """A rate's goods in text[start:end] without those of the other side joined after them: one
    rate is one side's ("the pause on the 24% portion of the US reciprocal tariff, and of China's
    matching countermeasures" is no rate of China's countermeasures, which the pause also covers);
    words of both sides in one phrase stay ("the total duty on US apples")."""
    profile = article.profile
    if len({profile.imposer_of(sector) for sector in sectors}) < 2:
        return sectors
    imposer = profile.imposer_of(sectors[0])
    first_end = min(e for s, e, sector in _sector_spans(article, start, end) if sector == sectors[0])
    joined = [
        sector
        for s, _, sector in _sector_spans(article, first_end, end)
        if profile.imposer_of(sector) != imposer and _JOINS_ANOTHER.search(article.text, first_end, s)
    ]
    return [sector for sector in sectors if sector not in joined]


# what joins a second thing to the first: "..., and of China's countermeasures", "as well as"
_JOINS_ANOTHER = re.compile(r",|\band\b|\bas well as\b|\bor\b", re.I)


@dataclass(slots=True)
class _Read:
    """One rate of a sentence as read: its goods, and whether they are its own (said with it, or
    before it in its sentence) rather than borrowed (from the rate before, or the country rate)."""

    start: int
    end: int
    rate: float
    sectors: list[str]
    own: bool
    programme: bool = False  # a tariff under a programme on particular products (`_under_a_product_programme`)


# the parts of a sum, one after the other: "the 25% tariff plus the 2.5% duty", "the 25% levy imposed in
# April on top of the existing 2.5% duty"
_SUM_JOINED = re.compile(rf"[^;:()]{{0,70}}?\b{alternation(SUM_JOINERS)}(?:\b|(?<=\+))[^;:()]{{0,30}}")


def _parts_of_a_sum(article: Article, lowered: str, reads: list[_Read]) -> bool:
    """Rates of one sentence said as a sum and its parts ("cars now pay 27.5%, the 25% tariff plus
    the 2.5% duty", "today's 27.5% (the old 2.5% plus the 25% auto tariff)"): two rates joined by a
    word of adding whose figures add up to a third are that rate's parts, so the three are on the
    same goods. Those borrowed by a part or the sum (the country rate, for want of goods said with
    them) become the goods of the three: those one of them names, else those one of them borrowed
    from a rate before ("to 15%, from the 27.5% they have paid: the 25% duty on top of the 2.5%");
    none change unless there is exactly one set of goods of a sector (a country rate is no goods:
    "24%: the 10% baseline plus 14%" says nothing of the 14%), nor where two of them name goods or
    kinds of their own that differ (a sum of two kinds of tariff: "30%: a 10% reciprocal rate plus
    the 20% fentanyl levy"). Whether any changed."""
    changed = False
    for total in reads:
        for first in reads:
            for second in reads:
                if not (
                    total is not first
                    and total is not second
                    and first.end <= second.start
                    and abs(first.rate + second.rate - total.rate) < 1e-9
                    and _SUM_JOINED.fullmatch(lowered, first.end, second.start)
                ):
                    continue
                group = (total, first, second)
                if len({tuple(r.sectors) for r in group if r.own and r.sectors}) > 1:
                    continue  # parts of their own kinds: "30%: a 10% reciprocal rate plus the 20% fentanyl levy"
                named_goods = [r for r in group if r.sectors and _of_goods(article, r.sectors)]
                goods = {tuple(r.sectors) for r in named_goods if r.own} or {tuple(r.sectors) for r in named_goods}
                if len(goods) != 1:
                    continue
                (named,) = goods
                for read in group:
                    if not read.own and read.sectors != list(named):
                        read.sectors = list(named)
                        changed = True
    return changed


def _of_goods(article: Article, sectors: list[str]) -> bool:
    """Whether sectors are goods: none is a country rate (the reciprocal, the baseline) or a side's
    rate on all the other side's goods."""
    profile = article.profile
    rates = profile.country_rates
    country = {rates.default, *rates.by_rate} if rates else set()
    return not (set(sectors) & (country | set(profile.country_wide_sectors.values())))
