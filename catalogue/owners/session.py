"""Who a browser is signed in as, after a link: a signed cookie naming the profile memberships it
opened (an address may keep several profiles), expiring after ``CATALOGUE_OWNER_SESSION_MAX_AGE``.

The cookie holds member numbers only, signed (``kreativ.signed_links``, its own purpose), so it
tells nothing to whoever reads it and cannot be forged; a removed member, or a deleted profile,
opens nothing any more. No server-side session is kept.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from catalogue.models import ProfileMember
from catalogue.owners.tokens import LINKS
from kreativ.signed_links import BadLink

COOKIE = "kreativ_owner"
MOST_MEMBERSHIPS = 20


def member_ids(request: HttpRequest) -> list[int]:
    """The memberships this browser opened by a link, newest first (none when expired or forged)."""
    token = request.COOKIES.get(COOKIE)
    if not token:
        return []
    try:
        data = LINKS.loads(token, "session", settings.CATALOGUE_OWNER_SESSION_MAX_AGE)
    except BadLink:
        return []
    return [int(pk) for pk in data.get("m", []) if isinstance(pk, int)]


def member_of(request: HttpRequest, profile_pk: int) -> ProfileMember | None:
    """The member this browser is signed in as on the profile ``profile_pk``, if any."""
    ids = member_ids(request)
    if not ids:
        return None
    return ProfileMember.objects.select_related("profile").filter(pk__in=ids, profile_id=profile_pk).first()


def sign_in(request: HttpRequest, response: HttpResponse, member: ProfileMember) -> HttpResponse:
    """Adds ``member`` to the browser's memberships (a fresh cookie, a fresh expiry)."""
    ids = [member.pk, *[pk for pk in member_ids(request) if pk != member.pk]][:MOST_MEMBERSHIPS]
    response.set_cookie(
        COOKIE,
        LINKS.dumps({"m": ids}, "session"),
        max_age=settings.CATALOGUE_OWNER_SESSION_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def sign_out(response: HttpResponse) -> HttpResponse:
    response.delete_cookie(COOKIE, samesite="Lax")
    return response
