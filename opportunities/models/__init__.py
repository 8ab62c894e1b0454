"""The funding radar's models, one module per concern."""

from opportunities.models.calls import (
    CallStatus,
    Deadline,
    DuplicateSuggestion,
    FundingCall,
    SupportKind,
    status_of,
    status_q,
)
from opportunities.models.pages import FundingFinderPage
from opportunities.models.sources import CrawlRun, Source, SourceRecord
from opportunities.models.taxonomy import ApplicantType, Programme

__all__ = [
    "ApplicantType",
    "CallStatus",
    "CrawlRun",
    "Deadline",
    "DuplicateSuggestion",
    "FundingCall",
    "FundingFinderPage",
    "Programme",
    "Source",
    "SourceRecord",
    "SupportKind",
    "status_of",
    "status_q",
]
