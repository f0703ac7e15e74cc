"""Extraction time against article length: 5 KB, 50 KB and 500 KB of article text.

    python bench/linearity.py [--rounds N]

A feed may carry a very long entry (a live blog, a transcript, a digest of the day), and a
finder that compares every sentence with every other, or rescans the text per match, makes
such an entry cost quadratically more. This bench builds one article of each size from the
same 5 KB block of the test articles' paragraphs (every copy's lines made unique, so that
boilerplate removal keeps them), times `extract_article` on it in CPU seconds (best of
``--rounds``), and prints the time per KB and the ratio of each size's time per KB to the
5 KB one's. Linear growth keeps the ratios near 1.0; a quadratic step would make the 500 KB
ratio near 100.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.extract.pipeline import extract_article
from bot.extract.profile import default_profile
from bot.feeds.seedfeed import load_seeds

ROOT = Path(__file__).resolve().parents[1]
SIZES_KB = (5, 50, 500)
BLOCK_BYTES = 5 * 1024


def _block() -> tuple[str, list[str]]:
    """A title and about 5 KB of paragraphs, taken in turn from every test article (the seeds and the
    held-out sets), so that the block holds rounds, meetings, rates, positions and asides alike."""
    folders = [ROOT / "seeds", *sorted((ROOT / "tests" / "bot" / "extract").glob("heldout*"))]
    articles = [a for folder in folders for a in load_seeds(folder)]
    texts = [[line.strip() for line in a.text.splitlines() if line.strip()] for a in articles]
    lines, size, depth = [], 0, 0
    while size < BLOCK_BYTES and any(depth < len(t) for t in texts):
        for text in texts:
            if depth < len(text) and size < BLOCK_BYTES:
                lines.append(text[depth])
                size += len(text[depth].encode()) + 1
        depth += 1
    return articles[0].title, lines


def _article_html(lines: list[str], kilobytes: int) -> str:
    """``kilobytes`` of text: copies of the block, each line marked with its copy's number."""
    paragraphs, size, copy = [], 0, 0
    while size < kilobytes * 1024:
        for line in lines:
            text = line if copy == 0 else f"Update {copy}: {line}"
            paragraphs.append(f"<p>{text}</p>")
            size += len(text.encode()) + 1
            if size >= kilobytes * 1024:
                break
        copy += 1
    return "".join(paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds per size; the best is kept (default 5)")
    args = parser.parse_args()
    profile = default_profile()
    title, lines = _block()
    per_kb: dict[int, float] = {}
    for kilobytes in SIZES_KB:
        html = _article_html(lines, kilobytes)
        facts = extract_article(guid="bench", title=title, html=html, published=None, profile=profile)  # warm up
        repeat = max(1, 50 // kilobytes)
        best = float("inf")
        for _ in range(args.rounds):
            start = time.process_time()
            for _ in range(repeat):
                extract_article(guid="bench", title=title, html=html, published=None, profile=profile)
            best = min(best, (time.process_time() - start) / repeat)
        per_kb[kilobytes] = best / kilobytes
        print(
            f"{kilobytes:>4} KB: {best * 1000:8.1f} ms, {per_kb[kilobytes] * 1000:.3f} ms per KB "
            f"(relevant={facts.relevant}, {len(facts.participants)} participants, {len(facts.tariffs)} tariffs)"
        )
    base = per_kb[SIZES_KB[0]]
    for kilobytes in SIZES_KB[1:]:
        print(f"time per KB at {kilobytes} KB / at {SIZES_KB[0]} KB: {per_kb[kilobytes] / base:.2f} (linear: 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
