"""The deployment files name only settings Parley knows, and say what a service needs.

No container engine or systemd runs where the tests run, so the image is not built and the unit
is not started here; what can be checked is that compose.yaml and the unit parse, and that every
environment variable they give Parley is a setting of `bot.config.Settings` (a misspelt name
would be silently ignored and the bot would run on a default).
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import yaml

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[1]
KNOWN = {name.upper() for name in Settings.model_fields}


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_gives_parley_only_settings_it_knows():
    parley = compose()["services"]["parley"]
    given = set(parley["environment"])
    assert given and given <= KNOWN, given - KNOWN
    assert parley["environment"]["DATABASE_URL"].startswith("postgresql://")


def test_compose_runs_postgresql_with_a_volume_and_a_health_check_parley_waits_for():
    document = compose()
    db = document["services"]["db"]
    assert db["image"].startswith("postgres:")
    volume = db["volumes"][0].split(":")[0]
    assert volume in document["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert document["services"]["parley"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_compose_database_url_matches_the_database_it_creates():
    services = compose()["services"]
    env = services["db"]["environment"]
    url = services["parley"]["environment"]["DATABASE_URL"]
    assert url == f"postgresql://{env['POSTGRES_USER']}:{env['POSTGRES_PASSWORD']}@db:5432/{env['POSTGRES_DB']}"


def test_the_dockerfile_installs_from_the_lock_and_runs_the_bot():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.1[1-9]", text, re.M)
    assert "--require-hashes" in text and "requirements.lock" in text
    assert re.search(r'^CMD \["parley", "run"\]$', text, re.M)
    for name in re.findall(r"^ENV\s+(.*?)(?<!\\)$", text, re.M | re.S):
        assert not {n for n in re.findall(r"\b([A-Z_]+)=", name) if not n.startswith(("PYTHON", "PIP_"))} - KNOWN


def test_the_systemd_unit_runs_parley_and_stops_it_with_sigterm():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(ROOT / "deploy" / "parley.service", encoding="utf-8")
    service = unit["Service"]
    assert service["ExecStart"].endswith("parley run")
    assert service["KillSignal"] == "SIGTERM"
    assert service["RestartPreventExitStatus"] == "2"  # a settings mistake is not fixed by restarting
    names = {item.split("=", 1)[0] for item in service["Environment"].split()}
    assert names <= KNOWN


def test_every_setting_is_in_env_example_and_the_readme():
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in KNOWN:
        assert re.search(rf"^#? ?{name}=", example, re.M), f"{name} is missing from .env.example"
        assert f"`{name}`" in readme, f"{name} is missing from the README's configuration table"
