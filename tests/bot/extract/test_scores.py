"""`parley extract` scored against gold facts: the seeds, and held-out articles in other styles.

The seed gold and the scorer are the project's outside checks (../shared/eval/); the held-out
sets (heldout/ to heldout12/) were written by other authors, all but the first two blind to the
code, in other outlets' styles (wire, live blog, TV transcript, Q&A, government release, trade
press...) to keep the rules general. Both run the real command line on a real RSS file, exactly
as the outside checks do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.feeds.seedfeed import seed_feed_xml

ROOT = Path(__file__).resolve().parents[3]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
HERE = Path(__file__).parent

pytestmark = pytest.mark.skipif(
    not (SHARED_EVAL / "score.py").exists(), reason=f"the scorer is not beside the checkout ({SHARED_EVAL})"
)


def _score(feed_folder: Path, gold: Path, tmp_path: Path) -> float:
    feed = tmp_path / "feed.xml"
    feed.write_text(seed_feed_xml(feed_folder), encoding="utf-8")
    out = tmp_path / "out.json"
    extracted = subprocess.run(
        [sys.executable, "-m", "bot", "extract", str(feed), "--json"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert isinstance(json.loads(extracted.stdout), list)
    out.write_text(extracted.stdout, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score.py"), str(gold), str(out), "--verbose"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    last = scored.stdout.strip().splitlines()[-1]
    assert last.startswith("overall F1 = "), scored.stdout
    return float(last.split("=")[1].split()[0])


def test_seed_feed_scores_at_least_095(tmp_path):
    assert _score(ROOT / "seeds", SHARED_EVAL / "seeds_gold.json", tmp_path) >= 0.95


@pytest.mark.parametrize("folder", sorted(HERE.glob("heldout*")), ids=lambda p: p.name)
def test_each_held_out_set_in_other_styles_scores_at_least_090(folder, tmp_path):
    assert _score(folder, folder / "gold.json", tmp_path) >= 0.90
