"""The tracked side's stance on the counterpart's tariffs, as current at publication.

A stance needs the tracked side (or one of its people) as the one who wants it, a tariff word,
and a stance phrase from the profile (removal, reduction, agreed). Stances described as earlier
("had long demanded", "a shift from its earlier insistence") are not current; vague words
("relief", "reconsider", "revisited") are no stance.
"""

from __future__ import annotations

import re

from bot.extract.article import Article
from bot.extract.cues import EARLIER, SPECULATION, is_question
from bot.extract.facts import Position
from bot.extract.lexicon import ATTRIBUTIONS, alternation
from bot.extract.phrases import Phrases
from bot.extract.scope import first_party_named
from bot.extract.text import Sentence

_TARIFF = Phrases(["tariffs?", "levy", "levies", "duties", "duty"], shared=True)
_DEAL = Phrases(["deal", "agreement", "accord", r"rates?", "arrangement", "terms"], shared=True)
_WANTS = Phrases([
    "seek", "seeks", "sought", r"demand\w*", r"call\w*", r"urg\w+", r"ask\w*", r"want\w*", r"hope\w*", r"press\w*",
    r"insist\w*", r"push\w*", r"request\w*", "position", "stance",
], shared=True)  # fmt: skip
_NEGATED = re.compile(r"\b(?:not|never|no longer|won't|will not|refus\w+|reject\w+)\s+(?:\w+\s+){0,2}$", re.I)
# "will also drop to 15%", "lifted to 25%": a rate that moves, not a tariff removed
_TO_A_RATE = re.compile(r"\s+(?:\w+\s+)?(?:to|by)\s+(?:about\s+|around\s+)?\d")
# how far a stance word may stand from the tariff it is about ("seek the elimination of all the
# additional tariffs")
_NEAR_TARIFF = 50
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$")
_ORDER = ("agreed", "reduction", "removal")
# "Since the first round in April, Akazawa had demanded the removal...": told in the past perfect,
# a demand is an earlier one; reported ("he said he had demanded") or renewed ("had again
# demanded") it is not
_HAD_WANTED = Phrases([r"had (?:demanded|sought|insisted on|called for|pushed for|pressed for|wanted|urged)"], shared=True)
_SAID = re.compile(rf"\b{alternation(ATTRIBUTIONS)}\b")


def _said_before(article: Article, sentence: Sentence, position: int) -> bool:
    return _SAID.search(article.text, sentence.start, position) is not None


def _it_is_tracked(article: Article, sentence: Sentence) -> bool:
    """"It has now accepted..." or "The government, which had long demanded..." right after a
    sentence whose subject is the tracked side."""
    if not sentence.text.startswith(("It ", "It’s", "It's", "The government ", "The government,")) or sentence.index == 0:
        return False
    before = article.sentences[sentence.index - 1]
    side = first_party_named(article, before.start, before.end)
    return side == "tracked"


_WE = re.compile(r"\b(?:we|We|our|Our)\b")


def _we_are_tracked(article: Article, sentence: Sentence, position: int) -> bool:
    """'"We have agreed to the 15% rates," Akazawa said': a "we" quoted from the tracked side's people."""
    if not _WE.search(article.text, sentence.start, position):
        return False
    people = article.people_in(sentence)
    return bool(people) and all(article.side_of(m.value) == article.profile.tracked_side for m in people)


def _about_a_tariff(article: Article, position: int, start: int, end: int) -> bool:
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
    if not article.has(_TARIFF, near, min(end, position + _NEAR_TARIFF)):
        return False
    word_end = article.text.find(" ", position, end)
    return word_end < 0 or not _TO_A_RATE.match(article.text, word_end, end)


def find_positions(article: Article, skip_paragraphs: set[int]) -> list[Position]:
    profile = article.profile
    tracked = profile.tracked_side
    found: dict[str, Position] = {}
    stance_hits = {stance: article.hits(profile.stances[stance]) for stance in _ORDER}
    with_stance = set().union(*(article.sentences_holding(profile.stances[stance]) for stance in _ORDER))
    for sentence in article.sentences:
        if sentence.index not in with_stance or sentence.paragraph in skip_paragraphs:
            continue
        if article.in_sentence(SPECULATION, sentence) or is_question(sentence.text):
            continue
        for start, end in article.clauses_of(sentence):
            has_tariff = article.has(_TARIFF, start, end)
            if not has_tariff and not article.has(_DEAL, start, end):
                continue
            spans = [(s, e, stance) for stance in _ORDER for s, e in stance_hits[stance].within(start, end)]
            # "full removal" and the "removal" inside it are one mention
            spans = [a for a in spans if not any(b[0] <= a[0] and a[1] <= b[1] and b[1] - b[0] > a[1] - a[0] for b in spans)]
            hits = sorted((s, stance) for s, _, stance in spans)
            # "a shift from its earlier insistence on removal": the stance right after an
            # earlier-marker is a past one; the others in the clause are current.
            stale = set()
            cues = article.hits(EARLIER).within(start, end) + [
                (s, e) for s, e in article.hits(_HAD_WANTED).within(start, end) if not _said_before(article, sentence, s)
            ]
            for cue_start, _ in cues:
                later = [h for h in hits if h[0] >= cue_start]
                if later:
                    stale.add(later[0])
            current = [h for h in hits if h not in stale]
            for stance in _ORDER:
                hit = next((h for h in current if h[1] == stance), None)
                if hit is None or (stance != "agreed" and not has_tariff):
                    continue
                if _NEGATED.search(article.text[start : hit[0]]):
                    continue
                if stance == "removal" and not _about_a_tariff(article, hit[0], start, end):
                    continue
                wants = (
                    article.names_side(tracked, sentence.start, hit[0])
                    or _it_is_tracked(article, sentence)
                    or (article.has(_WANTS, start, end) and article.names_side(tracked, sentence.start, sentence.end))
                    or _we_are_tracked(article, sentence, hit[0])
                )
                if not wants:
                    continue
                if stance not in found:
                    found[stance] = Position(tracked, profile.stance_issue, stance, sentence.text)
                break
    return list(found.values())
