"""Extraction speed against feedparser's own parse of the same entries.

    python bench/extract.py [FEED] [--rounds N]

Prints articles per second for `bot.extract.extract_entry` on one core and, measured in the
same run on the same entries, the time feedparser takes to parse each entry (the whole feed's
parse divided by its entries). The figure that matters is the ratio extraction / parsing:
machines here are shared, so both are timed in CPU seconds of this process, interleaved round
by round, and the best round of each is kept. Target: ratio <= 1.0.

Timings here move by 10-20% with the machine's load; bench/extract_instructions.sh gives the
same ratio in instructions (valgrind), which does not move.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import feedparser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.extract import extract_entry
from bot.extract.profile import default_profile
from bot.feeds.parse import parse_feed
from bot.feeds.seedfeed import seed_feed_xml


def _cpu_seconds(fn: Callable[[], object], repeat: int) -> float:
    start = time.process_time()
    for _ in range(repeat):
        fn()
    return (time.process_time() - start) / repeat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feed", nargs="?", help="a feed file (default: the seed feed)")
    parser.add_argument("--rounds", type=int, default=9, help="interleaved timing rounds (default 9)")
    parser.add_argument(
        "--only", choices=("extract", "parse"), help="run one side --repeat times untimed, for an outside counter"
    )
    parser.add_argument("--repeat", type=int, default=0, help="passes over the entries with --only (default 0)")
    args = parser.parse_args()
    data = Path(args.feed).read_bytes() if args.feed else seed_feed_xml(Path("seeds")).encode()
    profile = default_profile()
    entries = parse_feed(data).entries
    if not entries:
        print("the feed has no entries", file=sys.stderr)
        return 2

    def extract_all() -> None:
        for entry in entries:
            extract_entry(entry, profile)

    def parse_all() -> None:
        feedparser.parse(data)

    extract_all()  # warm up: profile compiled, caches filled
    parse_all()
    if args.only:  # bench/extract_instructions.sh counts the instructions of these passes
        for _ in range(args.repeat):
            extract_all() if args.only == "extract" else parse_all()
        return 0
    repeat = max(1, 200 // len(entries))
    parse_times, extract_times = [], []
    for _ in range(args.rounds):
        parse_times.append(_cpu_seconds(parse_all, repeat) / len(entries))
        extract_times.append(_cpu_seconds(extract_all, repeat) / len(entries))
    parse, extract = min(parse_times), min(extract_times)
    print(f"entries: {len(entries)} ({len(data) // 1024} KiB feed)")
    print(f"extraction: {1 / extract:,.0f} articles/s on one core ({extract * 1000:.3f} ms per entry)")
    print(f"feedparser: {parse * 1000:.3f} ms per entry")
    print(f"ratio extraction/parsing: {extract / parse:.2f} (target <= 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
