"""Settings from the environment (or a `.env` file), with sane defaults.

Environment variables use the ``GOVKG_`` prefix (``GOVKG_STORE``,
``GOVKG_CACHE_DIR`` ...); the Neo4j connection also accepts the names every
Neo4j tool uses (``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(user_data_dir("govkg", appauthor=False))


def _default_cache_dir() -> Path:
    return Path(user_cache_dir("govkg", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GOVKG_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    store: Path | None = Field(default=None, description="embedded store file; default DATA_DIR/store.json.gz")
    law_catalogue: Path | None = Field(default=None, description="TSV of level, name, published, valid_from, expired")

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("GOVKG_NEO4J_URI", "NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=AliasChoices("GOVKG_NEO4J_USER", "NEO4J_USER"))
    neo4j_password: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("GOVKG_NEO4J_PASSWORD", "NEO4J_PASSWORD")
    )
    neo4j_database: str | None = Field(
        default=None, validation_alias=AliasChoices("GOVKG_NEO4J_DATABASE", "NEO4J_DATABASE")
    )
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474

    api_key: SecretStr | None = None
    cors_origins: list[str] = Field(default_factory=list)
    query_timeout: float = 10.0
    max_page_size: int = 200
    max_upload_bytes: int = 20 * 1024 * 1024

    @property
    def store_path(self) -> Path:
        return self.store or self.data_dir / "store.json.gz"

    @property
    def pkuseg_model_dir(self) -> Path:
        return self.cache_dir / "pkuseg" / "default"

    @property
    def neo4j_home(self) -> Path:
        """Where the local Neo4j server keeps its data, logs and built launcher."""
        return self.cache_dir / "neo4j"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
