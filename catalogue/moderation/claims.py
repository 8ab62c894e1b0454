"""A moderator decides on a claim of a profile nobody keeps (``ClaimRequest``): approving makes
the claimant the profile's owner and e-mails them their link; refusing tells them so. Either is
logged on the profile; a claim decided is kept ``CLAIM_RETENTION_DAYS``, then deleted
(``catalogue.privacy.retention``)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from catalogue.models import ClaimRequest, ProfileMember
from catalogue.owners import mails


class AlreadyDecided(Exception):
    pass


def approve(claim: ClaimRequest, user) -> ProfileMember:
    with transaction.atomic():
        claim = ClaimRequest.objects.select_for_update().get(pk=claim.pk)
        if claim.status != ClaimRequest.Status.WAITING:
            raise AlreadyDecided
        member, _created = ProfileMember.objects.get_or_create(
            profile=claim.profile,
            email=claim.email,
            defaults={"role": ProfileMember.Role.OWNER, "language": claim.language, "site": claim.site},
        )
        claim.status, claim.decided_at, claim.decided_by = ClaimRequest.Status.APPROVED, timezone.now(), user
        claim.save(update_fields=["status", "decided_at", "decided_by"])
        log(claim.profile, "catalogue.claim_approved", user=user)
    mails.send_welcome_member(member)
    return member


def refuse(claim: ClaimRequest, user) -> None:
    with transaction.atomic():
        claim = ClaimRequest.objects.select_for_update().get(pk=claim.pk)
        if claim.status != ClaimRequest.Status.WAITING:
            raise AlreadyDecided
        claim.status, claim.decided_at, claim.decided_by = ClaimRequest.Status.REFUSED, timezone.now(), user
        claim.save(update_fields=["status", "decided_at", "decided_by"])
        log(claim.profile, "catalogue.claim_refused", user=user)
    mails.send_claim_refused(claim)
