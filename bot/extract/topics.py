"""Topics discussed, on the agenda, demanded or proposed, and topics said not to be discussed.

Works clause by clause ("they discussed autos but did not discuss currency"). Speculation
("may have talked about") is never a topic; plans a side is only *considering* count only when
the article previews an upcoming round.
"""

from __future__ import annotations

from bot.extract.article import Article
from bot.extract.cues import CLAUSE_SPLIT, CONSIDERING, DISCUSSED, NOT_DISCUSSED, SPECULATION


def find_topics(
    article: Article, *, upcoming: bool, skip_paragraphs: set[int]
) -> tuple[list[str], list[str], dict[str, str]]:
    topics: list[str] = []
    not_discussed: list[str] = []
    evidence: dict[str, str] = {}
    for sentence in article.sentences:
        if sentence.paragraph in skip_paragraphs or sentence.paragraph == 0:
            continue
        if SPECULATION.search(sentence.text):
            continue
        for clause in CLAUSE_SPLIT.split(sentence.text):
            found = [topic for topic, regex in article.profile.topics.items() if regex.search(clause)]
            if not found:
                continue
            if NOT_DISCUSSED.search(clause):
                for topic in found:
                    if topic not in not_discussed:
                        not_discussed.append(topic)
                        evidence[f"not_discussed:{topic}"] = sentence.text
                continue
            considering = CONSIDERING.search(clause)
            if considering and not upcoming:
                continue
            if not (DISCUSSED.search(clause) or (considering and upcoming)):
                continue
            for topic in found:
                if topic not in topics:
                    topics.append(topic)
                    evidence[f"topic:{topic}"] = sentence.text
    topics = [t for t in topics if t not in not_discussed]
    return topics, not_discussed, evidence
