"""An Order-X (or Factur-X) XML embedded in a PDF → :class:`~orderintake.model.OrderX`.

Order-X is the French/German standard for electronic orders: a PDF/A-3 with the order as
UN/CEFACT CII XML attached (``order-x.xml``). When it is there, it says the order number
exactly, so no guessing is needed; the PDF's pages are still read for the clerk.
The factur-x package finds the attachment and tells the flavour and level; the fields
are read here with namespace-agnostic XPath (``local-name()``), because Order-X and
Factur-X use different root namespaces but the same ``ram:`` elements.
"""

from __future__ import annotations

import logging
from typing import Any

from ..model import OrderX

log = logging.getLogger(__name__)


def _path(*steps: str) -> str:
    return "/".join(f"*[local-name()='{s}']" for s in steps)


def _first(node: Any, xpath: str) -> str | None:
    found = node.xpath(xpath)
    for item in found:
        text = item if isinstance(item, str) else item.text
        if text and text.strip():
            return str(text).strip()
    return None


def _scheme_id(party: Any, container: str, scheme: str) -> str | None:
    return _first(party, f"./{_path(container, 'ID')}[@schemeID='{scheme}']")


def parse_orderx_xml(xml: bytes) -> OrderX | None:
    """Parse the XML itself; ``None`` when it is not an Order-X/Factur-X document."""
    from facturx import get_flavor, get_level
    from lxml import etree

    try:
        root = etree.fromstring(
            xml, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
        flavor = str(get_flavor(root))
    except Exception as exc:  # not XML, or not a flavour factur-x knows
        log.warning("embedded XML is not Order-X/Factur-X: %s", exc)
        return None
    try:
        level: str | None = str(get_level(root, flavor))
    except Exception:
        level = None
    doc = f"/*/{_path('ExchangedDocument')}"
    trade = f"/*/{_path('SupplyChainTradeTransaction')}"
    agreement = f"{trade}/{_path('ApplicableHeaderTradeAgreement')}"
    summation = f"{trade}/{_path('ApplicableHeaderTradeSettlement', 'SpecifiedTradeSettlementHeaderMonetarySummation')}"
    buyers = root.xpath(f"{agreement}/{_path('BuyerTradeParty')}")
    sellers = root.xpath(f"{agreement}/{_path('SellerTradeParty')}")
    buyer = buyers[0] if buyers else None
    seller = sellers[0] if sellers else None
    total = _first(root, f"{summation}/{_path('TaxBasisTotalAmount')}") or _first(
        root, f"{summation}/{_path('LineTotalAmount')}"
    )
    currency = (
        _first(root, f"{trade}/{_path('ApplicableHeaderTradeSettlement', 'OrderCurrencyCode')}")
        or _first(
            root, f"{trade}/{_path('ApplicableHeaderTradeSettlement', 'InvoiceCurrencyCode')}"
        )
        or _first(root, f"{summation}/*/@currencyID")
    )
    return OrderX(
        order_number=_first(root, f"{doc}/{_path('ID')}"),
        type_code=_first(root, f"{doc}/{_path('TypeCode')}"),
        flavor=flavor,
        level=level,
        buyer_name=_first(buyer, f"./{_path('Name')}") if buyer is not None else None,
        buyer_siren=_scheme_id(buyer, "SpecifiedLegalOrganization", "0002")
        if buyer is not None
        else None,
        buyer_siret=(
            _scheme_id(buyer, "SpecifiedLegalOrganization", "0009")
            or _first(buyer, f"./{_path('GlobalID')}[@schemeID='0009']")
        )
        if buyer is not None
        else None,
        buyer_vat=_scheme_id(buyer, "SpecifiedTaxRegistration", "VA")
        if buyer is not None
        else None,
        seller_vat=_scheme_id(seller, "SpecifiedTaxRegistration", "VA")
        if seller is not None
        else None,
        quote_reference=_first(
            root, f"{agreement}/{_path('QuotationReferencedDocument', 'IssuerAssignedID')}"
        ),
        total_ht=total,
        currency=currency,
    )


def read_orderx(data: bytes) -> OrderX | None:
    """The Order-X/Factur-X data embedded in a PDF, or ``None``.

    Never fails the document: a broken attachment is logged and the pages are read as
    usual (the clerk still sees the order).
    """
    try:
        from facturx import get_xml_from_pdf

        _name, xml = get_xml_from_pdf(data, check_xsd=False)
    except Exception as exc:
        log.warning("could not look for an Order-X attachment: %s", exc)
        return None
    if not xml:
        return None
    return parse_orderx_xml(xml)
