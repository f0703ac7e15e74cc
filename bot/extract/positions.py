"""Each side's stance on each issue the profile tracks, as current at publication.

An issue of the profile names a side, the words of what it is about (the tariffs, by default)
and its stances, each with its phrasings and where the issue's words must stand. A stance needs
the issue's side (or one of its people) as the one who wants it, the issue's words, and one of
the stance's phrases. The side's own tariffs are not what it seeks of the other side's ("China
agreed to cut its retaliatory tariffs" is no stance of China on the US tariffs). Stances
described as earlier ("had long demanded", "a shift from its earlier insistence") are not
current; vague words ("relief", "reconsider", "revisited") are no stance. A deal binds both
sides: a stance stated as a deal's term ("China agreed to pause its export controls", "the two
sides reached a consensus") is the issue's side's whoever is named, unless the deal is with
another country or on another of the profile's topics. A demand made of the other side by no
side named ("officials want New Delhi to stop buying Russian crude") is the issue's side's. A
stance in the words of one of the side's people is the side's wherever the speaker is named: "He
said ...", '"...," Li said', a transcript's "AKAZAWA:", a quotation opened a sentence before.
"""

from __future__ import annotations

import re

from bot.extract.anchored import Openers
from bot.extract.article import Article, Mention
from bot.extract.cues import EARLIER, HEARSAY, SPECULATION, is_question
from bot.extract.dates import MONTH
from bot.extract.facts import Position
from bot.extract.lexicon import (
    AGREEMENT_OPENINGS,
    AIM_WORDS,
    ALTERNATIVES,
    ATTRIBUTIONS,
    BOTH_SIDES,
    DEAL_DOCUMENTS,
    DEAL_MADE_ADVERB,
    DEAL_MADE_VERBS,
    DEAL_NAMING_VERBS,
    DEAL_NOUNS,
    DEAL_TERMS_PREPOSITIONS,
    DEAL_WORDS,
    EXEMPTION_TERMS,
    JOINT_DEAL_VERBS,
    JOINT_SUBJECT_GAP,
    MAKER_LINKS,
    NOT_MADE_WORDS,
    ORDER_DOCUMENTS,
    OWN_MEASURE_VERBS,
    REDUCTION_WORDS,
    REFERRING_BACK,
    REPORTING_VERBS,
    SEASONS,
    SIDE_BODIES,
    STANCE_REPORTING_VERBS,
    STANCE_WORDS,
    TALKS_WORDS,
    TARIFF_NOUNS,
    TARIFF_SAMPLES,
    TIME_SPAN,
    TOPIC_FRAMES,
    TRUCE_WORDS,
    alternation,
)
from bot.extract.near import finditer_at
from bot.extract.one_side_terms import (
    actor_of_act,
    is_a_term_of_one_side,
    is_a_term_on_the_measure,
    tells_of_a_deal,
    term_acts,
)
from bot.extract.people import people_of
from bot.extract.phrases import Hits, Phrases
from bot.extract.profile import Issue, Stance
from bot.extract.scope import first_party_named, mentions_other_country
from bot.extract.text import Sentence

_DEAL = Phrases(list(DEAL_WORDS), shared=True)
_WANT_WORDS = [
    "seek", "seeks", "sought", r"demand\w*", r"call\w*", r"urg\w+", r"ask\w*", r"want\w*", r"hope\w*", r"press\w*",
    r"insist\w*", r"push\w*", r"request\w*", "position", "stance",
]  # fmt: skip
_WANTS = Phrases(_WANT_WORDS, shared=True)
# "one question: whether to extend the truce": a stance only weighed, not taken
_WHETHER = re.compile(r"(?=w)\bwhether\s+to\b[^,;:]*$", re.I)
_TOPIC_FRAME = re.compile(rf"\b{alternation(TOPIC_FRAMES)}\b[^.;:]*$", re.I)
# (searched over a clause up to a stance: the look-ahead of the words' first letters lets the search
# leave every other character at once)
_NEGATED = re.compile(r"(?=[nwr])\b(?:not|never|no longer|won't|will not|refus\w+|reject\w+)\s+(?:\w+\s+){0,2}$", re.I)
# "will also drop to 15%", "lifted to 25%", "dropped from 27.5% to 15%": a rate that moves, not a
# tariff removed
_TO_A_RATE = re.compile(
    r"\s+(?:\w+\s+)?(?:from\s+[\d.]+\s*(?:%|percent|per\s+cent)?\s+)?(?:to|by)\s+(?:about\s+|around\s+)?\d"
)
# how far a stance word may stand from the tariff it is about ("seek the elimination of all the
# additional tariffs")
_NEAR_TARIFF = 50
# how far after a stance's phrase what it acts on may open ("the elimination of the whole series of
# additional US tariff measures")
_OBJECT_OPENS = 40
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$")
# "China's retaliatory tariffs", "its own duties": the tariff belongs to the side named just before
_OWNER_BEFORE = 30
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "tariffs on U.S. goods": whose goods the tariff is on, said right after it
_ON_GOODS_OF = re.compile(r"\s+on\s+(?:all\s+|most\s+)?(?:imports\s+from\s+|goods\s+from\s+)?")
# "Since the first round in April, Akazawa had demanded the removal...": told in the past perfect,
# a demand is an earlier one; reported ("he said he had demanded") or renewed ("had again
# demanded") it is not
_HAD_WANTED = Phrases(
    [r"had (?:demanded|sought|insisted(?: on| that)?|called for|pushed for|pressed for|wanted|urged)"], shared=True
)
_SAID = re.compile(rf"\b{alternation(ATTRIBUTIONS)}\b")


def _said_before(article: Article, sentence: Sentence, position: int) -> bool:
    return _SAID.search(article.text, sentence.start, position) is not None


def _it_is_the_side(article: Article, sentence: Sentence, side: str) -> bool:
    """ "It has now accepted..." or "The government, which had long demanded..." right after a
    sentence whose subject is the side."""
    if (
        not sentence.text.startswith(("It ", "It’s", "It's", "The government ", "The government,"))
        or sentence.index == 0
    ):
        return False
    before = article.sentences[sentence.index - 1]
    return first_party_named(article, before.start, before.end, side=side) == "tracked"


_BODIES = Phrases(list(SIDE_BODIES), shared=True)
# "The team", "the federal government", "The government's negotiating team", "our negotiators":
# a body with no side's name before it (what stands before it is no name: at most two words)
_A_BODY_BEFORE = re.compile(r"\b(?:[Tt]he|[Oo]ur)\s+(?:[\w'’]+\s+){0,2}$")
# how far before a body a side's name makes it that side's ("Taiwan's tariff negotiation team",
# "the Indonesian delegation", "the Carney government")
_OWNER_REACH = 30
_OWNED = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,2}\s+")


def _body_of(article: Article, start: int, end: int) -> str | None:
    """The side whose body text[start:end] (a word of ``SIDE_BODIES``) is: the side of the last
    body before it that a side's name owned ("Taiwan's tariff negotiation team ... The team is
    pressing for"), else the tracked side, whose own press speaks of "the government" and "our
    negotiators" without its name."""
    for body_start, _ in reversed(article.hits(_BODIES).within(0, start)):
        reach = max(0, body_start - _OWNER_REACH)
        owners = [(m.end, m.value) for m in article.sides.within(reach, body_start) if m.end <= body_start]
        owners += [
            (m.end, side)
            for m in article.people.within(reach, body_start)
            if m.end <= body_start and (side := article.side_of(m.value)) is not None
        ]
        if owners:
            end, owner = max(owners)
            if _OWNED.fullmatch(article.text, end, body_start):
                return owner
    return article.profile.tracked_side


# "in the spring", "in April": a time the body's words are dated to
_IN_A_TIME = re.compile(rf"\bin\s+(?:the\s+)?(?:{alternation(SEASONS)}|{MONTH})\b(?!\w)", re.I)


def _the_sides_body(article: Article, sentence: Sentence, position: int, side: str) -> bool:
    """Whether the side's own body, named without the side, stands before ``position`` with no
    side named before it in the sentence: "The team is pressing for a rate lower than 32%", "The
    government's negotiating team will continue to seek a lower rate". Its words dated to a
    season or a month ("The government told the nation in the spring that it was seeking ...")
    are recalled, not its stance now."""
    for body_start, body_end in article.hits(_BODIES).within(sentence.start, position):
        if article.sides_named(sentence.start, body_end) or _IN_A_TIME.search(article.text, body_end, position):
            return False
        if _A_BODY_BEFORE.search(article.text, sentence.start, body_start):
            return _body_of(article, body_start, body_end) == side
    return False


_WE = re.compile(r"\b(?:we|We|our|Our)\b")


def _we_are_the_side(article: Article, sentence: Sentence, position: int, side: str) -> bool:
    """'"We have agreed to the 15% rates," Akazawa said': a "we" quoted from the side's people."""
    if not _WE.search(article.text, sentence.start, position):
        return False
    people = article.people_in(sentence)
    return bool(people) and all(article.side_of(m.value) == side for m in people)


# "..., Li said", "said Akazawa", "Koo stressed": a verb that reports someone's words
_REPORTED = re.compile(
    rf"\b(?:{alternation(ATTRIBUTIONS)}|{alternation((*REPORTING_VERBS, *STANCE_REPORTING_VERBS))})\b"
)
# what may stand between a speaker and the verb after him: ", China's international trade representative,"
_SPEAKER_THEN_VERB = re.compile(r"(?:\s*,[^,.;:\"“”]{0,70},)?\s*(?:\w+\s+)?$")
# what may stand between the verb and a speaker after it: "said Japan's chief negotiator"
_VERB_THEN_SPEAKER = re.compile(r"^[^,.;:\"“”]{0,40}$")
# a transcript's speaker at the head of a paragraph: "AKAZAWA:", "CHIEF CABINET SECRETARY HAYASHI:",
# "[AKAZAWA, IN JAPANESE, VOICE-OVER]"; no lower-case letter in it ("Q:", "HOST:" name no one known)
_LABEL = re.compile(r"\[?[^a-z\]:\n]{2,80}?(?:\]|:)")


def _sides_of(article: Article, people: list[Mention]) -> set[str]:
    return {side for m in people if (side := article.side_of(m.value)) is not None}


def _spoken_by(article: Article, sentence: Sentence, position: int) -> set[str]:
    """The sides of whoever the sentence reports the words of, when the sentence does not name
    them before ``position``: a leading "He" or "She" (``people_of``: "He said the $200 billion
    would consist mostly of loans and guarantees"); a speaker after the words ('"The US should
    cancel its tariffs," Li said'); a transcript's speaker heading the paragraph ("AKAZAWA:
    Realistically, what we are pressing for now is a significant reduction"); and the speaker of
    a quotation opened in an earlier sentence ('Akazawa was blunt: "Our position is unchanged. We
    demand the elimination of the tariffs."')."""
    sides = _sides_of(article, [m for m in people_of(article, sentence) if m.via == "pronoun"])
    sides |= _speaker_after(article, sentence, position)
    first = _first_of_paragraph(article, sentence)
    label = _LABEL.match(first.text)
    if label is not None:
        sides |= _sides_of(article, article.people.within(first.start, first.start + label.end()))
    opened = _open_quote(article, first.start, sentence.start)
    if opened is not None:
        before = article.people.within(first.start, opened)
        if before:
            sides |= _sides_of(article, before)
        elif first.index > 0:  # 'Akazawa said ... \n "Our position has not changed. I told them ..."'
            last = article.sentences[first.index - 1]
            sides |= _speaker_after(article, last, last.start)
    return sides


def _speaker_after(article: Article, sentence: Sentence, position: int) -> set[str]:
    """The sides of a speaker named after the words: "..., Li said", "..., said Akazawa"."""
    text = article.text
    sides: set[str] = set()
    for verb in _REPORTED.finditer(text, position, sentence.end):
        before = [
            m for m in article.people.within(max(position, verb.start() - 90), verb.start()) if m.end <= verb.start()
        ]
        if before and _SPEAKER_THEN_VERB.fullmatch(text, before[-1].end, verb.start()):
            sides |= _sides_of(article, before[-1:])
        after = article.people.within(verb.end(), min(sentence.end, verb.end() + 40))
        if after and _VERB_THEN_SPEAKER.match(text[verb.end() : after[0].start]):
            sides |= _sides_of(article, after[:1])
        if _HE_BEFORE.search(text, position, verb.start()) or _HE_AFTER.match(text, verb.end()):
            sides |= _sides_of(article, _named_before(article, sentence)[-1:])
    return sides


# '..., he said', '..., said she': a speaker named by a pronoun, who is the person named last before
_HE_BEFORE = re.compile(r"[,”\"]\s*(?:he|she)\s+$")
_HE_AFTER = re.compile(r"\s+(?:he|she)\b")


def _named_before(article: Article, sentence: Sentence) -> list[Mention]:
    """The people named in the sentence's paragraph before it ('Akazawa was blunt. "Our position
    remains unchanged," he said.')."""
    first = _first_of_paragraph(article, sentence)
    return [m for m in article.people.within(first.start, sentence.start) if m.end <= sentence.start]


def _first_of_paragraph(article: Article, sentence: Sentence) -> Sentence:
    index = sentence.index
    while index > 0 and article.sentences[index - 1].paragraph == sentence.paragraph:
        index -= 1
    return article.sentences[index]


def _open_quote(article: Article, start: int, end: int) -> int | None:
    """Where the quotation still open at ``end`` was opened after ``start`` (None if none is)."""
    opened: int | None = None
    for i in range(start, end):
        ch = article.text[i]
        if ch == '"':
            opened = i if opened is None else None
        elif ch == "“":
            opened = i
        elif ch == "”":
            opened = None
    return opened


_BOTH_SIDES = Phrases(list(BOTH_SIDES), shared=True)
_AGREEMENT_OPENING = re.compile(rf"{alternation(AGREEMENT_OPENINGS)}\b", re.I)
_AGREED_BEFORE = re.compile(r"\b(?:agreed|agree|agrees|reached|struck)\b", re.I)


def _asked_of_the_other(article: Article, sentence: Sentence, start: int, position: int, side: str) -> bool:
    """'Administration officials want New Delhi to stop buying Russian crude': a demand made of
    the other side, by no side named, is the stance of the side the issue belongs to. A demand
    made by the other side ("Washington wants Beijing to ...") is not."""
    if article.sides_named(sentence.start, start) - {side}:
        return False
    for want_start, want_end in article.hits(_WANTS).within(start, sentence.end):
        if want_start > position:
            break
        named = article.sides.within(want_end, want_end + _ASKED_REACH)
        if named and named[0].value != side and not article.sides_named(start, want_end):
            return True
    return False


# how far after the wish the side asked may stand ("want New Delhi", "pressed the Indian government")
_ASKED_REACH = 12


# "agreed to lower", "agreed on Monday to cut", "Agree to Slash": the sides' agreeing to act, its
# object read after it
_AGREE = "agree"
_AGREED_TO_ACT = re.compile(rf"\b{_AGREE}(?:d|s)?\s+(?:[\w,]+\s+){{0,4}}?to\s+({'|'.join(JOINT_DEAL_VERBS)})\b", re.I)
_SUBJECT_GAP = re.compile(rf"(?:\s+{alternation(JOINT_SUBJECT_GAP)})*\s+", re.I)
# what joins the sides named together as one subject: "the US and China", "Washington, Beijing"
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+|\s*,\s*")


def _sides_together_before(article: Article, sentence: Sentence, position: int) -> bool:
    """Whether the sides together are the subject of the agreeing at ``position``: the lexicon's
    words for both sides ("the two economies agreed"), or every side named, joined by "and" ("the
    US and China have agreed"), right before it. One side's agreeing, or a modal's ("could
    agree"), is not the sides' deal."""
    text = article.text
    both = [(s, e) for s, e in article.hits(_BOTH_SIDES).within(sentence.start, position) if e <= position]
    if both and _SUBJECT_GAP.fullmatch(text, both[-1][1], position):
        return True
    marks = sorted(
        [(m.start, m.end, m.value) for m in article.sides.within(sentence.start, position) if m.end <= position]
        + [
            (m.start, m.end, side)
            for m in article.people.within(sentence.start, position)
            if m.end <= position and (side := article.side_of(m.value)) is not None
        ]
    )
    if not marks or not _SUBJECT_GAP.fullmatch(text, marks[-1][1], position):
        return False
    named = {marks[-1][2]}
    for before, after in zip(reversed(marks[:-1]), reversed(marks[1:]), strict=True):
        if not _JOINED.fullmatch(text, before[1], after[0]):
            break
        named.add(before[2])
    return named >= set(article.profile.sides)


# "In Geneva in May, the two sides agreed to cut", "since May, when the two sides agreed in
# Geneva to cut": a deal dated by its month is an earlier one the story recalls
_A_MONTH = re.compile(rf"\b{MONTH}(?!\w)")


def _joint_agreements(article: Article, issue: Issue, others: list[Hits]) -> list[tuple[int, int]]:
    """Where the sides together agreed to act on what the issue is about ("the two economies
    agreed to lower their tariffs", "both sides agreed to cut the levies"): a deal stated by its
    terms, with no deal's name, which is each side's "agreed" stance. Not where the act is itself
    another of the issue's stances in the profile's words ("agreed to remove the tariffs" stays a
    removal), nor where the deal is dated by a month, as one recalled."""
    found: list[tuple[int, int]] = []
    for agreed in finditer_at(_AGREED_TO_ACT, article.text, article.lower, _AGREE):  # tried only at "agree"
        sentence = article.sentences[article.sentence_index(agreed.start())]
        reach = min(sentence.end, agreed.end() + _NEAR_TARIFF)
        act = agreed.end() - len(agreed.group(1))
        if (
            article.hits(issue.about).within(agreed.end(), reach)
            and _sides_together_before(article, sentence, agreed.start())
            and not any(hits.within(act, agreed.end()) for hits in others)
            and not _A_MONTH.search(article.text, sentence.start, act)
        ):
            found.append((agreed.start(), act))
    return found


# '"We have reached an agreement on a 90-day pause," Bessent told reporters': "we" making a deal
_WE_BEFORE = re.compile(r"\b[Ww]e\s+(?:(?:have|had|now|just|finally|also)\s+)*$")
_DEAL_MADE_AT = re.compile(rf"(?:{alternation(DEAL_MADE_VERBS)})\s+{DEAL_MADE_ADVERB}(?:a|an|the)\s", re.I)


def _we_made_a_deal(article: Article, sentence: Sentence, position: int) -> bool:
    """Whether the stance at ``position`` is a deal "we" made, in the words of a person of either
    side ('"We have reached an agreement on a 90-day pause," Bessent told reporters'): a deal
    made is between the sides, whichever side's negotiator says so. Not a side's agreeing to
    terms ('"We have agreed to the 15% rates," Trump said' is his side's acceptance)."""
    if not _DEAL_MADE_AT.match(article.text, position) or not _WE_BEFORE.search(
        article.text, sentence.start, position
    ):
        return False
    speakers = _spoken_by(article, sentence, position) | _sides_of(article, article.people_in(sentence))
    return bool(speakers & set(article.profile.sides))


# "the tariff agreement the two sides struck", "The trade agreement that the United States and Japan
# closed", "the truce agreed between Washington and Beijing": a deal's name, at most six words
# (its makers) and the verb that made it
# ("the agreement between the United Kingdom and India, announced this afternoon": its makers, then
# the verb after a comma)
_DEAL_NAMED = re.compile(
    rf"{alternation(DEAL_NOUNS)}\b((?:\s+[\w.'’-]+){{0,6}}?),?\s+{alternation(DEAL_NAMING_VERBS)}\b", re.I
)
# every name of a deal opens with one of its nouns: the pattern is tried only where one stands
_DEALS_NAMED = Openers(_DEAL_NAMED, DEAL_NOUNS, on_lower=True)  # where a name stands is all that is read
_NOT_MADE = re.compile(rf"\b{alternation(NOT_MADE_WORDS)}\b", re.I)
# what may stand between the verb and its makers: "struck on Tuesday with", "agreed in July between"
_MAKERS_AFTER = re.compile(rf"(?:\s+(?:on|in|at|last|this)\s+[\w.]+)*\s+{alternation(MAKER_LINKS)}\s+", re.I)
# how far after "with", "between" or "by" the makers may be named ("between the United States and Japan")
_MAKERS_REACH = 45
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")


def _made_by_the_sides(article: Article, position: int) -> int | None:
    """Where the name of a deal at ``position`` ends, when what follows it names the sides as
    the deal's makers: the words for both sides or every side ("the tariff agreement the two
    sides struck in July", "the truce agreed between Washington and Beijing", "the deal the
    President announced with Tokyo"), or one side it was made with ("the framework agreed with
    Japan", the other side being the maker). Not a deal not made ("the deal the two sides have
    not signed", "the accord both sides hope to conclude"), nor one with another country."""
    text = article.text
    named = _DEAL_NAMED.match(text, position)
    if named is None or _NOT_MADE.search(named.group(1)):
        return None
    sentence = article.sentences[article.sentence_index(position)]
    end = named.end()
    makers = _MAKERS_AFTER.match(text, end)
    if makers is not None:
        end = min(sentence.end, makers.end() + _MAKERS_REACH)
    start = named.start(1)
    if mentions_other_country(article, start, end):
        return None
    if _the_pair_before(article, sentence, position) and not _A_MONTH_AFTER.match(text, named.end()):
        # "the India–UK Free Trade Agreement concluded", not one recalled by its day ("the Korea–U.S.
        # tariff agreement reached on July 30")
        return start
    sides = set(article.profile.sides)
    if article.has(_BOTH_SIDES, start, end) or article.sides_named(start, end) >= sides:
        return start
    marks = [m for m in article.sides.within(start, end)] + [
        m for m in article.people.within(start, end) if article.side_of(m.value) is not None
    ]
    with_a_side = any(_WITH_BEFORE.search(text, max(start, m.start - 12), m.start) for m in marks)
    return start if with_a_side else None


# the words of a deal's name between the pair of sides and its noun: "India–UK Comprehensive
# Economic and Trade Agreement", "US-Japan trade deal"
_NAME_WORDS_BEFORE = re.compile(r"(?:\s+[\w'’]+){0,5}\s+$")


# "reached on July 30", "signed in May": a deal made on a day or in a month named after its verb
_A_MONTH_AFTER = re.compile(rf"\s+(?:on|in)\s+(?:\w+\s+)?{MONTH}(?!\w)")


def _the_pair_before(article: Article, sentence: Sentence, position: int) -> bool:
    """Whether the deal's name at ``position`` opens with the pair of sides that made it ("the
    India–UK Free Trade Agreement", "the US-Japan trade deal"): each side named, joined by a dash or
    a slash, a few words of the name before its noun."""
    pairs = [
        m
        for m in article.sides.within(max(sentence.start, position - 60), position)
        if _paired(article, m) and _NAME_WORDS_BEFORE.fullmatch(article.text, m.end, position)
    ]
    return bool(pairs)


def _paired(article: Article, side: Mention) -> bool:
    """Whether a side is named right after the other, joined by a dash or a slash ("US-China",
    "India–UK")."""
    text = article.text
    if side.start == 0 or text[side.start - 1] not in "-–/":
        return False
    return any(
        m.end == side.start - 1 and m.value != side.value for m in article.sides.within(max(0, side.start - 40), side.start)
    )


# "the July agreement", "the July 22 trade deal", "the May 12, 2025 framework": a deal named by the
# day or month it was made, a few words of its name between
_DATED_BEFORE = re.compile(rf"\b(?i:{alternation(DEAL_TERMS_PREPOSITIONS)})\s+[Tt]he\s+{MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?\s+(?:[\w-]+\s+){{0,2}}$")
# how far before a deal's word its day may be named
_DATED_REACH = 45


def _dated_deals(article: Article) -> list[tuple[int, int]]:
    """Where a deal is named by the day or month it was made ("Under the July agreement, the tariff
    falls to 15%", "the July 22 deal"): a deal with a day of its own is one made, not one hoped for.
    Its words are read as the stance's, the filters of the deal's words deciding whose deal it is."""
    found = article.memo.get(_DATED_DEALS)
    if isinstance(found, list):
        return found
    text = article.text
    found = article.memo[_DATED_DEALS] = [
        (dated.start(), e)
        for s, e in article.hits(_DATED_DEAL).spans
        if (dated := _DATED_BEFORE.search(text, max(0, s - _DATED_REACH), s)) is not None
        and not _in_a_sentence_of_another_country(article, s)
    ]
    return found


_DATED_DEALS = "positions.dated_deals"
#: the names of a deal made ("the July agreement"), not of its figures or terms ("the April rates")
_DATED_DEAL = Phrases([word for word in DEAL_DOCUMENTS if word not in ORDER_DOCUMENTS], shared=True)


def _in_a_sentence_of_another_country(article: Article, position: int) -> bool:
    """Whether the sentence of a dated deal names another country ("the May truce's 30%" in a
    story that compares China's rate): its deal may be that country's, not the sides'."""
    sentence = article.sentences[article.sentence_index(position)]
    return mentions_other_country(article, sentence.start, sentence.end)


def _deals_made_by_the_sides(article: Article) -> list[tuple[int, int]]:
    """Where a deal is named with the sides as its makers (``_made_by_the_sides``), worked out
    once per story: the agreed stance of every issue asks, and so does `_tells_of_a_deal`."""
    memo = article.memo.get(_DEALS_MADE)
    if memo is not None:
        return memo  # type: ignore[return-value]
    found: list[tuple[int, int]] = []
    for deal in _DEALS_NAMED.finditer(article.text, article.lower):
        end = _made_by_the_sides(article, deal.start())
        if end is not None:
            found.append((deal.start(), end))
    article.memo[_DEALS_MADE] = found
    return found


_DEALS_MADE = "positions.deals_made_by_the_sides"


def _a_deal_of_both(article: Article, sentence: Sentence, position: int) -> bool:
    """Whether the stance at ``position`` is a deal's term that binds the side whoever is named:
    agreed by both ("the two sides had reached a preliminary consensus", "the US and China
    agreed to cut tariffs"), or an agreement said of the other side ("China agreed to pause its
    export controls" is the US stance on them too)."""
    if _AGREED_BEFORE.match(article.text, position) and _sides_together_before(article, sentence, position):
        return True
    if _made_by_the_sides(article, position) is not None or any(s == position for s, _ in _dated_deals(article)):
        return True
    if _we_made_a_deal(article, sentence, position):
        return True
    agreed = _AGREEMENT_OPENING.match(article.text, position) or _AGREED_BEFORE.search(
        article.text, sentence.start, position
    )
    if not agreed:
        return False  # "the two sides plan to lower tariffs" is no deal
    return article.has(_BOTH_SIDES, sentence.start, position) or (
        bool(_AGREEMENT_OPENING.match(article.text, position)) and bool(article.sides_named(sentence.start, position))
    )


# "a final deal on TikTok", "a framework consensus on properly resolving issues related to TikTok"
_ON_SOMETHING = re.compile(r"(?:\s+\w+)?\s+(?:on|over|about|regarding)\s")
# how far after "on" the other topic may be named
_ON_REACH = 60


def _a_deal_of_its_own(article: Article, start: int, end: int) -> bool:
    """Whether the clause names a deal of this negotiation: not one with another country ("agreed
    to a framework with Britain"), nor one said to be on another of the profile's topics ("a final
    deal on TikTok"), while "reached agreement on the following points" is a deal."""
    if mentions_other_country(article, start, end):
        return False
    for _, deal_end in article.hits(_DEAL).within(start, end):
        on = _ON_SOMETHING.match(article.text, deal_end)
        if on is None:
            return True
        reach = min(end, on.end() + _ON_REACH)
        if not any(article.hits(words).within(on.end(), reach) for words in article.profile.topics.values()):
            return True
    return False


def _own_tariff(article: Article, side: str, start: int, end: int, floor: int) -> bool:
    """Whether the words at text[start:end] name the side's own tariffs: its name as owner just
    before ("China's retaliatory tariffs"), a sector the side imposes next to them ("its 125%
    counter-tariffs"), or the other side's goods right after ("tariffs on U.S. goods")."""
    profile = article.profile
    before = max(floor, start - _OWNER_BEFORE)
    owners = [m for m in article.sides.within(before, start) if m.end <= start]
    if owners and owners[-1].value == side and _POSSESSIVE_AFTER.match(article.text, owners[-1].end):
        return True
    for sector, phrases in profile.sectors.items():
        if profile.imposer_of(sector) == side and article.hits(phrases).within(before, end + _OWNER_BEFORE):
            return True
    on_goods = _ON_GOODS_OF.match(article.text, end)
    if on_goods is None:
        return False
    goods = [m for m in article.sides.within(on_goods.end(), on_goods.end() + 12) if m.start == on_goods.end()]
    return bool(goods) and goods[0].value != side


def _about_spans(article: Article, issue: Issue, start: int, end: int) -> list[tuple[int, int]]:
    """Where the clause names what the issue is about, the side's own tariffs left out (only a
    tariff can be one: "Russian crude", which a sector of the side's tariffs also names, is not),
    and any measure the side itself brought in ("the US will ease some of the export controls it
    imposed in May": what the US seeks of China's controls is not what it does with its own)."""
    spans = [
        (s, e)
        for s, e in article.hits(issue.about).within(start, end)
        if not (
            _ITS_OWN_MEASURE.match(article.text, e) and _last_side_before(article, start, s) == issue.side
        )
    ]
    if not article.profile.sector_imposers and article.profile.tariffs_imposed_by != issue.side:
        return spans  # every tariff is the other side's: none is the side's own
    return [
        (s, e)
        for s, e in spans
        if not (_A_TARIFF.fullmatch(article.text, s, e) and _own_tariff(article, issue.side, s, e, start))
    ]


# "the export controls it imposed", "the export control measures it had introduced": a measure
# brought in by "it", the side named last before it
_ITS_OWN_MEASURE = re.compile(
    rf"(?:\s+[\w-]+)?\s+(?:that\s+|which\s+)?it\s+(?:had\s+|has\s+)?{alternation(OWN_MEASURE_VERBS)}\b"
)
# "would delay for one year the ...": a span of time right after a phrase, which its words may stand beyond
_A_TIME_SPAN = re.compile(rf"\s+{TIME_SPAN}", re.I)
_A_TARIFF = re.compile(rf"(?:\w+\s+)*{alternation(TARIFF_NOUNS)}", re.I)


def _about_the_issue(
    article: Article, about: list[tuple[int, int]], position: int, phrase_end: int, start: int, end: int
) -> bool:
    """Whether a removal word at ``position`` removes a tariff: one stands near it in the clause
    (``start``, ``end``), or anywhere before it when it is said in the passive ("that the
    additional tariffs, including ..., be dropped"), and no rate follows it as where the tariff goes."""
    # "Tokyo wants the 25% tariff on automobiles and the 24% reciprocal rate ... removed altogether",
    # "the auto tariffs, which Japan wants eliminated": what is wanted removed stands before, as in
    # the passive
    wanted = article.hits(_WANTS).within(start, position)
    passive = wanted or _PASSIVE_BEFORE.search(article.text, max(start, position - 8), position)
    # ", removing a major source of uncertainty": a participle after a comma removes what follows it
    after_comma = article.text[max(start, position - 2) : position].rstrip().endswith(",")
    near = start if passive else position if after_comma else max(start, position - _NEAR_TARIFF)
    span_of_time = _A_TIME_SPAN.match(article.text, phrase_end)
    spanned = len(span_of_time.group()) if span_of_time else 0
    stop = min(end, position + _NEAR_TARIFF + spanned)
    # what the phrase acts on may open as far after it ("seeking the elimination of the whole series
    # of additional US tariff measures", "will suspend the global implementation of the new export controls")
    opens_by = phrase_end + _OBJECT_OPENS + spanned
    if not any(near <= s and (e <= stop or s <= opens_by) and e <= end for s, e in about):
        return False
    word_end = article.text.find(" ", position, end)
    return word_end < 0 or not _TO_A_RATE.match(article.text, word_end, end)


# "..., and for the 25% rate to be brought down", "..., and why Koo has asked for a currency swap":
# "and" opening a demand of its own, with its own word of wanting or the "for" of the one before
_AND = re.compile(r"\band\s+(for\b)?")


def _demands(article: Article, hits: list[tuple[int, str, int]]) -> list[list[tuple[int, str, int]]]:
    """The clause's stance mentions (start, stance, end) in groups, one group per demand: a
    clause gives one stance per demand, the first of the profile's order that holds ("a cut
    rather than removal" is one demand), and a demand joined by "and" with a word of wanting of
    its own, or with the "for" of the one before, is another ("India pressed for the removal of
    the penalty tariff, and for the reciprocal rate to be brought down")."""
    groups: list[list[tuple[int, str, int]]] = []
    for hit in hits:
        if groups and not _another_demand(article, groups[-1][-1][2], hit[0]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _another_demand(article: Article, start: int, end: int) -> bool:
    """Whether text[start:end], between two stance mentions, opens a demand of its own."""
    for joined in _AND.finditer(article.text, start, end):
        if joined.group(1) or article.hits(_WANTS).within(joined.end(), end):
            return True
    return False


_ALTERNATIVE = re.compile(rf"\b{alternation(ALTERNATIVES)}\b", re.I)


def _apart(
    article: Article, demand: list[tuple[int, str, int]], lexical: set[tuple[int, int]]
) -> list[list[tuple[int, str, int]]]:
    """The demand, with each reduction found in the lexicon's words (``lexical``) made a demand
    of its own, unless it is set against one of the profile's stances of the demand as its
    alternative: "wants the rate cut and not stacked on MFN duties" is two demands, "seeks a cut
    in the tariffs rather than their removal" one, of the profile's stance."""
    own = [h for h in demand if (h[0], h[2]) not in lexical]
    if not own:
        return [demand]
    apart: list[list[tuple[int, str, int]]] = [own]
    for hit in demand:
        if (hit[0], hit[2]) not in lexical:
            continue
        if not any(_ALTERNATIVE.search(article.text, min(hit[2], o[2]), max(hit[0], o[0])) for o in own):
            apart.append([hit])
    return apart


def _holds(
    article: Article,
    issue: Issue,
    stance: Stance,
    sentence: Sentence,
    clause: tuple[int, int],
    about: list[tuple[int, int]],
    position: int,
    phrase_end: int,
) -> bool:
    """Whether the stance mentioned at text[position:phrase_end] is the issue side's current stance."""
    side = issue.side
    start, end = clause
    if stance.needs != "deal" and not about:
        return False
    if _NEGATED.search(article.text[start:position]) or _WHETHER.search(article.text, start, position):
        return False  # "will not accept", "whether to extend the truce": no stance taken
    frame = _TOPIC_FRAME.search(article.text, start, position) if stance.id != AGREED else None
    if frame is not None and not article.hits(_WANTS).within(frame.start(), position):
        return False  # "the rounds focused on rare earths and extending the pause": a topic of the talks
    if stance.id in _DEMANDED_OF_THE_OTHER and actor_of_act(article, sentence, position, phrase_end) == side:
        return False  # "the US would lift curbs on chip software": the side's own act, no demand of the other
    if stance.id == AGREED and stance.general_words and _tells_of_a_deal(article):
        if is_a_term_of_one_side(article, issue, sentence, about, position, phrase_end):
            return True  # "China will suspend the export controls": a deal's term, the US deal on them
        if not article.has(_WANTS, start, position) and is_a_term_on_the_measure(article, about, start, position, phrase_end):
            return True  # "the tariff on Japanese cars will be lowered to 15%": a deal's term on it
        if _only_a_term_act(article, stance, position, phrase_end):
            return False  # an act read only as a term of one side, which it is not here
    if stance.needs == "near" and not _about_the_issue(article, about, position, phrase_end, start, end):
        return False
    return (
        _names_the_party(article, side, sentence.start, position)
        or _it_is_the_side(article, sentence, side)
        or (article.has(_WANTS, start, end) and _names_the_party(article, side, sentence.start, sentence.end))
        or (article.has(_AIMED, start, end) and _both_sides_before(article, sentence, position))
        or _we_are_the_side(article, sentence, position, side)
        or _the_sides_body(article, sentence, position, side)
        or _a_deal_of_both(article, sentence, position)
        or _asked_of_the_other(article, sentence, start, position, side)
        or side in _spoken_by(article, sentence, position)
    )


def _a_mention_holds(
    article: Article,
    issue: Issue,
    stance: Stance,
    sentence: Sentence,
    clause: tuple[int, int],
    about: list[tuple[int, int]],
    demand: list[tuple[int, str, int]],
) -> bool:
    """Whether the stance's first mention in the demand holds (`_holds`). An act read only as a
    possible term of the deal ("halve", "will be lowered"), which is none where it stands, is no
    mention of the stance at all: the stance's next mention is tried then ("Trump agreed to halve
    the fentanyl tariff, and China agreed to pause its export restrictions": the pause is the US
    deal on China's controls though the halving is no term on them)."""
    for position, _, phrase_end in (h for h in demand if h[1] == stance.id):
        if _holds(article, issue, stance, sentence, clause, about, position, phrase_end):
            return True
        if not _only_a_term_act(article, stance, position, phrase_end) and not _far_from_the_issue(
            article, stance, clause, about, position, phrase_end
        ):
            return False
    return False


def _far_from_the_issue(
    article: Article, stance: Stance, clause: tuple[int, int], about: list[tuple[int, int]], position: int, phrase_end: int
) -> bool:
    """Whether the mention at text[position:phrase_end] of a stance that must stand near what the
    issue is about stands near none of it: no mention of the stance on the issue ("The two sides
    agreed on a framework to implement the Geneva consensus: Beijing was to resume approving
    export licences" is a deal on the licences by its term, not by "agreed on a framework")."""
    return stance.needs == "near" and not _about_the_issue(article, about, position, phrase_end, *clause)


def _only_a_term_act(article: Article, stance: Stance, position: int, phrase_end: int) -> bool:
    """Whether text[position:phrase_end] is read as the stance only as an act a deal's term may
    state, not in the stance's own phrases."""
    return (
        stance.id == AGREED
        and (position, phrase_end) in term_acts(article)
        and (position, phrase_end) not in article.hits(stance.phrases).spans
    )


# "press Washington to", "wants Beijing to", "urged Tokyo to": the side asked, right after a wish
_ASKED_BEFORE = re.compile(rf"\b{alternation(_WANT_WORDS)}\s+(?:the\s+)?$", re.I)


def _names_the_party(article: Article, side: str, start: int, position: int) -> bool:
    """Whether text[start:position] names the side (or one of its people) as one who may want: not
    only as the one asked ("Chinese negotiators will press Washington to ease export controls" is
    no stance of Washington's)."""
    if not article.names_side(side, start, position):
        return False
    text = article.text
    for m in article.sides.within(start, position):
        if m.value == side and m.end <= position and not _ASKED_BEFORE.search(text, max(start, m.start - 20), m.start):
            return True
    return any(
        article.side_of(m.value) == side and m.end <= position for m in article.people.within(start, position)
    )


# the stance ids that are by their words a demand of the other side ("removal" of its measure, a
# "reduction" of it): the issue side's own act of removing or cutting is never one (unlike an offer)
_DEMANDED_OF_THE_OTHER = frozenset({"removal", "reduction"})


def _both_sides_before(article: Article, sentence: Sentence, position: int) -> bool:
    """ "Both sides will push for an extension of the pause", "both ministers still aim to conclude
    the talks by the end of the year": what both sides want or aim at, each side wants."""
    return any(e <= position for _, e in article.hits(_BOTH_SIDES).within(sentence.start, position))


# the lexicon's English of the stance ids every profile may use ("agreed"), read with a stance's own phrases
AGREED = "agreed"  # the stance id of a deal made, whose terms the sides' joint agreeing states
_STANCE_WORDS = {stance_id: Phrases(list(words), shared=True) for stance_id, words in STANCE_WORDS.items()}


def _stance_hits(article: Article, issue: Issue, stance: Stance) -> Hits:
    """Where the stance is said: its profile phrases, and the lexicon's words for its id, unless
    these deny the deal ("no agreement had been reached"), or say it is with another country
    ("signed the framework deal with the U.K."), on another of the profile's topics ("reached a
    framework deal on TikTok") or on how to talk ("agreed on a framework for the negotiations")."""
    own = article.hits(stance.phrases)
    words = _STANCE_WORDS.get(stance.id) if stance.general_words else None
    extra = article.hits(words).spans if words is not None else []
    if stance.id == AGREED and stance.general_words:  # a deal named with its makers, the sides, or by its day
        extra = [*extra, *_deals_made_by_the_sides(article), *_dated_deals(article)]
    extra = [
        (s, e)
        for s, e in extra
        if not _NO_BEFORE.search(article.text, max(0, s - 12), s)
        and not _on_another_matter(article, issue, e)
        and not _with_another(article, e)
        and not _FOR_TALKS.match(article.text, e)
    ]
    if (
        stance.id == AGREED and stance.general_words
    ):  # the sides' agreeing to act on the issue's object: its words follow it
        extra += [
            (s, e)
            for s, e in _joint_agreements(
                article, issue, [article.hits(o.phrases) for o in issue.stances if o.id != AGREED]
            )
            if not mentions_other_country(article, s, e)
        ]
    if stance.id == AGREED and stance.general_words and _tells_of_a_deal(article):
        extra += term_acts(article)  # a deal's terms stated one side at a time
    if not extra:
        return own
    return Hits(sorted({*own.spans, *extra}))


def _tells_of_a_deal(article: Article) -> bool:
    """Whether the story tells of a deal made by the sides: the lexicon's words for one made
    ("the two countries signed the trade pact"), one named with the sides as its makers, or
    terms written "under" one (worked out once per story)."""
    told = article.memo.get(_TELLS_OF_A_DEAL)
    if isinstance(told, bool):
        return told
    made = [
        (s, e)
        for s, e in article.hits(_STANCE_WORDS[AGREED]).spans
        if not _NO_BEFORE.search(article.text, max(0, s - 12), s)
    ]
    told = article.memo[_TELLS_OF_A_DEAL] = tells_of_a_deal(article, made or _deals_made_by_the_sides(article))
    return told


_TELLS_OF_A_DEAL = "positions.tells_of_a_deal"


# "agreed on a framework for the negotiations": a deal on how to talk, not on the issue
_FOR_TALKS = re.compile(rf"\s+for\s+(?:the\s+|further\s+|more\s+)?{alternation(TALKS_WORDS)}\b", re.I)
# "no agreement had been reached", "without a deal being signed"
_NO_BEFORE = re.compile(r"\b(?:no|without)\s+$", re.I)
# how far after a deal's words the other country it is with may stand ("the deal with the U.K.")
_WITH_REACH = 25
_WITH = re.compile(r"\s+with\s")


def _with_another(article: Article, end: int) -> bool:
    """Whether the deal named just before ``end`` is with another than the sides: another country
    ("the framework deal with the U.K."), or a party of neither side ("signed a national security
    agreement with the Treasury" is a company's deal, not the talks')."""
    reach = end + _WITH_REACH
    if mentions_other_country(article, end, reach):
        return True
    with_ = _WITH.match(article.text, end)
    return with_ is not None and not (
        article.sides.within(with_.end(), reach) or article.people.within(with_.end(), reach)
    )


# what may follow a deal's words before what it is on: 'a framework deal on', 'a "basic framework consensus" on'
_DEAL_ON = re.compile(r"(?:\s+[\w\"'“”‘’-]+){0,2}?\s+(?:on|over|about|regarding)\s")

_DOING = re.compile(r"\w+ing\b")


def _on_another_matter(article: Article, issue: Issue, end: int) -> bool:
    """Whether the deal named just before ``end`` is said to be on another of the profile's
    topics than what the issue is about, or on something to do ("a deal on TikTok", "a consensus
    on resolving the issues", not "a deal on tariffs" nor "a deal on Monday")."""
    on = _DEAL_ON.match(article.text, end)
    if on is None:
        return False
    reach = on.end() + _ON_REACH
    if article.hits(issue.about).within(on.end(), reach):
        return False
    if _DOING.match(article.text, on.end()):
        return True  # "a consensus on resolving issues related to ..."
    return any(article.hits(words).within(on.end(), reach) for words in article.profile.topics.values())


REDUCTION = "reduction"  # the stance id of a lower rate sought, which the lexicon's words of reducing state too
_REDUCTION_WORDS = Phrases(list(REDUCTION_WORDS), shared=True)
_AIMED = Phrases([*_WANT_WORDS, *AIM_WORDS], shared=True)


def _last_side_before(article: Article, start: int, position: int) -> str | None:
    """The side named last in text[start:position], by name or by one of its people."""
    marks = [(m.start, m.value) for m in article.sides.within(start, position) if m.end <= position]
    marks += [
        (m.start, side)
        for m in article.people.within(start, position)
        if m.end <= position and (side := article.side_of(m.value)) is not None
    ]
    return max(marks)[1] if marks else None


def _sought_reductions(
    article: Article, issue: Issue, sentence: Sentence, clause: tuple[int, int], about: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where the clause says a reduction of what the issue is about is sought, in the lexicon's
    words rather than the profile's: a word of reducing ("cut", "lower", "a reduction of", "bring
    down") after a word of wanting or aiming in the clause ("Taipei wants the rate cut", "is
    pressing for a rate lower than 32%", "has asked the US to cut the rate", "the objective
    remains to obtain a reduction of the tariffs"), with the issue's words between the two or
    just after the reduction. Wanted by another side than the issue's ("Washington wants Beijing
    to cut its tariffs") it is no stance of the issue's side."""
    start, end = clause
    aims = article.hits(_AIMED).within(start, end)
    if not aims:
        return []
    found: list[tuple[int, int]] = []
    for cut_start, cut_end in article.hits(_REDUCTION_WORDS).within(start, end):
        before = [a for a in aims if a[1] <= cut_start]
        if not before:
            continue
        aim_start = before[0][0]
        if _last_side_before(article, sentence.start, aim_start) not in (None, issue.side):
            continue
        reach = min(end, cut_end + _NEAR_TARIFF)
        if any(aim_start <= s and e <= reach for s, e in about):
            found.append((cut_start, cut_end))
    return found


# asked only of a stance clause that names nothing the issue is about, after a sentence that does;
# its phrases open with "the", found in every sentence: scanned only in an article that asks
_REFERRING_BACK = Phrases(list(REFERRING_BACK), on_demand=True)


def _referred_back(article: Article, issue: Issue, sentence: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """Where a clause that does not name what the issue is about refers back to it, named in the
    sentence just before ("China tightened its rare-earth export controls. Washington wants the
    curbs lifted."): its words of referring back ("the curbs", "these measures", "them")."""
    if sentence.index == 0:
        return []
    before = article.sentences[sentence.index - 1]
    if before.paragraph != sentence.paragraph and before.paragraph != sentence.paragraph - 1:
        return []
    if not _about_spans(article, issue, before.start, before.end):
        return []
    return article.hits(_REFERRING_BACK).within(start, end)


# an exemption sought or granted ("sought an exemption for cars", "asked Washington to exempt its chips")
_EXEMPTION = Phrases(list(EXEMPTION_TERMS), shared=True)
# a truce or pause, which suspends the tariffs: on an issue about tariffs it names them
_TRUCE = Phrases(list(TRUCE_WORDS), shared=True)


# "exempting U.S. companies from local content requirements": an exemption from what the clause names
_FROM = re.compile(r"\bfrom\s")


def _on_tariffs(issue: Issue) -> bool:
    """Whether the issue is about tariffs: its words find a tariff noun. An exemption sought on
    such an issue names the tariff it is from, said or not ("Manila keeps seeking exemptions for its
    coconut oil" is about the tariffs); on another issue (export controls) it names nothing."""
    return any(issue.about.spans(word) for word in TARIFF_SAMPLES)


def find_positions(article: Article, skip_paragraphs: set[int]) -> list[Position]:
    """Each issue's current stances, in the profile's order of issues."""
    found: list[Position] = []
    for issue in article.profile.issues:
        found += _positions_on(article, issue, skip_paragraphs)
    return found


def _positions_on(article: Article, issue: Issue, skip_paragraphs: set[int]) -> list[Position]:
    side = issue.side
    found: dict[str, Position] = {}
    stance_hits = {stance.id: _stance_hits(article, issue, stance) for stance in issue.stances}
    with_stance = set().union(*(article.sentences_holding(stance.phrases) for stance in issue.stances))
    with_stance |= set().union(
        *(
            article.sentences_holding(_STANCE_WORDS[s.id])
            for s in issue.stances
            if s.id in _STANCE_WORDS and s.general_words
        )
    )
    with_stance |= {article.sentence_index(s) for s, _ in stance_hits.get(AGREED, Hits([])).spans}
    reduces = any(stance.id == REDUCTION and stance.general_words for stance in issue.stances)
    on_tariffs = _on_tariffs(issue)
    if reduces:
        with_stance |= article.sentences_holding(_REDUCTION_WORDS)
    for sentence in article.sentences:
        if sentence.index not in with_stance or sentence.paragraph in skip_paragraphs:
            continue
        if article.in_sentence(SPECULATION, sentence) or article.in_sentence(HEARSAY, sentence) or is_question(sentence.text):
            continue
        for start, end in article.clauses_of(sentence):
            about = _about_spans(article, issue, start, end) or _referred_back(article, issue, sentence, start, end)
            if on_tariffs and not about:  # "still seeking exemptions for coconut oil": from the tariff
                about = [
                    (s, e) for s, e in article.hits(_EXEMPTION).within(start, end) if not _FROM.search(article.text, e, end)
                ]
            if on_tariffs and not about and not mentions_other_country(article, start, end):
                about = article.hits(_TRUCE).within(start, end)  # "wants an extension of the truce": of its tariffs
            if not about and not _a_deal_of_its_own(article, start, end):
                continue
            spans = [
                (s, e, stance.id) for stance in issue.stances for s, e in stance_hits[stance.id].within(start, end)
            ]
            # the lexicon's words of a sought reduction, where the profile's phrases say no stance
            # of the same demand (they are read first: "seeks removal rather than a cut" stays a removal)
            lexical = (
                {
                    span
                    for span in _sought_reductions(article, issue, sentence, (start, end), about)
                    if (*span, REDUCTION) not in spans
                }
                if reduces
                else set()
            )
            spans += [(s, e, REDUCTION) for s, e in lexical]
            # "full removal" and the "removal" inside it are one mention
            spans = [
                a for a in spans if not any(b[0] <= a[0] and a[1] <= b[1] and b[1] - b[0] > a[1] - a[0] for b in spans)
            ]
            hits = sorted((s, stance, e) for s, e, stance in spans)
            # "a shift from its earlier insistence on removal": the stance right after an
            # earlier-marker is a past one, and so is any later mention of it in the clause ("no
            # longer insists on their removal, a demand it dropped in June"); the others are current.
            # The marker's own words are no stance: in "Dropping Its Demand for Full Removal" the
            # stance after it is the removal, not the "dropping".
            stale = set()
            cues = article.hits(EARLIER).within(start, end) + [
                (s, e)
                for s, e in article.hits(_HAD_WANTED).within(start, end)
                if not _said_before(article, sentence, s)
            ]
            for cue_start, cue_end in cues:
                stale |= {h for h in hits if cue_start <= h[0] < cue_end}
                later = [h for h in hits if h[0] >= cue_end]
                if later:
                    stale |= {h for h in later if h[1] == later[0][1]}
            current = [h for h in hits if h not in stale]
            for demand in [d for group in _demands(article, current) for d in _apart(article, group, lexical)]:
                for stance in issue.stances:
                    if not _a_mention_holds(article, issue, stance, sentence, (start, end), about, demand):
                        continue
                    if stance.id not in found:
                        found[stance.id] = Position(side, issue.id, stance.id, sentence.text)
                    break
    return list(found.values())
