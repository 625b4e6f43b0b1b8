"""One typed settings object, read once at start-up and passed explicitly.

Sources, lowest to highest priority: the defaults below, a TOML file (``--config PATH``,
else ``./orderintake.toml`` when present), then environment variables named
``ORDERINTAKE_<KEY>`` (upper case). Every key is validated here, once, with an error
that names the key, the source and what was expected, so a bad setting stops the
daemon at start-up instead of failing on the first mail at 3 a.m.

Secrets never live in this file's values as literals: keys ending in ``_file`` point to
a file holding the secret, and the environment can carry the secret itself.

A stdlib dataclass rather than pydantic-settings: the command line must start in well
under half a second, and this is the only place settings are parsed.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

ENV_PREFIX = "ORDERINTAKE_"
DEFAULT_CONFIG_FILE = Path("orderintake.toml")
#: The repository's shipped rule files (the package lives in daemon/orderintake/).
SHIPPED_RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


def _doc(text: str, default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A dataclass field carrying its documentation (checked against the example file)."""
    if default is dataclasses.MISSING:
        return field(metadata={"doc": text}, **kw)
    return field(default=default, metadata={"doc": text}, **kw)


@dataclass(frozen=True)
class Settings:
    """Every setting of orderintake. See ``deploy/orderintake.example.toml``."""

    data_dir: Path = _doc("Folder for the database, stored mails and attachments.", Path("data"))
    database_url: str = _doc(
        "SQLAlchemy URL; empty means SQLite in data_dir (orderintake.sqlite3).", ""
    )
    mailbox_url: str = _doc(
        "maildir:///path, imap://user@host[:port]/FOLDER or imaps://…; "
        "empty means a Maildir in data_dir/maildir.",
        "",
    )
    rules_dir: Path = _doc("Folder of rule files; empty means the shipped rules/.", Path(""))
    ocr_lang: str = _doc("Tesseract languages, joined with '+'.", "fra+eng")
    ocr_dpi: int = _doc("Resolution scanned PDF pages are rendered at for OCR.", 300)
    ocr_timeout: float = _doc("Seconds Tesseract may spend on one page before giving up.", 120.0)
    jobs: int = _doc("Worker processes for OCR (0 means one per CPU core).", 0)
    max_image_pixels: int = _doc(
        "Decompression-bomb limit: images with more pixels are refused.", 120_000_000
    )
    own_identifiers: tuple[str, ...] = _doc(
        "Our own SIREN/SIRET/VAT numbers: never taken as the customer's.", ()
    )
    auto_accept_threshold: float = _doc(
        "Calibrated score above which a candidate is validated without a clerk; "
        "1.0 or more disables auto-accept (the default).",
        1.01,
    )
    sirene_providers: tuple[str, ...] = _doc(
        "SIRENE register sources, tried in order: 'offline' (stock imported with "
        "`orderintake sirene import`), 'insee' (API Sirene, needs a key), "
        "'recherche-entreprises' (public, no key). Empty disables look-ups.",
        ("offline", "insee", "recherche-entreprises"),
    )
    insee_api_url: str = _doc(
        "Base URL of INSEE's API Sirene.", "https://api.insee.fr/api-sirene/3.11"
    )
    insee_api_key_file: str = _doc(
        "File holding the INSEE API key (first line); the environment variable "
        "ORDERINTAKE_INSEE_API_KEY takes precedence. Without a key 'insee' is skipped.",
        "",
    )
    insee_requests_per_minute: int = _doc(
        "INSEE's quota for the whole process (their limit is 30 per minute).", 30
    )
    recherche_entreprises_url: str = _doc(
        "Base URL of the public recherche-entreprises API (7 requests/s, no key).",
        "https://recherche-entreprises.api.gouv.fr",
    )
    sirene_timeout: float = _doc("Seconds to wait for a register (INSEE, VIES) answer.", 10.0)
    sirene_cache_ttl_days: int = _doc(
        "Days a register answer is trusted before it is asked again in the background.", 30
    )
    vies_enabled: bool = _doc("Check EU VAT numbers outside France with VIES.", False)
    vies_url: str = _doc(
        "Base URL of the European Commission's VIES REST API.",
        "https://ec.europa.eu/taxation_customs/vies/rest-api",
    )
    webhook_url: str = _doc(
        "Where validated orders are POSTed as JSON (hand-off webhook); empty disables it.", ""
    )
    webhook_secret_file: str = _doc(
        "File holding the webhook's HMAC-SHA256 key (X-Orderintake-Signature header); "
        "ORDERINTAKE_WEBHOOK_SECRET may carry the key itself. Empty: unsigned.",
        "",
    )
    handoff_max_attempts: int = _doc(
        "Attempts (exponential backoff) before a delivery is marked failed; "
        "a failed delivery is still retried hourly and shown in the admin page.",
        8,
    )
    public_base_url: str = _doc(
        "Address clerks and the order-entry system reach the review page at "
        "(for links to attachments in hand-off payloads).",
        "http://127.0.0.1:8000",
    )
    poll_interval: float = _doc(
        "Seconds between two polls of the mailbox (IMAP IDLE wakes the poller sooner).", 60.0
    )
    idle: bool = _doc("Use IMAP IDLE, when the server offers it, to see new mail at once.", True)
    reconnect_max: float = _doc(
        "Longest wait, in seconds, between two reconnection attempts (exponential backoff "
        "with jitter from 1 s up to this).",
        300.0,
    )
    workers: int = _doc(
        "Mails processed in parallel by the daemon (worker processes); 1 processes in line.",
        1,
    )
    max_attempts: int = _doc(
        "Attempts at one mail (failures and interrupted runs) before it is marked failed "
        "and moved to the needs-attention folder.",
        3,
    )
    retry_delay: float = _doc(
        "Seconds before the first retry of a failed mail; doubled at each further attempt.",
        300.0,
    )
    lease_seconds: float = _doc(
        "Seconds a worker holds a mail; a daemon killed mid-mail loses it after this.", 900.0
    )
    post_action: str = _doc(
        "After a mail's result is stored: 'move' it to the folders below, 'flag' it with "
        "post_flag, or 'none'.",
        "move",
    )
    folder_processed: str = _doc("Folder for mails queued for validation.", "Orders/Processed")
    folder_not_order: str = _doc("Folder for mails that are not orders.", "Orders/NotOrder")
    folder_needs_attention: str = _doc(
        "Folder for mails that failed, and order-like mails without an attachment.",
        "Orders/NeedsAttention",
    )
    post_flag: str = _doc("IMAP keyword set when post_action is 'flag'.", "$OrderIntake")
    retention_days: int = _doc(
        "Days the original mails and attachments of finished mails are kept; 0 keeps them "
        "for ever. The database rows (results, validations) are kept.",
        0,
    )
    imap_password_file: str = _doc(
        "File holding the IMAP password (first line); the environment variable "
        "ORDERINTAKE_IMAP_PASSWORD takes precedence.",
        "",
    )
    imap_ca_file: str = _doc(
        "PEM file of the CA that signed an internal IMAP server's certificate "
        "(empty: the system's CAs). Certificates are always verified.",
        "",
    )
    imap_starttls: bool = _doc(
        "For imap:// URLs: upgrade the connection with STARTTLS before logging in.", True
    )
    imap_oauth2_token_command: str = _doc(
        "Command printing an OAuth2 access token (Microsoft 365, Gmail), split like a "
        "shell command line but run without a shell; when set, XOAUTH2 is used instead "
        "of a password.",
        "",
    )
    imap_oauth2_token_file: str = _doc(
        "File holding an OAuth2 access token, refreshed by another tool (XOAUTH2 login).", ""
    )
    imap_timeout: float = _doc(
        "Socket timeout in seconds for every IMAP command (a hung server is dropped).", 30.0
    )
    imap_idle_renew: float = _doc(
        "Seconds after which IDLE is ended and re-issued (servers drop it after 29 min).",
        240.0,
    )
    log_json: bool = _doc("Write logs as JSON lines instead of text.", False)
    log_level: str = _doc("Logging level: DEBUG, INFO, WARNING or ERROR.", "INFO")

    def __post_init__(self) -> None:
        if not self.database_url:
            url = f"sqlite:///{(self.data_dir / 'orderintake.sqlite3').as_posix()}"
            object.__setattr__(self, "database_url", url)
        if not self.mailbox_url:
            object.__setattr__(
                self, "mailbox_url", f"maildir://{(self.data_dir / 'maildir').resolve()}"
            )
        if str(self.rules_dir) in ("", "."):
            object.__setattr__(self, "rules_dir", SHIPPED_RULES_DIR)
        if not self.ocr_lang or not all(p.isalnum() or "_" in p for p in self.ocr_lang.split("+")):
            raise ConfigError(f"ocr_lang: expected languages like 'fra+eng', got {self.ocr_lang!r}")
        if self.ocr_dpi < 72 or self.ocr_dpi > 600:
            raise ConfigError(f"ocr_dpi: expected 72..600, got {self.ocr_dpi}")
        if self.jobs < 0:
            raise ConfigError(f"jobs: expected 0 or more, got {self.jobs}")
        if self.post_action not in ("move", "flag", "none"):
            raise ConfigError(
                f"post_action: expected 'move', 'flag' or 'none', got {self.post_action!r}"
            )
        for key in ("workers", "max_attempts"):
            if getattr(self, key) < 1:
                raise ConfigError(f"{key}: expected 1 or more, got {getattr(self, key)}")
        if self.max_attempts > 100:
            raise ConfigError(f"max_attempts: expected at most 100, got {self.max_attempts}")
        for key in _SECONDS_KEYS:
            v = getattr(self, key)
            if not (math.isfinite(v) and v > 0) and not (key == "retry_delay" and v == 0):
                raise ConfigError(f"{key}: expected a positive number of seconds, got {v}")
        if self.log_level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ConfigError(
                f"log_level: expected DEBUG/INFO/WARNING/ERROR, got {self.log_level!r}"
            )
        scheme = self.mailbox_url.split("://", 1)[0]
        if scheme not in ("maildir", "imap", "imaps"):
            raise ConfigError(
                f"mailbox_url: expected maildir://, imap:// or imaps://, got {self.mailbox_url!r}"
            )

    @property
    def worker_count(self) -> int:
        return self.jobs or (os.cpu_count() or 1)


#: Durations in seconds: finite and positive (retry_delay may be 0: retry at once).
_SECONDS_KEYS = (
    "poll_interval",
    "lease_seconds",
    "reconnect_max",
    "retry_delay",
    "ocr_timeout",
    "sirene_timeout",
    "imap_timeout",
    "imap_idle_renew",
)


def documented_keys() -> dict[str, str]:
    """Key → documentation, for the example file and the documentation test."""
    return {f.name: f.metadata.get("doc", "") for f in dataclasses.fields(Settings)}


def _coerce(key: str, value: Any, annotation: Any, source: str) -> Any:
    """Convert a TOML or environment value to the field's type, or say what was expected."""
    hint = typing.get_origin(annotation) or annotation
    try:
        if hint is bool:
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on"):
                return True
            if isinstance(value, str) and value.lower() in ("0", "false", "no", "off", ""):
                return False
            raise ValueError
        if hint is int:
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        if hint is float:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        if hint is Path:
            if not isinstance(value, str):
                raise ValueError
            return Path(value).expanduser()
        if hint is str:
            if not isinstance(value, str):
                raise ValueError
            return value
        if hint is tuple:
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError
            return tuple(value)
        if hint is types.UnionType or hint is typing.Union:
            return value
    except (TypeError, ValueError):
        pass
    else:
        return value
    expected = getattr(hint, "__name__", str(hint))
    if hint is tuple:
        expected = "a list of strings (or a comma-separated string in the environment)"
    raise ConfigError(f"{source}: key {key!r}: expected {expected}, got {value!r}")


def load_settings(
    config_file: Path | None = None,
    env: typing.Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Read defaults ← TOML file ← environment ← explicit overrides (e.g. CLI flags)."""
    env = os.environ if env is None else env
    hints = typing.get_type_hints(Settings)
    fields = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}

    path = config_file
    if path is None and env.get(ENV_PREFIX + "CONFIG"):
        path = Path(env[ENV_PREFIX + "CONFIG"])
    if path is None and DEFAULT_CONFIG_FILE.is_file():
        path = DEFAULT_CONFIG_FILE
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"configuration file not found: {path}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        for key, value in data.items():
            if key not in fields:
                raise ConfigError(
                    f"{path}: unknown key {key!r} (known: {', '.join(sorted(fields))})"
                )
            values[key] = _coerce(key, value, hints[key], str(path))

    for key in fields:
        name = ENV_PREFIX + key.upper()
        if name in env:
            values[key] = _coerce(key, env[name], hints[key], f"environment {name}")

    for key, value in overrides.items():
        if value is None:
            continue
        if key not in fields:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = value
    return Settings(**values)


def read_secret(
    env_name: str, file_path: str | Path | None, env: typing.Mapping[str, str] | None = None
) -> str | None:
    """A secret from the environment, else from a file (first line); never logged."""
    env = os.environ if env is None else env
    if env.get(env_name):
        return env[env_name]
    if file_path:
        try:
            return Path(file_path).read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError) as exc:
            raise ConfigError(f"cannot read secret file {file_path}: {exc}") from exc
    return None
