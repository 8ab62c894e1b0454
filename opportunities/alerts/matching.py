"""Which subscriptions want which calls, without looping over every pair.

Each filter value (a sector, a region, an applicant type, a programme, a keyword, a minimum amount)
is a bitset of the subscriptions that chose it, plus one bitset of those that left the filter
empty ("any"). For a call, each filter gives the OR of the bitsets its values select; the AND of
the filters is the set of subscriptions that want the call. The cost grows with calls × filter
values and with the number of matches, not with calls × subscriptions.

The rules, shared by e-mail alerts and the private feeds:

- sectors: a subscriber who chose sectors gets calls tagged with one of them;
- regions: a subscriber in Olomoucký kraj also gets calls for all of Czechia or the EU (a call's
  region must contain one of the subscriber's); a call without a region reaches everyone;
- applicant types: a call that names none reaches everyone;
- programmes: as chosen, or any;
- keywords: any of them at the start of a word in the call's title or summary, ignoring case and
  diacritics ("film" finds "filmový");
- minimum amount: calls whose largest amount per project (in euros) is at least that; a call
  that states no amount reaches everyone.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kreativ import bitsets
from opportunities.models import FundingCall, Subscription


def fold(text: str) -> str:
    """Lower case without diacritics: ``Filmový`` → ``filmovy``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class CallFacts:
    """What matching needs to know of a call."""

    pk: int
    sectors: set[str]
    regions: set[str]
    applicants: set[str]
    programme_id: int | None
    amount_eur: Decimal | None
    text: str
    call: FundingCall | None = None


def call_facts(calls: Iterable[FundingCall]) -> list[CallFacts]:
    """Facts of calls, reading their taxonomies in three queries."""
    calls = list(calls)
    pks = [call.pk for call in calls]
    related: dict[str, dict[int, set[str]]] = {}
    for name, through, column in (
        ("sectors", FundingCall.sectors.through, "sector__slug"),
        ("regions", FundingCall.regions.through, "region__slug"),
        ("applicants", FundingCall.applicant_types.through, "applicanttype__slug"),
    ):
        by_call: dict[int, set[str]] = defaultdict(set)
        for call_id, slug in through.objects.filter(fundingcall_id__in=pks).values_list("fundingcall_id", column):
            by_call[call_id].add(slug)
        related[name] = by_call
    return [
        CallFacts(
            pk=call.pk,
            sectors=related["sectors"].get(call.pk, set()),
            regions=related["regions"].get(call.pk, set()),
            applicants=related["applicants"].get(call.pk, set()),
            programme_id=call.programme_id,
            amount_eur=call.max_amount_eur,
            text=fold(f"{call.title} {call.summary}"),
            call=call,
        )
        for call in calls
    ]


@dataclass
class Interest:
    """What one holder wants to hear about, in the filters' values: sector, region and applicant
    type slugs, programme pks, keywords, a minimum amount in euros. Empty: any."""

    sectors: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    applicants: list[str] = field(default_factory=list)
    programmes: list[int] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    min_amount: Decimal | None = None


@dataclass
class SubscriptionIndex:
    """Bitsets over a list of subscriptions (position = index in ``subscriptions``), or of other
    holders of an ``Interest`` (``of_interests``)."""

    subscriptions: Sequence[Any]
    everyone: int = 0
    any_value: dict[str, int] = field(default_factory=dict)
    by_value: dict[str, dict] = field(default_factory=dict)
    keyword_pattern: re.Pattern | None = None
    thresholds: list[Decimal] = field(default_factory=list)
    at_most: list[int] = field(default_factory=list)
    region_members: dict[str, set[str]] = field(default_factory=dict)
    # Each subscription's chosen values, by position (for links that repeat its filters).
    filters: list[dict[str, list]] = field(default_factory=list)

    @classmethod
    def build(cls, subscriptions: Sequence[Subscription]) -> SubscriptionIndex:
        """Reads the subscriptions' filters in four queries and builds the bitsets."""
        position = {sub.pk: index for index, sub in enumerate(subscriptions)}
        interests = [Interest(min_amount=sub.min_amount, keywords=sub.keyword_list()) for sub in subscriptions]
        for name, through, column in (
            ("sectors", Subscription.sectors.through, "sector__slug"),
            ("regions", Subscription.regions.through, "region__slug"),
            ("applicants", Subscription.applicant_types.through, "applicanttype__slug"),
            ("programmes", Subscription.programmes.through, "programme_id"),
        ):
            rows = through.objects.filter(subscription_id__in=list(position)).values_list("subscription_id", column)
            for sub_id, value in rows:
                getattr(interests[position[sub_id]], name).append(value)
        return cls.of_interests(subscriptions, interests)

    @classmethod
    def of_interests(cls, holders: Sequence[Any], interests: Sequence[Interest]) -> SubscriptionIndex:
        """The bitsets over ``interests``, one per holder (a subscription, or another thing that
        wants calls: a catalogue profile); ``subscribers`` answers with the holders."""
        from kreativ.models.taxonomy import region_children, regions_inside

        size = len(holders)
        per_subscription: list[dict[str, list]] = [defaultdict(list) for _ in holders]
        chosen: dict[str, dict[object, list[int]]] = {
            name: defaultdict(list) for name in ("sector", "region", "applicant", "programme", "keyword")
        }
        amounts: dict[Decimal, list[int]] = defaultdict(list)
        no_minimum = []
        for index, interest in enumerate(interests):
            for name, values in (
                ("sector", interest.sectors),
                ("region", interest.regions),
                ("applicant", interest.applicants),
                ("programme", interest.programmes),
            ):
                for value in values:
                    chosen[name][value].append(index)
                    per_subscription[index][name].append(value)
            for keyword in interest.keywords:
                chosen["keyword"][fold(keyword)].append(index)
            if interest.min_amount is None:
                no_minimum.append(index)
            else:
                amounts[interest.min_amount].append(index)

        index = cls(subscriptions=holders, everyone=(1 << size) - 1, filters=per_subscription)
        for name, values in chosen.items():
            index.by_value[name] = {value: bitsets.from_positions(members, size) for value, members in values.items()}
            anyone = index.everyone
            for bits in index.by_value[name].values():
                anyone &= ~bits
            # Subscribers who chose no value of this filter take any value.
            index.any_value[name] = anyone
        keywords = sorted(index.by_value["keyword"], key=len, reverse=True)
        if keywords:
            index.keyword_pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in keywords) + ")")
        # at_most[i]: subscribers whose minimum is at most thresholds[i] (cumulative).
        running = bitsets.from_positions(no_minimum, size)
        index.any_value["amount"] = running
        for threshold in sorted(amounts):
            running |= bitsets.from_positions(amounts[threshold], size)
            index.thresholds.append(threshold)
            index.at_most.append(running)
        # A call for a region reaches subscribers of that region and of every region inside it.
        children = region_children()
        index.region_members = {slug: regions_inside([slug], children) for slugs in children.values() for slug in slugs}
        return index

    def _any_of(self, name: str, values: Iterable[object]) -> int:
        bits = self.any_value[name]
        table = self.by_value[name]
        for value in values:
            bits |= table.get(value, 0)
        return bits

    def matching(self, call: CallFacts) -> int:
        """The subscriptions that want this call, as a bitset."""
        result = self._any_of("sector", call.sectors)
        if call.regions:
            covered: set[str] = set()
            for region in call.regions:
                covered |= self.region_members.get(region, {region})
            result &= self._any_of("region", covered)
        if call.applicants:
            result &= self._any_of("applicant", call.applicants)
        result &= self._any_of("programme", [call.programme_id] if call.programme_id else [])
        if self.by_value["keyword"]:
            found = set(self.keyword_pattern.findall(call.text)) if self.keyword_pattern else set()
            result &= self._any_of("keyword", found)
        if call.amount_eur is not None and self.thresholds:
            position = bisect_right(self.thresholds, call.amount_eur)
            result &= self.at_most[position - 1] if position else self.any_value["amount"]
        return result & self.everyone

    def subscribers(self, bits: int) -> list[Subscription]:
        return [self.subscriptions[position] for position in bitsets.positions(bits)]


def calls_for(subscription: Subscription, calls: Iterable[FundingCall]) -> list[FundingCall]:
    """The calls one subscription wants (the same rules, for its private feeds)."""
    index = SubscriptionIndex.build([subscription])
    return [facts.call for facts in call_facts(calls) if index.matching(facts)]


def calls_for_interest(interest: Interest, calls: Iterable[FundingCall]) -> list[FundingCall]:
    """The calls an interest wants by the same rules (a catalogue profile's "calls that fit you")."""
    index = SubscriptionIndex.of_interests([interest], [interest])
    return [facts.call for facts in call_facts(calls) if index.matching(facts)]
