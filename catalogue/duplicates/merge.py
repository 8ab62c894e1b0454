"""Merging a duplicate profile into the one a moderator keeps.

The duplicate's members (who keep it, by e-mail) become members of the kept profile, an owner
staying an owner; its portfolio images and links, and the website and social links the kept
profile lacks, are added to the kept profile in a new revision, published at once when the kept
profile is live with nothing else waiting (the moderator merging has just reviewed them), else
left for the review under way. The rest is every merge's (``kreativ.merging``): the duplicate
leaves public view and is marked ``merged_into``, which its public URL follows to redirect
(``catalogue.urls_for``).
"""

from __future__ import annotations

from django.db import transaction

from catalogue.models import Profile, ProfileDuplicateSuggestion, ProfileImage, ProfileLink, ProfileMember
from kreativ.merging import merge_into

# Filled on the kept profile from the duplicate when the kept one has none.
FILLED_IF_EMPTY = ("website", "facebook_url", "instagram_url", "linkedin_url", "registry_number")


@transaction.atomic
def merge_profiles(duplicate: Profile, into: Profile, user=None) -> None:
    """Merges ``duplicate`` into ``into``: its members and portfolio move over; it leaves public view."""

    def move() -> None:
        _move_members(duplicate, into)
        _move_portfolio(duplicate, into, user)

    merge_into(
        duplicate,
        into,
        suggestions=ProfileDuplicateSuggestion,
        move=move,
        action="catalogue.merge",
        data={"name": duplicate.name},
        user=user,
    )


def _move_members(duplicate: Profile, into: Profile) -> None:
    kept = {member.email.casefold(): member for member in into.members.all()}
    for member in duplicate.members.all():
        already = kept.get(member.email.casefold())
        if already is None:
            ProfileMember.objects.filter(pk=member.pk).update(profile=into)
            continue
        if member.role == ProfileMember.Role.OWNER and already.role != ProfileMember.Role.OWNER:
            ProfileMember.objects.filter(pk=already.pk).update(role=ProfileMember.Role.OWNER)
        member.delete()


def _latest(profile: Profile) -> Profile:
    return profile.get_latest_revision_as_object() if profile.latest_revision_id else profile


def _move_portfolio(duplicate: Profile, into: Profile, user) -> None:
    source, kept = _latest(duplicate), _latest(into)
    images = {image.image_id for image in kept.portfolio_images.all()}
    links = {link.url for link in kept.portfolio_links.all()}
    new_images = [image for image in source.portfolio_images.all() if image.image_id not in images]
    new_links = [link for link in source.portfolio_links.all() if link.url not in links]
    filled = [name for name in FILLED_IF_EMPTY if not getattr(kept, name) and getattr(source, name)]
    if kept.country != source.country and "registry_number" in filled:
        filled.remove("registry_number")  # a number is valid in its own country's registry only
    if not (new_images or new_links or filled):
        return
    waiting = into.has_unpublished_changes
    kept.portfolio_images = [
        *kept.portfolio_images.all(),
        *(ProfileImage(image_id=image.image_id, caption=image.caption) for image in new_images),
    ]
    kept.portfolio_links = [
        *kept.portfolio_links.all(),
        *(ProfileLink(url=link.url, title=link.title) for link in new_links),
    ]
    for name in filled:
        setattr(kept, name, getattr(source, name))
    revision = kept.save_revision(user=user, log_action=True)
    if into.live and not waiting:
        revision.publish(user=user)
