"""What `parley profile check` says of a profile: what Parley read in it, and what will not read
as its author probably meant.

A profile that loads can still be wrong in ways no validation sees: a title two people share, an
alias given to both sides, a phrase with a stray space that can never match. A new user writing
a profile from the README cannot run Parley on articles yet, so this reads the profile the way
the extractor will and says so in plain lines. Each warning states what the extractor does with
the case, so the user can decide whether it is what they want.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from bot.extract.article import side_country_words
from bot.extract.phrases import Phrases, expand_alternatives, is_literal
from bot.extract.profile import Person, Profile, Titles, name_variants, with_capitals, with_marks_optional
from bot.extract.world import countries, country_words

# A phrase is tried in a plain sentence, as an article would hold it.
_CONTEXT = "Officials said {} today."
# Anchors outside a character class: a phrase is matched inside the text, where they never hold.
_ANCHOR = re.compile(r"(?<!\\)(?:\\\\)*(?:\^|\$|\\A|\\Z)")
#: an inline flag group, "(?-i:BEE)" or "(?i)": a phrase cannot turn case back on, as it is
#: matched on the lower-cased text
_INLINE_FLAGS = re.compile(r"(?<!\\)(?:\\\\)*\(\?(?:[aiLmsux]+(?:-[imsx]+)?|-[imsx]+)[:)]")


def _unescaped(sample: str) -> str:
    return re.sub(r"\\(.)", r"\1", sample)


def samples(pattern: str) -> list[str]:
    """The texts a phrase pattern plainly spells out ("tariffs?" -> "tariffs", "tariff"); none
    for a pattern with real wildcards ("negotiat\\w+"), which cannot be spelt out."""
    return [_unescaped(v) for v in expand_alternatives(pattern) if is_literal(v)]


def _in_context(phrases: Phrases, sample: str) -> bool:
    """Whether ``phrases`` finds ``sample`` (or more, from where it starts) in a plain sentence."""
    text = _CONTEXT.format(sample)
    start = _CONTEXT.index("{")
    found = phrases.spans(text if phrases.case_sensitive else text.lower())
    return any(s == start and e >= start + len(sample) for s, e in found)


def _matched_in(phrases: Phrases, sample: str) -> tuple[int, int] | None:
    """The span of ``sample`` (in a plain sentence) that ``phrases`` finds, or None."""
    text = _CONTEXT.format(sample)
    start = _CONTEXT.index("{")
    for s, e in phrases.spans(text if phrases.case_sensitive else text.lower()):
        if start <= s and e <= start + len(sample):
            return s - start, e - start
    return None


def _phrase_sets(profile: Profile) -> Iterator[tuple[str, Phrases]]:
    """Every phrase set of the profile with the key it was written under."""
    for side, phrases in profile.sides.items():
        yield f"sides.{side}.aliases", phrases
    for side, phrases in profile.side_exclusions.items():
        yield f"sides.{side}.not_aliases", phrases
    for i, person in enumerate(profile.people):
        yield f"people[{i}].aliases", person.aliases
        if person.exclusions is not None:
            yield f"people[{i}].not_aliases", person.exclusions
        if person.titles is not None:
            yield f"people[{i}].titles", person.titles
    for i, place in enumerate(profile.places):
        yield f"places[{i}].aliases", place.aliases
        if place.buildings is not None:
            yield f"places[{i}].buildings", place.buildings
    for topic, phrases in profile.topics.items():
        yield f"topics.{topic}", phrases
    for sector, phrases in profile.sectors.items():
        yield f"sectors.{sector}", phrases
    yield "negotiation.round_terms", profile.round_terms
    yield "negotiation.subject_terms", profile.subject_terms
    for i, issue in enumerate(profile.issues):
        yield f"issues[{i}].about", issue.about
        for j, stance in enumerate(issue.stances):
            yield f"issues[{i}].stances[{j}].phrases", stance.phrases


def _city_spellings(aliases: list[str]) -> list[str]:
    """A city's names with the spellings the loader adds: without marks, and in capitals."""
    return with_capitals(with_marks_optional(aliases))


def _written(profile: Profile, key: str, phrases: Phrases) -> tuple[str, ...]:
    """The patterns as the author wrote them, without the spellings the loader adds: to a person's
    aliases (`bot.extract.profile.name_variants`: "AKAZAWA", "AKAZAWA Ryosei", "Sefcovic"), and to
    the names of sides and places and to buildings (`bot.extract.profile.with_marks_optional`), and
    to a city's names in capitals (`bot.extract.profile.with_capitals`)."""
    added_to: Callable[[list[str]], list[str]]
    if key.startswith("people[") and key.endswith((".aliases", ".not_aliases")):
        added_to = name_variants
    elif key.startswith("places[") and key.endswith(".aliases"):
        added_to = _city_spellings
    elif key.startswith(("sides.", "places[")):
        added_to = with_marks_optional
    else:
        return phrases.patterns
    added: set[str] = set()
    for alias in phrases.patterns:
        added |= set(added_to([alias])) - {alias}
    return tuple(p for p in phrases.patterns if p not in added)


def phrase_warnings(profile: Profile) -> list[str]:
    """Phrases that can match nothing an article holds, or not what their author meant."""
    out: list[str] = []
    for key, phrases in _phrase_sets(profile):
        for pattern in _written(profile, key, phrases):
            problem = _phrase_problem(pattern, phrases)
            if problem:
                out.append(f"{key}: {pattern!r} {problem}")
    return out


def _phrase_problem(pattern: str, phrases: Phrases) -> str | None:
    if pattern != pattern.strip():
        return "has a space at its start or end: it never matches a word in running text"
    if _ANCHOR.search(pattern):
        return "has an anchor (^, $, \\A or \\Z): phrases are found inside the text, where an anchor never holds"
    if not phrases.case_sensitive and _INLINE_FLAGS.search(pattern):
        return (
            "has an inline flag such as (?-i:...): phrases are matched on the lower-cased text, so it"
            " finds the lower-case spelling only; give a short abbreviation a word around it instead"
        )
    spelt = samples(pattern if phrases.case_sensitive else pattern.lower())
    for sample in spelt:
        if sample != sample.strip():  # "kept (?:its )?" spells "kept its " and "kept "
            return f"can end or start with a space ({sample!r}): that spelling never matches a word in running text"
        # a currency sign may open a phrase ("\\$350 billion"): it is found after a space or an
        # opener, not inside a word ("US$350")
        if not (sample[:1].isalnum() or sample[:1] == "_" or unicodedata.category(sample[:1]) == "Sc"):
            return f"can start with {sample[:1]!r} ({sample!r}): a phrase must start a word"
        if not phrases.case_sensitive and sample.endswith("-"):
            return f"ends with a hyphen ({sample!r}): a hyphen joins words, so it matches only where the word breaks off"
        if not _in_context(Phrases([pattern], case_sensitive=phrases.case_sensitive), sample):
            return f"does not find {sample!r} in a plain sentence: it may never match"
    if phrases.case_sensitive and spelt and all(s == s.lower() for s in spelt) and any(c.isalpha() for c in pattern):
        return "has no capital letter: names and aliases are case-sensitive, so it matches only in lower case"
    return None


def people_warnings(profile: Profile) -> list[str]:
    """Titles and aliases that point at more than one person, and what the extractor then does.

    A title inside another person's longer title ("trade representative" in "international trade
    representative") is no warning: the longer title, where it stands, is only its own person's."""
    out: list[str] = []
    people = profile.people
    for a, person in enumerate(people):
        for other in people[a + 1 :]:
            for mine, theirs in _titles_held_together(person, other):
                for pattern in mine.phrases.patterns:
                    same = [sample for sample, inner in _all_shared(pattern.lower(), theirs.phrases) if inner == sample]
                    if same:
                        unless = (
                            f", unless a name of {other.side} stands just before it (\"the {other.side} ...\")"
                            if other.side != person.side
                            else " (both are of one side: give each a title of their own)"
                        )
                        out.append(
                            f"people: the title {same[0]!r} is one of {person.name}'s and of {other.name}'s: where it "
                            f"stands without a name after it, it is read as the one of them last named by an alias of "
                            f"their own before it in the article, else as {person.name}, who is listed first{unless}"
                        )
            if person.surname == other.surname:
                out.append(
                    f"people: {person.name} and {other.name} share the family name {person.surname!r}: alone "
                    f"(\"talks with {person.surname}\", \"Minister {person.surname} said\") it names the one of them "
                    "last named by an alias of their own before it in the article, and neither when neither is; "
                    "after one's title, or as a full name or an alias, it names that one"
                )
            for pattern in _written(profile, f"people[{a}].aliases", person.aliases):
                shared = _shared(pattern, other.aliases)
                if shared is not None and shared[0] == shared[1]:
                    out.append(
                        f"people: {shared[0]!r} is an alias of {person.name} and of {other.name}: it is read as "
                        "the one of them last named by an alias of their own before it in the article, else as "
                        f"{person.name}, who is listed first"
                    )
    for i, person in enumerate(people):
        if person.exclusions is None:
            continue
        for pattern in _written(profile, f"people[{i}].not_aliases", person.exclusions):
            spelt = samples(pattern)
            if spelt and not any(_holds_a_name(person, sample) for sample in spelt):
                out.append(
                    f"people[{i}].not_aliases: {pattern!r} holds none of {person.name}'s aliases or titles: "
                    "it takes no mention away (list the whole name that holds one: \"Harry Roque\" for \"Roque\")"
                )
    return list(dict.fromkeys(out))


def _holds_a_name(person: Person, sample: str) -> bool:
    """Whether one of the person's aliases or titles stands inside ``sample``."""
    return _matched_in(person.aliases, sample) is not None or (
        person.titles is not None and _matched_in(person.titles, sample.lower()) is not None
    )


def _titles_held_together(person: Person, other: Person) -> list[tuple[Titles, Titles]]:
    """The pairs of the two people's titles held on some day by both: a title the one holds
    until June and the other from July is never shared ("finance minister" of April is the
    first, of August the second)."""
    return [
        (mine, theirs)
        for mine in person.dated_titles
        for theirs in other.dated_titles
        if (mine.since is None or theirs.until is None or mine.since <= theirs.until)
        and (theirs.since is None or mine.until is None or theirs.since <= mine.until)
    ]


def _days(titles: Titles) -> str:
    """" from 2025-07-01", " until 2025-06-30", " 2025-01-01 to 2025-06-30" or ""."""
    if titles.since and titles.until:
        return f" {titles.since} to {titles.until}"
    if titles.since:
        return f" from {titles.since}"
    return f" until {titles.until}" if titles.until else ""


def _titles_of(person: Person) -> str:
    """A person's titles for the summary, with the days of those held for a time."""
    if all(t.since is None and t.until is None for t in person.dated_titles):
        return _listed(person.titles.patterns) if person.titles else ""
    return "; ".join(f"{_listed(t.phrases.patterns)}{_days(t)}" for t in person.dated_titles)


def _all_shared(pattern: str, other: Phrases) -> list[tuple[str, str]]:
    """Each (text ``pattern`` spells out, the part of it ``other`` also finds)."""
    found = []
    for sample in samples(pattern):
        span = _matched_in(other, sample)
        if span is not None:
            found.append((sample, sample[span[0] : span[1]]))
    return found


def _shared(pattern: str, other: Phrases) -> tuple[str, str] | None:
    """The first (text ``pattern`` spells out, the part of it ``other`` also finds), or None."""
    found = _all_shared(pattern, other)
    return found[0] if found else None


def countries_named(phrases: Phrases) -> list[str]:
    """The countries of the data packages whose own name ("Germany", "European Union") one of a
    side's aliases is."""
    return [c.name for c in countries() if phrases.spans(c.name) == [(0, len(c.name))]]


def side_and_place_warnings(profile: Profile) -> list[str]:
    """An alias that names two sides, or that is also a place of the profile; a side whose aliases
    are the names of several countries (a union and its members)."""
    out: list[str] = []
    sides = list(profile.sides.items())
    for side, phrases in sides:
        named = countries_named(phrases)
        if len(named) > 1:
            out.append(
                f"note: sides.{side} names {len(named)} countries of the data packages ({_listed(tuple(named))}): "
                f"each of its aliases names {side} wherever it is written (\"{named[0]} said\" is {side} "
                f"speaking, goods of {named[-1]} are its goods), and none of these countries, nor their other "
                "names and capitals, is ever a third party"
            )
    own = side_country_words(profile)
    for side, phrases in sides:
        inside = [w for w in country_words() if w not in own[side] and phrases.search(w)]
        if inside:
            out.append(
                f"note: sides.{side}: an alias of it stands inside {_listed(tuple(inside))}, another country's "
                "name in the data packages: there it does not name the side (no need to list these in not_aliases)"
            )
    for i, (side, phrases) in enumerate(sides):
        for pattern in _written(profile, f"sides.{side}.aliases", phrases):
            for sample in samples(pattern):
                for other, other_phrases in sides[i + 1 :]:
                    if _in_context(other_phrases, sample):
                        out.append(
                            f"sides: {sample!r} is an alias of both {side} and {other}: every mention of it names "
                            "both sides, so one sentence with it and a subject term reads as about the talks"
                        )
                for place in profile.places:
                    if _in_context(place.aliases, sample):
                        out.append(
                            f"note: {sample!r} is an alias of the side {side} and of the place {place.city}: every "
                            f"mention of it is both (as the shipped profiles mean for a capital: \"{sample} said\" "
                            f"is {side}, \"talks in {sample}\" are in {place.city})"
                        )
    return list(dict.fromkeys(out))


def rate_and_label_warnings(profile: Profile) -> list[str]:
    """A rate given to two sectors in ``[country_rates]``; a label shared by a topic and a sector."""
    out: list[str] = []
    rates = profile.country_rates
    if rates is not None:
        seen: dict[float, str] = {}
        for sector, listed in rates.by_rate.items():
            for rate in listed:
                if rate in seen:
                    out.append(
                        f"country_rates.by_rate: {rate:g} is listed for {seen[rate]} and {sector}: "
                        f"it is always {seen[rate]}, listed first"
                    )
                else:
                    seen[rate] = sector
    for key in sorted(profile.topics.keys() & profile.sectors.keys()):
        if key in profile.topic_labels and profile.label(key) == profile.topic_label(key):
            out.append(
                f"labels.{key}: {key!r} is a topic and a sector, and both are shown as {profile.topic_label(key)!r} "
                f"([labels] is one table; give the sector its own with [sector_details.{key}] label = \"...\")"
            )
    for side, sector in profile.country_wide_sectors.items():
        if side == profile.tariffs_imposed_by:
            out.append(
                f"sector_details.{sector}: country_wide does nothing for {side}, the side whose tariffs the "
                "rates are: its rate on all the tracked side's goods is [country_rates] default (or by_rate)"
            )
    by_city: dict[str, list[int]] = {}
    for sitting in profile.rounds:
        by_city.setdefault(sitting.place, []).append(sitting.number)
    for city, numbers in by_city.items():
        if len(numbers) > 1:
            numbered = ", ".join(str(n) for n in numbers)
            out.append(
                f"rounds: {numbered} were all held in {city}: \"the {city} talks\" names none of them (only a city "
                "with one listed round names it); their days and their aliases still do"
            )
    if not profile.places:
        zone = profile.default_tz.key if profile.default_tz else "UTC"
        out.append(
            "places: none listed: every location is null, and relative days (\"on Friday\") are read "
            f"against the day of publication in {zone}"
        )
    return out


def warnings(profile: Profile) -> list[str]:
    """Everything `parley profile check` warns about, in the order of the summary."""
    return [
        *side_and_place_warnings(profile),
        *people_warnings(profile),
        *rate_and_label_warnings(profile),
        *phrase_warnings(profile),
    ]


def _listed(patterns: tuple[str, ...], limit: int = 6) -> str:
    shown = ", ".join(patterns[:limit])
    return shown + (f", ... ({len(patterns)} in all)" if len(patterns) > limit else "")


def summary(profile: Profile) -> list[str]:
    """What Parley read in the profile, one line per item, for its author to check."""
    lines = [
        f"negotiation: {profile.name} (id {profile.id})",
        f"tracked side: {profile.tracked_side}; a rate is a tariff imposed by {profile.tariffs_imposed_by} unless its sector says otherwise",
        f"round terms: {_listed(profile.round_terms.patterns)}",
        f"subject terms: {_listed(profile.subject_terms.patterns)}",
        *([f"note: {profile.note}"] if profile.note else []),
        f"an event with no place found is dated on the clock of {profile.default_tz.key if profile.default_tz else 'UTC'}",
        f"sides ({len(profile.sides)}):",
    ]
    for side, phrases in profile.sides.items():
        excluded = profile.side_exclusions.get(side)
        never = f"; never {_listed(_written(profile, f'sides.{side}.not_aliases', excluded))}" if excluded else ""
        lines.append(f"  {side}: {_listed(_written(profile, f'sides.{side}.aliases', phrases))}{never}")
    lines.append(f"people ({len(profile.people)}):")
    for i, person in enumerate(profile.people):
        marks = [person.side, f"surname {person.surname}" + (", family name first" if person.family_first else "")]
        if person.negotiator:
            marks.append("negotiator")
        titles = f"; titles {_titles_of(person)}" if person.titles else ""
        aliases = _written(profile, f"people[{i}].aliases", person.aliases)
        never = (
            f"; never {_listed(_written(profile, f'people[{i}].not_aliases', person.exclusions))}"
            if person.exclusions
            else ""
        )
        lines.append(f"  {person.name} ({', '.join(marks)}): aliases {_listed(aliases)}{titles}{never}")
    lines.append(f"places ({len(profile.places)}):")
    for i, place in enumerate(profile.places):
        written = _written(profile, f"places[{i}].buildings", place.buildings) if place.buildings else ()
        buildings = f"; buildings {_listed(written)}" if written else ""
        aliases = _written(profile, f"places[{i}].aliases", place.aliases)
        lines.append(f"  {place.city} ({place.tz.key}): aliases {_listed(aliases)}{buildings}")
    lines.append(f"topics ({len(profile.topics)}): {', '.join(profile.topics)}")
    lines.append(f"sectors ({len(profile.sectors)}):")
    wide = {sector: side for side, sector in profile.country_wide_sectors.items()}
    for sector in profile.sectors:
        extra = f", {wide[sector]}'s rate on all the other side's goods" if sector in wide else ""
        lines.append(f"  {sector}: imposed by {profile.imposer_of(sector)}{extra}; shown as {profile.label(sector)!r}")
    if profile.country_rates is not None:
        exceptions = "".join(
            f"; {', '.join(f'{r:g}%' for r in rates)} -> {sector}" for sector, rates in profile.country_rates.by_rate.items()
        )
        lines.append(f"a rate on no named goods: {profile.country_rates.default}{exceptions}")
    lines.append(f"issues ({len(profile.issues)}):")
    for issue in profile.issues:
        stances = ", ".join(f"{s.id} [{s.needs}]" for s in issue.stances)
        lines.append(f"  {issue.id}: what {issue.side} seeks, shown as {issue.label!r}; stances in order: {stances}")
    if profile.rounds:
        lines.append(f"rounds ({len(profile.rounds)}):")
        for sitting in profile.rounds:
            days = sitting.start.isoformat() + (f" to {sitting.end.isoformat()}" if sitting.end != sitting.start else "")
            named = f"; named {_listed(sitting.aliases.patterns)}" if sitting.aliases else ""
            lines.append(f"  {sitting.number}: {days}, {sitting.place}{named}")
    return lines
