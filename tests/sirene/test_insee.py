"""INSEE's API Sirene over real HTTP (a local fake speaking its documented JSON)."""

from __future__ import annotations

from orderintake.sirene.client import SireneClient
from orderintake.sirene.info import parse_number
from orderintake.sirene.insee import API_KEY_HEADER, InseeProvider, current_period
from orderintake.sirene.recherche import RechercheEntreprisesProvider
from sirene_conftest import Reply
from sirene_samples import (
    SIREN_ABSENT,
    SIREN_ACME,
    SIREN_CLOSED,
    SIREN_HIDDEN,
    SIRET_ACME,
    etablissement,
    recherche,
    unite_legale,
)


def insee(make_http, **kw):
    http = make_http("INSEE", headers={API_KEY_HEADER: "secret-key"}, **kw)
    return InseeProvider(http)


def test_found_by_siret_reads_current_period_and_address(register, make_http):
    # The older period carries another sign and NAF: only the one with dateFin null counts.
    register.add(
        "GET", f"/siret/{SIRET_ACME}", Reply(200, etablissement(SIRET_ACME, sign="ACME LYON"))
    )
    info = SireneClient([insee(make_http)]).lookup(SIRET_ACME)
    assert info.status == "found"
    assert info.name == "ACME INDUSTRIE (ACME LYON)"
    assert info.address == "12 B RUE DES FORGES, ZI DU MOULIN, 69007 LYON"
    assert info.naf == "28.29B"
    assert info.etat_administratif == "A"
    assert info.provider == "insee" and info.checked_at is not None
    assert register.seen[0].headers[API_KEY_HEADER] == "secret-key"


def test_found_by_siren_with_head_office_address(register, make_http):
    register.add("GET", f"/siren/{SIREN_ACME}", Reply(200, unite_legale(SIREN_ACME)))
    register.add("GET", f"/siret/{SIREN_ACME}00074", Reply(200, etablissement(SIRET_ACME)))
    info = SireneClient([insee(make_http)]).lookup(SIREN_ACME)
    assert (info.status, info.name, info.naf) == ("found", "ACME INDUSTRIE", "28.29B")
    assert info.address is not None and info.address.endswith("69007 LYON")


def test_fr_vat_is_looked_up_by_its_siren(register, make_http):
    register.add("GET", f"/siren/{SIREN_ACME}", Reply(200, unite_legale(SIREN_ACME)))
    info = SireneClient([InseeProvider(make_http(), fetch_siege_address=False)]).lookup(
        "FR 44 732 829 320"
    )
    assert info.status == "found" and info.number == "FR44732829320"
    assert [s.path for s in register.seen] == [f"/siren/{SIREN_ACME}"]


def test_individual_is_named_first_name_last_name(register, make_http):
    body = unite_legale(SIREN_ACME, person=("JEANNE", "DUPONT"))
    register.add("GET", f"/siren/{SIREN_ACME}", Reply(200, body))
    info = InseeProvider(make_http(), fetch_siege_address=False).lookup(parse_number(SIREN_ACME))
    assert info.name == "JEANNE DUPONT"


def test_closed_company(register, make_http):
    register.add("GET", f"/siren/{SIREN_CLOSED}", Reply(200, unite_legale(SIREN_CLOSED, state="C")))
    provider = InseeProvider(make_http(), fetch_siege_address=False)
    info = SireneClient([provider]).lookup(SIREN_CLOSED)
    assert info.status == "closed" and info.etat_administratif == "C"


def test_closed_establishment_of_an_active_company(register, make_http):
    register.add("GET", f"/siret/{SIRET_ACME}", Reply(200, etablissement(SIRET_ACME, state="F")))
    info = SireneClient([insee(make_http)]).lookup(SIRET_ACME)
    assert info.status == "closed" and info.etat_administratif == "F"


def test_404_is_not_found(register, make_http):
    register.add("GET", f"/siren/{SIREN_ABSENT}", Reply(404, {"header": {"statut": 404}}))
    info = SireneClient([insee(make_http)]).lookup(SIREN_ABSENT)
    assert info.status == "not-found" and info.provider == "insee"


def test_403_is_found_but_hidden(register, make_http):
    register.add(
        "GET",
        f"/siren/{SIREN_HIDDEN}",
        Reply(403, {"header": {"statut": 403, "message": "Unité légale non diffusable"}}),
    )
    info = SireneClient([insee(make_http)]).lookup(SIREN_HIDDEN)
    assert info.status == "found" and info.hidden and info.name is None


def test_429_waits_retry_after_then_succeeds(register, make_http, clock):
    register.add(
        "GET",
        f"/siret/{SIRET_ACME}",
        Reply(429, {"header": {"statut": 429}}, headers={"Retry-After": "7"}),
        Reply(200, etablissement(SIRET_ACME)),
    )
    info = SireneClient([insee(make_http)]).lookup(SIRET_ACME)
    assert info.status == "found"
    assert register.count("/siret/") == 2
    assert sum(clock.slept) >= 7.0  # the bucket made the retry wait, on the fake clock


def test_500_is_retried_with_backoff_then_succeeds(register, make_http, clock):
    register.add(
        "GET",
        f"/siret/{SIRET_ACME}",
        Reply(500),
        Reply(503),
        Reply(200, etablissement(SIRET_ACME)),
    )
    info = SireneClient([insee(make_http)]).lookup(SIRET_ACME)
    assert info.status == "found"
    assert clock.slept == [1.0, 2.0]  # exponential backoff


def test_persistent_500_is_unknown_after_bounded_attempts(register, make_http, clock):
    register.add("GET", f"/siret/{SIRET_ACME}", Reply(500))
    info = SireneClient([insee(make_http, max_attempts=3)]).lookup(SIRET_ACME)
    assert info.status == "unknown" and "server error 500" in info.detail
    assert register.count("/siret/") == 3


def test_slow_answer_times_out_as_unknown(register, make_http):
    register.add("GET", f"/siret/{SIRET_ACME}", Reply(200, etablissement(SIRET_ACME), delay=1.5))
    info = SireneClient([insee(make_http, timeout=0.3)]).lookup(SIRET_ACME)
    assert info.status == "unknown" and "in time" in info.detail


def test_unreachable_register_is_unknown(make_http):
    from orderintake.sirene.http import RegisterHttp
    from orderintake.sirene.ratelimit import TokenBucket

    http = RegisterHttp("INSEE", "http://127.0.0.1:9", TokenBucket(1, 1), timeout=1.0)
    info = SireneClient([InseeProvider(http)]).lookup(SIRET_ACME)
    http.close()
    assert info.status == "unknown" and "could not be reached" in info.detail


def test_recherche_entreprises_answers_when_insee_is_down(register, make_http):
    register.add("GET", f"/siren/{SIREN_ACME}", Reply(500))
    register.add("GET", "/search", Reply(200, recherche(SIREN_ACME)))
    client = SireneClient(
        [insee(make_http, max_attempts=1), RechercheEntreprisesProvider(make_http("RE"))]
    )
    info = client.lookup(SIREN_ACME)
    assert (info.status, info.provider, info.name) == (
        "found",
        "recherche-entreprises",
        "ACME INDUSTRIE",
    )
    search = next(s for s in register.seen if s.path.startswith("/search"))
    assert f"q={SIREN_ACME}" in search.path


def test_recherche_entreprises_other_company_is_not_found(register, make_http):
    register.add("GET", "/search", Reply(200, recherche("552100554")))
    info = SireneClient([RechercheEntreprisesProvider(make_http("RE"))]).lookup(SIREN_ACME)
    assert info.status == "not-found"


def test_current_period_is_the_open_one():
    periods = [
        {"dateFin": "2020-01-01", "dateDebut": "2010-01-01", "x": 1},
        {"dateFin": None, "dateDebut": "2020-01-02", "x": 2},
    ]
    assert current_period(periods)["x"] == 2
    assert current_period([{"dateFin": "2020", "dateDebut": "2019", "x": 3}])["x"] == 3
    assert current_period(None) == {}
