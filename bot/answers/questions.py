"""Questions in plain words → the query layer's commands.

Why a parser of our own and not the slash commands' text: team members ask Parley the way they
ask a colleague ("who did Akazawa meet in the fifth round?"). `QuestionParser.parse` turns such a
question into one typed query (`bot.answers.query`) with its arguments, so a mention, a DM and
`parley ask` get the same answer the slash command gives.

Everything about the negotiation comes from the loaded profile: the words for a round
(``round_terms``), the people and their aliases (misspellings are forgiven with rapidfuzz), the
sides, the tariff sectors and the topics. Only plain English question words live here ("who",
"where", "changed"), which are the same for every negotiation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.answers.query import (
    ChangesQuery,
    HelpQuery,
    LatestQuery,
    MeetingsQuery,
    NextQuery,
    PositionsQuery,
    Query,
    RoundQuery,
    TariffsQuery,
    TimelineQuery,
    TopicsQuery,
    WhenWhereQuery,
    WhyQuery,
)
from bot.extract.numbers import CARDINAL, ORDINAL, number_value
from bot.extract.phrases import lower_pattern
from bot.extract.profile import Profile

#: a round the question names without a number
LATEST, NEXT = "latest", "next"

_MENTION = re.compile(r"<@[!&]?\d+>")
_URL = re.compile(r"https?://\S+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Question words: plain English, the same whatever the negotiation.
_HELP = re.compile(r"^\s*(?:help|\?+|what can you do|how do i (?:use|ask)\b.*|commands?|hi|hello|hey)\W*$")
_CHANGES = re.compile(r"\b(?:chang\w*|shift\w*|u-?turns?|soften\w*|harden\w*|budg\w*|flip\w*|backtrack\w*|"
                      r"revers\w*|moved|move|different (?:stance|position))\b")
_NEXT = re.compile(r"\b(?:next|upcoming|coming up|planned|scheduled|future)\b")
_TIMELINE = re.compile(r"\b(?:timeline|history|chronolog\w*|overview|all (?:of )?(?:the )?rounds|every round|"
                       r"each round|rounds so far|(?:list|show)\w* (?:\w+ ){0,2}rounds|how many rounds|which rounds)\b")
_POSITION = re.compile(r"\b(?:positions?|stances?|want\w*|demand\w*|seek\w*|ask\w* for|stands?|standing|"
                       r"view|goals?|aim\w*|insist\w*|push\w* for|line on|red lines?)\b")
_TARIFF = re.compile(r"(?:\b(?:tariffs?|rates?|levy|levies|duty|duties|customs)\b|%)")
_MEET = re.compile(r"\b(?:who|whom|meet|meets|met|meeting|meetings|talk(?:ed|s)? (?:to|with)|spoke (?:to|with)|"
                   r"sat down|attend\w*|participa\w*|delegat\w*|negotiators?|people|how long|minutes?|hours?|"
                   r"duration|length|lasted?)\b")
_WHERE = re.compile(r"\b(?:where|place|location|city|venue|held in|hosted)\b")
_WHEN = re.compile(r"\b(?:when|date|day|what time)\b")
_TOPIC = re.compile(r"\b(?:discuss\w*|talk(?:ed)? about|topics?|agenda|subjects?|covered|cover|on the table|"
                    r"raised?|came up|come up|brought up|issues?)\b")
_LATEST = re.compile(r"\b(?:new|newest|latest|recent\w*|news|updates?|updated|lately|happening|going on|"
                     r"status|last|current\w*|today)\b")
_SUMMARY = re.compile(r"\b(?:what happened|summar\w+|tell me|about|details?|recap|happen\w*|went on|go on|"
                      r"outcome|results?|how did|how was|what about|info\w*|explain)\b")
_STOPWORDS = frozenset(
    ["what", "who", "whom", "when", "where", "which", "with", "that", "this", "they", "them", "their", "there", "then", "than", "have", "were", "does", "did", "done", "about", "round", "rounds", "meet", "meets", "meeting", "meetings", "talks", "tell", "much", "many", "long", "time", "tariff", "tariffs", "rate", "rates", "position", "positions", "stance", "latest", "next", "week", "month", "year", "the", "and", "for", "from", "into", "over", "after", "before", "during", "happened", "happen", "anything", "something", "changed", "change", "what's", "where's", "who's", "how's", "show", "give", "list", "all", "every", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "ministerial", "session"]
)
# Words that carry no subject of their own in a chat question: with the stopwords and the words
# the question patterns above read, what is left of a question is what it is about.
_FILLER = frozenset(
    ["a", "an", "is", "are", "was", "be", "been", "it", "its", "me", "my", "we", "our", "you", "your", "us", "i", "so", "far", "any", "some", "of", "on", "in", "at", "to", "by", "up", "out", "now", "yet", "please", "pls", "plz", "thanks", "quick", "quickly", "can", "could", "would", "will", "should", "u", "ur", "whats", "wht", "wat", "there", "here", "just", "again", "more", "less", "know", "say", "said", "get", "got", "going", "do", "how", "why", "or", "if", "not", "no", "yes", "ok", "okay", "hmm", "guys", "team", "folks", "bot", "parley", "one", "ones", "thing", "things", "stuff", "everything", "anyone", "someone", "look", "see", "need", "like", "talk", "talks", "talking", "negotiation", "negotiations", "deal", "deals", "trade", "news", "update", "updates", "summary"]
)
FUZZY_CUTOFF = 84  # "Lutnik", "Akazwa", "Besent" match; "green" is not "Greer"


@dataclass(frozen=True, slots=True)
class _Facets:
    """What a question names: a round, people, a side, a sector, a topic."""

    round: int | str | None
    people: tuple[str, ...]
    side: str | None
    sector: str | None
    topic: str | None


def _regex(patterns: tuple[str, ...] | list[str], *, keep_case: bool = False) -> re.Pattern[str]:
    body = "|".join(f"(?:{p if keep_case else lower_pattern(p)})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?:['’]s)?(?![\w])")


def _plain(alias: str) -> str | None:
    """An alias pattern as the plain words it matches, or None when it is a real pattern."""
    text = alias.replace("\\.", ".")
    return None if re.search(r"[\\()\[\]{}|?*+^$]", text) else text


class QuestionParser:
    """Reads questions in plain words against one profile (build once, parse many)."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        terms = [lower_pattern(p) for p in profile.round_terms.patterns]
        term = "(?:" + "|".join(f"(?:{t})" for t in terms) + ")s?"
        # a chat abbreviation of a round word: its first and last letters, or its consonants
        # ("rd 5", "rnd 5" for "round 5"), only before a number
        abbreviations = sorted({a for t in profile.round_terms.patterns if t.isalpha() and len(t) > 3
                                for a in (t[0] + t[-1], re.sub(r"(?<!^)[aeiou]", "", t.lower()))})
        abbreviation = "(?:" + "|".join(abbreviations) + ")" if abbreviations else None
        self._round_rxs = (
            re.compile(rf"\b(?P<n>{ORDINAL})\s+(?:[\w-]+\s+){{0,2}}?{term}\b"),
            re.compile(rf"\b{term}\s+(?:no\.?\s*|number\s+|#\s*)?(?P<n>{CARDINAL}|{ORDINAL})\b"),
            re.compile(r"(?<![\w-])r(?P<n>\d{1,3})\b"),
            re.compile(rf"\b(?P<latest>latest|last|most recent|this|current|previous)\s+{term}\b"),
            re.compile(rf"\b(?P<next>next|upcoming|coming)\s+{term}\b"),
            *([re.compile(rf"\b{abbreviation}\.?\s*#?\s*(?P<n>\d{{1,3}})\b")] if abbreviation else []),
        )
        self._subject = [lower_pattern(p) for p in (*profile.subject_terms.patterns, *profile.round_terms.patterns)]
        self._subject_rx = re.compile(r"\b(?:" + "|".join(f"(?:{t})" for t in self._subject) + r")", re.I)
        self._people: dict[str, str] = {}  # a plain alias, lower-cased → the person's name
        for person in profile.people:
            for alias in (person.name, *person.aliases.patterns):
                plain = _plain(alias)
                if plain and not plain.isupper():
                    self._people[plain.lower()] = person.name
        self._single_names = sorted({a for a in self._people if " " not in a})
        self._side_of_person = {p.name: p.side for p in profile.people}
        self._sides: list[tuple[str, re.Pattern[str], bool]] = []
        for side, phrases in profile.sides.items():
            # All-capital aliases ("US") keep their case, so "tell us" names no side.
            loose = [p for p in (side, *phrases.patterns) if re.search(r"[a-z]", p)]
            strict = [p for p in phrases.patterns if not re.search(r"[a-z]", p)]
            self._sides.append((side, _regex(loose), False))
            if strict:
                self._sides.append((side, _regex(strict, keep_case=True), True))
        self._sectors = [(k, _regex([*v.patterns, k.replace("_", " ")])) for k, v in profile.sectors.items()]
        self._topics = [(k, _regex([*v.patterns, k.replace("_", " ")])) for k, v in profile.topics.items()]

    # -- facets ------------------------------------------------------------------------------

    def round_of(self, lowered: str) -> int | str | None:
        """The round a (lower-cased) question names: a number, `LATEST`, `NEXT`, or None."""
        return self._round_match(lowered)[0]

    def _round_match(self, lowered: str) -> tuple[int | str | None, tuple[int, int]]:
        """The round named and where ("the second ministerial meeting" is no meeting word)."""
        for rx in self._round_rxs:
            for m in rx.finditer(lowered):
                groups = m.groupdict()
                if groups.get("latest"):
                    return LATEST, m.span()
                if groups.get("next"):
                    return NEXT, m.span()
                value = number_value(m.group("n"))
                if value is not None and value > 0:
                    return value, m.span()
        return None, (0, 0)

    def people_in(self, text: str) -> tuple[str, ...]:
        """The people a question names, by alias or a near miss of one ("Lutnik")."""
        lowered = text.lower()
        found: list[str] = []
        for alias, name in self._people.items():
            if " " in alias and alias in lowered and name not in found:
                found.append(name)
        for word in _WORD.findall(text):
            token = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
            if len(token) < 4 or token in _STOPWORDS:
                continue
            person = self._people.get(token)
            if person is None and len(token) >= 5:
                best = process.extractOne(token, self._single_names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                person = self._people[best[0]] if best else None
            if person and person not in found:
                found.append(person)
        return tuple(found)

    def side_in(self, text: str) -> str | None:
        """The side a question names first, by the profile's words for it ("Tokyo", "Japan's", "US")."""
        lowered = text.lower()
        best: tuple[int, str] | None = None
        for side, rx, keep_case in self._sides:
            m = rx.search(text if keep_case else lowered)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), side)
        return best[1] if best else None

    @staticmethod
    def _longest(rxs: list[tuple[str, re.Pattern[str]]], lowered: str) -> str | None:
        best: tuple[int, str] | None = None
        for key, rx in rxs:
            for m in rx.finditer(lowered):
                if best is None or m.end() - m.start() > best[0]:
                    best = (m.end() - m.start(), key)
        return best[1] if best else None

    def facets(self, text: str) -> _Facets:
        lowered = text.lower()
        return _Facets(
            round=self._round_match(lowered)[0],
            people=self.people_in(text),
            side=self.side_in(text),
            sector=self._longest(self._sectors, lowered),
            topic=self._longest(self._topics, lowered),
        )

    # -- the question ----------------------------------------------------------------------

    def parse(self, text: str, *, thread_round: int | None = None) -> Query | None:
        """The query a question asks (`bot.answers.query`), or None when it is not understood.

        ``thread_round`` is the round of the thread the question was asked in: a question that
        names no round is about that one.
        """
        text = _MENTION.sub(" ", text).strip()
        if not text:
            return None
        url = _URL.search(text)
        if url:
            return WhyQuery(url.group(0).rstrip(">)].,"))
        lowered = " ".join(text.lower().replace("’", "'").split())
        if _HELP.match(lowered):
            return HelpQuery()
        f = self.facets(text)
        start, end = self._round_match(lowered)[1]
        if f.round not in (None, NEXT):  # the round's own words ask nothing ("ministerial meeting")
            lowered = lowered[:start] + " round " + lowered[end:]
        number = f.round if isinstance(f.round, int) else (thread_round if f.round is None else None)
        if f.round == NEXT or (_NEXT.search(lowered) and f.round is None and not f.people):
            return NextQuery()
        if _CHANGES.search(lowered):
            return ChangesQuery()
        if _TIMELINE.search(lowered):
            return TimelineQuery()
        side = f.side or (self._side_of_person.get(f.people[0]) if f.people and _POSITION.search(lowered) else None)
        if _POSITION.search(lowered) or (f.side and not (f.sector or f.people or f.round or f.topic)):
            return PositionsQuery(side)
        tariff_words = bool(_TARIFF.search(lowered))
        if f.sector and tariff_words:
            return TariffsQuery(f.sector)
        if _TOPIC.search(lowered) or (f.topic and not (f.sector or f.people)):
            return TopicsQuery(number, f.topic)
        if f.sector:
            return TariffsQuery(f.sector)
        if tariff_words and number is None:
            return TariffsQuery(None)
        if _MEET.search(lowered) or f.people:
            return MeetingsQuery(number, tuple(f.people))
        if _WHERE.search(lowered) or _WHEN.search(lowered):
            return WhenWhereQuery(number)
        if isinstance(f.round, int):
            return RoundQuery(f.round)
        if f.round == LATEST or (_LATEST.search(lowered) and not self._off_subject(lowered)):
            return LatestQuery() if thread_round is None or f.round == LATEST else RoundQuery(thread_round)
        if thread_round is not None and (_SUMMARY.search(lowered) or tariff_words):
            return RoundQuery(thread_round)
        if tariff_words:
            return RoundQuery(number) if number else TariffsQuery(None)
        if _SUMMARY.search(lowered) and f.round is None and (lowered.startswith(("what", "tell", "summar"))):
            return LatestQuery() if not self._off_subject(lowered) else None
        return None

    def _off_subject(self, lowered: str) -> bool:
        """Whether a question that only a generic word ("today", "tell me") tied to the talks is
        about something else: a word is left that neither the question patterns, the filler
        words nor the profile's words for the talks read ("what's for lunch today?", "tell me a
        joke"). It is asked only of questions that name no round, person, side, sector or topic."""
        if self._subject_rx.search(lowered):
            return False
        rest = lowered
        for rx in (_LATEST, _SUMMARY, _NEXT, _WHEN, _WHERE, _MEET, _TOPIC, _TARIFF, _POSITION):
            rest = rx.sub(" ", rest)
        words = [w.strip("'") for w in _WORD.findall(rest)]
        return any(w not in _STOPWORDS and w not in _FILLER and not w.endswith("'s") for w in words if len(w) > 1)

    # -- help --------------------------------------------------------------------------------

    def examples(self) -> list[str]:
        """Three example questions, in this profile's own words."""
        negotiator = next((p for p in self.profile.people if p.negotiator), self.profile.people[0])
        return [
            "what happened in the latest round?",
            f"who did {negotiator.name.split()[-1]} meet in the latest round?",
            f"what is {self.profile.tracked_side}'s position?",
        ]


__all__ = ["LATEST", "NEXT", "QuestionParser"]
