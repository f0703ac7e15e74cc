"""Blind held-out sets, scored by `parley score` with the profile each was written for.

Each set under blind/ was written by an author who saw only the README and the JSON format,
never the code: thirty-eight Japan–US sets in styles the earlier sets did not cover, thirty-seven sets
on the 2025 US–China talks for the second shipped profile, two each on the 2025 US–India, EU–US and
South Korea–US talks (by two authors each) and one each on the UK–US, Switzerland–US, Vietnam–US,
Canada–US, Mexico–US, South Africa–US, Brazil–US, Indonesia–US, Taiwan–US, Thailand–US, Philippines–US and Malaysia–US talks, the
EU–China talks on electric-vehicle duties, the UK–India, EU–India, UK–Gulf Cooperation Council, EU–Indonesia, India–New Zealand and UK–Switzerland free trade talks, the
Canada–China tariff talks and the EU–Mercosur agreement, each with the profile its author wrote
from the README (blind/NAME/profile.toml). Their first scores (blind/first_scores.toml) were
recorded before anything was changed for them; those figures are the honest estimate for articles
Parley has not seen, and no later change may fall below them. Each set's score now
(`NOW_AT_LEAST`, the README's "now" column) is a second floor, raised with each mechanism that
lifts it, so a gain cannot silently be lost.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BLIND = Path(__file__).parent / "blind"
FIRST = tomllib.loads((BLIND / "first_scores.toml").read_text(encoding="utf-8"))
#: today's score of each set: raise it when a change lifts a set, never lower it (a set not
#: listed yet is held at its first score)
NOW_AT_LEAST = {"brus1": 0.864, "cach1": 0.901, "caus1": 0.862, "eu1": 0.899, "eu2": 0.900, "euc1": 0.886, "euid1": 0.841, "euin1": 0.905, "eums1": 0.765, "idus1": 0.955, "innz1": 0.907, "inus2": 0.840, "jus1": 0.978, "jus10": 0.935, "jus11": 0.915, "jus12": 0.954, "jus13": 0.939, "jus14": 0.942, "jus15": 0.966, "jus16": 0.924, "jus17": 0.952, "jus18": 0.951, "jus19": 0.954, "jus2": 0.987, "jus20": 0.950, "jus21": 0.934, "jus22": 0.958, "jus23": 0.893, "jus24": 0.930, "jus25": 0.858, "jus26": 0.889, "jus27": 0.873, "jus28": 0.897, "jus29": 0.869, "jus3": 0.918, "jus30": 0.889, "jus31": 0.854, "jus32": 0.881, "jus33": 0.869, "jus34": 0.873, "jus35": 0.837, "jus4": 0.962, "jus5": 0.922, "jus6": 0.958, "jus7": 0.915, "jus8": 0.971, "jus9": 0.935, "mxus1": 0.910, "myus1": 0.856, "phus1": 0.776, "swus1": 0.886, "thus1": 0.882, "twus1": 0.892, "ukin1": 0.869, "ukus1": 0.873, "usc1": 0.976, "usc10": 0.933, "usc11": 0.945, "usc12": 0.815, "usc13": 0.947, "usc14": 0.871, "usc15": 0.953, "usc16": 0.951, "usc17": 0.917, "usc18": 0.950, "usc19": 0.935, "usc2": 0.921, "usc20": 0.912, "usc21": 0.915, "usc22": 0.962, "usc23": 0.905, "usc24": 0.858, "usc25": 0.857, "usc26": 0.917, "usc27": 0.906, "usc28": 0.953, "usc29": 0.848, "usc3": 0.938, "usc30": 0.806, "usc32": 0.911, "usc33": 0.828, "usc35": 0.900, "usc36": 0.890, "usc4": 0.929, "usc5": 0.929, "usc6": 0.952, "usc7": 0.980, "usc8": 0.927, "usc9": 0.953, "usi1": 0.902, "usk1": 0.929, "usk2": 0.905, "vnus1": 0.779, "zaus1": 0.849}  # fmt: skip


def overall_f1(folder: Path, profile: str) -> float:
    scored = subprocess.run(
        [sys.executable, "-m", "bot", "score", str(folder / "gold.json"), str(folder), "--profile", str(ROOT / profile)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert scored.returncode == 0, scored.stderr
    last = scored.stdout.strip().splitlines()[-1]
    assert last.startswith("overall F1 = "), scored.stdout
    return float(last.split("=")[1].split()[0])


def test_every_blind_folder_has_a_recorded_first_score():
    folders = {p.name for p in BLIND.iterdir() if p.is_dir()}
    assert folders == set(FIRST) and set(NOW_AT_LEAST) <= folders
    assert all((BLIND / name / "gold.json").is_file() and (BLIND / name / "manifest.toml").is_file() for name in folders)


@pytest.mark.parametrize("name", sorted(FIRST))
def test_a_blind_set_never_scores_below_its_first_blind_run(name):
    record = FIRST[name]
    score = overall_f1(BLIND / name, record["profile"])
    assert score >= record["first"]
    floor = NOW_AT_LEAST.get(name, record["first"])  # a new set: its first score is its score now
    assert score >= floor, f"{name} fell from {floor} to {score}"
