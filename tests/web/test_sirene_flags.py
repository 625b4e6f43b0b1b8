"""The review page reads the SIRENE cache at page time: the customer's name beside its
number, a flag for a closed company, a flag for a VAT number whose SIREN is not the
SIRET's, and the answer as soon as the job stores it (no reprocessing of the mail)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from orderintake.sirene.cache import known_or_pending, store_answer
from orderintake.sirene.info import SireneInfo, parse_number
from orderintake.store import schema as t
from orderintake.store.repo import Store
from seeding import SIRET, VAT, seed_mail
from web_helpers import login

OTHER_SIREN = "404833048"
OTHER_VAT = f"FR{(12 + 3 * (int(OTHER_SIREN) % 97)) % 97:02d}{OTHER_SIREN}"


def _answer(store: Store, number: str, info: SireneInfo) -> None:
    now = datetime.now(UTC)
    with store.db.connect() as conn:
        store_answer(conn, parse_number(number), info, ttl=timedelta(days=30), now=now)


def test_detail_page_names_the_customer_and_flags_closed_and_mismatched_numbers(
    store: Store, client: httpx.Client
) -> None:
    seeded = seed_mail(store)
    with store.db.session() as s:
        s.add(
            t.Identifier(
                message_id=seeded.message_id, kind="vat", value=OTHER_VAT, valid=True, page=1
            )
        )
    known_or_pending(store.db.engine, [SIRET, VAT, OTHER_VAT])
    login(client, "claire")
    page = client.get(f"/mail/{seeded.message_id}").text
    assert page.count('data-sirene="unknown"') == 3 and "flag-closed" not in page
    # Only the VAT of another company is flagged; ACME's own VAT matches its SIRET.
    assert page.count("flag-mismatch") == 1
    row = page.split(OTHER_VAT)[1].split("</tr>")[0]
    assert "flag-mismatch" in row and "SIREN differs from the SIRET" in row

    _answer(store, SIRET, SireneInfo("closed", SIRET, name="ACME INDUSTRIE", provider="insee",
                                     etat_administratif="F", address="12 RUE DES FORGES 69007 LYON"))  # fmt: skip
    _answer(store, VAT, SireneInfo("found", VAT, name="ACME INDUSTRIE", provider="insee"))
    page = client.get(f"/mail/{seeded.message_id}").text
    siret_row = page.split(f'<td class="mono">{SIRET}</td>')[1].split("</tr>")[0]
    assert '<b class="company">ACME INDUSTRIE</b>' in siret_row
    assert "12 RUE DES FORGES" in siret_row and "flag-closed" in siret_row
    vat_row = page.split(f'<td class="mono">{VAT}</td>')[1].split("</tr>")[0]
    assert "flag-closed" not in vat_row and "flag-mismatch" not in vat_row
    assert page.count('data-sirene="unknown"') == 1  # the other company's VAT
