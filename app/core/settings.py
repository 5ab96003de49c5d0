"""Settings read from the environment (and `.env`), shared by the API and the ingest job."""

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "oncology.sqlite3"
# The longest one report may parse, in a file ingest or an upload (ingest/limits.py).
MAX_PARSE_SECONDS = 10.0


def normalize_database_url(url: str) -> str:
    """Accept the `postgresql://` / `postgres://` URLs compose files and hosts write."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{DEFAULT_SQLITE_PATH}",
        description="SQLAlchemy URL; default is the embedded SQLite file under data/.",
    )
    admin_token: SecretStr | None = Field(
        default=None, description="Bearer token for /admin routes; unset disables them."
    )
    cors_origins: list[str] = Field(default=["*"], description="Origins allowed to GET.")
    public_base_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^/?#\s]+$",
        description="scheme://host[:port] every absolute URL in answers starts with, whatever "
        "Host the client sent. Unset: URLs follow each request's host (the response cache "
        "keys on it, so one client's Host never reaches another's answer).",
    )
    max_upload_bytes: int = Field(default=5_000_000, gt=0)
    parse_timeout_seconds: float = Field(
        default=MAX_PARSE_SECONDS, gt=0, description="Longest an uploaded page may parse."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    otel_enabled: bool = Field(
        default=False,
        description="FastAPI's native OpenTelemetry (global providers). Off: /metrics and the "
        "JSON request log cover operations, and the per-request check costs about 10 µs.",
    )
    sqlite_busy_timeout_ms: int = Field(default=5_000, ge=0)
    max_concurrent_exports: int = Field(
        default=4,
        ge=1,
        description="Exports (CSV, NDJSON) one API process reads from the database at once; "
        "beyond, 503 with Retry-After. Each is spooled before it is sent, so a slow client "
        "holds no connection.",
    )
    max_request_header_bytes: int = Field(
        default=65_536,
        ge=1_024,
        description="Largest request line plus headers the server reads; beyond, 431.",
    )
    request_header_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        description="How long a client may take to send a request line and its headers; "
        "beyond, 408 and the connection is closed.",
    )
    worker_threads: int = Field(
        default=8,
        ge=1,
        description="Threads per API process running blocking route code (database reads). "
        "More do not answer faster on a few CPUs; each keeps a connection, its cache and a "
        "malloc arena (at 40, anyio's default, a worker reached 244 MB after P2's load).",
    )

    @field_validator("admin_token")
    @classmethod
    def _blank_token_is_none(cls, token: SecretStr | None) -> SecretStr | None:
        """`ADMIN_TOKEN=` (empty, as compose files often leave it) disables the admin routes."""
        return token if token and token.get_secret_value().strip() else None

    @field_validator("public_base_url")
    @classmethod
    def _blank_base_url_is_none(cls, url: str | None) -> str | None:
        return url.strip().rstrip("/") or None if url else None

    @field_validator("database_url")
    @classmethod
    def _normalize_url(cls, url: str) -> str:
        return normalize_database_url(url.strip())


@cache
def get_settings() -> Settings:
    return Settings()
