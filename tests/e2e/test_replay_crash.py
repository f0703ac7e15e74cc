"""Nothing is lost on a crash: a replay killed half-way (SIGKILL after N committed entries) and run
again ends in the same database and the same outbox as one uninterrupted run.

The kill comes from outside the pipeline: `tests.e2e.run_gold_replay --crash-after N` arms a fault
point on SQLAlchemy's commit events in the test process; production code holds no test hook."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SEEDS = ROOT / "seeds"


def _run(db: Path, crash_after: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DISCORD_TOKEN": ""}
    crash = ["--crash-after", str(crash_after)] if crash_after is not None else []
    return subprocess.run(
        [sys.executable, "-m", "tests.e2e.run_gold_replay", str(SEEDS), *crash],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _state(db: Path) -> dict[str, list]:
    """Everything that matters, without ids and timestamps (which differ between runs by nature)."""
    con = sqlite3.connect(db)
    guid = dict(con.execute("SELECT id, guid FROM entry"))
    cluster_of = {cid: guid.get(first) for cid, first in con.execute("SELECT id, first_entry_id FROM story_cluster")}
    state = {
        "entry": sorted(
            (g, link, round_, relevant, guid.get(dup), cluster_of.get(cluster), decision, announced, facts)
            for g, link, round_, relevant, dup, cluster, decision, announced, facts in con.execute(
                "SELECT guid, link, round, relevant, duplicate_of, cluster_id, decision, announced, facts_json FROM entry"
            )
        ),
        "fact": sorted(
            (guid[e], *rest)
            for e, *rest in con.execute("SELECT entry_id, round, kind, key, value, sentence, match FROM fact")
        ),
        "claim": sorted(
            (r, k, key, v, n, guid[first], [guid[i] for i in json.loads(samples)], status)
            for r, k, key, v, n, first, samples, status in con.execute(
                "SELECT round, kind, key, value, source_count, first_entry_id, sample_entry_ids, status FROM claim"
            )
        ),
        "outbox": sorted(
            con.execute(
                "SELECT destination, item_key, kind, payload, revision, delivered_revision, status FROM outbox"
            ).fetchall()
        ),
    }
    con.close()
    return state


@pytest.mark.parametrize("crash_after", [1, 3])
def test_killed_replay_rerun_matches_one_clean_run(tmp_path: Path, crash_after: int) -> None:
    clean = _run(tmp_path / "clean.db")
    assert clean.returncode == 0, clean.stderr

    crashed_db = tmp_path / "crashed.db"
    killed = _run(crashed_db, crash_after=crash_after)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(_state(crashed_db)["entry"]) == crash_after  # the entry in hand was rolled back
    rerun = _run(crashed_db)
    assert rerun.returncode == 0, rerun.stderr

    assert _state(crashed_db) == _state(tmp_path / "clean.db")
    assert rerun.stdout.count("DIGEST  ") == clean.stdout.count("DIGEST  ") == 3
    assert rerun.stdout.count("ALERT  ") == clean.stdout.count("ALERT  ") == 1
