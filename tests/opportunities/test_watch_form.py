"""The reminders form on a call's page: an address the server refuses brings the call's page back,
with the error next to the field and the trap field hidden, in the reader's language."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache

from opportunities.models import Subscription
from tests.conftest import translate
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    yield
    cache.clear()


def field_block(html: str, name: str) -> str:
    """The form field's block: its label, input and errors."""
    match = re.search(rf'<div class="form-field[^"]*">\s*<label for="id_{name}">.*?</div>', html, re.S)
    assert match, f"no field {name}"
    return match.group(0)


@pytest.mark.parametrize(
    ("language", "error"),
    [("cs", "Zadejte platnou e-mailovou adresu."), ("sl", "Vnesite veljaven e-poštni naslov.")],
)
def test_a_refused_address_brings_back_the_call_page_with_the_error_at_the_field(
    client, finder, publish, language, error
):
    if language != "cs":
        translate(finder, language, title="Razpisi", slug="razpisi")
    call = publish(make_item("page", title="Call with a form"))
    response = client.post(f"/{language}/alerts/watch-call/{call.pk}/", {"email": "petr@example", "website": ""})
    html = response.content.decode()
    assert response.status_code == 200
    # The whole page, in the reader's language: the layout, the call, the form where it was.
    assert f'<html lang="{language}">' in html and "css/site.css" in html
    assert "<h1>Call with a form</h1>" in html
    form = html.split('id="reminders"', 1)[1]
    email = field_block(form, "email")
    assert 'class="form-field form-field--error"' in email
    assert f'<p class="form-field__error" role="alert">{error}</p>' in email
    assert 'value="petr@example"' in email
    # The trap stays hidden as on the subscription form: in a visually hidden block, out of reach.
    assert re.search(r'<div class="visually-hidden" aria-hidden="true"><label for="id_website">', form)
    assert 'tabindex="-1"' in re.search(r'<input[^>]*id="id_website"[^>]*>', form).group(0)
    assert not mail.outbox and not Subscription.objects.exists()


def test_an_empty_address_is_refused_too_and_a_good_one_goes_through(client, finder, publish):
    call = publish(make_item("page", title="Call with a form"))
    response = client.post(f"/cs/alerts/watch-call/{call.pk}/", {"email": ""})
    assert "Toto pole je povinné." in field_block(response.content.decode(), "email")
    assert not mail.outbox
    client.post(f"/cs/alerts/watch-call/{call.pk}/", {"email": "petr@example.com"})
    assert [message.to for message in mail.outbox] == [["petr@example.com"]]


def test_without_a_live_finder_the_form_comes_back_on_a_page_of_its_own(client, finder, publish):
    call = publish(make_item("page", title="Call with a form"))
    finder.unpublish()
    response = client.post(f"/cs/alerts/watch-call/{call.pk}/", {"email": "petr@example"})
    html = response.content.decode()
    assert response.status_code == 200 and "css/site.css" in html and "<h1>Call with a form</h1>" in html
    assert "Zadejte platnou e-mailovou adresu." in field_block(html, "email")
