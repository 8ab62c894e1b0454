"""A profile's two consents, each recorded with the version of the text agreed to
(``catalogue/data/consent.yaml``, read through ``kreativ.personal_data``):

- publication: a person's (freelancer's) profile is public only with it
  (``Profile.objects.public()``); an organisation's needs none;
- open data: a person's profile is in the open data only with it; an organisation's always is.

Both are the owner's own act, applied at once and kept beside the revisions (a moderator
publishing an older revision never takes one back), and each change is logged on the profile
(its history; erased with it).
"""

from __future__ import annotations

from functools import lru_cache

from wagtail.log_actions import log

from catalogue.models import Profile
from catalogue.vocabulary import DATA
from kreativ.personal_data import ConsentText, ConsentTexts, record_consent

PUBLICATION = "publication"
OPEN_DATA = "open_data"
FIELDS = {
    PUBLICATION: ("consent_given_at", "consent_version"),
    OPEN_DATA: ("open_data_consent_at", "open_data_consent_version"),
}


@lru_cache(maxsize=1)
def texts() -> ConsentTexts:
    return ConsentTexts(DATA / "consent.yaml")


def current(kind: str) -> ConsentText:
    return texts().current(kind)


def give(profile: Profile, kind: str) -> None:
    """Records the consent of ``kind`` to its current text, now."""
    text = current(kind)
    record_consent(profile, FIELDS[kind], text)
    if kind == OPEN_DATA:
        Profile.objects.filter(pk=profile.pk).update(open_data_consent=True)
        profile.open_data_consent = True
    log(profile, "catalogue.consent_given", data={"consent": kind, "version": text.version})


def withdraw(profile: Profile, kind: str) -> None:
    record_consent(profile, FIELDS[kind], None)
    if kind == OPEN_DATA:
        Profile.objects.filter(pk=profile.pk).update(open_data_consent=False)
        profile.open_data_consent = False
    log(profile, "catalogue.consent_withdrawn", data={"consent": kind})


def given(profile: Profile, kind: str) -> bool:
    return getattr(profile, FIELDS[kind][0]) is not None
