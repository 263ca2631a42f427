"""Service settings, read from the environment (names as documented, no prefix magic).

| variable | default | meaning |
|---|---|---|
| DATABASE_URL | sqlite:///<repo>/var/romnotat.sqlite3 | SQLAlchemy URL; PostgreSQL via psycopg 3 |
| ROMNOTAT_SECRET_KEY | var/secret.key, made on first use (SQLite only) | Fernet key(s), |
|   |   | comma-separated: the first encrypts, all decrypt (key rotation) |
| DRAFT_RETENTION_DAYS | 14 | drafts (raw text under review) are purged this long after saving |
| MAX_UPLOAD_BYTES | nlp.readers.MAX_INPUT_BYTES | largest note upload or pasted text, in bytes |
| ACCESS_TOKEN_EXPIRE_MINUTES | 720 | lifetime of an API token |
| ROMNOTAT_VAR_DIR | <repo>/var | where the embedded database and generated key live |
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from nlp.readers import MAX_INPUT_BYTES

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_VAR_DIR = REPO_ROOT / "var"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore", populate_by_name=True)

    var_dir: Path = Field(default=DEFAULT_VAR_DIR, validation_alias="ROMNOTAT_VAR_DIR")
    database_url: str = Field(default="", validation_alias="DATABASE_URL")
    secret_key: SecretStr | None = Field(default=None, validation_alias="ROMNOTAT_SECRET_KEY")
    draft_retention_days: int = Field(default=14, ge=1, validation_alias="DRAFT_RETENTION_DAYS")
    max_upload_bytes: int = Field(
        default=MAX_INPUT_BYTES, ge=1, validation_alias="MAX_UPLOAD_BYTES"
    )
    access_token_expire_minutes: int = Field(
        default=12 * 60, ge=1, validation_alias="ACCESS_TOKEN_EXPIRE_MINUTES"
    )
    migrate_on_startup: bool = Field(default=True, validation_alias="ROMNOTAT_MIGRATE_ON_STARTUP")
    purge_interval_hours: float = Field(
        default=6.0, ge=0, validation_alias="ROMNOTAT_PURGE_INTERVAL_HOURS"
    )
    reprocess_claim_seconds: int = Field(
        default=600, ge=10, validation_alias="ROMNOTAT_REPROCESS_CLAIM_SECONDS"
    )

    @property
    def db_url(self) -> str:
        """The database URL; the embedded SQLite file under var/ when none is set."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.var_dir / 'romnotat.sqlite3'}"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def secret_key_file(self) -> Path:
        return self.var_dir / "secret.key"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
