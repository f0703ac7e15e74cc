"""Which numbered round of talks an article reports on, and whether it was held or is upcoming.

"the fifth round", "5th round", "round 6", "Round Six", "the second ministerial-level meeting"
are rounds; "made six trips", "his tenth visit", "the third consecutive week", "another round",
"the fifth roundtable" and "a first round of tariffs" are not. An article that mentions several
rounds reports on the latest one it names (earlier rounds are background: "after the first round
was held in April").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from bot.extract.article import Article
from bot.extract.cues import AGREED_PLANS, FUTURE, HEADLINE_FUTURE, HEADLINE_PAST, PAST, is_question
from bot.extract.dates import MONTH
from bot.extract.lexicon import (
    BACK_POINTING_QUALIFIERS,
    CALLED_OFF_PHRASES,
    FOLLOWING_PARTICIPLES,
    FOLLOWING_VERBS,
    MEETING_NOUNS,
    MEETING_QUALIFIERS,
    MONTH_PARTS,
    NOT_A_ROUND_PHRASES,
    RECALLING_WORDS,
    ROUND_OUTCOME_WORDS,
    ROUND_PLAN_PHRASES,
    TIMES_AFTER_SINCE,
    WATCHING_AUXILIARIES,
    alternation,
)
from bot.extract.near import Cue, Near, for_lower_case
from bot.extract.next_steps import NEXT, is_hedged
from bot.extract.numbers import CARDINAL, NUMBER_WORDS, ORDINAL, number_value
from bot.extract.phrases import Phrases
from bot.extract.text import Sentence

# an ordinal's qualifiers: "the fifth and final round", "the third Japan-U.S. ministerial consultation"
_QUALIFIERS = rf"(?:{alternation(MEETING_QUALIFIERS)}\s+)*"
# The look-ahead names every character a round can start with (a figure, an ordinal's first
# letter, "opening", "inaugural", "round"): the regex engine gives up elsewhere at once.
ROUND_RE = re.compile(
    rf"(?=[0-9fsteniro])(?<![\w-])(?:(?P<ord>{ORDINAL}|opening|inaugural)\s+{_QUALIFIERS}(?P<noun>{'|'.join(MEETING_NOUNS)})s?(?![\w-])"
    rf"|round\s+(?P<num>\d+|{CARDINAL})(?![\w%-]))",
    re.IGNORECASE,
)
# "the latest tariff negotiations in Washington, the seventh since April"
APPOSITIVE_RE = re.compile(
    rf"\b(?:talks|negotiations?|rounds?|meetings?|sessions?)\b[^.;]{{0,80}}?(?:,|\s[—–-]{{1,2}})\s+the\s+(?P<ord>{ORDINAL})"
    r"(?=\s+(?:since|so far|this year|in\b|of\b|such)|\s*[,.;—–-]|$)",
    re.IGNORECASE,
)
_NUMBER_WORDS = Phrases(NUMBER_WORDS, shared=True)
_DIGIT = re.compile(r"\d")
_NOUNS = MEETING_NOUNS
_SITTINGS = ("meeting", "session", "sitting")
#: the nouns of ROUND_RE, as words: the sentences without one are not searched ("talks" alone has none)
_ROUND_NOUNS = Phrases([f"{noun}s?" for noun in _NOUNS], shared=True)
_ROUND_WORDS = Phrases([*_ROUND_NOUNS.patterns, "talks"], shared=True)
_NOT_TALKS = re.compile(
    r"^\s+of\s+(?:\w+\s+)?(?:tariffs?|sanctions|cuts|voting|votes|elections?|layoffs|funding|stimulus|applause|"
    r"golf|bidding|financing|price|rate|hikes?|duties|levies)\b(?!\s+(?:talks|negotiations?|discussions|meetings?))",
    re.IGNORECASE,
)
# "... meeting between the two leaders since Lee took office": "since" an event, not a time, within
# the noun's clause (a month, a year or "then" is a time: "the first meeting since April")
_FIRST_SINCE = re.compile(
    rf"[^.;,]{{0,80}}?\bsince\s+(?!(?:the\s+)?(?:\d|{MONTH}|last\b|then\b|early\b|late\b|mid\b|the\s+start\b))", re.I
)
# "the first meeting between the two leaders since 2019": a year named after "since"
_SINCE_YEAR = re.compile(r"[^.;,]{0,80}?\bsince\s+(?:early\s+|late\s+|mid-?)?(?P<year>(?:19|20)\d\d)\b", re.I)
_BACK_POINTING = re.compile(rf"\b{alternation(BACK_POINTING_QUALIFIERS)}\b")  # lower-cased text
_TALKS_CONTEXT = re.compile(r"\b(?:talks|negotiat\w+|between|ministerial|tariff|trade|officials)\b")  # lower-cased text
# the two on the lower-cased text, near the words they need: "the fifth round" (an ordinal and
# up to three qualifiers before its noun), "the talks, the seventh since April", "the latest
# round — the sixth — of talks"
ROUNDS_NEAR = Near(for_lower_case(ROUND_RE), Cue(_NOUNS), before=90, after=25)
APPOSITIVES_NEAR = Near(for_lower_case(APPOSITIVE_RE), Cue(pattern=re.compile(r"[,—–-]\s+the\s")), before=100, after=40)


#: a sitting that did not happen: "was called off", "never happened", "was to have been held"
CALLED_OFF = Phrases(list(CALLED_OFF_PHRASES), shared=True)
#: a meeting said to be no round: "officials said it was not a formal round"
NOT_A_ROUND = Phrases(list(NOT_A_ROUND_PHRASES), shared=True)
_WHETHER = Phrases(["whether", "if"], shared=True)
#: a round named as the aim of a trip to come, or as not planned yet (`ROUND_PLAN_PHRASES`)
_ROUND_PLAN = Phrases(list(ROUND_PLAN_PHRASES), shared=True)
#: the headline (paragraph 0) and the lead's paragraphs: what they report is the story's news
LEAD_PARAGRAPHS = 2

# an entry of a dated list: a paragraph that opens with a day, or a part of a month, then a dash
# or a colon ("May 30 - Round 4: ...", "Early June: fifth round expected")
_DATED_ENTRY = re.compile(
    rf"(?:(?:{alternation(MONTH_PARTS)})[- ]?)?{MONTH}(?:\s+\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?)?(?:,?\s+\d{{4}})?\s*[-–—:]\s",
    re.IGNORECASE,
)
_TIMELINE_ENTRIES = 3  # fewer dated paragraphs in a row are the story's own telling


# a clause opened by "since" or "after" and not broken before the place: an event recalled ("since
# the talks in Geneva", "after they met in London"); "since April" is a time
_RECALLING_CLAUSE = re.compile(
    rf"\b{alternation(RECALLING_WORDS)}\s+(?!(?:the\s+)?(?:\d|{MONTH}|{alternation(TIMES_AFTER_SINCE)}\b))[^,;:()—–]*$",
    re.IGNORECASE,
)
# a clause in which a later event says it came after the place's: "The extension follows the round
# of talks in Stockholm", "following rounds in Geneva and London" (a list's commas do not break it)
_NOT_WATCHING = "".join(rf"(?<!\b{word}\s)" for word in WATCHING_AUXILIARIES)  # "had followed the talks" watched them
_FOLLOWING_CLAUSE = re.compile(
    rf"(?:\b{_NOT_WATCHING}{alternation(FOLLOWING_VERBS)}"
    rf"|,\s*{alternation(FOLLOWING_PARTICIPLES)})"
    r"\s+[^;:()—–]*$",
    re.IGNORECASE,
)
_ROUND_OUTCOME = re.compile(rf"\b{alternation(ROUND_OUTCOME_WORDS)}\b", re.IGNORECASE)
#: how far back a recalling word may open the clause of a place
_RECALL_REACH = 100


def in_a_recalling_clause(article: Article, sentence: Sentence, position: int) -> bool:
    """Whether ``position`` (a round's city) stands in a clause that recalls an earlier event the
    story runs from ("the first talks since the meeting in Geneva", "since they met in London";
    "The extension follows the round of talks in Stockholm", "It was their fifth meeting, following
    rounds in Geneva and London"): that is background, the round or place of the earlier event,
    not of the one the story reports. What a sitting gave out ("The statement followed two days of
    talks in Geneva") reports that sitting, and so does a sentence opening on the verb ("Following
    the talks in Geneva, Bessent said ...")."""
    start = max(sentence.start, position - _RECALL_REACH)
    if _RECALLING_CLAUSE.search(article.text, start, position):
        return True
    following = _FOLLOWING_CLAUSE.search(article.text, start, position)
    if following is None:
        return False
    subject = article.text[sentence.start : following.start()]
    return bool(subject.strip(" \"“‘'")) and not _ROUND_OUTCOME.search(subject)


@dataclass(frozen=True, slots=True)
class RoundMention:
    number: int
    sentence: Sentence
    start: int
    end: int


def story_end(article: Article) -> int:
    """Where the story proper ends: before a dated list that closes it ("TIMELINE: The talks so
    far" then "May 30 - Round 4: ...", "Early June - Round 5 expected"). Such a box is background
    an outlet sets after the report; the last round it lists, held or planned, is no measure of
    the round the story tells of. A heading just above the list (a line with no end stop) goes
    with it. The list must run to the end of the article, at least three entries long.

    Worked out once per article: the pipeline, the round finder and the place finder all ask."""
    end = article.memo.get("story_end")
    if end is None:
        end = article.memo["story_end"] = _story_end(article)
    return cast("int", end)


def _story_end(article: Article) -> int:
    paragraphs: dict[int, Sentence] = {}
    for sentence in article.sentences:
        paragraphs.setdefault(sentence.paragraph, sentence)
    order = sorted(paragraphs)
    run = 0
    for number in reversed(order):
        if number <= LEAD_PARAGRAPHS or not _DATED_ENTRY.match(paragraphs[number].text):
            break
        run += 1
    if run < _TIMELINE_ENTRIES:
        return len(article.text)
    first = order[len(order) - run]
    before = order[len(order) - run - 1]
    heading = paragraphs[before]
    is_heading = heading.end - heading.start < 80 and not heading.text.rstrip().endswith((".", "!", "?", '"', "”"))
    if before > LEAD_PARAGRAPHS and is_heading:
        return heading.start
    return paragraphs[first].start


def find_round_mentions(article: Article) -> list[RoundMention]:
    """Every numbered round the article names, with the sentence it is in; none from a dated list
    closing the story (`story_end`)."""
    found = []
    end = story_end(article)
    # a round needs a round word and a number, in words or figures, in the same sentence
    candidates = article.sentences_with(_ROUND_WORDS)
    numbered = article.sentences_with(_NUMBER_WORDS)
    with_noun = article.sentences_with(_ROUND_NOUNS)
    for sentence in article.sentences:
        if sentence.start >= end:
            break
        if sentence.index not in candidates or (sentence.index not in numbered and not _DIGIT.search(sentence.text)):
            continue
        lowered = article.lower[sentence.start : sentence.end]
        for match in ROUNDS_NEAR.finditer(lowered, lowered) if sentence.index in with_noun else ():
            after = sentence.text[match.end() : match.end() + 40]
            if _NOT_TALKS.match(after):
                continue
            noun = (match.group("noun") or "round").lower()
            if noun != "round" and not _TALKS_CONTEXT.search(lowered) and not _points_back_to_talks(article, sentence, match):
                continue  # "the second meeting" counts only when it is a meeting of the talks
            if noun in _SITTINGS and lowered[max(0, match.start() - 5) : match.start()] in ("that ", "this "):
                continue  # "That second session was the formal negotiation": a sitting just told of
            value = number_value(match.group("ord") or match.group("num"))
            if value is None or not 0 < value < 100:
                continue
            if value == 1 and noun != "round" and _FIRST_SINCE.match(sentence.text, match.end()):
                continue  # "the first face-to-face meeting since the tariffs doubled": a count from an event
            if value == 1 and _counted_from_an_earlier_year(article, sentence.text, match.end()):
                continue
            found.append(RoundMention(value, sentence, sentence.start + match.start(), sentence.start + match.end()))
        for match in APPOSITIVES_NEAR.finditer(lowered, lowered):
            value = number_value(match.group("ord"))
            if value is not None and 0 < value < 100:
                start, end = match.span("ord")
                found.append(RoundMention(value, sentence, sentence.start + start, sentence.start + end))
    return found


def _points_back_to_talks(article: Article, sentence: Sentence, match: re.Match[str]) -> bool:
    """Whether a count's qualifier points back ("the fifth such meeting") to a sentence just before,
    in the same paragraph, that tells of the talks: the count is of those talks, though its own
    sentence names them no more ("The talks were led by ... They were the fifth such meeting")."""
    between = match.string[match.end("ord") : match.start("noun")] if match.group("ord") else ""
    if not _BACK_POINTING.search(between) or sentence.index == 0:
        return False
    before = article.sentences[sentence.index - 1]
    return before.paragraph == sentence.paragraph and bool(
        _TALKS_CONTEXT.search(article.lower[before.start : before.end])
    )


def _counted_from_an_earlier_year(article: Article, text: str, end: int) -> bool:
    """Whether the first meeting named just before ``end`` is counted since a year before the
    story's ("the first meeting between the two leaders since 2019"): a count of the years
    without such a meeting, not the opening round of the talks the story follows, which a
    first round of this year's talks could not be counted from."""
    since = _SINCE_YEAR.match(text, end)
    if since is None or article.published is None:
        return False
    return int(since.group("year")) < article.published.year


def denies_a_round(article: Article) -> bool:
    """Whether the headline or the lead says the meeting it reports was no round of the series
    ("officials say it was not a formal round"): such a story reports no round, whatever
    ordinal it gives its meeting ("the first face-to-face meeting since the tariffs doubled").
    A question, or a doubt ("did not say whether it counted as a round"), denies nothing."""
    for index in article.sentences_with(NOT_A_ROUND):
        sentence = article.sentences[index]
        if sentence.paragraph > LEAD_PARAGRAPHS or is_question(sentence.text):
            continue
        if not article.in_sentence(_WHETHER, sentence):
            return True
    return False


def is_called_off_aside(article: Article, mention: RoundMention, mentions: list[RoundMention]) -> bool:
    """Whether a round is named below the opening paragraph as one that did not happen ("The
    sixth round, which was to have been held in August, was called off"; "The sixth round never
    happened").

    Such a round is background to whatever the story reports (a meeting that was not a round, a
    ministerial encounter); a round called off in the headline or the opening paragraph is the
    news itself (a round cancelled and reset, its new day the story's). The words must follow the round in its
    sentence, before any other round is named ("after the sixth round was called off, the
    seventh was held": only the sixth)."""
    sentence = mention.sentence
    if sentence.paragraph <= 1 or not article.in_sentence(CALLED_OFF, sentence):
        return False
    later = [m.start for m in mentions if m.sentence is sentence and m.start > mention.start and m.number != mention.number]
    stop = min(later, default=sentence.end)
    return article.has(CALLED_OFF, mention.end, stop)


def reported_round(article: Article, mentions: list[RoundMention]) -> int | None:
    """The round the article is about: the highest it names, leaving out a round named only as a
    plan ("the two sides agreed to hold a second round", "is expected to return for a fifth
    round", "No eighth round has been scheduled", "So a sixth round next week?") or a guess ("a
    sixth round could come before the G7 summit") when another is named. A story that opens with
    a round to come (a preview) reports that round, though it recalls earlier ones."""
    if len({m.number for m in mentions}) < 2:
        return mentions[0].number if mentions else None  # one round named: nothing to weigh
    plans = {m.number for m in mentions} - {m.number for m in mentions if not is_plan(article, m)}
    first = min(mentions, key=lambda m: m.start)
    if first.number in plans:
        return max(m.number for m in mentions)  # a preview: the round it opens with, or a later one
    return max((m.number for m in mentions if m.number not in plans), default=None)


def is_plan(article: Article, mention: RoundMention) -> bool:
    """Whether a round is named only as something to come: agreed or expected for later, guessed
    at, asked about, or in a clause whose tense looks ahead ("would likely take place")."""
    sentence = mention.sentence
    if article.in_sentence(NEXT, sentence) or is_hedged(article, sentence) or is_question(sentence.text):
        return True
    clause = next(((s, e) for s, e in article.clauses_of(sentence) if s <= mention.start < e), None)
    start, end = clause or (sentence.start, sentence.end)
    if article.has(_ROUND_PLAN, start, mention.start):
        return True  # "he was ready to return next week for a fifth round": its "was" holds no round
    # "after the third round" names the round, not its tense: "We will report again after the
    # third round" looks ahead, "After the third round, he said" back; the verb decides
    past = sum(1 for s, e in article.hits(PAST).within(start, end) if not s <= mention.start < e)
    return article.count(FUTURE, start, end) > past


def tense_status(article: Article, sentences: list[Sentence]) -> str | None:
    """'upcoming' or 'held' from the wording of the sentences that name the round."""
    future = past = 0
    for sentence in sentences:
        plans = article.count(AGREED_PLANS, sentence.start, sentence.end)  # "agreed to begin": not the round's future
        if sentence.paragraph == 0:  # headlines: "Japan, U.S. Hold 2nd Round" reports a round held
            future += 2 * max(0, article.count(HEADLINE_FUTURE, sentence.start, sentence.end) - plans)
            past += article.count(HEADLINE_PAST, sentence.start, sentence.end)
            continue
        future += max(0, article.count(FUTURE, sentence.start, sentence.end) - plans)
        past += article.count(PAST, sentence.start, sentence.end)
    if future == past == 0:
        return None
    return "upcoming" if future > past else "held"
