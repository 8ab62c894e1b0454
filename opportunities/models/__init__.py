"""The funding radar's models, one module per concern."""

from opportunities.models.alerts import DigestLog, Subscription, Watch
from opportunities.models.calls import (
    CallStatus,
    Deadline,
    DuplicateSuggestion,
    FundingCall,
    SupportKind,
    status_of,
    status_q,
)
from opportunities.models.moderation import CallApprovalTask
from opportunities.models.pages import FundingFinderPage
from opportunities.models.sources import CrawlRun, Source, SourceRecord
from opportunities.models.taxonomy import ApplicantType, Programme

__all__ = [
    "ApplicantType",
    "CallApprovalTask",
    "CallStatus",
    "CrawlRun",
    "Deadline",
    "DigestLog",
    "DuplicateSuggestion",
    "FundingCall",
    "FundingFinderPage",
    "Programme",
    "Source",
    "SourceRecord",
    "Subscription",
    "SupportKind",
    "Watch",
    "status_of",
    "status_q",
]
