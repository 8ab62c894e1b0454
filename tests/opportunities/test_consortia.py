"""Which calls are answered by a consortium (opportunities/data/consortia.yaml), and the hook through
which apps built on the radar add sections to a call's page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks

from opportunities.finder.consortia import needs_consortium
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("identifier", "programme", "regions", "needed"),
    [
        ("CREA-CULT-2027-COOP", "Creative Europe (CREA)", ["EU"], True),
        ("CREA-CULT-2025-COOP-UA-1", "Creative Europe (CREA)", ["EU"], True),
        ("CREA-MEDIA-2026-DEVMINISLATE", "Creative Europe (CREA)", ["EU"], False),  # one production company
        ("HORIZON-CL2-2026-01-HERITAGE-02", "Horizon Europe (HORIZON)", ["EU"], True),
        ("ERC-2027-STG", "Horizon Europe (HORIZON)", ["EU"], False),  # one researcher
        ("HORIZON-EIC-2026-ACCELERATOR-01", "Horizon Europe (HORIZON)", ["EU"], False),
        ("CERV-2026-CITIZENS-TOWN-TT", "Citizens, Equality, Rights and Values Programme (CERV)", ["EU"], True),
        ("CERV-2026-DAPHNE-PREVENTION", "Citizens, Equality, Rights and Values Programme (CERV)", ["EU"], False),
        ("", "Interreg Česko – Slovensko", ["CZ071", "SI042"], True),  # regions of two countries
        ("", "Interreg Česko – Slovensko", ["CZ071"], False),  # one country's scope
        ("CREA-CULT-2027-COOP", "Kreativní Evropa – spolufinancování (MK ČR)", ["CZ"], False),
        ("DIGITAL-2026-AI-01", "Digital Europe Programme (DIGITAL)", ["EU"], False),
    ],
)
def test_a_call_needs_a_consortium_by_its_programme_identifier_and_a_scope_across_borders(
    publish, identifier, programme, regions, needed
):
    call = publish(
        make_item(f"x-{identifier}-{len(regions)}", call_identifier=identifier, programme=programme, regions=regions)
    )
    assert needs_consortium(call) is needed


def test_a_call_without_a_programme_needs_none(publish):
    call = publish(make_item("none", programme=""))
    assert needs_consortium(call) is False


def test_sections_registered_by_other_apps_are_shown_on_the_call_page(client, finder, publish):
    call = publish(make_item("s", deadlines=[timezone.now() + dt.timedelta(days=9)]))

    def section(request, shown):
        return format_html('<section id="from-a-hook">{}</section>', shown.title) if shown.pk == call.pk else None

    with hooks.register_temporarily("call_page_sections", section):
        html = client.get(finder.call_url(call)).content.decode()
    assert '<section id="from-a-hook">European cooperation projects</section>' in html
    assert "from-a-hook" not in client.get(finder.call_url(call)).content.decode()
