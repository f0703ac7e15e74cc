"""Runs every fact finder over one article and assembles its `ArticleFacts`."""

from __future__ import annotations

from datetime import date, datetime

from bot.extract.article import Article, prepare_article
from bot.extract.facts import ArticleFacts
from bot.extract.lead_event import TALKS, another_event, looks_ahead_to
from bot.extract.lexicon import SUMMIT_WORDS
from bot.extract.next_steps import find_next_steps
from bot.extract.people import find_meetings
from bot.extract.phrases import Phrases
from bot.extract.positions import find_positions
from bot.extract.profile import Profile
from bot.extract.relevance import is_relevant
from bot.extract.rounds import (
    RoundMention,
    denies_a_round,
    find_round_mentions,
    is_called_off_aside,
    reported_round,
    story_end,
    tense_status,
)
from bot.extract.schedule import (
    LEAD_PARAGRAPHS,
    dated_round,
    lead_calls,
    nearest_listed_round,
    round_on_day,
    rounds_named_by_place,
    settle,
)
from bot.extract.scope import mentions_third_party, off_topic_paragraphs
from bot.extract.tariffs import find_tariffs, goods_rated
from bot.extract.topics import find_topics
from bot.extract.when_where import find_when_where


def extract_article(
    *, guid: str, title: str, html: str, published: datetime | None, profile: Profile
) -> ArticleFacts:
    """The facts of one article; an irrelevant article gets ``relevant=False`` and nothing else."""
    return facts_of_article(prepare_article(guid=guid, title=title, html=html, published=published, profile=profile))


def of_another_negotiation(article: Article, mention: RoundMention) -> bool:
    """A round whose sentence names a third country and not the tracked side is another
    negotiation's ("A sixth round ..., scheduled for late August in New Delhi, was called off")."""
    sentence = mention.sentence
    return mentions_third_party(article, sentence.start, sentence.end) and not article.names_side(
        article.profile.tracked_side, sentence.start, sentence.end
    )


def usual_venue(profile: Profile, participants: list[str]) -> str | None:
    """Where a sitting whose story names no city took place: the negotiators' usual venue
    (`[negotiation] usual_venue`), unless someone of the tracked side other than its negotiators
    sat in or is named in a sentence telling of the sitting (a prime minister at a leaders'
    summit: such meetings go wherever the leaders gather)."""
    if profile.usual_venue is None:
        return None
    for name in participants:
        person = profile.person(name)
        if person is not None and person.side == profile.tracked_side and not person.negotiator:
            return None
    return profile.usual_venue


_SUMMIT = Phrases(list(SUMMIT_WORDS), shared=True)


def headline_reports_leaders_meeting(article: Article, mentions: list[RoundMention]) -> bool:
    """Whether the headline tells of a meeting of the leaders, people of every side none of whom
    negotiates ("Xi to meet Trump in Busan on Thursday", "before Trump meets Xi") or a summit
    held ("Busan summit lifts the port-fee cloud"), and names neither a round nor the talks ("KL
    talks: ... ahead of Trump-Xi meeting" is the talks' story): the story reports that meeting,
    and a round the body names only by its city ("after the teams' talks in Kuala Lumpur last
    weekend") is the background it was prepared in."""
    headline = [s for s in article.sentences if s.paragraph == 0]
    if not headline or any(m.sentence.paragraph == 0 for m in mentions):
        return False
    if any(article.in_sentence(TALKS, sentence) for sentence in headline):
        return False  # "KL talks: US and China reach consensus ahead of Trump-Xi meeting": the talks' story
    profile = article.profile
    sides: set[str] = set()
    for sentence in headline:
        for mention in article.people_in(sentence):
            person = profile.person(mention.value)
            if person is None or person.negotiator:
                return False  # "Bessent, He reach consensus ... ahead of Trump-Xi summit": the negotiators'
            sides.add(person.side)
    if len(sides) >= len(profile.sides):
        return True
    return any(  # a summit held, not "ahead of the Trump-Xi summit"
        not looks_ahead_to(article, sentence, start)
        for sentence in headline
        for start, _ in article.hits(_SUMMIT).within(sentence.start, sentence.end)
    )


def facts_of_article(article: Article) -> ArticleFacts:
    """Run the fact finders over a prepared article."""
    guid = article.guid
    facts = ArticleFacts(id=guid)
    if not is_relevant(article):
        return facts
    facts.relevant = True
    skip = off_topic_paragraphs(article)

    # rounds named by number, and by city when the profile lists its rounds, in reading order
    # a dated list closing the story (a timeline box: "Oct. 25-26 - Talks in Kuala Lumpur") is
    # background: it names no reported round and gives no sitting of the reported meeting
    end = story_end(article)
    boxed = {s.paragraph for s in article.sentences if s.start >= end}
    numbered, by_place = find_round_mentions(article), rounds_named_by_place(article)
    if by_place and headline_reports_leaders_meeting(article, [*numbered, *by_place]):
        by_place = [m for m in by_place if m.sentence.paragraph == 0]
    named = sorted([*numbered, *by_place], key=lambda m: m.start)
    mentions = [
        m for m in named if m.sentence.paragraph not in skip | boxed and not of_another_negotiation(article, m)
    ]
    # a round that did not happen, named below the lead, is background; a story that says its
    # meeting was no round reports none
    mentions = [] if denies_a_round(article) else [m for m in mentions if not is_called_off_aside(article, m, mentions)]
    # a story whose lead reports another event (an order, a fact sheet, a summit) recalls its rounds
    event = another_event(article, mentions)
    chosen = None if event else nearest_listed_round(article, mentions) or reported_round(article, mentions)
    chosen_mentions = [m for m in mentions if m.number == chosen]
    round_sentences = []
    for m in chosen_mentions:
        if m.sentence not in round_sentences:
            round_sentences.append(m.sentence)

    wording = tense_status(article, round_sentences) if chosen is not None else None
    held_by_wording = wording == "held"
    meetings = find_meetings(article, mentions, chosen, skip | boxed, held=held_by_wording, other_event=event is not None)
    meeting_sentences = meetings.meeting_sentences
    calls = lead_calls(article) if chosen is None else []
    if calls:  # a story of a call: the talks it tells of below the lead are its background
        meeting_sentences = [s for s in meeting_sentences if s.paragraph <= LEAD_PARAGRAPHS]
    elif event is not None:  # a story of another event: the day its news sentence gives it ...
        calls = [event]
        if mentions:  # ... and the talks it tells of below the lead are the rounds it recalls
            meeting_sentences = [s for s in meeting_sentences if s.paragraph <= LEAD_PARAGRAPHS]
    when_where = find_when_where(
        article,
        round_sentences=[s for s in round_sentences if s.paragraph > 0] + [s for s in round_sentences if s.paragraph == 0],
        round_positions=[m.start for m in chosen_mentions],
        meeting_sentences=meeting_sentences,
        meeting_clauses=meetings.meeting_clauses,
        has_event=chosen is not None or bool(meeting_sentences),
        call_sentences=calls,
    )
    status = None
    day = date.fromisoformat(when_where.date) if when_where.date else None
    location = when_where.location
    round_evidence = round_sentences[0].text if round_sentences else ""
    redated = dated_round(article, chosen, day, location) if chosen is not None and day is not None else None
    if redated is not None:  # the day of the reported sitting names its round, not the number stated
        chosen = redated.number
        round_evidence = when_where.evidence.get("date", round_evidence)
    if chosen is not None:
        status = when_where.status_from_date or wording or "held"
        facts.evidence["round"] = round_evidence
        # The status is read from the date when there is one, else from the round's own wording.
        from_date = when_where.status_from_date and when_where.evidence.get("date")
        facts.evidence["round_status"] = from_date or round_evidence
    elif day is not None and meeting_sentences and event is None:
        # no round named: a meeting on one of a listed round's days is that round
        sitting = round_on_day(article, day, location)
        if sitting is not None:
            chosen = sitting.number
            facts.evidence["round"] = facts.evidence["round_status"] = when_where.evidence.get("date", "")
    sitting = article.profile.scheduled(chosen) if chosen is not None else None
    if sitting is not None:
        settled = settle(article, sitting, day, status)
        day, location, status = settled.date, settled.location, settled.status or "held"
    if location is None and (chosen is not None or meetings.meetings) and not (calls and event is None):
        told = {m.evidence for m in meetings.meetings}
        telling = [m.value for s in article.sentences if s.text in told for m in article.people_in(s)]
        location = usual_venue(article.profile, [*meetings.participants, *telling])
        if location is not None:
            told_first = meetings.meetings[0].evidence if meetings.meetings else ""
            when_where.evidence["location"] = round_evidence or told_first

    facts.tariffs = find_tariffs(article, skip)  # before the topics: goods given a new rate are one
    topics, not_discussed, topic_evidence = find_topics(
        article, upcoming=status == "upcoming", skip_paragraphs=skip, rated=goods_rated(article)
    )

    facts.round = chosen
    facts.round_status = status
    facts.date = day.isoformat() if day else None
    facts.location = location
    facts.participants = meetings.participants
    facts.meetings = meetings.meetings
    facts.topics = topics
    facts.not_discussed = not_discussed
    facts.positions = find_positions(article, skip)
    if chosen is not None:
        facts.next_steps = find_next_steps(article, skip)
        facts.evidence.update({f"next_step:{step}": step for step in facts.next_steps})
    facts.evidence.update(when_where.evidence)
    facts.evidence.update(meetings.evidence)
    facts.evidence.update(topic_evidence)
    return facts
