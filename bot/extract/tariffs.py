"""Tariff rates stated for goods traded between the two sides.

A rate is a percentage tied to a tariff word ("a 25% levy", "tariffs of 24 percent", "a tariff
rate of 15%"); the goods are the sector words around it up to the next rate ("a 25% levy on
steel and aluminum" is two facts). A reference ("a similar tax on autos") takes the rate before
it; a component ("including the existing 2.5% duty") keeps the sector of its head. A rate with
no sector that applies to the tracked country as a whole is the country (reciprocal) rate.
"3.3 million vehicles", "a 90-day pause" and "a 25% stake" are not tariffs.
"""

from __future__ import annotations

import re

from bot.extract.article import Article
from bot.extract.facts import Tariff
from bot.extract.scope import mentions_third_party

_PCT = r"(?P<{name}>\d{{1,3}}(?:\.\d{{1,2}})?)\s?(?:%|percent\b|per cent\b|-percent\b|pc\b)"
_TARIFF_NOUN = r"(?:tariffs?|levy|levies|dut(?:y|ies)|tax(?:es)?|rates?|surcharges?)"
RATE_RE = re.compile(
    rf"(?:{_PCT.format(name='a')}(?:\s+|-)(?:[\w'’\"“”-]+\s+){{0,3}}{_TARIFF_NOUN}\b"
    rf"|\b{_TARIFF_NOUN}\s+(?:(?:rate\s+)?(?:of|at|to|from)|(?:rate\s+)?(?:on|for)\s+(?:[\w.'’-]+\s+){{1,5}}(?:of|at|to|from))\s+"
    rf"(?:about\s+|around\s+|roughly\s+|nearly\s+|just\s+)?{_PCT.format(name='b')}"
    rf"|\b(?:to|from|at)\s+{_PCT.format(name='c')}(?=[^.]{{0,40}}\b{_TARIFF_NOUN}\b))",
    re.IGNORECASE,
)
REFERENCE_RE = re.compile(r"\b(?:a |the )?(?:similar|same|identical|equivalent)\s+(?:\w+\s+)?" + _TARIFF_NOUN, re.I)
_NOT_A_RATE = re.compile(
    r"\b(?:stake|share|drop|decline|fall|rise|increase|growth|gdp|inflation|approval|interest rate|unemployment|"
    r"market share|probability|chance|majority|discount)\b",
    re.I,
)
_BREAK = re.compile(r",|;|\band\b|\bwith\b|\bwhile\b", re.I)
_COMPONENT = re.compile(r"\b(?:component|including|includ\w+ (?:the )?existing)\b", re.I)
_HAS_RATE = ("%", "percent", "per cent", "similar", "same", "identical", "equivalent")


def _sectors_in(article: Article, start: int, end: int) -> list[str]:
    spans: list[tuple[int, int, str]] = []
    for sector, phrases in article.profile.sectors.items():
        spans += [(s, e, sector) for s, e in article.hits(phrases).within(start, end)]
    kept = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)]
    out: list[str] = []
    for _, _, sector in sorted(kept):
        if sector not in out:
            out.append(sector)
    return out


def find_tariffs(article: Article, skip_paragraphs: set[int]) -> list[Tariff]:
    found: list[Tariff] = []
    seen: set[tuple[str, float]] = set()
    tracked = article.profile.sides[article.profile.tracked_side]
    for sentence in article.sentences:
        if sentence.paragraph in skip_paragraphs:
            continue
        lowered = article.lower[sentence.start : sentence.end]
        if not any(marker in lowered for marker in _HAS_RATE):
            continue
        text = sentence.text
        anchors: list[tuple[int, int, float | None]] = []
        for m in RATE_RE.finditer(text):
            raw = m.group("a") or m.group("b") or m.group("c")
            window = text[max(0, m.start() - 30) : m.end() + 10]
            if _NOT_A_RATE.search(window) and not re.search(r"tariff|levy|dut", m.group(0), re.I):
                continue
            anchors.append((m.start(), m.end(), float(raw)))
        anchors += [(m.start(), m.end(), None) for m in REFERENCE_RE.finditer(text)]
        anchors.sort()
        previous_rate: float | None = found[-1].rate if found else None
        for i, (start, end, rate) in enumerate(anchors):
            if rate is None:
                rate = previous_rate
                if rate is None:
                    continue
            previous_rate = rate
            stop = anchors[i + 1][0] if i + 1 < len(anchors) else len(text)
            if i + 1 < len(anchors):
                cuts = list(_BREAK.finditer(text, end, stop))
                if cuts:
                    stop = cuts[-1].start()
            head_floor = anchors[i - 1][1] if i else max(0, start - 60)
            head_cuts = list(re.finditer(r"[,;]|\band\b|\bwith\b", text[head_floor:start]))
            head_start = head_floor + (head_cuts[-1].end() if head_cuts else 0)
            w_start, w_end = sentence.start + head_start, sentence.start + stop
            if mentions_third_party(article, w_start, w_end):
                continue
            sectors = _sectors_in(article, w_start, w_end)
            if not sectors and found and _COMPONENT.search(text[head_floor:start]):
                sectors = [found[-1].sector]
            if not sectors and article.has(tracked, sentence.start, sentence.end) and "reciprocal" in article.profile.sectors:
                sectors = ["reciprocal"]
            for sector in sectors:
                if (sector, rate) not in seen:
                    seen.add((sector, rate))
                    found.append(Tariff(sector=sector, rate=rate, evidence=text))
    return found
