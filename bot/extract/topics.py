"""Topics discussed, on the agenda, demanded or proposed, and topics said not to be discussed.

Works clause by clause ("they discussed autos but did not discuss currency"). Speculation
("may have talked about") is never a topic; plans a side is only *considering* count only when
the article previews an upcoming round.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import pairwise, takewhile

from bot.extract.article import Article
from bot.extract.cues import CONSIDERING, DISCUSSED, HEARSAY, NOT_DISCUSSED, SPECULATION, is_question
from bot.extract.lexicon import (
    ALSO_WORDS,
    ASKING_VERBS,
    ASPECT_LINKS,
    COMMITMENT_VERBS,
    DOUBT_ADVERBS,
    LIST_HEADING_WORDS,
    MAYBE_WORDS,
    MEASURE_ACTS,
    MEASURE_CAUSE_LINKS,
    NEW_RATE_CUES,
    OFFICE_HEADS,
    RATE_UNCHANGED,
    SPEECH_VERBS,
    STATEMENT_OPENINGS,
    SUBJECT_LIST_WORDS,
    TARIFF_NOUNS,
    TERM_LIST_WORDS,
    TERM_MODALS,
    TIME_SPAN,
    alternation,
)
from bot.extract.near import may_hold
from bot.extract.phrases import Hits, Phrases
from bot.extract.scope import mentions_third_party, third_parties_within
from bot.extract.text import Sentence

# "Kato, who held separate talks on currencies with Bessent in April": another meeting's topics
# "Lutnick said separately that ...": a statement made apart from the talks
SEPARATE = Phrases(
    [
        r"separate (?:talks|meetings?|discussions?)", r"separately (?:discussed|met|held)",
        rf"{alternation(SPEECH_VERBS)} separately",
    ],
    shared=True,
)


# "1. Suspend the rare earth export controls...", "- Buy at least 12 million tons": a list item of
# commitments, each of its topics a term of the deal
_COMMITMENT_ITEM = re.compile(rf"(?:[-•*]\s*|\d{{1,2}}[.)]\s*)?{alternation(COMMITMENT_VERBS)}\s", re.I)

# "..., that China would delay its controls, and that ...", "said the talks "focused on autos" and
# that rice was not discussed": each reported statement is a clause of its own, so that a denial or
# a plan in one says nothing of the subjects of the next
_NEXT_STATEMENT = re.compile(rf"(?:,\s+(?:and\s+)?|\s+and\s+){alternation(STATEMENT_OPENINGS)}\b", re.I)


def _statements(text: str, lower: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause cut before each further statement its verb reports (``text`` is the article's,
    ``lower`` the same lower-cased). A clause without the word that opens a statement has none,
    and the pattern, which the engine tries at every character, is not run over it."""
    if not may_hold(lower, STATEMENT_OPENINGS, start, end):
        return [(start, end)]
    cuts = [m.start() for m in _NEXT_STATEMENT.finditer(text, start, end)]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


# "- A quota of 100,000 cars a year at a 10% tariff": an item of a bulleted list
_BULLET = re.compile(r"(?:[-•*–]|\(?\d{1,2}[.)])(?:\s|$)")
# "Quick summary of what the executive order does:": a lead-in that says the list is a deal's terms
_TERM_LIST_LEAD = re.compile(rf"\b{alternation(TERM_LIST_WORDS)}\b[^\n]*:\s*$", re.I)


_SUBJECT_LIST_LEAD = re.compile(rf"\b{alternation(SUBJECT_LIST_WORDS)}\b[^\n]*:\s*$", re.I)
# "WHAT WAS AGREED", "3. Other elements of the agreement", "PANEL 3 — JAPAN'S SIDE OF THE DEAL
# (icons)": a heading, a paragraph of a few words that ends no sentence, naming a deal or the
# talks' subjects, leads a list as a lead-in ending in ":" does. A bulleted line or one with a
# label and its value ("- Section 232: 50% on covered products") is an item, not a heading.
_HEADING_WORDS = 14
_HEADING_NUMBER = re.compile(r"\s*\(?\d{1,2}[.)]\s*")
_NOT_A_HEADING = re.compile(r"[.!?;,:\"”’']\s*$|^\s*[-•*–]|:")
_LIST_HEADING = re.compile(rf"\b{alternation(LIST_HEADING_WORDS)}\b", re.I)


def _heading(sentences: list[Sentence], first: Sentence, last: Sentence) -> str | None:
    """The words of a paragraph shaped as a heading, numbered or not ("3." and "Other elements of
    the agreement" are two sentences of one): a few words that end no sentence and hold no label
    and its value. None for any other paragraph."""
    if last.index - first.index > 1:
        return None
    text = _paragraph_text(sentences, first).strip()
    number = _HEADING_NUMBER.match(text)
    if number is not None:
        text = text[number.end() :]
    elif first is not last:
        return None
    return text if len(text.split()) <= _HEADING_WORDS and not _NOT_A_HEADING.search(text) else None


def _is_list_heading(sentences: list[Sentence], first: Sentence, last: Sentence) -> bool:
    """Whether a paragraph is a heading that names a deal's terms or the talks' subjects."""
    text = _heading(sentences, first, last)
    return text is not None and _LIST_HEADING.search(text) is not None


def _term_list_items(sentences: list[Sentence]) -> set[int]:
    """The paragraphs that are items of a bulleted or numbered list a deal's terms make ("Quick
    summary of what the order does:" or a heading "WHAT WAS AGREED" then "- Tariffs on aerospace
    goods removed."), or the subjects a lead-in says were discussed or put forward ("the Thai side presented a proposal covering five
    areas:" then "1. Increased imports of U.S. energy products;"): each item is a term or a subject,
    whatever its verb, or none ("- Steel and aluminium: no change yet.")."""
    first: dict[int, Sentence] = {}
    last: dict[int, Sentence] = {}
    for sentence in sentences:
        first.setdefault(sentence.paragraph, sentence)
        last[sentence.paragraph] = sentence
    items: set[int] = set()
    paragraphs = sorted(first)
    for i, paragraph in enumerate(paragraphs):
        if not _BULLET.match(first[paragraph].text) or i == 0:
            continue
        lead = paragraphs[i - 1]
        # "- Japan's purchases of U.S. rice." then "5. Operations": a numbered heading after a
        # dashed item opens the next section of an outline, not the list's next item
        if (
            lead in items
            and first[paragraph].text[0].isdigit() != first[lead].text[0].isdigit()
            and _heading(sentences, first[paragraph], last[paragraph]) is not None
        ):
            continue
        if (
            lead in items
            or (
                last[lead].text.rstrip().endswith(":")
                and (
                    _SUBJECT_LIST_LEAD.search(last[lead].text)
                    or _TERM_LIST_LEAD.search(_paragraph_text(sentences, first[lead]))
                )
            )
            or _is_list_heading(sentences, first[lead], last[lead])
        ):
            items.add(paragraph)
    return items


def _paragraph_text(sentences: list[Sentence], first: Sentence) -> str:
    """The sentences of ``first``'s paragraph, each after a space: built only for a lead-in that
    may open a list, not for every paragraph of every article."""
    return "".join(" " + s.text for s in takewhile(lambda s: s.paragraph == first.paragraph, sentences[first.index :]))


# ", who sat in on the talks before holding a separate meeting with Lutnick,": a relative clause
# telling a person's own doings, from its pronoun to the comma that closes it
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|which)\b[^,;]*,")


def _relative_clause_around(text: str, start: int, end: int, hit: tuple[int, int]) -> tuple[int, int] | None:
    """The relative clause of the sentence ``text[start:end]`` that holds ``hit``, if one does."""
    for match in _RELATIVE_CLAUSE.finditer(text, start, end):
        if match.start() <= hit[0] and hit[1] <= match.end():
            return match.start(), match.end()
    return None


def _separate_spans(article: Article, sentence: Sentence, separate: Hits) -> list[tuple[int, int]]:
    """What of a sentence another meeting or statement holds: a relative clause that tells of a
    separate meeting ("Ahn, who held a separate meeting with Lutnick later, said Seoul had proposed
    cooperation in shipbuilding") holds only its own words; elsewhere the whole sentence."""
    spans = []
    for hit in separate.within(sentence.start, sentence.end):
        clause = _relative_clause_around(article.text, sentence.start, sentence.end, hit)
        if clause is None:
            return [(sentence.start, sentence.end)]
        spans.append(clause)
    return spans


def _outside(apart: list[tuple[int, int]], hits: list[tuple[int, int, str]], label: str) -> bool:
    """Whether the sentence names the topic outside the spans another meeting holds."""
    return any(lab == label and not any(a <= s and e <= b for a, b in apart) for s, e, lab in hits)


# "... could be approved by the two leaders in South Korea on Thursday": a country named as where
# something happens; "chips will be treated no less favourably than Taiwan's": one a side's treatment
# is measured against
_IN_BEFORE = re.compile(r"\b(?:in|than)\s+(?:the\s+)?(?:(?:those|that|the ones?)\s+(?:of|for|from)\s+(?:the\s+)?)?$")


def _only_venues(article: Article, sentence: Sentence) -> bool:
    """Whether every third country the sentence names is only where something happens ("the two
    leaders would consummate the deal in South Korea") or what a side's treatment is measured
    against ("no less favourably than those of Taiwan"): not a party to another story."""
    text = article.text
    names = third_parties_within(article, sentence.start, sentence.end)
    return all(
        _IN_BEFORE.search(text, max(sentence.start, s - 30), s) is not None
        for s, e in names
        if not any(o <= s and e <= f and (o, f) != (s, e) for o, f in names)  # "Korea" in "South Korea"
    )


# "Asked whether Japan could offer more LNG, ...", "Asked by a senator whether the trial had come up,
# ...": an indirect question, up to the comma, colon or semicolon that ends it
_INDIRECT_QUESTION = re.compile(rf"\b{alternation(ASKING_VERBS)}(?:\s+[^\s,;:]+){{0,6}}?\s+whether\b[^,;:]*", re.I)


def _questions_within(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The indirect questions of ``text[start:end]`` that the rest of the sentence answers ("Asked
    whether Japan could offer LNG, she said ..."): a word of discussion inside one says only what
    was asked, and the answer after its comma tells what the talks went through. A question that
    ends its sentence ("A reporter asked whether rice came up.") is left to be read as it was, for
    the answer that follows it may say it did."""
    return [m.span() for m in _INDIRECT_QUESTION.finditer(text, start, end) if text.startswith(",", m.end())]


_ALSO = re.compile(rf"\b{alternation(ALSO_WORDS)}\b", re.I)
_MAYBE = re.compile(rf"\b{alternation(MAYBE_WORDS)}\b", re.I)
_ANOTHER_STORY = ("Separately,", "In other news,", "Elsewhere,", "In a separate development,")


def _outermost(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The hits that lie inside no longer hit of another topic: in "curbs on chip design
    software" the words name the export controls, not the chips that "chip" alone would name.
    (Two plain loops: a sentence's few hits cost less so than with a generator per hit.)"""
    kept = []
    for s, e, label in hits:
        for o, f, other in hits:
            if o <= s and e <= f and (f - o) > (e - s) and other != label:
                break
        else:
            kept.append((s, e, label))
    return kept


def _deny(found: list[str], not_discussed: list[str], evidence: dict[str, str], text: str) -> None:
    """Record the topics a clause says were not discussed."""
    for topic in found:
        if topic not in not_discussed:
            not_discussed.append(topic)
            evidence[f"not_discussed:{topic}"] = text


# what makes the words after a denial something about a subject rather than the subject itself:
# "did not raise any target for the level of the yen", "no demand on the exchange rate"
_ABOUT_SOMETHING = re.compile(rf"\b{alternation(ASPECT_LINKS)}\b|,", re.I)


def _denied_outright(
    text: str, denials: list[tuple[int, int]], hits: list[tuple[int, int, str]], start: int, end: int
) -> set[str]:
    """The topics of a denial clause that the denial names as its subject: those before the
    denial ("currency was not discussed") and those its words reach with nothing between but a
    determiner ("did not discuss currency"), not what a noun after it is about ("did not raise any
    target for the yen", "did not discuss Blackwell, the company's newest chip")."""
    out: set[str] = set()
    first_end = denials[0][1]
    for s, e, label in hits:
        if not (start <= s and e <= end):
            continue
        between = text[first_end:s] if s >= first_end else ""
        if s < first_end or (len(between.split()) <= 2 and not _ABOUT_SOMETHING.search(between)):
            out.add(label)
    return out


# "the tariff on cars falls to 15% from 27.5%": a rate set anew ...; "will continue to pay 25%": ... or not
NEW_RATE = Phrases(list(NEW_RATE_CUES), shared=True)
UNCHANGED_RATE = Phrases(list(RATE_UNCHANGED), shared=True)
_RATE_SIGN = re.compile(r"%|\bper ?cent\b|\bpercent\b")
_BREAK_BEFORE_RATE = re.compile(r"[,;:]")


def _own_change(lower: str, s: int, e: int, c: int, d: int) -> bool:
    """Whether the words of change at ``lower[c:d]`` are said of the goods at ``lower[s:e]``: before
    them with no rate between ("halves its fentanyl tariff", "lowers the tariff on cars"), or after
    them past at most the goods' own new rate, said in the same breath ("cars will pay a 15% tariff
    instead of 27.5%", not "over fentanyl, goods face 30%, down from 145%")."""
    if d <= s:
        return _RATE_SIGN.search(lower, d, s) is None
    between = lower[e:c]
    signs = list(_RATE_SIGN.finditer(between))
    return not signs or (len(signs) == 1 and not _BREAK_BEFORE_RATE.search(between, 0, signs[0].start()))


def _given_a_new_rate(
    article: Article, start: int, end: int, hits: list[tuple[int, int, str]], sectors: set[str]
) -> list[str]:
    """The topics of the clause ``text[start:end]`` whose words are goods the clause gives a new
    rate ("auto parts will also pay 15%, down from 27.5%" gives `automobiles` where "auto parts"
    are both a topic's and a rated sector's words). ``sectors``: the sectors its sentence rates.
    The words of the change must be the goods' own (`_own_change`): in "together with the 20% duty
    over fentanyl, goods face 30%, down from 145%", the 30% is what came down."""
    cues = article.hits(NEW_RATE).within(start, end)
    if not cues or article.has(UNCHANGED_RATE, start, end):
        return []
    goods = [span for sector in sectors for span in article.hits(article.profile.sectors[sector]).within(start, end)]
    lower = article.lower
    return list(
        dict.fromkeys(
            label
            for s, e, label in hits
            if start <= s and e <= end and any(o < e and s < f for o, f in goods)
            and any(_own_change(lower, s, e, c, d) for c, d in cues)
        )
    )


#: a side's act on a measure of its own (`MEASURE_ACTS`)
MEASURE_ACT = Phrases(list(MEASURE_ACTS), shared=True)
#: what the act's object may hold before the topic's words: a few words ("sweeping new", "a
#: package of") and a span of time ("suspends for a year the controls"), no break of the clause
_MEASURE_REACH = 6
# (a rate or a tariff's name in it makes the measure a tariff, whose goods the rates' rules read)
_MEASURE_GAP_BREAK = re.compile(
    rf"[,;:()\"“”%]|\bper ?cent\b|\b{alternation(MEASURE_CAUSE_LINKS)}\b|\b{alternation(TARIFF_NOUNS)}\b", re.I
)
_TIME_SPAN = re.compile(TIME_SPAN, re.I)
# "US orders were suspended", "the car tariff, imposed on national security grounds": the act said
# of what it was done to, not by a side
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?|,\s*)$", re.I)
# "plans to impose": a measure still to come is a plan, which the rules of a deal's terms and a
# side's stances read; so is one after a modal in its clause ("said it would add 13 chemicals to
# its list and tighten export controls on them")
_PLANNED_BEFORE = re.compile(r"\bto\s+(?:\w+ly\s+|also\s+)?$", re.I)
_MODAL = re.compile(rf"\b{alternation(TERM_MODALS)}\b", re.I)


def _measures_taken(article: Article, start: int, end: int, hits: list[tuple[int, int, str]]) -> list[str]:
    """The topics of the clause ``text[start:end]`` that a side's measure is on, told as news:
    "China's commerce ministry announced sweeping new export controls on rare earths", "Beijing
    suspends for a year the rare earth controls". A side of the talks (or one of its people) is
    named before the act, which is active and taken, not planned, and the topic's words are in its
    object, a few words on with no break or cause between ("the levy Trump imposed over
    fentanyl" is on goods, not on fentanyl)."""
    acts = article.hits(MEASURE_ACT).within(start, end)
    if not acts:
        return []
    text = article.text
    found: list[str] = []
    for c, d in acts:
        before = text[max(start, c - 20) : c]
        if (
            not article.sides_named(start, c)
            or _PASSIVE_BEFORE.search(before)
            or _PLANNED_BEFORE.search(before)
            or _MODAL.search(text, start, c)
        ):
            continue
        for s, e, label in hits:
            if d <= s and e <= end and label not in found:
                gap = _TIME_SPAN.sub(" ", text[d:s])
                if len(gap.split()) <= _MEASURE_REACH and not _MEASURE_GAP_BREAK.search(gap):
                    found.append(label)
    return found


# "Agriculture Minister Koizumi", "Investment, Trade and Industry Minister": capitalised words of an
# office's name up to its head word after the topic's word; "Minister of Trade, Industry and
# Energy": the head word and its "of" before it
_NAME_WORD = r"[A-Z][\w'’-]*"
_OFFICE_AFTER = re.compile(rf"(?:(?:,\s*|\s+and\s+|\s+&\s+|\s+){_NAME_WORD})*(?:\s+&)?\s+{alternation(OFFICE_HEADS)}\b")
_OFFICE_BEFORE = re.compile(
    rf"\b{alternation(OFFICE_HEADS)}\s+(?:of|for)\s+(?:the\s+)?(?:{_NAME_WORD}(?:,\s*|\s+and\s+|\s+&\s+|\s+))*$"
)


def _in_an_office_name(text: str, start: int, end: int) -> bool:
    """Whether the topic's words at ``text[start:end]``, in capitals, are part of the name of an
    office or a body ("Agriculture Secretary Rollins said ...")."""
    if not text[start].isupper():
        return False
    return _OFFICE_AFTER.match(text, end) is not None or _OFFICE_BEFORE.search(text, max(0, start - 80), start) is not None


def find_topics(
    article: Article, *, upcoming: bool, skip_paragraphs: set[int], rated: Mapping[int, set[str]] | None = None
) -> tuple[list[str], list[str], dict[str, str]]:
    rated = rated or {}
    topics: list[str] = []
    not_discussed: list[str] = []
    direct: set[str] = set()  # the topics a denial names as its very subject
    evidence: dict[str, str] = {}
    by_sentence = {
        index: [h for h in found if not _in_an_office_name(article.text, h[0], h[1])]
        for index, found in article.labelled_by_sentence(article.profile.topics).items()
    }
    # the article's hits and sentence sets, looked up once rather than through `Article.has` and
    # `Article.in_sentence` for every sentence and clause
    speculative, separate = article.sentences_holding(SPECULATION), article.sentences_holding(SEPARATE)
    separate_hits = article.hits(SEPARATE)
    speculation = article.hits(SPECULATION)
    reported, hearsay = article.sentences_holding(HEARSAY), article.hits(HEARSAY)
    denied, considered, discussed = article.hits(NOT_DISCUSSED), article.hits(CONSIDERING), article.hits(DISCUSSED)
    tracked = article.profile.tracked_side
    term_items = _term_list_items(article.sentences)
    aside: int | None = None  # the paragraph a wire opens with "Separately," is another story's
    went_on: tuple[int, int] | None = None  # (paragraph, index) of the last sentence whose talks gave topics
    for sentence in article.sentences:
        if sentence.text.startswith(_ANOTHER_STORY) and (
            sentence.index == 0 or article.sentences[sentence.index - 1].paragraph != sentence.paragraph
        ):
            aside = sentence.paragraph
        hits = by_sentence.get(sentence.index)
        if not hits or sentence.paragraph in skip_paragraphs or sentence.paragraph in (0, aside):
            continue
        if is_question(sentence.text):
            continue
        if len(hits) > 1:
            hits = _outermost(hits)
        # "Defence spending did not come up, despite press reports that ...": speculation governs
        # what follows it, so a denial before it stands, and nothing else in the sentence does
        guesses = speculation.within(sentence.start, sentence.end) if sentence.index in speculative else []
        # a report is what a side put forward ("media report that Tokyo floated soybeans"), unless a
        # denial before it sets it against what was said ("did not come up, despite reports that")
        if sentence.index in reported:
            guesses = sorted(
                guesses + [h for h in hearsay.within(sentence.start, sentence.end) if denied.any(sentence.start, h[0])]
            )
        guess_from = guesses[0][0] if guesses else None
        # ... and an adverb of doubt only what follows it, in its clause and after
        adverb_from = guess_from if guess_from is not None and article.lower.startswith(DOUBT_ADVERBS, guess_from) else None
        other_story = (
            mentions_third_party(article, sentence.start, sentence.end)
            and not article.names_side(tracked, sentence.start, sentence.end)
            and not _only_venues(article, sentence)
        )
        apart = _separate_spans(article, sentence, separate_hits) if sentence.index in separate else []
        other_story = other_story or apart == [(sentence.start, sentence.end)]
        clauses = article.clauses_of(sentence)
        if ", " in sentence.text or " and " in sentence.text:
            clauses = [part for s, e in clauses for part in _statements(article.text, article.lower, s, e)]
        listed = False  # the clause before was discussed and ended in ";": "covered A; B; and C"
        for start, end in clauses:
            in_list, listed = listed, False
            found = list(dict.fromkeys(label for s, e, label in hits if start <= s and e <= end))
            if adverb_from is not None:
                if adverb_from <= start:
                    continue
                end = min(end, adverb_from)
                found = list(dict.fromkeys(label for s, e, label in hits if start <= s and e <= end))
            elif guess_from is not None:
                before = min(end, guess_from)
                sure = list(dict.fromkeys(label for s, e, label in hits if start <= s and e <= before))
                if sure and denied.any(start, before):
                    _deny(sure, not_discussed, evidence, sentence.text)
                continue
            if denied.any(start, end):
                if found:
                    _deny(found, not_discussed, evidence, sentence.text)
                    direct.update(_denied_outright(article.text, denied.within(start, end), hits, start, end))
                continue
            asked = _questions_within(article.text, start, end) if "whether" in sentence.text else []
            said = in_list or any(
                not any(a <= s and e <= b for a, b in (*apart, *asked)) for s, e in discussed.within(start, end)
            )
            # "The talks covered autos. They also touched ... energy": "also" right after such a sentence
            said = said or (
                went_on == (sentence.paragraph, sentence.index - 1)
                and _ALSO.search(article.text, start, end) is not None
                and _MAYBE.search(article.text, start, end) is None
            )
            listed = said and article.text[end : end + 2].lstrip().startswith(";")
            if not found:
                continue
            if other_story:
                continue  # "Separately, Trump's team is preparing talks with South Korea..., while China said..."
            if apart:
                mine = [h for h in hits if start <= h[0] and h[1] <= end]
                found = [label for label in found if _outside(apart, mine, label)]
            if not found:
                continue
            considering = considered.any(start, end)
            if considering and not upcoming:
                continue
            committed = sentence.paragraph in term_items or (
                start == sentence.start and _COMMITMENT_ITEM.match(sentence.text) is not None
            )
            if not (considering or committed or said):
                sectors = rated.get(sentence.index)
                found = (_given_a_new_rate(article, start, end, hits, sectors) if sectors else []) or _measures_taken(
                    article, start, end, hits
                )
                if not found:
                    continue
            went_on = (sentence.paragraph, sentence.index)
            for topic in found:
                if topic not in topics:
                    topics.append(topic)
                    evidence[f"topic:{topic}"] = sentence.text
    # a subject the talks went through is not undone by a denial of one thing about it ("did not
    # raise any target for the yen"); only a denial of the subject itself outweighs it
    not_discussed = [t for t in not_discussed if t not in topics or t in direct]
    topics = [t for t in topics if t not in not_discussed]
    return topics, not_discussed, evidence
