"""VIES for EU VAT numbers outside France, and how the client combines providers."""

from __future__ import annotations

import pytest
from orderintake.config import load_settings
from orderintake.errors import ConfigError, SireneError
from orderintake.sirene import build_client, sirene_from_json, sirene_json
from orderintake.sirene.client import SireneClient
from orderintake.sirene.info import SireneInfo, parse_number
from orderintake.sirene.offline import NoAnswer
from orderintake.sirene.ratelimit import TokenBucket
from orderintake.sirene.vies import ViesProvider
from sirene_conftest import Reply
from sirene_samples import SIREN_ACME, unite_legale, vies

DE_VAT = "DE136695976"


def test_vies_valid_number(register, make_http):
    register.add("POST", "/check-vat-number", Reply(200, vies("DE", "136695976")))
    info = SireneClient([], ViesProvider(make_http("VIES"))).lookup("DE 136 695 976")
    assert (info.status, info.name, info.provider) == ("found", "MUSTER GMBH", "vies")
    assert info.address == "HAUPTSTR. 1 10115 BERLIN"
    assert register.seen[0].body == {"countryCode": "DE", "vatNumber": "136695976"}


def test_vies_invalid_number_is_not_found(register, make_http):
    register.add("POST", "/check-vat-number", Reply(200, vies("DE", "136695976", valid=False)))
    info = SireneClient([], ViesProvider(make_http("VIES"))).lookup(DE_VAT)
    assert info.status == "not-found"


@pytest.mark.parametrize(
    "body",
    [
        {"actionSucceed": False, "errorWrappers": [{"error": "MS_UNAVAILABLE"}]},
        {"isValid": False, "userError": "MS_MAX_CONCURRENT_REQ", "vatNumber": "136695976"},
        {"actionSucceed": False, "errorWrappers": [{"error": "TIMEOUT"}]},
    ],
)
def test_vies_member_state_unavailable_is_unknown_not_invalid(register, make_http, body):
    register.add("POST", "/check-vat-number", Reply(200, body))
    info = SireneClient([], ViesProvider(make_http("VIES", max_attempts=1))).lookup(DE_VAT)
    assert info.status == "unknown"


def test_eu_vat_without_vies_is_skipped():
    info = SireneClient([]).lookup(DE_VAT)
    assert info.status == "skipped" and "VIES" in info.detail


def test_malformed_number_is_refused_before_any_request():
    with pytest.raises(SireneError, match="not a valid") as caught:
        SireneClient([]).lookup("732 829 321")
    assert not caught.value.retryable
    with pytest.raises(SireneError, match="not a SIREN"):
        parse_number("12345")


class _Offline:
    name = "offline"

    def __init__(self, info: SireneInfo | None) -> None:
        self.info = info

    def lookup(self, number):
        if self.info is None:
            raise NoAnswer("nothing imported")
        return self.info

    def close(self) -> None:
        pass


class _Down:
    name = "insee"

    def lookup(self, number):
        raise SireneError("INSEE could not be reached")

    def close(self) -> None:
        pass


def test_offline_not_found_is_a_verdict_only_when_no_register_was_down():
    nf = SireneInfo("not-found", SIREN_ACME, provider="offline")
    assert SireneClient([_Offline(nf)]).lookup(SIREN_ACME).status == "not-found"
    assert SireneClient([_Offline(nf), _Down()]).lookup(SIREN_ACME).status == "unknown"
    assert SireneClient([_Offline(None)]).lookup(SIREN_ACME).status == "skipped"


def test_json_round_trip():
    info = SireneClient([_Offline(SireneInfo("closed", name="X", etat_administratif="C"))]).lookup(
        SIREN_ACME
    )
    data = sirene_json(info)
    assert data["status"] == "closed" and data["number"] == SIREN_ACME
    assert sirene_from_json(data) == info


def test_build_client_from_settings_asks_insee_with_the_key(register, tmp_path):
    key_file = tmp_path / "insee.key"
    key_file.write_text("k-123\n")
    register.add("GET", f"/siren/{SIREN_ACME}", Reply(200, unite_legale(SIREN_ACME)))
    settings = load_settings(
        env={},
        sirene_providers=("insee",),
        insee_api_url=register.url,
        insee_api_key_file=str(key_file),
        recherche_entreprises_url=register.url,
    )
    client = build_client(settings, buckets={"insee": TokenBucket(100, 100)}, env={})
    try:
        info = client.lookup(SIREN_ACME)
    finally:
        client.close()
    assert info.status == "found"
    assert register.seen[0].headers["X-INSEE-Api-Key-Integration"] == "k-123"


def test_build_client_refuses_unknown_provider_and_skips_insee_without_key():
    with pytest.raises(ConfigError, match="unknown provider 'inse'"):
        build_client(load_settings(env={}, sirene_providers=("inse",)), env={})
    client = build_client(load_settings(env={}, sirene_providers=("insee",)), env={})
    assert client.providers == []


def test_siren_of_links_vat_siret_and_siren():
    from orderintake.sirene import siren_of

    assert siren_of("FR44732829320") == siren_of("73282932000074") == "732829320"
    assert siren_of("DE136695976") is None and siren_of("nonsense") is None
