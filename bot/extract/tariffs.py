"""Tariff rates stated for goods traded between the two sides.

A rate is a percentage tied to a tariff word ("a 25% levy", "tariffs of 24 percent", "a tariff
rate of 15%"); the goods are the sector words that follow it up to the next rate ("a 25% levy
on steel and aluminum" is two facts). A reference ("a similar tax on autos") takes the rate
before it; a component ("including the existing 2.5% duty") keeps the sector of its head.
A rate with no sector that applies to the tracked country as a whole is the country
(reciprocal) rate. "3.3 million vehicles", "a 90-day pause" and "a 25% stake" are not tariffs.
"""

from __future__ import annotations

import re

from bot.extract.article import Article
from bot.extract.facts import Tariff
from bot.extract.scope import mentions_third_party

_PCT = r"(?P<rate>\d{1,3}(?:\.\d{1,2})?)\s?(?:%|percent\b|per cent\b|-percent\b|pc\b)"
_TARIFF_NOUN = r"(?:tariffs?|levy|levies|dut(?:y|ies)|tax(?:es)?|rates?|surcharges?)"
RATE_RE = re.compile(
    rf"(?:{_PCT}(?:\s+|-)(?:(?:[\w-]+\s+){{0,3}}){_TARIFF_NOUN}\b"
    rf"|\b{_TARIFF_NOUN}\s+(?:(?:rate\s+)?(?:of|at|to|from)|(?:rate\s+)?(?:on|for)\s+(?:[\w.'’-]+\s+){{1,5}}(?:of|at|to|from))\s+"
    rf"(?:about\s+|around\s+|roughly\s+|nearly\s+)?{_PCT.replace('rate', 'rate2')}"
    rf"|\b(?:to|from|at)\s+{_PCT.replace('rate', 'rate3')}(?=[^.]{{0,40}}\b{_TARIFF_NOUN}\b))",
    re.IGNORECASE,
)
REFERENCE_RE = re.compile(r"\b(?:a |the )?(?:similar|same|identical|equivalent)\s+(?:\w+\s+)?" + _TARIFF_NOUN, re.I)
_NOT_A_RATE = re.compile(r"\b(?:stake|share|drop|decline|fall|rise|increase|growth|gdp|inflation|approval|"
                         r"interest rate|unemployment|market share|probability|chance|majority|discount)\b", re.I)
_BREAK = re.compile(r",|;|\band\b|\bwith\b|\bwhile\b", re.I)


def _sectors_in(article: Article, text: str) -> list[str]:
    spans: list[tuple[int, int, str]] = []
    for sector, regex in article.profile.sectors.items():
        spans += [(m.start(), m.end(), sector) for m in regex.finditer(text)]
    kept = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)]
    kept.sort()
    out: list[str] = []
    for _, _, sector in kept:
        if sector not in out:
            out.append(sector)
    return out


def _targets_tracked_side(article: Article, text: str) -> bool:
    tracked = article.profile.sides[article.profile.tracked_side]
    return bool(tracked.search(text))


def find_tariffs(article: Article, skip_paragraphs: set[int]) -> list[Tariff]:
    found: list[Tariff] = []
    seen: set[tuple[str, float]] = set()
    for sentence in article.sentences:
        if sentence.paragraph in skip_paragraphs:
            continue
        text = sentence.text
        anchors: list[tuple[int, int, float | None]] = []
        for m in RATE_RE.finditer(text):
            raw = m.group("rate") or m.group("rate2") or m.group("rate3")
            window = text[max(0, m.start() - 30) : m.end() + 10]
            if _NOT_A_RATE.search(window) and not re.search(r"tariff|levy|dut", m.group(0), re.I):
                continue
            anchors.append((m.start(), m.end(), float(raw)))
        for m in REFERENCE_RE.finditer(text):
            anchors.append((m.start(), m.end(), None))
        anchors.sort()
        previous_rate: float | None = found[-1].rate if found else None
        for i, (start, end, rate) in enumerate(anchors):
            if rate is None:
                rate = previous_rate
                if rate is None:
                    continue
            previous_rate = rate
            stop = anchors[i + 1][0] if i + 1 < len(anchors) else len(text)
            tail = text[end:stop]
            if i + 1 < len(anchors):
                cuts = list(_BREAK.finditer(tail))
                if cuts:
                    tail = tail[: cuts[-1].start()]
            head_start = anchors[i - 1][1] if i else max(0, start - 60)
            head = text[head_start:start]
            head = re.split(r"[,;]|\band\b|\bwith\b", head)[-1]
            window = head + text[start:end] + tail
            if mentions_third_party(article, window):
                continue
            sectors = _sectors_in(article, window)
            if not sectors and re.search(r"\b(?:component|including|includ\w+ (?:the )?existing)\b", head, re.I) and found:
                sectors = [found[-1].sector]
            if not sectors and _targets_tracked_side(article, text):
                sectors = ["reciprocal"] if "reciprocal" in article.profile.sectors else []
            for sector in sectors:
                key = (sector, rate)
                if key not in seen:
                    seen.add(key)
                    found.append(Tariff(sector=sector, rate=rate, evidence=text))
    return found
