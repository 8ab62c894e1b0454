"""The owners without passwords, through the Django client: asking for a link (always the same
answer), single-use and expiring links, claims, the owner's edit as a revision under moderation,
validation, consent, export, deletion that leaves nothing, the yearly confirmation, the relay
contact form, retention, calls that fit and the one-click alert, the moderators' queue."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import WorkflowState

from catalogue.models import ActorKind, ClaimRequest, ContactLog, Profile, ProfileMember
from catalogue.owners import confirmation
from catalogue.privacy import retention
from tests.catalogue.owners_support import (  # noqa: F401 (fresh_limits is a fixture)
    decide,
    fresh_limits,
    links_in,
    moderator,
    path_of,
    published_profile,
    signed_in_member,
    use_link,
)
from tests.conftest import t

pytestmark = pytest.mark.django_db
JOIN = "/cs/catalogue/join/"


def join(client, **data):
    return client.post(JOIN, {"intent": "create", "kind": ActorKind.STUDIO, **data})


# --- the way in --------------------------------------------------------------------------------


def test_the_join_form_answers_the_same_whether_or_not_the_address_keeps_a_profile(client, home):
    profile = published_profile()
    ProfileMember.objects.create(profile=profile, email="known@example.org")
    known = client.post(JOIN, {"intent": "sign_in", "email": "known@example.org"})
    unknown = client.post(JOIN, {"intent": "sign_in", "email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content.replace(b"known", b"X") == unknown.content.replace(b"nobody", b"X")


def test_a_create_link_creates_the_draft_profile_and_works_once(client, home):
    assert join(client, email="new@example.org", name="Ateliér Jasan").status_code == 200
    assert not Profile.objects.filter(name="Ateliér Jasan").exists()  # nothing stored before the link
    (url,) = links_in(mail.outbox[-1])
    response = use_link(client, url)
    profile = Profile.objects.get(name="Ateliér Jasan")
    assert response.status_code == 302 and response.url == reverse("catalogue:owner", args=[profile.pk])
    assert not profile.live
    assert profile.members.get().email == "new@example.org"
    assert client.get(response.url).status_code == 200
    again = client.post(path_of(url))
    assert again.status_code == 410
    assert again.context["reason"] == "used" and reverse("catalogue:join").encode() in again.content
    assert Profile.objects.filter(name="Ateliér Jasan").count() == 1


def test_an_expired_link_gets_a_clear_page_with_the_form_to_ask_again(client, home):
    join(client, email="late@example.org", name="Pozdní studio")
    (url,) = links_in(mail.outbox[-1])
    with override_settings(CATALOGUE_LINK_MAX_AGE=-1):
        response = client.get(path_of(url))
    assert response.status_code == 400 and response.context["reason"] == "expired"
    assert reverse("catalogue:join").encode() in response.content
    assert not Profile.objects.filter(name="Pozdní studio").exists()


def test_a_member_link_is_spent_by_the_use_of_any_newer_link(client, home):
    profile = published_profile()
    member = signed_in_member(client, profile)
    from catalogue.owners import mails

    first = links_in(_mail(lambda: mails.send_welcome_member(member)))[0]
    second = links_in(_mail(lambda: mails.send_welcome_member(member)))[0]
    assert use_link(client, second).status_code == 302
    assert client.post(path_of(first)).status_code == 410


def _mail(send):
    mail.outbox.clear()
    send()
    return mail.outbox[-1]


def test_the_owner_page_needs_a_link(client, home):
    profile = published_profile()
    response = client.get(reverse("catalogue:owner", args=[profile.pk]))
    assert response.status_code == 403
    # The owners' notice page says why, and offers to e-mail a link (to sign in).
    page = response.content.decode()
    assert "<h1>Otevřete svůj profil</h1>" in page and "Tato stránka se otevře jen z odkazu" in page
    assert f'action="{JOIN}"' in page and 'value="sign_in" id="id_intent_2" required checked' in page


def test_the_join_form_is_rate_limited_per_address_and_has_a_honeypot(client, home, settings):
    settings.CATALOGUE_RATE_PER_ADDRESS = 2
    for _ in range(2):
        assert join(client, email="many@example.org", name="A").status_code == 200
    limited = join(client, email="many@example.org", name="A")
    assert limited.status_code == 429
    # The same notice page, saying why, with what was typed kept in the form.
    page = limited.content.decode()
    assert "<h1>Příliš mnoho požadavků</h1>" in page and "Během poslední hodiny jsme na tuto adresu" in page
    assert f'action="{JOIN}"' in page and 'value="many@example.org"' in page
    mail.outbox.clear()
    assert join(client, email="bot@example.org", name="B", website="spam").status_code == 200
    assert mail.outbox == []


def test_a_claim_of_a_kept_profile_goes_to_its_members(client, home):
    profile = published_profile(country="CZ", registry_number="25596641")
    ProfileMember.objects.create(profile=profile, email="keeper@example.org")
    client.post(
        JOIN, {"intent": "claim", "email": "claimant@example.org", "country": "CZ", "registry_number": "25596641"}
    )
    (message,) = mail.outbox
    assert message.to == ["keeper@example.org"] and "claimant@example.org" in message.body
    assert use_link(client, links_in(message)[0]).status_code == 302
    assert profile.members.filter(email="claimant@example.org").exists()


def test_a_claim_of_an_unkept_profile_waits_for_a_moderator(client, home):
    profile = published_profile(country="CZ", registry_number="25596641")
    client.post(
        JOIN, {"intent": "claim", "email": "claimant@example.org", "country": "CZ", "registry_number": "25596641"}
    )
    assert use_link(client, links_in(mail.outbox[-1])[0]).status_code == 200
    claim = ClaimRequest.objects.get(profile=profile)
    assert claim.status == ClaimRequest.Status.WAITING and not profile.members.exists()
    from catalogue.moderation import claims

    mail.outbox.clear()
    claims.approve(claim, moderator())
    assert profile.members.get().email == "claimant@example.org"
    assert mail.outbox[-1].to == ["claimant@example.org"] and links_in(mail.outbox[-1])


# --- the owner's page --------------------------------------------------------------------------


def _form(profile, **changes):
    data = {
        "profile-name": profile.name,
        "profile-kind": profile.kind,
        "profile-country": profile.country,
        "profile-registry_number": profile.registry_number,
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
    }
    data.update({f"profile-{key}": value for key, value in changes.items()})
    return data


def test_an_edit_waits_for_moderation_while_the_live_version_stays(client, home, django_capture_on_commit_callbacks):
    profile = published_profile(short_cs="Staré")
    signed_in_member(client, profile)
    response = client.post(reverse("catalogue:owner", args=[profile.pk]), _form(profile, short_cs="Nové"))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.short_cs == "Staré" and Profile.objects.public().filter(pk=profile.pk).exists()
    assert profile.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert profile.get_latest_revision_as_object().short_cs == "Nové"
    assert Profile.objects.waiting_for_decision().filter(pk=profile.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        decide(profile)
    profile.refresh_from_db()
    assert profile.short_cs == "Nové"
    (told,) = mail.outbox  # the owners hear of the decision
    assert told.to == ["owner@example.org"] and links_in(told)


def test_a_rejection_is_shown_to_the_owner_with_the_comment(client, home):
    profile = published_profile(short_cs="Staré")
    signed_in_member(client, profile)
    client.post(reverse("catalogue:owner", args=[profile.pk]), _form(profile, short_cs="Nové"))
    decide(profile, approve=False, comment="Doplňte obec, prosím.")
    page = client.get(reverse("catalogue:owner", args=[profile.pk]))
    assert "Doplňte obec, prosím." in page.content.decode()
    profile.refresh_from_db()
    assert profile.short_cs == "Staré"


def test_a_wrong_registry_number_and_an_address_in_a_text_are_refused_and_nothing_is_lost(client, home):
    profile = published_profile()
    signed_in_member(client, profile)
    response = client.post(
        reverse("catalogue:owner", args=[profile.pk]),
        _form(profile, registry_number="25596642", short_cs="Pište na studio@example.org"),
    )
    assert response.status_code == 400
    assert response.context["form"].errors.keys() >= {"registry_number", "short_cs"}
    assert "Pište na studio@example.org" in response.content.decode()
    assert profile.revisions.count() == 1


def test_the_description_is_sanitised(client, home):
    profile = published_profile()
    signed_in_member(client, profile)
    client.post(
        reverse("catalogue:owner", args=[profile.pk]),
        _form(profile, description_cs='<p onclick="x()">Dobrý <b>den</b><script>alert(1)</script></p><h1>T</h1>'),
    )
    profile.refresh_from_db()
    html = profile.get_latest_revision_as_object().description_cs
    assert "<b>den</b>" in html and "script" not in html and "onclick" not in html and "<h1" not in html


def _png(width: int, height: int) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(data, "PNG")
    data.seek(0)
    data.name = "work.png"
    return data


def test_portfolio_images_are_checked_by_content_and_size(client, home, settings):
    profile = published_profile()
    signed_in_member(client, profile)
    url = reverse("catalogue:owner_images", args=[profile.pk])
    fake = io.BytesIO(b"not an image at all")
    fake.name = "photo.png"
    assert client.post(url, {"image": fake}).status_code == 400
    assert client.post(url, {"image": _png(100, 100)}).status_code == 400  # too small
    settings.CATALOGUE_IMAGE_MAX_BYTES = 100
    response = client.post(url, {"image": _png(400, 400)})
    assert response.status_code == 400 and response.context["image_form"].errors["image"]
    settings.CATALOGUE_IMAGE_MAX_BYTES = 5 * 1024 * 1024
    assert client.post(url, {"image": _png(400, 400), "caption": "Mísa"}).status_code == 302
    profile.refresh_from_db()
    assert [item.caption for item in profile.get_latest_revision_as_object().portfolio_images.all()] == ["Mísa"]


def test_a_persons_profile_is_public_only_with_consent_recorded_with_its_version(client, home):
    profile = published_profile(name="Jana Nová", kind=ActorKind.FREELANCER)
    assert not Profile.objects.public().filter(pk=profile.pk).exists()
    signed_in_member(client, profile)
    client.post(reverse("catalogue:owner_consent", args=[profile.pk]), {"consent": "publication", "give": "1"})
    profile.refresh_from_db()
    assert profile.consent_version == "2026-1" and profile.consent_given_at is not None
    assert Profile.objects.public().filter(pk=profile.pk).exists()
    assert not profile.open_data_consent
    client.post(reverse("catalogue:owner_consent", args=[profile.pk]), {"consent": "publication"})
    assert not Profile.objects.public().filter(pk=profile.pk).exists()


def test_the_export_holds_the_profile_its_members_and_revisions(client, home):
    profile = published_profile(short_cs="Keramika")
    signed_in_member(client, profile)
    response = client.get(reverse("catalogue:owner_export", args=[profile.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["name"] == profile.name
    assert data["members"][0]["email"] == "owner@example.org"
    assert data["revisions"] and data["consents"]["publication"]["given_at"] is None


def _everything_in_the_database() -> str:
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            texts.extend(str(row) for row in cursor.fetchall())
    return "\n".join(texts)


def test_deleting_a_profile_leaves_nothing_of_it_in_the_database_nor_in_the_search_index(client, home):
    from wagtail.search.backends import get_search_backend

    name, email, text = "Zlatuše Vrbovská", "zlatuse.owner@example.org", "Porcelánsnivec"
    profile = published_profile(name=name, short_cs=text)
    member = signed_in_member(client, profile, email=email)
    client.post(reverse("catalogue:owner", args=[profile.pk]), _form(profile, short_cs=f"{text} nový"))
    decide(profile, approve=False, comment=f"Komentář pro {name}")
    client.post(reverse("catalogue:owner_images", args=[profile.pk]), {"image": _png(400, 400), "caption": text})
    client.post(reverse("catalogue:owner_consent", args=[profile.pk]), {"consent": "open_data", "give": "1"})
    ContactLog.objects.create(profile=profile, sender="abc")
    assert list(get_search_backend().search(text, Profile))  # the test would see a trace
    assert name in _everything_in_the_database() and email in _everything_in_the_database()

    assert client.post(reverse("catalogue:owner_delete", args=[profile.pk])).status_code == 200
    everything = _everything_in_the_database()
    for needle in (name, email, text):
        assert needle not in everything
    assert not list(get_search_backend().search(text, Profile))
    assert not ProfileMember.objects.filter(pk=member.pk).exists()
    assert ContactLog.objects.filter(profile__isnull=True, sender="").count() == 1  # counted, anonymous


# --- schedules ---------------------------------------------------------------------------------


def test_owners_are_asked_yearly_and_an_unconfirmed_profile_leaves_public_view(client, home):
    profile = published_profile()
    ProfileMember.objects.create(profile=profile, email="owner@example.org")
    now = timezone.now()
    Profile.objects.filter(pk=profile.pk).update(confirmed_at=now - dt.timedelta(days=300))
    assert confirmation.request_confirmations(now) == 0
    Profile.objects.filter(pk=profile.pk).update(confirmed_at=now - dt.timedelta(days=370))
    assert confirmation.request_confirmations(now) == 1
    assert confirmation.request_confirmations(now) == 0  # asked once
    (message,) = mail.outbox
    Profile.objects.filter(pk=profile.pk).update(confirmed_at=now - dt.timedelta(days=400))
    assert not Profile.objects.public().filter(pk=profile.pk).exists()
    assert use_link(client, links_in(message)[0]).status_code == 302
    assert Profile.objects.public().filter(pk=profile.pk).exists()


def test_contact_logs_are_anonymised_after_24_months():
    old = ContactLog.objects.create(sender="old", sent_at=timezone.now() - dt.timedelta(days=740))
    new = ContactLog.objects.create(sender="new", sent_at=timezone.now() - dt.timedelta(days=700))
    retention.apply_retention()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.sender == "" and old.anonymised_at is not None
    assert new.sender == "new"


# --- the relay contact form --------------------------------------------------------------------


def test_the_relay_form_shows_no_address_and_replies_to_the_sender(client, home):
    profile = published_profile()
    ProfileMember.objects.create(profile=profile, email="hidden.keeper@example.org")
    url = reverse("catalogue:contact", args=[profile.slug])
    page = client.get(url)
    assert page.status_code == 200 and b"hidden.keeper" not in page.content
    response = client.post(url, {"name": "Petr", "email": "petr@example.org", "message": "Dobrý den"})
    assert response.status_code == 200 and b"hidden.keeper" not in response.content
    (message,) = mail.outbox
    assert message.to == ["hidden.keeper@example.org"] and message.reply_to == ["petr@example.org"]
    log = ContactLog.objects.get()
    assert log.profile == profile and "petr" not in log.sender


def test_the_relay_form_has_a_honeypot_and_limits_per_client_and_per_profile(client, home, settings):
    profile = published_profile()
    ProfileMember.objects.create(profile=profile, email="keeper@example.org")
    url = reverse("catalogue:contact", args=[profile.slug])
    message = {"name": "Bot", "email": "bot@example.org", "message": "Buy"}
    assert client.post(url, {**message, "website": "x"}).status_code == 200
    assert mail.outbox == [] and not ContactLog.objects.exists()
    cache.clear()
    settings.CATALOGUE_CONTACT_RATE_PER_CLIENT = 1
    assert client.post(url, message).status_code == 200
    assert client.post(url, message).status_code == 429
    settings.CATALOGUE_CONTACT_RATE_PER_CLIENT = 100
    settings.CATALOGUE_CONTACT_RATE_PER_PROFILE = 1
    cache.clear()
    assert client.post(url, message, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.post(url, message, REMOTE_ADDR="10.0.0.2").status_code == 429


# --- funding and moderation --------------------------------------------------------------------


def test_one_click_turns_the_calls_that_fit_into_a_confirmed_alert(client, home):
    from kreativ.models import Sector
    from opportunities.models import Subscription

    profile = published_profile()
    profile.sectors.set([Sector.objects.first()])
    profile.save_revision().publish()
    signed_in_member(client, profile)
    assert client.get(reverse("catalogue:owner", args=[profile.pk])).status_code == 200
    client.post(reverse("catalogue:owner_alert", args=[profile.pk]))
    subscription = Subscription.objects.get(email="owner@example.org")
    assert subscription.confirmed_at is not None
    assert [s.slug for s in subscription.sectors.all()] == [Sector.objects.first().slug]
    assert len(mail.outbox) == 1  # the welcome, no confirmation asked
    client.post(reverse("catalogue:owner_alert", args=[profile.pk]))
    assert Subscription.objects.filter(email="owner@example.org").count() == 1


def test_the_moderators_dashboard_panel_and_queue_show_waiting_profiles(client, home):
    profile = published_profile()
    signed_in_member(client, profile)
    client.post(reverse("catalogue:owner", args=[profile.pk]), _form(profile, short_cs="Nové"))
    user = moderator()
    client.force_login(user)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert profile.name in dashboard.content.decode()
    listing = client.get(reverse("wagtailsnippets_catalogue_profile:list") + "?moderation=waiting")
    assert listing.status_code == 200 and profile.name in listing.content.decode()


def test_deleting_a_profile_deletes_the_members_funding_alerts_when_asked(client, home):
    from opportunities.models import Subscription

    profile = published_profile()
    signed_in_member(client, profile, email="leaving@example.org")
    client.post(reverse("catalogue:owner_alert", args=[profile.pk]))  # the one click on the owner's page
    assert Subscription.objects.filter(email="leaving@example.org").exists()
    Subscription.objects.create(email="someone.else@example.org", language="cs")
    page = client.get(reverse("catalogue:owner_delete", args=[profile.pk]))
    assert b'name="alerts"' in page.content
    answer = client.post(reverse("catalogue:owner_delete", args=[profile.pk]), {"alerts": "delete"})
    assert answer.status_code == 200
    assert not Subscription.objects.filter(email="leaving@example.org").exists()
    assert "leaving@example.org" not in _everything_in_the_database()
    assert Subscription.objects.filter(email="someone.else@example.org").exists()  # only the member's own


def test_a_member_may_keep_their_funding_alerts_when_deleting_the_profile(client, home):
    from opportunities.models import Subscription

    profile = published_profile()
    signed_in_member(client, profile, email="staying@example.org")
    client.post(reverse("catalogue:owner_alert", args=[profile.pk]))
    answer = client.post(reverse("catalogue:owner_delete", args=[profile.pk]))  # the box unticked
    assert not Profile.objects.filter(pk=profile.pk).exists()
    assert Subscription.objects.filter(email="staying@example.org").count() == 1
    assert t("Your funding alert stays, as you chose: each of its e-mails has the links to change or stop it.") in (
        answer.content.decode()
    )
