"""A deal's terms stated one side at a time.

A deal binds both sides, and a story that reports one often lists what each side does under it,
one side at a time, without the words of an agreement: "the US will lower the fentanyl tariff to
10%", "China suspends for a year the rare-earth export controls it announced on October 9",
"Washington halves its fentanyl tariff". What one side does to its own measure there is a term
of the deal on that measure, so it is the deal stance ("agreed") of the other side's issue about
the measure: China's on the US tariffs, the United States' on China's export controls.

Read only in a story that tells of a deal made by the sides (a deal named as made, or a term said
to be "under" the deal): without one, "the US will cut the tariff" is a plan or a threat, not a
term. The actor must be the other side than the issue's (named, one of its people, or "it"/"he"
standing for it), the subject of the act ("Washington wants Beijing to lift the controls" is a
demand, not a term), and the measure acted on must follow the act closely.
"""

from __future__ import annotations

import re

from bot.extract.article import Article
from bot.extract.lexicon import (
    DEAL_DOCUMENTS,
    TERM_ACT_GAP,
    TERM_ACT_PARTICIPLES,
    TERM_ACT_PASSIVES,
    TERM_ACT_PRESENT_PASSIVES,
    TERM_ACT_RATES,
    TERM_ACTS,
    TERM_FALLS,
    TERM_MODALS,
    TERM_PROMISES,
    TERM_REPORTED_MODALS,
    TIME_SPAN,
    alternation,
)
from bot.extract.phrases import Phrases
from bot.extract.profile import Issue
from bot.extract.scope import mentions_other_country
from bot.extract.text import Sentence

ACTS = Phrases(list(TERM_ACTS), shared=True)
# "- US: to remove some of the export controls": a fact sheet's line, the side, a colon and "to"
# before its act, which is a term as a modal's is
_LINES_TERM = r":\s+to"
# what may stand between the actor and its act: "the U.S. side will", "Beijing, in turn, will also"
# (searched from the sentence's start to the act: every match opens with a space, a comma or a colon, and the
# look-ahead saying so lets every other character fail at once, instead of the engine setting up the
# groups and the repeat at each)
_GAP = re.compile(
    rf"(?=[\s,:])(?:\s+side)?(?:{_LINES_TERM})?(?:\s*,\s*(?:in turn|in return|for its part|correspondingly)\s*,)?"
    rf"(?:\s+{alternation(TERM_ACT_GAP)})*\s+$",
    re.I,
)
_MODAL = re.compile(rf"\b{alternation((*TERM_MODALS, *TERM_PROMISES, *TERM_REPORTED_MODALS))}\b|{_LINES_TERM}\b", re.I)
_UNDER_WAY = re.compile(r"\b(?:is|are)\s+$", re.I)  # "he is cutting": an act under way
# "it", "he", "they": the actor named last before it in the sentence
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|he|she)$", re.I)
# how far after the act the measure it acts on may start ("will suspend the global implementation
# of the expansive new rare earth export controls")
_OBJECT_REACH = 70
# what the act's object opens with: a determiner ("cut its tariff", "suspend the controls"), after a
# span of time if any ("suspends for a year the export controls"); never a preposition ("drops in on")
_OBJECT = re.compile(
    rf"(?:\s+{TIME_SPAN})?\s+(?:the|its|their|his|her|all|most|some|those|these|both)\b", re.I
)
# what may stand before an object named with no determiner: a span of time, then a space
_BARE_OBJECT = re.compile(rf"(?:\s+{TIME_SPAN})?\s+", re.I)
# the acts of a deal said of the measure they are done to, its subject: "will be lowered", "is
# halved to 10%", "would be suspended", "fall to 15%", "comes down to 15%"
MEASURE_TERMS = Phrases(
    [
        rf"{alternation(TERM_ACT_PASSIVES)} (?:(?:[a-z]+ly|also|now|then|further) )?{alternation(TERM_ACT_PARTICIPLES)}",
        rf"{alternation(TERM_ACT_PRESENT_PASSIVES)} (?:(?:[a-z]+ly|also|now|then|further) )?"
        rf"{alternation(TERM_ACT_PARTICIPLES)} {alternation(TERM_ACT_RATES)}",
        rf"{alternation(TERM_FALLS)} {alternation(TERM_ACT_RATES)}",
    ],
    shared=True,
)
# how far before such an act the measure, its subject, may end ("the tariff on Japanese passenger
# vehicles and auto parts will fall to 15%")
_SUBJECT_REACH = 80
# "the share of exports covered by the surcharge": a measure named as an agent, in the subject but
# not its head, and how far before the measure's words its "by" may stand
_BY_BEFORE = re.compile(r"\bby\s+(?:[\w%.'’-]+\s+){0,3}$", re.I)
_BY_REACH = 40
# a deal's document named with a determiner ("the order", "this agreement")
# (on demand: it is asked only of "it" opening a sentence with an act, and its phrases open with
# "the", a key at which the shared scan would run its regex at nearly every sentence of every story)
_DOCUMENTS = Phrases([rf"(?:the|this|that) (?:[\w-]+ ){{0,2}}{alternation(DEAL_DOCUMENTS)}"], on_demand=True)
# "agreed to", "truce": words that tell of a deal that exists, found by the article's scan
_A_DEAL_AGREED = Phrases([r"agreed (?:with|to|on)", "truce", "consensus"], shared=True)
# "under the framework", "Under the package": a term written into a deal that exists. These open
# with "the", "of" or "in" and run a regex at nearly every sentence of a story, so they are looked
# for only in a story in which nothing else tells of a deal (on demand)
_UNDER_A_DEAL = Phrases(
    [rf"(?:under|of|in) (?:the|this|that|its|their) (?:[\w-]+ ){{0,2}}{alternation(DEAL_DOCUMENTS)}",
     rf"(?:the|this|that) (?:[\w-]+ ){{0,2}}{alternation(DEAL_DOCUMENTS)} (?:was|were|is|has|had|says|sets)"],
    on_demand=True,
)  # fmt: skip


# the deal's own text as the subject of an act: "the order lowers the tariff", "The agreement, signed
# on Thursday, caps the tariffs" (a clause set off by commas may stand between it and its verb)
# (the look-ahead of the words' first letters lets the search leave every other character at once)
_DOCUMENT_BEFORE = re.compile(
    rf"(?=[ti])\b(?:the|this|that|its|their)\s+(?:[\w.'’-]+\s+){{0,2}}{alternation(DEAL_DOCUMENTS)}(?:\s*,[^,;:]{{0,60}},)?$",
    re.I,
)
# "It also lowers the tariff": the pronoun opening the sentence (after a word of sequence, "Second,")
_IT_OPENS = re.compile(r"\W*(?:(?:first|second|third|fourth|next|then|finally|also)\w*\s*,?\s+)?it$", re.I)
#: the actor of a term that is the deal itself (its document), not a side: binding both sides, its
#: act on a measure is the deal stance of the issue about that measure, whichever side's it is
THE_DEAL = ""


def _document_before(article: Article, sentence: Sentence, subject_end: int) -> bool:
    """Whether the subject ending at ``subject_end`` is a deal's document ("the executive order",
    "the agreement"), or "it" opening the sentence right after a sentence that names one ("The
    order does three things. Second, it lowers the tariff on Japanese cars")."""
    text = article.text
    if _DOCUMENT_BEFORE.search(text, max(sentence.start, subject_end - 120), subject_end):
        return True
    if sentence.index == 0 or not _IT_OPENS.match(text, sentence.start, subject_end):
        return False
    before = article.sentences[sentence.index - 1]
    return bool(article.hits(_DOCUMENTS).within(before.start, before.end))


def _actor_before(article: Article, sentence: Sentence, position: int) -> tuple[str, bool] | None:
    """The side that is the subject of the act at ``position``, and whether a modal stands
    between them: a side or one of its people named right before the act (with only the
    lexicon's gap words between), or a pronoun there standing for the side or person named last
    before it in the sentence; `THE_DEAL` when the subject is the deal's document."""
    text = article.text
    gap = _GAP.search(text, sentence.start, position)
    if gap is None:
        return None
    subject_end = gap.start()
    if _document_before(article, sentence, subject_end):
        return THE_DEAL, _MODAL.search(text, subject_end, position) is not None
    marks = [(m.end, m.value) for m in article.sides.within(sentence.start, subject_end) if m.end <= subject_end]
    marks += [
        (m.end, side)
        for m in article.people.within(sentence.start, subject_end)
        if m.end <= subject_end and (side := article.side_of(m.value)) is not None
    ]
    if not marks:
        return None
    end, side = max(marks)
    if end == subject_end or _PRONOUN_BEFORE.search(text, end, subject_end):
        return side, _MODAL.search(text, subject_end, position) is not None
    return None


def tells_of_a_deal(article: Article, deals: list[tuple[int, int]]) -> bool:
    """Whether the story tells of a deal made by the sides (``deals``: where one is named as made)
    or of terms written "under" one (looked for last: the costliest to find)."""
    return bool(deals) or bool(article.hits(_A_DEAL_AGREED).spans) or bool(article.hits(_UNDER_A_DEAL).spans)


def term_acts(article: Article) -> list[tuple[int, int]]:
    """Where an act a deal's term may state stands ("lower", "suspends", "halves"), also said of
    the measure itself ("will be lowered", "fall to 15%")."""
    return sorted({*article.hits(ACTS).spans, *article.hits(MEASURE_TERMS).spans})


def is_a_term_on_the_measure(
    article: Article, about: list[tuple[int, int]], start: int, position: int, phrase_end: int
) -> bool:
    """Whether text[position:phrase_end] is an act of a deal said of the measure itself, which is
    its subject, named just before it in the clause (from ``start``): "the tariff on Japanese
    cars will be lowered to 15%", "tariffs on Japanese cars and auto parts fall to 15% from
    27.5%", "the export controls would be suspended for a year". No side does the act: the deal
    does, which binds both, so it is the deal stance of the issue about the measure (the issue
    side's own measures are no part of what it is about). Not a measure named only as what
    covers the subject ("the share of exports covered by the surcharge falls to 22%"), nor a
    term of a deal with another country."""
    if not article.hits(MEASURE_TERMS).within(position, phrase_end):
        return False
    if mentions_other_country(article, start, position):
        return False  # "under the India–UK agreement, the duty on whisky falls": another deal's term
    text = article.text
    return any(
        start <= s
        and e <= position
        and position - e <= _SUBJECT_REACH
        and not _BY_BEFORE.search(text, max(start, s - _BY_REACH), s)
        for s, e in about
    )


def actor_of_act(article: Article, sentence: Sentence, position: int, phrase_end: int) -> str | None:
    """The side that does the act in text[position:phrase_end], named as its subject ("the US
    would ease some of its export controls": the United States), if the phrase holds an act."""
    acts = article.hits(ACTS).within(position, phrase_end)
    if not acts:
        return None
    actor = _actor_before(article, sentence, acts[0][0])
    return actor[0] if actor is not None else None


def is_a_term_of_one_side(
    article: Article,
    issue: Issue,
    sentence: Sentence,
    about: list[tuple[int, int]],
    position: int,
    phrase_end: int,
) -> bool:
    """Whether text[position:phrase_end] holds an act of the other side than the issue's, said
    as a term ("will lower", "is to suspend", or the present "halves"), done to what the issue is
    about, which is its object: a deal's term stated one side at a time."""
    acts = article.hits(ACTS).within(position, phrase_end)
    if not acts:
        return False
    act_start, act_end = acts[0]
    actor = _actor_before(article, sentence, act_start)
    if actor is None or actor[0] == issue.side:
        return False
    first_word = article.lower[act_start:act_end].split()[0]
    if first_word.endswith("ing"):
        if not _UNDER_WAY.search(article.text, max(sentence.start, act_start - 8), act_start):
            return False  # "cutting" with no "is" before it is no act of a side's
    elif not actor[1] and not first_word.endswith("s"):
        return False  # "demands that the US eliminate its tariffs": a wish, not a term
    opens = _OBJECT.match(article.text, act_end)
    if opens is None:  # a bare object is the measure's own words, at once: "approve export licences"
        bare = _BARE_OBJECT.match(article.text, act_end)
        return bare is not None and any(s == bare.end() for s, _ in about)
    return any(opens.start() <= s < opens.end() + _OBJECT_REACH for s, _ in about)
