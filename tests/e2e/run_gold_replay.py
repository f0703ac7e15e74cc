"""`python -m tests.e2e.run_gold_replay SEEDS_DIR [--crash-after N]`: `parley replay SEEDS_DIR
--console` with the gold facts, in a process of its own, so a test can kill it half-way (see
test_replay_crash.py).

``--crash-after N`` arms a fault point that lives here, in the test tree, not in the pipeline:
SQLAlchemy session events count the entries each transaction stores, and the process kills
itself (SIGKILL, no clean-up of any kind) just before the commit that would store entry N+1.
The pipeline runs unchanged; it cannot tell a test is watching.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from bot.config import load_settings
from bot.replay import replay
from storage.models import Entry
from tests.e2e.gold import GoldExtractor


def arm_crash_after(limit: int) -> None:
    """SIGKILL this process before committing a transaction that would take the number of
    committed entries past ``limit``."""
    committed = 0
    flushed: dict[int, int] = {}  # entries flushed by each session's open transaction

    def entries_in(objects: object) -> int:
        return sum(isinstance(o, Entry) for o in objects)  # type: ignore[attr-defined]

    @event.listens_for(Session, "after_flush")
    def _count(session: Session, _flush: UOWTransaction) -> None:
        flushed[id(session)] = flushed.get(id(session), 0) + entries_in(session.new)

    @event.listens_for(Session, "before_commit")
    def _maybe_kill(session: Session) -> None:
        nonlocal committed
        stored = flushed.pop(id(session), 0) + entries_in(session.new)  # new: added, not yet flushed
        if stored and committed + stored > limit:
            os.kill(os.getpid(), signal.SIGKILL)
        committed += stored

    @event.listens_for(Session, "after_rollback")
    def _forget(session: Session) -> None:
        flushed.pop(id(session), None)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="run_gold_replay")
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--crash-after", type=int, default=None, metavar="N")
    args = parser.parse_args(argv)
    if args.crash_after is not None:
        arm_crash_after(args.crash_after)
    return asyncio.run(replay(load_settings(), args.seeds, True, extract=GoldExtractor()))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
