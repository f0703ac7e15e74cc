"""Settings from the environment and `.env` (the table in docs/interfaces.md), read once at start."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_PROFILE = Path(__file__).parent / "profiles" / "japan_us_2025.toml"


class Settings(BaseSettings):
    """Every knob an operator may turn; names match the environment variables."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: str | None = None
    database_url: str = "sqlite:///parley.db"
    allow_private_feeds: bool = False  # before FEEDS: FEEDS are checked against it
    feeds: Annotated[list[str], NoDecode] = Field(default_factory=list)
    poll_interval_seconds: int = Field(default=300, ge=10)
    parley_profile: Path = DEFAULT_PROFILE
    discord_api_base: str = "https://discord.com/api/v10"
    discord_gateway_url: str | None = None
    discord_guild_id: int | None = None
    # How long a delivery worker holds an outbox row without renewing it; a crashed worker's
    # rows are taken over after this long. A post is given up after half of it.
    delivery_lease_seconds: int = Field(default=60, ge=2, le=3600)
    # None: INFO for `parley run`, WARNING for the one-shot commands (their report is on stdout).
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] | None = None
    log_format: Literal["text", "json"] = "text"
    # Prometheus metrics of `parley run` on this port (off when unset); METRICS_HOST 0.0.0.0 in a container.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_host: str = "127.0.0.1"

    @field_validator("feeds", mode="before")
    @classmethod
    def _split_feeds(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("feeds", mode="after")
    @classmethod
    def _canonical_feeds(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Each FEEDS address with its host canonicalised; a private one is refused at start,
        with the reason, unless ALLOW_PRIVATE_FEEDS (as `/feed add` refuses it)."""
        from bot.feeds.guard import FeedUrlError, canonical_feed_url

        allow = bool(info.data.get("allow_private_feeds", False))
        try:
            return [canonical_feed_url(url, allow_private=allow) for url in value]
        except FeedUrlError as exc:
            raise PydanticCustomError("feed_url", "{reason}", {"reason": str(exc)}) from None

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_in_any_case(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().upper() or None
        return value

    @field_validator("log_format", mode="before")
    @classmethod
    def _format_in_any_case(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("discord_token", "discord_gateway_url", "discord_guild_id", "metrics_port", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


def load_settings() -> Settings:
    return Settings()
