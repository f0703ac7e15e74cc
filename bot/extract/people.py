"""Who took part in the negotiating meetings, and each sitting with its length.

A sentence describes a negotiating meeting when it has a meeting word ("met", "talks",
"session", "led by"...) and either names people of both sides, or names the round, or names
people of one side and the other side itself together with a meeting phrase ("met with",
"talks between") or the negotiator. Everyone it names takes part, except people marked absent
("did not take part", "without Greer"), people who only speak in it ("..., Bessent said") and
people of another meeting it tells in a clause of its own ("when Ishiba and Trump meet", "since
they met in June", past the news sentences "Kato, who met Bessent last month", and in the story of
another event "the deal reached when they met in Busan"), and, in a story of a round held or of no round, people of a meeting only
guessed at or scheduled ahead ("where he may meet Greer", "is scheduled to meet Xi").
Telephone and video calls are not meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from bot.extract.article import Article, Mention
from bot.extract.cues import (
    ABSENCE_HINT,
    ABSENT_AFTER,
    ABSENT_BEFORE,
    AT_THE_TABLE,
    ATTENDING,
    MEETING,
    NO_MEETING,
    NOT_ATTENDING,
    OTHER_MEETING,
    PHONE,
    SITTING,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    STRONG_MEETING,
    is_question,
)
from bot.extract.facts import Meeting
from bot.extract.lead_event import news_sentences
from bot.extract.lexicon import (
    ATTRIBUTIONS,
    BACK_POINTING_SUBJECTS,
    CORRECTION_MARKERS,
    COUNTED_PURPOSE,
    DAY_OPENINGS,
    GAPPED_ATTENDANCE,
    GUESSED_MEETING_AHEAD,
    INDEFINITE_ARTICLES,
    LASTING_VERBS,
    MEETING_OBJECT_WORDS,
    MEETING_VERBS,
    MEETINGS_COUNTED,
    MET_FOR,
    NOT_ONE_SITTING,
    PAIR_NAMED_CALLS,
    PAIR_NAMED_MEETINGS,
    RECALLED_EVENT_OPENERS,
    RECALLED_MEETING_CLAUSES,
    RECALLED_MEETING_RELATIVES,
    RECALLED_TIMES,
    ROSTER_LINKS,
    SAT_FOR,
    SCHEDULED_MEETING_AHEAD,
    SIDE_SEAT,
    SIDES_MET_PHRASES,
    SITTING_SUBJECTS,
    STANDING_TEAM,
    WITHDRAWING_PHRASES,
    alternation,
)
from bot.extract.near import Near, for_lower_case
from bot.extract.next_steps import NEXT
from bot.extract.numbers import DURATION, DURATION_CUE, duration_minutes
from bot.extract.phrases import Phrases
from bot.extract.rounds import RoundMention
from bot.extract.text import Sentence

_NOT_A_SITTING = re.compile(r"^[-\s]*(?:phone|telephone|video|call|conference call|press|flight|drive|walk|break)", re.I)
# a correction: "an earlier version misstated the length of the meeting as 70 minutes"
_MISSTATED = re.compile(r"\b(?:misstat|misreport|incorrectly|wrongly|erroneously)\w*\b[^;.]{0,60}\bas\s+(?:about\s+)?$")
#: a sentence of a correction notice (see `timed_meetings`)
CORRECTION = Phrases(list(CORRECTION_MARKERS), shared=True)
_WITHDRAWING = Phrases(list(WITHDRAWING_PHRASES), shared=True)
# "..., not 16 hours", "not one hour and 15 minutes as previously reported": the withdrawn length
_NOT_BEFORE = re.compile(r"\bnot\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|the\s+)?$")
# what ends the clause of a withdrawing phrase: the corrected account that follows it ("; it
# lasted 80 minutes", "... later put the meeting at 50 minutes", "but", "in fact")
_WITHDRAWN_CLAUSE_END = re.compile(r"[;:(]|\b(?:but|later|in fact|actually|instead|not)\b")
# a length no sitting's (`NOT_ONE_SITTING`), in the few words after it
_OVER_DAYS = re.compile(rf"(?:\s+[\w-]+){{0,2}}?\s+{alternation(NOT_ONE_SITTING)}\b")
_REPEAT = re.compile(r"\b(?:another|again|second|separate|followed by|later|then)\b", re.I)
_SEGMENT_BREAK = re.compile(r",\s+(?=[A-Z]\w+\s+(?:met|held|sat|then))|\bfollowed by\b|;|\band then\b|\bthen\b", re.I)
# a duration reaches ~40 characters before its unit ("twenty-seven and three-quarters hours") and
# looks ~60 after it ("110-minute Oval Office meeting")
DURATIONS_NEAR = Near(for_lower_case(DURATION), DURATION_CUE, before=60, after=80)


@dataclass(slots=True)
class MeetingReport:
    participants: list[str]
    meetings: list[Meeting]
    meeting_sentences: list[Sentence]
    evidence: dict[str, str]
    #: for each meeting sentence, the clauses that speak of the meeting (offsets in the article)
    meeting_clauses: dict[int, list[tuple[int, int]]]


# the name closes a relative clause about someone else: "Bessent, who led the side with Greer, said"
_IN_A_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|which)\s[^,;]*$")


def _is_speaker(article: Article, mention: Mention, sentence: Sentence) -> bool:
    """Whether the sentence has the person speak ("..., Bessent said", "said Greer"); not one
    whose name ends a relative clause the speaker's verb follows ("Bessent, who led the side
    with Greer, said": Bessent speaks)."""
    after = article.text[mention.end : min(sentence.end, mention.end + 20)]
    if SPEECH_AFTER.match(after):
        return not (
            after.lstrip().startswith(",")
            and _IN_A_RELATIVE_CLAUSE.search(article.text, max(sentence.start, mention.start - 120), mention.start)
        )
    before = article.text[max(sentence.start, mention.start - 20) : mention.start]
    # the words SPEECH_BEFORE needs, looked for first: the search is tried at every position
    return any(word in before for word in _SPEECH_WORDS) and SPEECH_BEFORE.search(before) is not None


_SPEECH_WORDS = ATTRIBUTIONS

# a transcript's label in capitals before a colon: "CHIEF CABINET SECRETARY HAYASHI: On the 23rd, ..."
_LABEL_BEFORE = re.compile(r"[A-Z .'’-]*")
_LABEL_AFTER = re.compile(r"\s*:")


def _is_speaker_label(article: Article, mention: Mention, sentence: Sentence) -> bool:
    """Whether the name labels the speaker of a transcript's paragraph ("HAYASHI: ..."): the
    speaker, not one the paragraph seats at a meeting (a negotiator speaking of his own talks is
    found by `negotiators_on_the_talks`)."""
    return bool(_LABEL_AFTER.match(article.text, mention.end)) and bool(
        _LABEL_BEFORE.fullmatch(article.text, sentence.start, mention.start)
    )


_POSSESSIVE = re.compile(r"^['’]s\b")
_OF_SOMEONE = re.compile(
    r"\b(?:administration|government|cabinet|team|policies|policy|letter|order|tariffs|camp) of\s+"
    r"(?:(?:the\s+)?[A-Z][\w.]*\s+)?(?:President|Prime Minister|Secretary)?\s*$",
    re.I,
)


# a name used as a modifier: "the Trump administration", "the Ishiba government"
_ATTRIBUTIVE = re.compile(r"\s+(?:administration|government|cabinet|team|camp|era|tariffs?|trade war|White House)\b")


def _only_named_in_passing(article: Article, mention: Mention, sentence: Sentence) -> bool:
    """A speaker ("..., Bessent said"), an owner ("Ishiba's coalition", "Trump's letter") or a
    name used as a modifier ("the Trump administration") is named without taking part; the
    negotiator's own possessive ("Akazawa's meeting") still counts."""
    if mention.via == "pronoun":
        return False
    if _is_speaker(article, mention, sentence) or _is_speaker_label(article, mention, sentence):
        return True
    start = max(sentence.start, mention.start - 40)
    if " of" in article.lower[start : mention.start] and _OF_SOMEONE.search(article.text[start : mention.start]):
        return True  # "tariff talks with the administration of President Donald Trump"
    if _ATTRIBUTIVE.match(article.text, mention.end, min(sentence.end, mention.end + 20)):
        return True  # "talks with the Trump administration"
    return bool(_POSSESSIVE.match(article.text[mention.end : mention.end + 3])) and not _is_negotiator(article, mention)


#: a meeting held before, in a relative clause (`RECALLED_MEETING_RELATIVES`) or, in the story of
#: another event, in a clause a subordinator opens (`RECALLED_MEETING_CLAUSES`)
RECALLED_RELATIVE = Phrases(list(RECALLED_MEETING_RELATIVES), shared=True)
RECALLED_MEETING = Phrases(list(RECALLED_MEETING_CLAUSES), shared=True)


def _news_indexes(article: Article) -> set[int]:
    """The story's headline and news sentences (`news_sentences`): a meeting they tell in a
    clause of its own ("failed to reach a deal when they met on the sidelines of the G7 on
    Monday") is the story's own, not one recalled."""
    return {s.index for s in article.sentences if s.paragraph == 0} | {s.index for s in news_sentences(article)}


def _other_meetings(article: Article, sentence: Sentence, *, back_to_names: bool = False) -> list[tuple[int, int]]:
    """The spans of a sentence that tell of a meeting other than the reported one, each from its
    clause's first word to the next comma after its verb: "... an agreement that could be
    announced when Ishiba and Trump meet", "the first round since Ishiba and Trump met in June".

    A clause whose subject points back (`BACK_POINTING_SUBJECTS`: "when they meet", "when the two
    leaders meet", "at their meeting") starts at the people named just before it, in a story of a
    round or of a sitting held (``back_to_names``) or after a meeting the sentence tells first:
    "talks ended on Sunday, setting the stage for Presidents Trump and Xi to finalize a deal when
    they meet later this week" tells of their meeting to come, not of the talks."""
    spans = _clauses_from(article, sentence, article.hits(OTHER_MEETING).within(sentence.start, sentence.end))
    return [(_names_pointed_back_at(article, sentence, start, end, anywhere=back_to_names), end) for start, end in spans]


_BACK_POINTING = re.compile(rf"\b{alternation(BACK_POINTING_SUBJECTS)}\b", re.I)
#: how far before a clause pointing back the last of its people may be named ("Xi Jinping to
#: finalize a deal when they meet"), and how far apart the names of the run ("Trump and Chinese
#: President Xi Jinping")
_BACK_REACH, _RUN_GAP = 60, 30


def _names_pointed_back_at(article: Article, sentence: Sentence, start: int, end: int, *, anywhere: bool) -> int:
    """Where the clause at ``start`` begins once the people its subject points back at are taken
    in: the run of names just before it, with no meeting word nor clause break between, none of
    them the profile's negotiator (whose round a preview may tell so: "Bessent and He hope to
    settle it when they meet in Geneva"); unless ``anywhere``, only after a meeting word (in a
    preview of the leaders' own summit, "Trump and Xi will sign it when they meet" is that summit).
    ``start`` itself when its subject names someone."""
    clause_end = min((i for i in (article.text.find(m, start, end) for m in ",;") if i >= 0), default=end)
    if not _BACK_POINTING.search(article.text, start, clause_end):
        return start
    before = [m for m in article.people.within(sentence.start, start) if m.via != "pronoun"]
    if not before or start - before[-1].end > _BACK_REACH:
        return start
    run = [before[-1]]
    for earlier in reversed(before[:-1]):
        if run[0].start - earlier.end > _RUN_GAP or any(c in article.text[earlier.end : run[0].start] for c in ",;"):
            break
        run.insert(0, earlier)
    gap = (run[-1].end, start)
    if any(c in article.text[gap[0] : gap[1]] for c in ",;") or article.hits(MEETING).within(*gap):
        return start
    if any(_is_negotiator(article, m) for m in run):
        return start
    if not anywhere and not article.hits(MEETING).within(sentence.start, run[0].start):
        return start
    return run[0].start


def _recalled_meetings(article: Article, sentence: Sentence, *, other_event: bool = False) -> list[tuple[int, int]]:
    """The spans of a sentence past the news sentences that tell of a meeting held before, each from
    its clause's first word to the next comma after its verb: "Kato, who met Bessent in Washington
    last month", and in the story of another event (``other_event``) "the deal reached when they
    met in Busan on October 30"."""
    if sentence.index in _news_indexes(article):
        return []
    recalled = (RECALLED_RELATIVE, RECALLED_MEETING) if other_event else (RECALLED_RELATIVE,)
    return _clauses_from(article, sentence, [hit for p in recalled for hit in article.hits(p).within(sentence.start, sentence.end)])


def _clauses_from(article: Article, sentence: Sentence, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each hit, the span from its start to the next comma or semicolon after it."""
    spans = []
    for start, end in sorted(hits):
        stops = [article.text.find(mark, end, sentence.end) for mark in ",;"]
        spans.append((start, min((i for i in stops if i >= 0), default=sentence.end)))
    return spans


_DASHES = "-–—"
# the noun a pair of dashed names modifies, a word (a place, "phone") between: "Trump–Xi Busan meeting"
_PAIR_NOUN = re.compile(
    rf"\s+(?:[\w'’-]+\s+)?(?:(?P<call>{alternation(PAIR_NAMED_CALLS)})|{alternation(PAIR_NAMED_MEETINGS)})s?\b"
)
_INDEFINITE_BEFORE = re.compile(rf"\b{alternation(INDEFINITE_ARTICLES)}\s+$", re.I)


def _dashed(text: str, mention: Mention) -> bool:
    """Whether a dash joins the name to another word, before or after it."""
    return (mention.end < len(text) and text[mention.end] in _DASHES) or (mention.start > 0 and text[mention.start - 1] in _DASHES)


def _named_in_a_pair(article: Article, mention: Mention, people: list[Mention]) -> bool:
    """Whether the person is named only as half of a pair that names a call ("the Ishiba–Trump phone
    call", "waiting for a Trump-Xi call") or a meeting only spoken of, by an indefinite article ("a
    Trump–Xi meeting in the autumn", "if there is a Trump-Xi meeting"): no sitting of theirs is
    told. A pair naming a meeting held ("the Akazawa–Lutnick meeting lasted 70 minutes") seats them,
    unless the sentence tells another sitting too ("Bessent and He to meet in Kuala Lumpur as
    Trump-Xi summit hangs on rare earths")."""
    if mention.via == "pronoun":
        return False
    text = article.text
    pair = [m for m in people if m.via != "pronoun"]
    i = pair.index(mention)
    first = last = i
    while first > 0 and pair[first - 1].end == pair[first].start - 1 and text[pair[first].start - 1] in _DASHES:
        first -= 1
    while last + 1 < len(pair) and pair[last + 1].start == pair[last].end + 1 and text[pair[last].end] in _DASHES:
        last += 1
    if first == last:
        return False
    noun = _PAIR_NOUN.match(text, pair[last].end, pair[last].end + 40)
    if noun is None:
        return False
    start = pair[first].start
    if noun["call"] or _INDEFINITE_BEFORE.search(text, max(0, start - 8), start) is not None:
        return True
    # a sentence that tells another sitting besides the pair's ("Bessent and He to meet in Kuala
    # Lumpur as Trump-Xi summit hangs on rare earths"): the pair's meeting is only spoken of
    sentence = article.sentences[article.sentence_index(start)]
    end = noun.end()
    return any(not (start <= s < end) for s, _ in article.hits(MEETING).within(sentence.start, sentence.end))


#: a clause of an earlier event told by its doer (`RECALLED_EVENT_OPENERS`)
_RECALLED_EVENT = Phrases(list(RECALLED_EVENT_OPENERS), shared=True)
# from the opener to its doer's name: titles and names only ("since President Donald Trump",
# "since Prime Minister Carney's call with Premier Li"), not "since Sunday to settle the text with"
_DOER_BEFORE = re.compile(r"(?:\s+(?:the|[A-Z][\w.'’-]*))*\s+")
_DOER_REACH = 60


def _recalled_events(article: Article, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of a sentence that tell, by its doer, of an event before the reported meeting,
    whatever the event: "the first in-person talks since President Trump slapped 50% tariffs on
    Brazilian goods", "the most senior contact since Carney's call with Premier Li Qiang", "since
    Wang met Šefčovič's predecessor, Valdis Dombrovskis, in Brussels", "one week after President
    Trump, in a letter ..., announced". Each runs from the doer's name to the next comma (and over
    a name set off after it in apposition); its people acted then, not at the reported meeting. A
    clause that opens with a day ("since Sunday to settle the text with ...") names no doer."""
    spans = []
    for start, end in article.hits(_RECALLED_EVENT).within(sentence.start, sentence.end):
        doer = next((m for m in article.people.within(end, sentence.end) if m.via != "pronoun"), None)
        if doer is None or doer.start - end > _DOER_REACH or not _DOER_BEFORE.fullmatch(article.text, end, doer.start):
            continue
        stops = [i for i in (article.text.find(mark, doer.end, sentence.end) for mark in ",;") if i >= 0]
        stop = min(stops, default=sentence.end)
        # a name set off by commas inside the clause: "Šefčovič's predecessor, Valdis Dombrovskis, in
        # Brussels"; not the main clause after an opening one ("Since Trump took office, Bessent met He")
        apposition = next(
            (
                m
                for m in article.people.within(stop, sentence.end)
                if m.start - stop <= 3 and article.text.startswith(",", m.end) and article.text[sentence.start : start].strip()
            ),
            None,
        )
        spans.append((end, apposition.end if apposition is not None else stop))
    return spans


#: a meeting verb only guessed at, and one scheduled, said of the people who would meet
_GUESSED_AHEAD = Phrases(list(GUESSED_MEETING_AHEAD), shared=True)
_SCHEDULED_AHEAD = Phrases(list(SCHEDULED_MEETING_AHEAD), shared=True)


def _meetings_ahead(article: Article, sentence: Sentence, *, scheduled_only: bool = False) -> list[tuple[int, int]]:
    """The spans of a sentence that tell of a meeting still to come by its verb, each from the
    start of its clause (or the end of a meeting word before it there, which tells of one held)
    to the next comma after it: "where he may meet Greer", "whether he would still meet Xi",
    "Trump ... is scheduled to meet Xi in Busan on the 30th". Its people, the one who would meet
    and the one who would be met, were not at the reported meeting.

    A guess is never the reported meeting; a schedule may be the story's own round ("Bessent
    and Greer are due to meet a Chinese delegation led by He"), so it counts only when it names
    none of the profile's negotiators (the leaders' summit a round prepares: "Presidents Trump and
    Xi, who are to meet in Busan on Thursday", "the two leaders will also meet next week").
    In the story of a round still to come (``scheduled_only``) a guess may be of the round itself
    ("Akazawa may also see Lutnick"), and so may a schedule naming one side ("He is expected to meet
    Lutnick and Bessent"): only a schedule of people of both sides, none a negotiator, counts there
    ("with Trump and Xi due to speak on Friday")."""
    spans = []
    held = article.hits(MEETING).within(sentence.start, sentence.end)
    guessed = [] if scheduled_only else article.hits(_GUESSED_AHEAD).within(sentence.start, sentence.end)
    scheduled = article.hits(_SCHEDULED_AHEAD).within(sentence.start, sentence.end)
    for start, end in sorted({*guessed, *scheduled}):
        clause = next(((s, e) for s, e in article.clauses_of(sentence) if s <= start < e), (sentence.start, sentence.end))
        begin = max([clause[0], *(e for s, e in held if e <= start and s >= clause[0])])
        stops = [i for i in (article.text.find(mark, end, sentence.end) for mark in ",;") if i >= 0]
        span = (begin, min(stops, default=sentence.end))
        # the schedule's own people: from the last comma before its verb ("... after two days of talks
        # with He in Madrid, with Trump and Xi due to speak on Friday": Trump and Xi's call)
        own = max(begin, article.text.rfind(",", begin, start) + 1)
        if own > begin and article.people.within(own, start):
            span = (own, span[1])
        named = article.people.within(*span)
        if (start, end) not in guessed and any(_is_negotiator(article, m) for m in named):
            continue  # "Bessent and Greer are due to meet a Chinese delegation": perhaps the story's own round
        if scheduled_only and len({article.side_of(m.value) for m in named}) < 2:
            continue  # a round's preview: "He is expected to meet Lutnick and Bessent" is the round's sitting
        spans.append(span)
    return spans


#: a time before the story's own event (`RECALLED_TIMES`)
_RECALLED = Phrases(list(RECALLED_TIMES), shared=True)

#: a count of sittings (`MEETINGS_COUNTED`)
_COUNTED = Phrases(list(MEETINGS_COUNTED), shared=True)
#: how far before a count its meeting verb stands ("met ... five times", "flew to Washington
#: eight times"), and after it its meeting noun ("six rounds of ministerial talks with")
_COUNTED_BEFORE, _COUNTED_AFTER = 40, 40


def _only_counted(article: Article, sentence: Sentence) -> bool:
    """Whether every meeting word of the sentence is one a count of sittings counts: "Negotiators
    led by Bessent and He met five times this year", "Akazawa has held six rounds of talks with
    Bessent since April", "traveled to Washington eight times for talks with Lutnick". Such a
    recap tells of many meetings, none of them the reported one: its people did not take part
    for it. A meeting word apart from the count ("..., who has visited Washington six times, sat
    in on the meeting") still seats them."""
    counts = article.hits(_COUNTED).within(sentence.start, sentence.end)
    return bool(counts) and all(
        any(_counts(article.text, start, end, s, e) for start, end in counts)
        for s, e in article.hits(MEETING).within(sentence.start, sentence.end)
    )


# the purpose of the trips a count counts, just before the meeting word (`COUNTED_PURPOSE`)
_FOR_PURPOSE = re.compile(rf"\s{alternation(COUNTED_PURPOSE)}\s+$")


def _counts(text: str, start: int, end: int, word_start: int, word_end: int) -> bool:
    """Whether the count at ``start``-``end`` counts the meeting word at ``word_start``-``word_end``:
    near it, with no comma between ("held six rounds of talks"; not "..., who has flown there
    seven times since April, sat in on the meeting")."""
    if start - _COUNTED_BEFORE <= word_start and word_end <= start:
        between = text[word_end:start]
    elif end <= word_start and word_end <= end + _COUNTED_AFTER:
        between = text[end:word_start]
        if _FOR_PURPOSE.search(between):
            return True  # "six times, weekly since late May, to meet Bessent": the aim of every trip
    else:
        return start <= word_start and word_end <= end
    return "," not in between and ";" not in between


#: a side's team told as it stands (`STANDING_TEAM`)
_STANDING = Phrases(list(STANDING_TEAM), shared=True)


def _only_standing(article: Article, sentence: Sentence) -> bool:
    """Whether the sentence's every meeting word is one of a team told as it stands, in the present
    ("Vietnam's negotiating delegation is led by Dien; the US side by Greer"): in a story of another
    event, who leads a side, said of no sitting ("The delegation is led by Dien and met Greer on Monday" still seats them)."""
    standing = article.hits(_STANDING).within(sentence.start, sentence.end)
    return bool(standing) and all(
        any(a <= s and e <= b for a, b in standing) for s, e in article.hits(MEETING).within(sentence.start, sentence.end)
    )


# the person is the one met: "Akazawa met Lutnick ... and did not meet Bessent" (the subject did not meet)
_MET_OBJECT = re.compile(rf"\b{alternation(MEETING_OBJECT_WORDS)}\s+(?:[\w.'’-]+\s+){{0,4}}$")


def _is_absent(article: Article, mention: Mention, sentence: Sentence) -> bool:
    """Whether the sentence says the person was not there. "Did not meet" says a meeting did not
    happen: it makes the other person absent, never the tracked side's negotiator, who held his
    round ("Akazawa did not meet Bessent on this trip", "Trump did not meet Akazawa")."""
    negotiator = _is_negotiator(article, mention) and article.side_of(mention.value) == article.profile.tracked_side
    # Every absence phrase has one of the hint words ("not", "without", "skipped"...), which the
    # scan found already: the patterns run only where one stands near the name.
    if article.has(ABSENCE_HINT, mention.end, min(sentence.end, mention.end + 100)):
        after = article.text[mention.end : sentence.end]
        # "Bessent, Akazawa's main counterpart, was not in Kananaskis": the owner is not the subject
        absence = None if _POSSESSIVE.match(after) else ABSENT_AFTER.match(after)
        if absence and not (
            absence.group("meet") and (negotiator or _MET_OBJECT.search(article.text, sentence.start, mention.start))
        ):
            return True
    start = max(sentence.start, mention.start - 60)
    if not article.has(ABSENCE_HINT, start, mention.start):
        return False
    before = ABSENT_BEFORE.search(article.text[start : mention.start])
    return before is not None and not (negotiator and before.group("meet"))


# "He then sat down with...", "Q: She...", "On Friday, he sat down with...", "On Friday he met" (`DAY_OPENINGS`)
_PRONOUN_START = re.compile(
    rf"^(?:[A-Z]{{1,3}}:\s*|[“\"‘—-]\s*|{alternation(DAY_OPENINGS)}\s+|[A-Z][\w ]{{0,24}},\s+)?(?:He|She|he|she)\b"
)


def people_of(article: Article, sentence: Sentence) -> list[Mention]:
    """The people a sentence names, plus the one a leading "He"/"She" stands for (unless the
    "He" begins a name the profile knows: "He Lifeng").

    The pronoun is taken to be the first person of the nearest of the three sentences before that
    names anyone ("Akazawa met Bessent... That was 3 a.m. Japan time. He then sat down with Lutnick").
    """
    people = article.people_in(sentence)
    pronoun = _PRONOUN_START.match(sentence.text)
    if not pronoun:
        return people
    if any(m.start < sentence.start + pronoun.end() <= m.end for m in people):
        return people  # "He Lifeng met Bessent": a family name that is also a pronoun, not the pronoun
    for index in range(sentence.index - 1, max(sentence.index - 4, -1), -1):
        before = article.sentences[index]
        if before.paragraph == 0:
            break
        named = [m for m in article.people_in(before) if m.via != "pronoun"]
        if named:
            if all(m.value != named[0].value for m in people):
                return [Mention(named[0].value, sentence.start, sentence.start + 2, via="pronoun"), *people]
            break
    return people


def _implied_negotiator(article: Article, sentence: Sentence, people: list[Mention]) -> Mention | None:
    """The tracked side's negotiator, as the unnamed party of a sitting whose sentence names only
    the other side's people ("At 3:52 pm Akazawa walked into the West Wing. ... The meeting with
    the President lasted about 70 minutes"): the one the story follows, when he is the person last
    named in the three sentences before (not in the headline), as the one who acts there, not as
    a speaker or an owner. Anyone else last named, or a tracked-side person in the sentence
    itself, leaves the sitting to the names it gives."""
    tracked = article.profile.tracked_side
    if not people or any(article.side_of(m.value) == tracked for m in people):
        return None
    for index in range(sentence.index - 1, max(sentence.index - 4, -1), -1):
        before = article.sentences[index]
        if before.paragraph == 0:
            return None
        named = [m for m in article.people_in(before) if m.via != "pronoun"]
        if named:
            last = named[-1]
            person = article.profile.person(last.value)
            if person is None or not person.negotiator or person.side != tracked:
                return None
            if _only_named_in_passing(article, last, before) or article.text[last.end : last.end + 2] in ("'s", "’s"):
                return None  # "Parmelin's department said ...": his office speaks, he is not followed
            return Mention(last.value, sentence.start, sentence.start, via="pronoun")
    return None


#: a call dated before the sentence's own event by a time possessive ("last week's Trump–Xi phone
#: call", "last month's video call"), a few words before the call word: a call recalled, not reported
_EARLIER_CALL = re.compile(r"\b(?:last|previous|past)\s+(?:week|month)['’]s\s+(?:[\w'’–-]+\s+){0,2}$", re.I)
_EARLIER_REACH = 40


def reports_a_call(article: Article, sentence: Sentence) -> bool:
    """Whether the sentence reports a telephone or video call rather than a sitting: a call word
    in its first clause ("He held three telephone conversations with Lutnick, but ...") or in a
    clause with a meeting or attendance word of its own. A call named in a later clause apart
    ("Bessent, who led the American side, said the leaders are due to speak by phone") leaves
    the sitting of the other clauses one, and so does a call dated earlier by a time possessive
    ("who joined Bessent at the table on Monday ... the consensus reached in last week's phone
    call"): a call recalled, not the sentence's event."""
    if not article.in_sentence(PHONE, sentence):
        return False
    calls = [start for start, _ in article.hits(PHONE).within(sentence.start, sentence.end)]
    if all(_EARLIER_CALL.search(article.text, max(sentence.start, start - _EARLIER_REACH), start) for start in calls):
        return False  # "the consensus reached in last week's phone call": an earlier call, recalled
    spans = article.clauses_of(sentence)
    return article.has(PHONE, *spans[0]) or any(
        article.has(PHONE, s, e) and (article.has(MEETING, s, e) or article.has(ATTENDING, s, e)) for s, e in spans[1:]
    )


def says_who_attended(article: Article, sentence: Sentence) -> bool:
    """Whether the sentence says who sat at the talks for a side ("China's delegation was led by
    He Lifeng", "Wang Wentao also attended the talks"), and not who did not ("did not join")."""
    return article.in_sentence(ATTENDING, sentence) and not article.in_sentence(NOT_ATTENDING, sentence)


# a side named after a roster's link, before a colon or the clause's end: "For the US:", "... for
# the Americans, ..."
_ROSTER = re.compile(
    rf"(?<!\w)(?:{alternation(ROSTER_LINKS)})\s+(?:the\s+)?(?P<side>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)(?=\s*(?:[:,;.]|$))"
)


def _rostered_sides(article: Article, sentence: Sentence, people: list[Mention]) -> set[str]:
    """The sides a sentence lists its people under, each with someone of its own named there:
    "For the US: Bessent and Greer", "Bessent and Greer for the Americans, He and Li for the
    Chinese" (a plural of the side's word names it too)."""
    named = {article.side_of(m.value) for m in people}
    found: set[str] = set()
    if not any(link in sentence.text for link in ROSTER_LINKS):
        return found
    for match in _ROSTER.finditer(sentence.text):
        if not _heads_a_roster(article, sentence, match.start()):
            continue  # "Akazawa would lead for Japan": a role, not a roster
        word = match["side"]
        bare = word.rstrip(".")
        words = {word, bare, bare.removesuffix("s")}
        for side, aliases in article.profile.sides.items():
            if side in named and any(aliases.spans(w if aliases.case_sensitive else w.lower()) == [(0, len(w))] for w in words):
                found.add(side)
    return found


def _heads_a_roster(article: Article, sentence: Sentence, at: int) -> bool:
    """Whether the roster's link at ``at`` (an offset in the sentence) opens the sentence or a
    clause before a colon ("For the US: Bessent and Greer"), or follows a name, with at most an
    apposition between ("He Lifeng and Li Chenggang, China's trade negotiator, for the Chinese")."""
    text = sentence.text
    if not text[:at].strip() or text[:at].rstrip().endswith((":", ";")):
        return True
    names = [m for m in article.people.within(sentence.start, sentence.start + at) if m.via != "pronoun"]
    if not names:
        return False
    between = article.text[names[-1].end : sentence.start + at]
    return not between.strip() or between.rstrip().endswith(",")


def seats_sides(article: Article, sentence: Sentence, people: list[Mention], *, follows_meeting: bool) -> bool:
    """Whether the sentence, with no meeting word of its own, says who sat for the sides: people of
    every side it names, each listed under its side ("Bessent and Greer for the Americans, He and
    Li for the Chinese"), or, right after a meeting's sentence, one side's roster ("For China: He
    and Li") or seat told by the side itself ("China sent He Lifeng with Li Chenggang")."""
    if not people or (not follows_meeting and len({article.side_of(m.value) for m in people}) < 2):
        return False  # a roster of both sides names people of both
    rostered = _rostered_sides(article, sentence, people)
    if len(rostered) >= 2:
        return True
    if not follows_meeting:
        return False
    if rostered:
        return True
    opening = _GAPPED.match(article.lower, sentence.start, sentence.end)
    return opening is not None and bool(article.sides.within(sentence.start, opening.end()))


def describes_meeting(
    article: Article,
    sentence: Sentence,
    round_sentences: set[int],
    people: list[Mention] | None = None,
    *,
    follows_meeting: bool = False,
    seated: bool = False,
) -> bool:
    """Whether the sentence reports a sitting of the negotiation (see the module docstring);
    ``seated``: it says who sat for the sides (`seats_sides`)."""
    if people is None:
        people = people_of(article, sentence)
    if seated and people and not article.in_sentence(NO_MEETING, sentence):
        return True
    # who led or sat for a side says there was a sitting: in a round's story, or when a negotiator
    # of the profile is among those named ("The US delegation was led by Bessent and included Greer")
    attending = (bool(round_sentences) or any(_is_negotiator(article, m) for m in people)) and says_who_attended(
        article, sentence
    )
    if not (attending or article.in_sentence(MEETING, sentence)) or reports_a_call(article, sentence):
        return False
    if article.in_sentence(NO_MEETING, sentence):
        return False  # "No date has been set for a meeting between Ishiba and Trump"
    if sentence.index in round_sentences:
        return True
    if attending and people:
        return True  # in a round's story: "China's delegation was led by He Lifeng"
    sides_of_people = {article.side_of(m.value) for m in people} - {None}
    if not people and _sides_met(article, sentence):
        return True  # "Vietnam and the United States held trade talks in Kuala Lumpur": no one named
    if len(sides_of_people) >= 2:
        return True
    if len(sides_of_people) == 1:
        named_sides = {m.value for m in article.sides_in(sentence)}
        if follows_meeting and article.in_sentence(STRONG_MEETING, sentence):
            return True  # "... met on Thursday. Also at the table was Bessent, who joined later."
        if not named_sides - sides_of_people:
            # "After meeting Lutnick and Bessent on Thursday, he told reporters ...": the one met is
            # named, the one who met him is the story's negotiator, named just before
            return _met_by_the_one_followed(article, sentence, people)
        # One side's people and the other side's name: a real meeting needs a meeting phrase
        # ("met with", "talks between") or the negotiator himself, not just "the talks".
        negotiator = any((p := article.profile.person(m.value)) is not None and p.negotiator for m in people)
        return negotiator or article.in_sentence(STRONG_MEETING, sentence)
    return False


# the person is the one met: "After meeting Commerce Secretary Lutnick", "sat down with Lutnick"
_MET_BY_VERB = re.compile(rf"\b{alternation((*MEETING_VERBS, 'meeting'))}(?:\s+with)?\s+(?:[\w.'’-]+\s+){{0,3}}$", re.I)


def _met_by_the_one_followed(article: Article, sentence: Sentence, people: list[Mention]) -> bool:
    """Whether the sentence has the other side's people met by a verb ("After meeting Lutnick on
    Thursday, he told reporters", "met Lutnick for two hours") with no one of the tracked side
    named: the one who met them is the negotiator the story follows (`_implied_negotiator`)."""
    return any(
        _MET_BY_VERB.search(article.text, max(sentence.start, m.start - 60), m.start) for m in people if m.via != "pronoun"
    ) and _implied_negotiator(article, sentence, people) is not None


#: the sides themselves said to have met (`SIDES_MET_PHRASES`)
_SIDES_MET = Phrases(list(SIDES_MET_PHRASES), shared=True)


def _sides_met(article: Article, sentence: Sentence) -> bool:
    """Whether a sentence says every side of the profile, named by itself, sat down with the
    others ("Vietnam and the United States held trade talks in Kuala Lumpur"): a meeting of the
    talks though no person is named, whose place is the event's."""
    named = {m.value for m in article.sides_in(sentence)}
    return len(named) >= 2 and named >= set(article.profile.sides) and article.in_sentence(_SIDES_MET, sentence)


def find_meetings(
    article: Article,
    rounds: list[RoundMention],
    chosen_round: int | None,
    skip_paragraphs: set[int],
    *,
    held: bool = False,
    other_event: bool = False,
) -> MeetingReport:
    """Who met whom, and for how long, at the event the article reports: `attendance` reads who
    sat in its meetings (and who was absent), `timed_meetings` the sittings whose length it gives
    and the counterparts at each."""
    profile = article.profile
    round_sentences = {m.sentence.index for m in rounds if m.number == chosen_round}
    other_round_sentences = {m.sentence.index for m in rounds if m.number != chosen_round} - round_sentences
    seen = attendance(
        article, round_sentences, other_round_sentences, chosen_round, skip_paragraphs, held=held, other_event=other_event
    )
    # the negotiators who speak of the talks, in a round's story or the story of a sitting of the sides
    if chosen_round is not None or (seen.present and not other_event):
        speakers = negotiators_on_the_talks(article, other_round_sentences, skip_paragraphs, sitting=chosen_round is None)
        for name, text in speakers.items():
            seen.present.setdefault(name, text)
    order = [p.name for p in profile.people]
    participants = sorted((name for name in seen.present if name not in seen.absent), key=order.index)
    evidence = {f"participant:{name}": seen.present[name] for name in participants}
    counterparts = [p for p in participants if article.side_of(p) != profile.tracked_side]
    meetings = timed_meetings(article, seen, skip_paragraphs, other_round_sentences, counterparts)
    return MeetingReport(participants, meetings, seen.sentences, evidence, seen.meeting_clauses)


# "briefed the Union Minister of Commerce and Industry, Shri Piyush Goyal": someone told of the
# talks, not one who sat in them
_OBJECT_OF_A_VERB = re.compile(r"\b[a-z]+ed\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:(?:[A-Z][\w.'’-]*|of|and|for)[\s,]+)*$")


def negotiators_on_the_talks(
    article: Article, other_round_sentences: set[int], skip_paragraphs: set[int], *, sitting: bool = False
) -> dict[str, str]:
    """In a round's story, the negotiators who speak of the talks, with the sentence of each:
    "Bessent told reporters at the residence where the negotiations were held", "He Lifeng
    described the talks as candid", "the two sides reached a consensus, Li said". A negotiator
    the story quotes on its talks sat in them, though no one of the other side is named with him;
    not one said to be absent, the object of a verb ("briefed ... Goyal on the outcome of the
    round"), nor one named in another round's sentence, an aside, a call or a question.

    In the story of a sitting named by no round (``sitting``), the same holds of a negotiator who
    speaks of the sides ("Li Chenggang told reporters that the two sides had reached a preliminary
    consensus"), not in a sentence of a meeting to come or of work done before ("last weekend")."""
    found: dict[str, str] = {}
    # in a story of a sitting named by no round, the sides themselves ("the two sides had reached a
    # consensus"): "spoke" or "the talks" alone may be of anything ("spoke to reporters in Tokyo")
    if sitting:
        talk = article.sentences_with(AT_THE_TABLE)
    else:
        talk = article.sentences_with(SITTING, article.profile.round_terms, AT_THE_TABLE)
    absent = article.sentences_with(ABSENCE_HINT)
    elsewhere = article.sentences_with(RECALLED_RELATIVE, _RECALLED_EVENT)
    # "he still expects to meet Vice Premier He", "further talks between Bessent and He": a meeting to come
    # and, in a story of a sitting, what was done before it ("did hard work in Kuala Lumpur last weekend")
    ahead = article.sentences_with(_GUESSED_AHEAD, _SCHEDULED_AHEAD, OTHER_MEETING, _RECALLED) if sitting else set()
    for mention in article.people:
        if not _is_negotiator(article, mention) or mention.value in found:
            continue
        sentence = article.sentences[article.sentence_index(mention.start)]
        if (
            (sentence.index not in talk and not _labels_quotes(article, mention, sentence))
            or sentence.paragraph == 0
            or sentence.paragraph in skip_paragraphs
            or sentence.index in other_round_sentences
            or sentence.index in ahead
            or is_question(sentence.text)
            or article.in_sentence(PHONE, sentence)
            or (sentence.index in absent and _is_absent(article, mention, sentence))
            or _OBJECT_OF_A_VERB.search(article.text, max(sentence.start, mention.start - 80), mention.start)
            or (sentence.index in elsewhere and _in_another_meeting(article, mention, sentence))
        ):
            continue
        found[mention.value] = sentence.text
    return found


def _in_another_meeting(article: Article, mention: Mention, sentence: Sentence) -> bool:
    """Whether the name stands in a clause of a meeting or an event before ("The round comes days
    after Dien sat down with Greer on the sidelines of the APEC meeting", "Kato, who met Bessent
    last month"): one who met then, not one who speaks of the reported talks. (A meeting still to
    come the same trip may be the story's own: "before holding a separate meeting with Lutnick
    later in the day".)"""
    spans = _recalled_meetings(article, sentence) + _recalled_events(article, sentence)
    return any(s <= mention.start < e for s, e in spans)


def _labels_quotes(article: Article, mention: Mention, sentence: Sentence) -> bool:
    """Whether the sentence is a label in capitals over a negotiator's quoted words, ending in a
    colon ("U.S. TRADE REPRESENTATIVE JAMIESON GREER:", "VICE PREMIER HE LIFENG, ACCORDING TO
    XINHUA:"): in a round's story, the words of one who sat in it."""
    return sentence.text.rstrip().endswith(":") and article.text[mention.start : mention.end].isupper()


@dataclass(slots=True)
class Attendance:
    """Who sat in the article's meetings: each present person's first sentence, the absent, the
    sentences that describe a meeting and the clauses of each that do."""

    present: dict[str, str]
    absent: set[str]
    sentences: list[Sentence]
    meeting_clauses: dict[int, list[tuple[int, int]]]


def attendance(
    article: Article,
    round_sentences: set[int],
    other_round_sentences: set[int],
    chosen_round: int | None,
    skip_paragraphs: set[int],
    *,
    held: bool = False,
    other_event: bool = False,
) -> Attendance:
    """The people present at the reported event's meetings, and those said to be absent.

    A sentence counts when it describes a meeting (or continues the one before), is not about
    another round, an aside or a question, and, in a round's story, names the round or a
    negotiator. Its people count within its meeting clauses, unless absent or named in passing;
    a planned meeting's sentence is kept for its day and place but adds nobody, and so, in a story
    whose lead reports another event (``other_event``: an announcement, an order), is a side's team
    told as it stands ("Vietnam's delegation is led by Dien").
    """
    profile = article.profile
    present: dict[str, str] = {}
    absent: set[str] = set()
    sentences: list[Sentence] = []
    meeting_clauses: dict[int, list[tuple[int, int]]] = {}
    meeting_words = article.sentences_with(MEETING, ATTENDING)
    absence_words = article.sentences_with(ABSENCE_HINT)
    other_meetings = article.sentences_with(OTHER_MEETING)
    recalled_meetings = article.sentences_with(RECALLED_RELATIVE, RECALLED_MEETING)
    meetings_ahead = article.sentences_with(_GUESSED_AHEAD, _SCHEDULED_AHEAD)
    recalled_events = article.sentences_with(_RECALLED_EVENT)
    counted = article.sentences_with(_COUNTED)
    standing = article.sentences_with(_STANDING)
    for sentence in article.sentences:
        # a sentence with no meeting word may still say who sat for a side ("For China: He and Li")
        worded = sentence.index in meeting_words or sentence.index in absence_words
        if not worded and not article.people_in(sentence):
            continue
        people = people_of(article, sentence)
        if people and sentence.index in absence_words:
            absent.update(m.value for m in people if _is_absent(article, m, sentence))
        if sentence.paragraph in skip_paragraphs or sentence.index in other_round_sentences:
            continue
        if is_question(sentence.text):
            continue
        # "the two sides agreed to meet again before Ishiba and Trump meet at the G7": a plan for
        # later; its day and place may still be the round's ("agreed on Friday to hold another round")
        planned = held and article.in_sentence(NEXT, sentence)
        # a sentence right after a meeting, or after one naming a sitting ("The two leaders talked for
        # 30 minutes. Akazawa sat in on the meeting."), continues it
        before = article.sentences[sentence.index - 1] if sentence.index else None
        follows = before is not None and before.paragraph == sentence.paragraph and (
            (bool(sentences) and sentence.index - sentences[-1].index <= 2 and sentences[-1].paragraph == sentence.paragraph)
            or article.in_sentence(SITTING, before)
        )
        seated = not worded and seats_sides(article, sentence, people, follows_meeting=follows)
        if not (worded or seated) or not describes_meeting(
            article, sentence, round_sentences, people, follows_meeting=follows, seated=seated
        ):
            continue
        # a continuation ("Also at the table was Bessent") adds the other side, not new leaders
        continues = follows and all(
            _is_negotiator(article, m) or article.side_of(m.value) != profile.tracked_side for m in people
        )
        if chosen_round is not None and not (
            sentence.index in round_sentences
            or continues
            or any(_is_negotiator(article, m) for m in people)
            or says_who_attended(article, sentence)  # "Wang Wentao also attended the talks"
        ):
            continue  # in a round's story, another meeting ("Ishiba and Trump are to meet at the G7")
        sentences.append(sentence)
        spans = meeting_clauses[sentence.index] = _meeting_clauses(article, sentence, held=held)
        if planned or (sentence.index in counted and _only_counted(article, sentence)):
            continue  # a plan for later, or a recap of many sittings ("they have met five times")
        if other_event and sentence.index in standing and _only_standing(article, sentence):
            continue  # in a story of an announcement, "Vietnam's delegation is led by Dien": the team, no sitting
        implied = _implied_negotiator(article, sentence, people)
        if implied is not None:
            people = [implied, *people]
        elsewhere = (
            _other_meetings(article, sentence, back_to_names=held or chosen_round is not None)
            if sentence.index in other_meetings
            else []
        )
        recalled = _recalled_meetings(article, sentence, other_event=other_event) if sentence.index in recalled_meetings else []
        elsewhere += recalled
        if sentence.index in recalled_events:
            elsewhere += _recalled_events(article, sentence)  # "the first talks since Trump unveiled his tariffs"
        if sentence.index in meetings_ahead:
            # "..., where he may meet Greer"; in a round's preview, "with Trump and Xi due to speak on Friday"
            elsewhere += _meetings_ahead(article, sentence, scheduled_only=not (held or chosen_round is None))
        if recalled and _all_told_elsewhere(article, sentence, recalled):
            continue  # "Goyal, who met Greer in Paris last week, said ...": no sitting of the reported event
        for mention in people:
            if mention.value in absent or _only_named_in_passing(article, mention, sentence):
                continue
            if any(s <= mention.start < e for s, e in elsewhere):
                continue  # "... in time for a deal when Ishiba and Trump meet"
            if _dashed(article.text, mention) and _named_in_a_pair(article, mention, people):
                continue  # "waiting for a Trump-Xi call", "a Trump–Xi meeting in the autumn"
            if mention.via != "pronoun" and not any(s <= mention.start < e for s, e in spans):
                continue  # "Akazawa meets Lutnick for 70 minutes; Ishiba-Trump summit set for Monday"
            present.setdefault(mention.value, sentence.text)
    return Attendance(present, absent, sentences, meeting_clauses)


def _all_told_elsewhere(article: Article, sentence: Sentence, elsewhere: list[tuple[int, int]]) -> bool:
    """Whether every meeting or attendance word of the sentence lies in a clause of another
    meeting ("Goyal, who met Greer in Paris last week on the sidelines of an OECD ministerial
    meeting, said India wanted a fair deal"): the sentence tells no sitting of the reported event,
    so the one the clause describes, outside it, was not seated by it either."""
    words = [*article.hits(MEETING).within(sentence.start, sentence.end),
             *article.hits(ATTENDING).within(sentence.start, sentence.end)]  # fmt: skip
    return bool(words) and all(any(s <= a < e for s, e in elsewhere) for a, _ in words)


def timed_meetings(
    article: Article,
    seen: Attendance,
    skip_paragraphs: set[int],
    other_round_sentences: set[int],
    counterpart_participants: list[str],
) -> list[Meeting]:
    """The sittings with a length: each duration in a sitting sentence, with the counterparts named
    in its segment or clause (else all the event's counterparts); the same sitting reported twice
    is one meeting."""
    absent = seen.absent
    meetings: list[Meeting] = []
    #: the meetings a correction notice gives (see `_withdrawn`)
    corrected: set[int] = set()
    # every duration names an hour or a minute: the sentences without one (most) are not read
    timed = article.sentences_containing(DURATIONS_NEAR.cue.words)
    corrections = article.sentences_with(CORRECTION)
    for sentence in _sitting_sentences(article, seen.sentences, skip_paragraphs, other_round_sentences, bool(seen.present)):
        if sentence.index not in timed:
            continue
        lowered = article.lower[sentence.start : sentence.end]
        correction = sentence.index in corrections
        durations = [
            m for m in DURATIONS_NEAR.finditer(lowered, lowered)
            if not _NOT_A_SITTING.match(sentence.text[m.end() : m.end() + 20])
            and not _OVER_DAYS.match(lowered, m.end(), m.end() + 50)
            and not _MISSTATED.search(lowered, max(0, m.start() - 80), m.start())
            and not (correction and _withdrawn(article, sentence, m.start()))
        ]
        segments = _segments(sentence.text, len(durations))
        for match in durations:
            minutes = duration_minutes(match)
            if minutes is None or not 0 < minutes <= 24 * 60:
                continue
            seg_start, seg_end = next(((s, e) for s, e in segments if s <= match.start() < e), (0, len(sentence.text)))
            clause = next(((s - sentence.start, e - sentence.start) for s, e in article.clauses_of(sentence)
                           if s - sentence.start <= match.start() < e - sentence.start), (0, len(sentence.text)))
            people = (
                _counterparts(article, sentence, max(seg_start, clause[0]), min(seg_end, clause[1]), absent)
                or _counterparts(article, sentence, *clause, absent)
                or counterpart_participants
            )
            meeting = Meeting(with_=tuple(people), minutes=minutes, evidence=sentence.text)
            earlier = [
                m
                for m in meetings
                if m.minutes == meeting.minutes and (set(m.with_) <= set(meeting.with_) or set(meeting.with_) <= set(m.with_))
            ]
            if earlier and earlier[-1].evidence != sentence.text and not _REPEAT.search(sentence.text):
                continue  # the same sitting reported twice
            if correction:
                corrected.add(len(meetings))
            meetings.append(meeting)
    # a correction's own figure restates the length the story now gives: only where the story
    # gives it nowhere else is it a sitting ("(Corrects paragraph 2 to say two hours and 15
    # minutes ...)" above a story that says "met Lutnick for about two hours and 15 minutes")
    told = {m.minutes for i, m in enumerate(meetings) if i not in corrected}
    return [m for i, m in enumerate(meetings) if i not in corrected or m.minutes not in told]


def _withdrawn(article: Article, sentence: Sentence, at: int) -> bool:
    """Whether a correction notice withdraws the length at ``at`` (an offset in the sentence): "...,
    not 16 hours", "incorrectly stated that Akazawa met Lutnick for 170 minutes", "an earlier
    version said the talks lasted 90 minutes", "UPDATE 1 had said Trump met him for about an
    hour". The length a correction gives in their place is not withdrawn ("it lasted 80 minutes",
    "officials later put the meeting at 50 minutes")."""
    lowered = article.lower[sentence.start : sentence.end]
    if _NOT_BEFORE.search(lowered, max(0, at - 20), at):
        return True
    for _, end in article.hits(_WITHDRAWING).within(max(sentence.start, sentence.start + at - 160), sentence.start + at):
        if not _WITHDRAWN_CLAUSE_END.search(lowered, end - sentence.start, at):
            return True
    return False


def _meeting_clauses(article: Article, sentence: Sentence, *, held: bool) -> list[tuple[int, int]]:
    """The clauses of a meeting sentence that have a meeting word, or say who attended ("X was
    accompanied by Y"); the whole sentence if none has a meeting word.

    In a story of a round held, a clause whose only meeting word is a bare "meet" ("leaving the deal
    to Ishiba and Trump when they meet at the G7") speaks of another, later meeting; so does one
    that opens with "before" ("before Ishiba meets Trump at the G7") in any story."""
    spans = []
    worded = False
    seated = False  # the clause before said who sat for a side
    for s, e in article.clauses_of(sentence):
        words = article.hits(MEETING).within(s, e)
        worded = worded or bool(words)
        bare = words and all(article.lower[a:b] in ("meet", "meets") for a, b in words)
        if bare and (held or article.lower.startswith("before ", s)):
            seated = False
            continue  # "... before Ishiba meets Trump at the G7": a later meeting
        attending = article.has(ATTENDING, s, e)
        gapped = seated and _after_semicolon(article, s) and _GAPPED.match(article.lower, s, e) is not None
        # "On the American side Bessent and Greer negotiated; the Chinese delegation was led by He"
        seat = _SIDE_SEAT.match(article.lower, s, e) is not None
        if words or attending or gapped or seat:
            spans.append((s, e))  # "Carney was accompanied by LeBlanc and Joly; ... joined the president"
        seated = attending or gapped  # "The US side was led by Bessent; the Chinese side by He"
    return spans if worded else [(sentence.start, sentence.end)]


#: the other side's seat with its verb left out (`GAPPED_ATTENDANCE`), at a clause's start
_GAPPED = re.compile(rf"\s*(?:and\s+)?{alternation(GAPPED_ATTENDANCE)}(?!\w)")


#: a side's seat named at a clause's start (`SIDE_SEAT`)
_SIDE_SEAT = re.compile(rf"\s*{SIDE_SEAT}")


def _after_semicolon(article: Article, start: int) -> bool:
    """Whether the clause starting at ``start`` follows a semicolon."""
    return article.text[max(0, start - 3) : start].strip().endswith(";")


def _is_negotiator(article: Article, mention: Mention) -> bool:
    person = article.profile.person(mention.value)
    return person is not None and person.negotiator


#: a sitting told by its people sitting (`SAT_FOR`)
_SAT_FOR = Phrases(list(SAT_FOR), shared=True)
#: a sitting's length told by a verb of lasting (`LASTING_VERBS`) or by its people meeting for it (`MET_FOR`)
_LASTING = Phrases(list(LASTING_VERBS), shared=True)
_MET_FOR = Phrases(list(MET_FOR), shared=True)
#: the sitting as the subject just before a verb of lasting (`SITTING_SUBJECTS`), or a day's sitting
#: told by its possessive a few words before ("Monday's began after lunch and lasted")
_SITTING_SUBJECT = re.compile(rf"(?:\b{alternation(SITTING_SUBJECTS)}|\w['’]s)\s+(?:(?:[\w'’-]+\s+){{0,5}}and\s+)?$")
#: how far before its verb of lasting its subject is looked for
_SUBJECT_REACH = 40


def _sitting_sentences(
    article: Article, meeting_sentences: list[Sentence], skip: set[int], other_rounds: set[int], has_people: bool
) -> list[Sentence]:
    """Sentences that may give a sitting's length: those describing a meeting, and, once the
    story has its participants, any sentence naming a sitting ("The session lasted two hours",
    "The delegations sat for about six hours") or giving one its length by a verb of lasting or
    meeting with no noun ("The consultation lasted about an hour", "That one ran roughly
    seventy-five minutes", "The two leaders met for about 30 minutes")."""
    if not has_people:
        return meeting_sentences
    chosen = {s.index for s in meeting_sentences}
    lasting = article.sentences_with(_LASTING, _MET_FOR) - article.sentences_with(SITTING, _SAT_FOR)
    for index in article.sentences_with(SITTING, _SAT_FOR, _LASTING, _MET_FOR):
        sentence = article.sentences[index]
        if (
            index not in chosen
            and sentence.paragraph not in skip
            and index not in other_rounds
            and not article.in_sentence(PHONE, sentence)
            and (index not in lasting or _lasts_a_sitting(article, sentence, other_rounds))
        ):
            chosen.add(index)
    return [article.sentences[i] for i in sorted(chosen)]


def _lasts_a_sitting(article: Article, sentence: Sentence, other_rounds: set[int]) -> bool:
    """Whether a sentence with no meeting noun gives the length of a sitting already told, by a
    verb of lasting whose subject is the sitting ("The consultation lasted about an hour", "That
    one ran roughly seventy-five minutes"; not "the call lasted more than two hours") or by its
    people meeting for it ("The two leaders met for about 30 minutes"). It names no one (a sentence
    naming its people and no meeting was not one of the reported meeting: "Ishiba and Trump met
    for 30 minutes at the G7" in a story of a round), and its paragraph has told of no other round
    before it ("The eighth round turned on a single afternoon. ... What followed lasted about 70
    minutes": that round's sitting)."""
    if article.people_in(sentence):
        return False
    index = sentence.index - 1
    while index >= 0 and article.sentences[index].paragraph == sentence.paragraph:
        if index in other_rounds:
            return False
        index -= 1
    return article.has(_MET_FOR, sentence.start, sentence.end) or any(
        _SITTING_SUBJECT.search(article.lower, max(sentence.start, start - _SUBJECT_REACH), start)
        for start, _ in article.hits(_LASTING).within(sentence.start, sentence.end)
    )


def _segments(text: str, count: int) -> list[tuple[int, int]]:
    """Split a sentence with several sittings into one piece per sitting."""
    if count < 2:
        return [(0, len(text))]
    cuts = [0, *(m.start() for m in _SEGMENT_BREAK.finditer(text)), len(text)]
    return list(pairwise(cuts))


def _counterparts(article: Article, sentence: Sentence, start: int, end: int, absent: set[str]) -> list[str]:
    tracked = article.profile.tracked_side
    names: list[str] = []
    for mention in article.people.within(sentence.start + start, sentence.start + end):
        if article.side_of(mention.value) != tracked and mention.value not in absent and mention.value not in names:
            names.append(mention.value)
    return names
