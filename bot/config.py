"""Settings from the environment and `.env` (the table in docs/interfaces.md), read once at start."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_PROFILE = Path(__file__).parent / "profiles" / "japan_us_2025.toml"


class Settings(BaseSettings):
    """Every knob an operator may turn; names match the environment variables."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: str | None = None
    database_url: str = "sqlite:///parley.db"
    feeds: Annotated[list[str], NoDecode] = Field(default_factory=list)
    poll_interval_seconds: int = Field(default=300, ge=10)
    parley_profile: Path = DEFAULT_PROFILE
    discord_api_base: str = "https://discord.com/api/v10"
    discord_gateway_url: str | None = None
    discord_guild_id: int | None = None
    allow_private_feeds: bool = False

    @field_validator("feeds", mode="before")
    @classmethod
    def _split_feeds(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("discord_token", "discord_gateway_url", "discord_guild_id", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


def load_settings() -> Settings:
    return Settings()
