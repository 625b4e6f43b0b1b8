"""VIES, the EU's VAT number check (REST), for customers outside France.

``POST /check-vat-number`` with ``{"countryCode", "vatNumber"}`` answers ``{"valid",
"name", "address", "requestDate", "userError", …}``. A member state's own service is
often down at night: ``MS_UNAVAILABLE``, ``MS_MAX_CONCURRENT_REQ``, ``TIMEOUT`` and
friends (in ``userError`` or in ``errorWrappers[].error``) mean "could not ask", which is
``unknown``, never "invalid".
"""

from __future__ import annotations

from typing import Any

from ..errors import SireneError
from .http import RegisterHttp
from .info import Number, SireneInfo, utcnow

NAME = "vies"
UNAVAILABLE = {
    "MS_UNAVAILABLE",
    "MS_MAX_CONCURRENT_REQ",
    "GLOBAL_MAX_CONCURRENT_REQ",
    "SERVICE_UNAVAILABLE",
    "TIMEOUT",
    "SERVER_BUSY",
}


def _errors(body: dict[str, Any]) -> set[str]:
    codes = {str(w.get("error")) for w in body.get("errorWrappers") or [] if isinstance(w, dict)}
    if body.get("userError"):
        codes.add(str(body["userError"]))
    return codes


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return None if value in ("", "---") else value


class ViesProvider:
    name = NAME

    def __init__(self, http: RegisterHttp) -> None:
        self.http = http

    def close(self) -> None:
        self.http.close()

    def lookup(self, number: Number) -> SireneInfo:
        if not number.country:
            raise SireneError(
                f"VIES checks VAT numbers only, not {number.compact}", retryable=False
            )
        country = number.country
        body_number = number.compact[2:]
        status, body = self.http.post_json(
            "/check-vat-number", {"countryCode": country, "vatNumber": body_number}
        )
        if not isinstance(body, dict):
            raise SireneError(f"VIES answered HTTP {status} without a body")
        codes = _errors(body)
        if codes & UNAVAILABLE:
            raise SireneError(
                f"VIES: {country}'s service is unavailable ({', '.join(sorted(codes))})"
            )
        if status >= 400 and "valid" not in body and "isValid" not in body:
            raise SireneError(
                f"VIES answered HTTP {status} ({', '.join(sorted(codes)) or 'no detail'})"
            )
        valid = body.get("valid", body.get("isValid"))
        if "INVALID_INPUT" in codes or valid is False:
            return SireneInfo("not-found", number.compact, checked_at=utcnow(), provider=NAME)
        if valid is not True:
            raise SireneError("VIES gave no verdict")
        return SireneInfo(
            "found",
            number.compact,
            name=_clean(body.get("name")),
            address=_clean(body.get("address")),
            checked_at=utcnow(),
            provider=NAME,
        )
