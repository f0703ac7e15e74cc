"""Whether an article is about the tracked negotiation at all.

It is when it names both sides (or their people) together with the subject of the talks in
several sentences, or in one that the headline or the lead backs up; a story that names neither
the subject nor anyone of the talks (a boxing match's "fifth round" between an American and a
Japanese) is not. A story whose headline names another country first ("S. Korea races to match
Japan's deal", "US and China agree...") is that country's story unless the tracked pair carries
at least half of it. A story led by a third
country ("Bessent meets China's He Lifeng") needs the tracked pair to carry much of the body.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from bot.extract.anchored import Openers, opening_words
from bot.extract.article import Article
from bot.extract.cues import STRONG_MEETING
from bot.extract.lead_event import news_sentences
from bot.extract.lexicon import (
    BACKDROP_OPENING,
    CALL_PHRASES,
    CONTEST_WORDS,
    DEAL_DOCUMENTS,
    ORDER_DOCUMENTS,
    OTHER_CHANNEL_NOUNS,
    OTHER_CHANNEL_SITTINGS,
    OTHER_CHANNEL_SUBJECTS,
    OTHER_CHANNEL_TALKS,
    PHONED_PHRASES,
    STANCE_WORDS,
)
from bot.extract.phrases import Hits, Phrases
from bot.extract.scope import first_party_named, mentions_other_country, other_countries_within
from bot.extract.text import Sentence
from bot.extract.when_where import find_dateline

# people who talk by phone or video ("Trump and Xi spoke by phone for two hours")
_PHONED = Phrases([*CALL_PHRASES, *PHONED_PHRASES], shared=True)
# a story of a fight, a race or a tournament: its rounds are the contest's
_CONTEST = Phrases(list(CONTEST_WORDS), shared=True)
# "the United States had reached an agreement with Japan", "the two countries signed the pact": a
# deal made, which between the two sides is what their talks are for
DEAL_MADE = Phrases(STANCE_WORDS["agreed"], shared=True)
#: what a deal of the sides is called ("the agreement between Japan and the United States")
_PAIR_DEAL_NOUNS = Phrases([word for word in DEAL_DOCUMENTS if word not in ORDER_DOCUMENTS])
#: how far from a deal's noun the sides it joins are named, and what joins the later ones
_JOINED_REACH = 45
_JOINED_AFTER = re.compile(r"\s+(?:(?:signed|reached|struck|made)\s+)?(?:between|with)\s+", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
# "consular talks", "talks on the risks of AI": the same governments' talks on another subject
# "It comes three weeks after the leaders met", "The meeting followed ...": the story's event set
# against an earlier one, which is backdrop
_BACKDROP = re.compile(rf"[\s\"'“‘]*{BACKDROP_OPENING}", re.I)
# the subject before the talks ("a round of consular consultations", "climate envoy talks") and
# after them ("talks on the risks of AI"): the first opens with a sitting or a subject, the second
# with a word for talks, and each is tried only where one of its opening words stands
_SUBJECT_FIRST, _SUBJECT_AFTER = OTHER_CHANNEL_TALKS
_OTHER_CHANNELS = (
    Openers(
        re.compile(rf"\b{_SUBJECT_FIRST}", re.I), *opening_words((*OTHER_CHANNEL_SITTINGS, *OTHER_CHANNEL_SUBJECTS))
    ),
    Openers(re.compile(rf"\b{_SUBJECT_AFTER}", re.I), *opening_words(OTHER_CHANNEL_NOUNS)),
)


def _about(article: Article, sentence: Sentence, *, sides_needed: int | None = None) -> bool:
    """The sentence names the subject of the talks and (by default all) sides, or it has the
    tracked side's negotiator with someone of the other side ("Akazawa met Lutnick"), or people of
    both sides meeting ("Trump met Xi in Busan"), or a deal made between all sides ("the United
    States had reached an agreement with Japan": an order implementing it need never say
    "tariff talks")."""
    if _BACKDROP.match(article.text, sentence.start, sentence.end):
        return False  # "It comes weeks after Trump met Xi": the story's event is another
    named = len(article.sides_named(sentence.start, sentence.end))
    if named >= (sides_needed or len(article.profile.sides)) and (
        _names_subject(article, sentence)
        or (named >= 2 and (article.in_sentence(DEAL_MADE, sentence) or _names_the_pairs_deal(article, sentence)))
    ):
        return True
    return _negotiators_meet(article, sentence)


def _names_the_pairs_deal(article: Article, sentence: Sentence) -> bool:
    """Whether the sentence names a deal of the sides themselves: a deal's noun joined to every
    side, before it ("the Japan-U.S. agreement", "Japan's deal with the US") or after it ("the
    agreement between Japan and the United States"). That deal is what the talks are for, so a
    story of it (an order "to implement the agreement between Japan and the United States") is
    about them though it names no subject word; "Vietnam's deal with the US", in a story that names
    the tracked side elsewhere, is not joined to it."""
    if not article.in_sentence(_PAIR_DEAL_NOUNS, sentence):
        return False
    text = article.text
    sides = len(article.profile.sides)
    for start, end in article.hits(_PAIR_DEAL_NOUNS).within(sentence.start, sentence.end):
        before = max(sentence.start, start - _JOINED_REACH)
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, before, start)]
        joined = article.sides_named(breaks[-1] if breaks else before, start)
        after = _JOINED_AFTER.match(text, end)
        if after is not None:
            reach = min(sentence.end, after.end() + _JOINED_REACH)
            stop = _CLAUSE_BREAK.search(text, after.end(), reach)
            joined |= article.sides_named(after.end(), stop.start() if stop else reach)
        if len(joined) >= sides:
            return True
    return False


def _names_subject(article: Article, sentence: Sentence) -> bool:
    """Whether a subject or round term starts in the sentence or in the gap before the next one:
    ``article.sentences_with(subject_terms, round_terms)`` asked of one sentence, as the common
    path reads only the first sentences of the body."""
    following = sentence.index + 1
    stop = article.sentences[following].start if following < len(article.sentences) else len(article.text)
    profile = article.profile
    return _starts_in(_subject_hits(article, profile.subject_terms), sentence.start, stop) or _starts_in(
        _round_hits(article), sentence.start, stop
    )


def _other_channels(article: Article) -> list[tuple[int, int]]:
    """Where the article names talks on another subject than the profile's ("a round of consular
    consultations", "climate envoy talks", "talks on the risks of AI"): the two governments' other
    channels, whose "talks" and "round" are not the negotiation's. A subject that is one of the
    profile's own subject terms keeps its talks."""
    found = article.memo.get("relevance.other_channels")
    if found is None:
        subject = article.profile.subject_terms
        text, lower = article.text, article.lower
        found = article.memo["relevance.other_channels"] = sorted(
            {
                m.span()
                for openers in _OTHER_CHANNELS
                for m in openers.finditer(text, lower)
                if not subject.search(m.group("subject"))
            }
        )
    return found  # type: ignore[return-value]


def _subject_hits(article: Article, phrases: Phrases) -> Hits:
    """The hits of the profile's subject or round terms outside talks on another subject (sifted
    once per article: every sentence of the body may ask)."""
    hits = article.hits(phrases)
    channels = _other_channels(article)
    if not channels or not hits.spans:
        return hits
    key = f"relevance.subject_hits.{id(phrases)}"
    sifted = article.memo.get(key)
    if sifted is None:
        kept = [(s, e) for s, e in hits.spans if not any(cs <= s and e <= ce for cs, ce in channels)]
        sifted = article.memo[key] = hits if len(kept) == len(hits.spans) else Hits(kept)
    return sifted  # type: ignore[return-value]


def _round_hits(article: Article) -> Hits:
    """The hits of the round terms that may name the talks: none in a story of a sporting contest
    ("stops Cardenas in round eight" after a "knockdown", "Canada against China in the round
    robin"), whose rounds are the contest's; there only the subject terms tell of the talks."""
    if article.hits(_CONTEST).spans:
        return Hits([])
    return _subject_hits(article, article.profile.round_terms)


def _starts_in(hits: Hits, start: int, stop: int) -> bool:
    """Whether a hit starts in text[start:stop] (it may end past ``stop``)."""
    spans = hits.spans
    i = bisect_left(spans, (start,))
    return i < len(spans) and spans[i][0] < stop


def _about_span(article: Article, start: int, end: int, *, sides_needed: int | None = None) -> bool:
    profile = article.profile
    if not (
        _subject_hits(article, profile.subject_terms).any(start, end)
        or _round_hits(article).any(start, end)
    ):
        return False
    return len(article.sides_named(start, end)) >= (sides_needed or len(profile.sides))


def _negotiators_meet(article: Article, sentence: Sentence) -> bool:
    mentions = article.people_in(sentence)
    if len(mentions) < 2:
        return False
    people = {m.value for m in mentions}
    if not any(article.side_of(name) != article.profile.tracked_side for name in people):
        return False
    if any((p := article.profile.person(name)) is not None and p.negotiator for name in people):
        return True
    # people of both sides who meet ("Trump met Chinese President Xi Jinping in Busan") or talk by
    # phone ("Trump and Xi spoke by phone for more than two hours"): the leaders' calls set the
    # talks' course, so a story of one is about them
    return len({article.side_of(name) for name in people}) >= 2 and (
        article.in_sentence(STRONG_MEETING, sentence) or article.in_sentence(_PHONED, sentence)
    )


def _paragraphs_about(article: Article, body: list[Sentence], about: set[int]) -> int:
    """Paragraphs about the talks that no single sentence of them is ("...between Japan and the
    United States. Under the agreement, the tariff on Japan will be 15%")."""
    spans: dict[int, list[Sentence]] = {}
    for sentence in body:
        spans.setdefault(sentence.paragraph, []).append(sentence)
    count = 0
    for sentences in spans.values():
        if len(sentences) > 1 and not any(s.index in about for s in sentences):
            count += _about_span(article, sentences[0].start, sentences[-1].end)
    return count


def is_relevant(article: Article) -> bool:
    if not article.hits(article.profile.subject_terms).spans and not article.people.items:
        return False  # "the fifth round" of a boxing match in Tokyo: neither the talks' subject nor its people
    title, body = _title_and_body(article)
    if _led_by_another_country(article, title, body):
        # "S. Korea races to match Japan's deal", "US and China agree...": the tracked pair must
        # carry at least half of what the story says about the other side
        firsts = [first_party_named(article, s.start, s.end) for s in body]
        pairs = {s.index for s in body if _about(article, s)}
        ours = {s.index for s, first in zip(body, firsts, strict=True) if first != "other" and s.index in pairs}
        # what the story says of the other side with a third country named first, leaving out what
        # is about the pair (a lead naming the third country as the setting: "Hong Kong stocks
        # rose after Washington and Beijing agreed to cut tariffs") and what names no third
        # country at all ("The White House did not respond"; "US officials said Washington wants
        # to address its deficit with China": the pair's own, though it names no subject word)
        theirs = sum(
            s.index not in pairs and first == "other" and _names_counterpart(article, s)
            for s, first in zip(body, firsts, strict=True)
        )
        return len(ours) >= 3 and len(ours) >= theirs
    if any(mentions_other_country(article, s.start, s.end) for s in title):
        # "Japan and EU pledge to defend trade in face of US tariffs": another pair's story unless
        # the tracked pair, on its own, carries enough of it (two sentences or more, so relevant)
        own = sum(_about(article, s) and not mentions_other_country(article, s.start, s.end) for s in body)
        if _names_own_round(article, title) or _pair_leads_headline(article, title):
            return own >= 2  # "Japan's 4th round of tariff talks offers lessons for Seoul": ours
        others = sum(mentions_other_country(article, s.start, s.end) for s in body)
        return own >= max(2, others / 2)
    about: set[int] = set()
    for sentence in body:
        if _about(article, sentence):
            about.add(sentence.index)
            if len(about) == 2:
                return True  # two sentences about the talks carry any story: the rest is not read
    score = len(about) + _paragraphs_about(article, body, about)
    if score != 1:
        return score >= 2
    # A wire brief may be a sentence or two: its lead carries it. An explainer's headline may
    # name one side only ("What Japan gave up in the tariff deal"); a headline naming both does too,
    # and so does one naming the city of a round the profile lists ("what Geneva just changed").
    return (
        _lead(article, body).index in about
        or any(_about(article, s, sides_needed=1) for s in title)
        or _headline_city_is_the_talks(article, title, body, about)
    )


def _headline_city_is_the_talks(article: Article, title: list[Sentence], body: list[Sentence], about: set[int]) -> bool:
    """Whether the headline names the city of a round the profile lists (`[[rounds]] place`) and
    the paragraph of the body's one sentence about the talks names it too ("what Geneva just
    changed" over "Then this week: news from Geneva. After Bessent met He Lifeng ..."): the city is
    where the talks the story tells of sat. A city where another pair met ("PARIS – The European
    Union and China agreed ...", a lead naming a third country) is that pair's."""
    if not title or not article.profile.rounds or not about:
        return False
    lead = _lead(article, body)
    if any(mentions_other_country(article, s.start, s.end) for s in (*title, lead)):
        return False
    cities = {sitting.place for sitting in article.profile.rounds}
    # a side's capital stands for its government ("Beijing retaliates"), not for where talks sat
    sides = [(m.start, m.end) for m in article.sides.within(title[0].start, title[-1].end)]
    named = {
        m.value
        for m in article.places.within(title[0].start, title[-1].end)
        if m.value in cities and not any(s < m.end and m.start < e for s, e in sides)
    }
    if not named:
        return False
    paragraph = article.sentences[min(about)].paragraph
    sentences = [s for s in body if s.paragraph == paragraph]
    return any(m.value in named for m in article.places.within(sentences[0].start, sentences[-1].end))


def _lead(article: Article, body: list[Sentence]) -> Sentence:
    """The body's first real sentence (`news_sentences`): a fact sheet's or a press release's
    first lines ("THE WHITE HOUSE", "FOR IMMEDIATE RELEASE", "Veldhoven Watch — a blog on chip
    stocks | Sunday 12 October 2025") are a masthead, which names whose release it is, not what
    it is about; without a real sentence, the body's first line."""
    news = news_sentences(article)
    return news[0] if news else body[0]


def _names_own_round(article: Article, title: list[Sentence]) -> bool:
    """The headline names the tracked side first and a round of its talks."""
    if not title:
        return False
    start, end = title[0].start, title[-1].end
    return first_party_named(article, start, end) == "tracked" and article.has(article.profile.round_terms, start, end)


# what joins another country to the side named just before it, as a partner of the same subject:
# "Japan and EU pledge", "Japan, EU to...", "Japan-EU summit", "Japan's talks with the EU"
_JOINED = re.compile(r"(?:['’]s)?\s*(?:(?:and|&|,|-|–|—|/|with|plus|or)\s*)(?:the\s+)?", re.I)


def _pair_leads_headline(article: Article, title: list[Sentence]) -> bool:
    """The headline's subject is the tracked negotiation alone: a side of the profile is named
    first and the other country comes later, in what is said of it, not joined to it as a partner
    ("Japan's 15% deal raises the bar for Thailand", "US-China London framework offers Japanese
    manufacturers hope" are the tracked pair's news told for other readers; "Japan and EU pledge
    to defend trade" is another pair's)."""
    if not title:
        return False
    start, end = title[0].start, title[-1].end
    others = other_countries_within(article, start, end)
    if not others:
        return False
    other = others[0][0]
    named = [m.end for m in (*article.sides.within(start, other), *article.people.within(start, other)) if m.end <= other]
    return bool(named) and _JOINED.fullmatch(article.text, max(named), other) is None


def _title_and_body(article: Article) -> tuple[list[Sentence], list[Sentence]]:
    """The headline's sentences and the body's: paragraph 0 comes first, in order."""
    sentences = article.sentences
    count = 0
    while count < len(sentences) and sentences[count].paragraph == 0:
        count += 1
    return sentences[:count], sentences[count:]


def _led_by_another_country(article: Article, title: list[Sentence], body: list[Sentence]) -> bool:
    """The headline (or, without a country in it, the lead) names another country first."""
    if title:
        first = first_party_named(article, title[0].start, title[-1].end)
        if first is not None:
            return first == "other"
    if not body:
        return False
    # Only now the dateline: most headlines name a country. "KANANASKIS, Canada --" names where,
    # not whose story.
    dateline = find_dateline(article)
    lead = _lead(article, body)
    start = max(lead.start, dateline.end if dateline else 0)
    return first_party_named(article, start, lead.end) == "other"


def _names_counterpart(article: Article, sentence: Sentence) -> bool:
    tracked = article.profile.tracked_side
    return any(article.names_side(side, sentence.start, sentence.end) for side in article.profile.sides if side != tracked)
