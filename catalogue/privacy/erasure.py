"""Deleting a profile removes its personal data everywhere (``kreativ.personal_data.erase``):

- the profile, every revision (Wagtail keeps each old version), its workflow and task states (a
  moderator's comments), its log entries (each keeps the profile's name as its label), its
  reference and search index entries;
- its members (their addresses) and claims, with their log entries;
- its portfolio images, those of every revision too (an image an owner uploaded and then removed
  is still named by an old revision), with their renditions and files;
- the relayed contacts' log keeps its rows for the action plan's counts, cut from the profile
  and without the sender (nothing of anyone's is left in them).
"""

from __future__ import annotations

from django.db import transaction
from wagtail.images import get_image_model

from catalogue.models import ClaimRequest, ContactLog, Profile, ProfileImage, ProfileMember
from kreativ.personal_data import erase


def image_ids(profile: Profile) -> set[int]:
    """The images of the profile's rows and of every one of its revisions."""
    found = set(ProfileImage.objects.filter(profile=profile).values_list("image_id", flat=True))
    for content in profile.revisions.values_list("content", flat=True):
        for child in (content or {}).get("portfolio_images", []) or []:
            if child.get("image"):
                found.add(int(child["image"]))
    return found


def erase_profile(profile: Profile) -> None:
    images = image_ids(profile)
    with transaction.atomic():
        ContactLog.objects.filter(profile=profile).update(profile=None, sender="", language="")
        erase(ClaimRequest.objects.filter(profile=profile))
        erase(ProfileMember.objects.filter(profile=profile))
        ProfileImage.objects.filter(profile=profile).delete()
        erase([profile])
        # Images another profile also shows (a moderator's choice) are that profile's too.
        shared = set(ProfileImage.objects.filter(image_id__in=images).values_list("image_id", flat=True))
        erase(get_image_model().objects.filter(pk__in=images - shared))
