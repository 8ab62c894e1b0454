"""schema.org data for a funding call (a ``MonetaryGrant``).

Applying is the grant's ``potentialAction`` (an ``ApplyAction``) whose ``endTime`` is the next
deadline (the last one once all have passed): a date when the source gave only the day, a moment
with its offset when it gave the time.
"""

from __future__ import annotations

from typing import Any

from opportunities.models import FundingCall


def call_json_ld(call: FundingCall, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": call.title,
        "url": url,
    }
    if call.summary:
        data["description"] = call.summary
    if call.call_identifier:
        data["identifier"] = call.call_identifier
    if call.funder:
        data["funder"] = {"@type": "Organization", "name": call.funder}
    amount: dict[str, Any] = {"@type": "MonetaryAmount", "currency": call.currency}
    if call.amount_min is not None:
        amount["minValue"] = float(call.amount_min)
    if call.amount_max is not None:
        amount["maxValue"] = float(call.amount_max)
    if call.budget_total is not None and len(amount) == 2:
        amount["value"] = float(call.budget_total)
    if len(amount) > 2:
        data["amount"] = amount
    if call.programme_id:
        data["isPartOf"] = {"@type": "CreativeWork", "name": call.programme.name}
    sectors = [s.name_en or s.name_cs for s in call.sectors.all()]
    if sectors:
        data["keywords"] = ", ".join(sectors)
    if call.url:
        data["sameAs"] = call.url
    deadline = call.shown_deadline()
    if deadline is not None:
        data["potentialAction"] = {
            "@type": "ApplyAction",
            "target": call.url or url,
            "endTime": deadline.passes_at().isoformat() if deadline.has_time else deadline.date.isoformat(),
        }
    return data
