"""`python -m tests.e2e.run_gold_replay SEEDS_DIR`: `parley replay SEEDS_DIR --console` with the
gold facts, in a process of its own (so a test can kill it half-way, see test_replay_crash.py)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.config import load_settings
from bot.replay import replay
from tests.e2e.gold import GoldExtractor

if __name__ == "__main__":
    sys.exit(asyncio.run(replay(load_settings(), Path(sys.argv[1]), True, extract=GoldExtractor())))
