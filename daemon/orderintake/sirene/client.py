"""Ask the configured providers in order and give one answer; never raise for the register.

Order of trust: the first provider that finds the company (``found``/``closed``) wins.
A ``not-found`` from an online register is a verdict; from the offline stock it is one
only when no online provider was left unable to answer (the stock can be a month older
than a new customer). Providers that could not be asked make the answer ``unknown``;
providers that have nothing to say (:class:`~.offline.NoAnswer`) make it ``skipped``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.engine import Engine

from ..config import Settings, read_secret
from ..errors import ConfigError, SireneError
from .http import RegisterHttp
from .info import Number, SireneInfo, parse_number, utcnow
from .insee import API_KEY_HEADER, InseeProvider
from .offline import NoAnswer, OfflineProvider
from .ratelimit import Sleep, TokenBucket, shared_bucket
from .recherche import RechercheEntreprisesProvider
from .vies import ViesProvider

log = logging.getLogger(__name__)

PROVIDER_NAMES = ("offline", "insee", "recherche-entreprises")
INSEE_KEY_ENV = "ORDERINTAKE_INSEE_API_KEY"


class Provider(Protocol):
    name: str

    def lookup(self, number: Number) -> SireneInfo:
        """The register's answer; raise SireneError when it cannot be asked."""

    def close(self) -> None: ...


class SireneClient:
    """French numbers go to ``providers`` in order; other EU VAT numbers to ``vies``."""

    def __init__(self, providers: Sequence[Provider], vies: Provider | None = None) -> None:
        self.providers = list(providers)
        self.vies = vies

    def close(self) -> None:
        for provider in [*self.providers, self.vies]:
            if provider is not None:
                provider.close()

    def lookup(self, text: str) -> SireneInfo:
        """Check the number's checksum, then ask. Raises SireneError only for a bad number."""
        return self.check(parse_number(text))

    def check(self, number: Number) -> SireneInfo:
        if number.kind == "eu-vat":
            chain = [self.vies] if self.vies is not None else []
            if not chain:
                return self._skipped(number, "VIES look-ups are disabled (vies_enabled)")
        elif number.siren is None:
            # A FR VAT number of a foreign company (letter key): only VIES knows it.
            chain = [self.vies] if self.vies is not None else []
            if not chain:
                return self._skipped(number, "this French VAT number carries no SIREN")
        else:
            chain = list(self.providers)
            if not chain:
                return self._skipped(number, "no SIRENE provider configured")
        weak_not_found: SireneInfo | None = None
        failures: list[str] = []
        for provider in chain:
            try:
                info = provider.lookup(number)
            except NoAnswer:
                continue
            except SireneError as exc:
                log.info("SIRENE %s: %s could not answer: %s", number.compact, provider.name, exc)
                failures.append(str(exc))
                continue
            except Exception as exc:  # a provider's bug must not stop the mail pipeline
                log.exception("SIRENE %s: %s failed", number.compact, provider.name)
                failures.append(f"{provider.name}: unexpected error {exc.__class__.__name__}")
                continue
            info = info.with_number(number.compact)
            if info.status in ("found", "closed"):
                return info
            if info.status == "not-found":
                if provider.name != "offline":
                    return info
                weak_not_found = weak_not_found or info
        if weak_not_found is not None and not failures:
            return weak_not_found
        if failures:
            return SireneInfo(
                "unknown",
                number.compact,
                checked_at=utcnow(),
                detail="; ".join(failures)[:500],
            )
        return self._skipped(number, "no provider could answer for this number")

    @staticmethod
    def _skipped(number: Number, why: str) -> SireneInfo:
        return SireneInfo("skipped", number.compact, checked_at=utcnow(), detail=why)


def build_client(
    settings: Settings,
    engine: Engine | None = None,
    *,
    sleep: Sleep = time.sleep,
    buckets: dict[str, TokenBucket] | None = None,
    env: dict[str, str] | None = None,
) -> SireneClient:
    """The client the settings describe. ``engine`` is needed for the 'offline' provider.

    Raises ConfigError for an unknown provider name, so a typo stops the daemon at
    start-up. 'insee' without an API key is left out with a warning.
    """
    buckets = buckets or {}
    providers: list[Provider] = []
    for name in settings.sirene_providers:
        if name not in PROVIDER_NAMES:
            raise ConfigError(
                f"sirene_providers: unknown provider {name!r} (known: {', '.join(PROVIDER_NAMES)})"
            )
        if name == "offline":
            if engine is None:
                raise ConfigError("sirene_providers: 'offline' needs the database")
            providers.append(OfflineProvider(engine))
        elif name == "insee":
            key = read_secret(INSEE_KEY_ENV, settings.insee_api_key_file or None, env)
            if not key:
                log.warning("SIRENE: no INSEE API key configured, 'insee' is not asked")
                continue
            rate = settings.insee_requests_per_minute
            bucket = buckets.get("insee") or shared_bucket("insee", rate / 60.0, rate)
            http = RegisterHttp(
                "INSEE",
                settings.insee_api_url,
                bucket,
                timeout=settings.sirene_timeout,
                headers={API_KEY_HEADER: key},
                sleep=sleep,
            )
            providers.append(InseeProvider(http))
        else:
            bucket = buckets.get("recherche-entreprises") or shared_bucket(
                "recherche-entreprises", 7.0, 7
            )
            http = RegisterHttp(
                "recherche-entreprises",
                settings.recherche_entreprises_url,
                bucket,
                timeout=settings.sirene_timeout,
                sleep=sleep,
            )
            providers.append(RechercheEntreprisesProvider(http))
    vies: Provider | None = None
    if settings.vies_enabled:
        bucket = buckets.get("vies") or shared_bucket("vies", 2.0, 2)
        vies = ViesProvider(
            RegisterHttp(
                "VIES", settings.vies_url, bucket, timeout=settings.sirene_timeout, sleep=sleep
            )
        )
    return SireneClient(providers, vies)
