"""The day and the city of the round (or of the event an article reports without a round).

The place is read from the sentences that name the round, then from those describing the
meeting, then from the dateline: a city after "in"/"at"/"to", or a building whose city the
profile knows ("held at the Treasury Department" is Washington). The day is read the same way
and resolved in that city's time zone (see `bot.extract.dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.extract.article import Article
from bot.extract.cues import FUTURE, PAST
from bot.extract.dates import DateMention, find_dates, local_day, resolve
from bot.extract.text import Sentence

_PREPOSITION = re.compile(r"\b(?:in|at|to|inside|from)\s+(?:the\s+)?(?:U\.?S\.?\s+capital,?\s+)?$", re.I)
_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Za-z.'’ ]{2,30}?)(?:,\s*[A-Z][\w.]+\s*\d{1,2})?\s*(?:\(|—|–|--|-\s)")


@dataclass(slots=True)
class WhenWhere:
    date: str | None
    location: str | None
    status_from_date: str | None
    evidence: dict[str, str]


def _city_in(article: Article, sentence: Sentence) -> str | None:
    for mention in article.places_in(sentence):
        before = article.text[max(sentence.start, mention.start - 30) : mention.start]
        if _PREPOSITION.search(before):
            return mention.value
    for mention in article.buildings_in(sentence):
        return mention.value
    return None


def _dateline(article: Article) -> tuple[str | None, Sentence | None]:
    body = [s for s in article.sentences if s.paragraph > 0][:3]
    for sentence in body:
        match = _DATELINE.match(sentence.text)
        if not match:
            continue
        for mention in article.places_in(sentence):
            if mention.start - sentence.start <= match.end("city"):
                return mention.value, sentence
    return None, None


def find_when_where(
    article: Article,
    *,
    round_sentences: list[Sentence],
    round_positions: list[int],
    meeting_sentences: list[Sentence],
    has_event: bool,
) -> WhenWhere:
    evidence: dict[str, str] = {}
    ordered: list[Sentence] = []
    for sentence in [*round_sentences, *meeting_sentences]:
        if sentence not in ordered:
            ordered.append(sentence)
    location = None
    for sentence in ordered:
        location = _city_in(article, sentence)
        if location:
            evidence["location"] = sentence.text
            break
    dateline_city, dateline_sentence = _dateline(article)
    if location is None and dateline_city and has_event:
        location = dateline_city
        evidence["location"] = dateline_sentence.text if dateline_sentence else ""
    if not has_event:
        location = None

    place = article.profile.place(location) if location else None
    anchor = local_day(article.published, place.tz if place else None)

    def resolved(sentence: Sentence, mentions: list[DateMention]) -> list[date]:
        forward = article.count(FUTURE, sentence.start, sentence.end) > article.count(PAST, sentence.start, sentence.end)
        return [d for d in (resolve(m, anchor, forward=forward) for m in mentions) if d is not None]

    chosen: date | None = None
    for sentence in round_sentences:
        mentions = find_dates(sentence.text, sentence.start)
        if not mentions:
            continue
        near = min(round_positions, key=lambda p: abs(p - sentence.start)) if round_positions else sentence.start
        mentions.sort(key=lambda m: abs(m.start - near))
        days = resolved(sentence, mentions[:1])
        if days:
            chosen = days[0]
            evidence["date"] = sentence.text
            break
    if chosen is None:
        best: tuple[date, str] | None = None
        for sentence in meeting_sentences:
            for day in resolved(sentence, find_dates(sentence.text, sentence.start)):
                if anchor and (day - anchor).days > 60:
                    continue
                if best is None or day > best[0]:
                    best = (day, sentence.text)
        if best:
            chosen, evidence["date"] = best
    if chosen is None and dateline_sentence is not None and has_event:
        days = [d for d in resolved(dateline_sentence, find_dates(dateline_sentence.text)) if d]
        if days:
            chosen = days[0]
            evidence["date"] = dateline_sentence.text
    if chosen is None and has_event:
        for sentence in [s for s in article.sentences if s.paragraph > 0][:3]:
            days = resolved(sentence, find_dates(sentence.text, sentence.start))
            if days:
                chosen = days[0]
                evidence["date"] = sentence.text
                break
    status = None
    if chosen and anchor:
        status = "held" if chosen < anchor else "upcoming" if chosen > anchor else None
    return WhenWhere(chosen.isoformat() if chosen else None, location, status, evidence)
