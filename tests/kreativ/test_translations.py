"""Translating a page with wagtail-localize: a draft until an editor publishes it (kreativ.translations)."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, StringSegment, StringTranslation, Translation
from wagtail_localize.synctree import synchronize_tree

from kreativ.models import NavigationSettings
from news.models import NewsArticlePage, NewsIndexPage
from tests.conftest import t, translate
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("redaktorka", "redaktorka@example.com", "password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def news(home):
    index = NewsIndexPageFactory(parent=home, slug="aktuality", title="Aktuality")
    article = NewsArticlePageFactory(
        parent=index, slug="novy-laserovy-rezak", title="Nový laserový řezák v Přerově", intro="Dílna má nový laser."
    )
    return index, article


@pytest.fixture
def start_translation(client, django_capture_on_commit_callbacks):
    """The editor's *Translate* action, as the admin posts it; what it leaves for after the commit
    (wagtail-localize publishes then) runs too."""

    def start(user: User, page: Page, code: str = "sl") -> Page:
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [Locale.objects.get(language_code=code).pk]},
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        return Page.objects.get(translation_key=page.translation_key, locale__language_code=code).specific

    return start


def translation_of(page: Page) -> Translation:
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def translate_string(page: Page, path: str, value: str) -> None:
    """What the translation editor does when the editor saves one string (its PUT)."""
    translation = translation_of(page)
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=page.locale,
        context=segment.context,
        defaults={"data": value, "translation_type": "manual"},
    )


def slug_translation(page: Page) -> str | None:
    segment = StringSegment.objects.get(source=translation_of(page).source, context__path="slug")
    found = StringTranslation.objects.filter(translation_of=segment.string, locale=page.locale, context=segment.context)
    return found.values_list("data", flat=True).first()


def test_a_started_translation_is_a_draft_that_readers_cannot_reach(client, editor, news, start_translation):
    index, article = news
    translate(index, "sl", title="Novice", slug="novice")
    draft = start_translation(editor, article)

    assert not draft.live and draft.alias_of_id is None
    assert draft.has_unpublished_changes and draft.get_latest_revision() is not None
    assert draft.title == article.title  # the Czech text, waiting for its translation
    client.logout()
    assert client.get(f"/sl/novice/{draft.slug}/").status_code == 404
    assert f"/sl/novice/{draft.slug}/" not in client.get("/sitemap.xml").content.decode()
    assert article.title not in client.get("/sl/novice/").content.decode()
    assert "Nový laserový" not in client.get("/sl/search/", {"q": "laserový řezák"}).content.decode()
    assert client.get(f"/cs/aktuality/{article.slug}/").status_code == 200  # the original is untouched


def test_a_missing_parent_becomes_a_draft_translation_and_the_editor_is_told(client, editor, news, start_translation):
    index, article = news
    draft = start_translation(editor, article)

    parent = draft.get_parent().specific
    assert isinstance(parent, NewsIndexPage) and parent.translation_key == index.translation_key
    assert parent.locale.language_code == "sl"
    assert not parent.live and parent.alias_of_id is None and parent.live_revision_id is None
    assert translation_of(parent).enabled  # it opens in the translation editor, like the article
    client.logout()
    assert client.get(f"/sl/{parent.slug}/").status_code == 404
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.main_links.set([navigation.main_links.model(page=index)])
    navigation.save()
    menu = client.get("/sl/").content.decode()
    assert f'href="/sl/{parent.slug}/"' not in menu and 'href="/cs/aktuality/"' in menu  # the Czech one meanwhile

    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert response.status_code == 200
    notice = t(
        "Not published in %(locale)s yet: %(pages)s. Publish it too, or readers will not find this page in its "
        "section.",
        locale="Slovenščina",
        pages=f"“{parent.title}”",
    )
    assert notice in [str(message) for message in response.context["messages"]]


def test_publishing_in_the_translation_editor_makes_the_translation_public(
    client, editor, news, start_translation, django_capture_on_commit_callbacks
):
    index, article = news
    translate(index, "sl", title="Novice", slug="novice")
    draft = start_translation(editor, article)
    for path, value in {
        "title": "Novi laserski rezalnik v Přerovu",
        "intro": "Delavnica ima nov laser.",
        "author": "Tereza Vlčková",
    }.items():
        translate_string(draft, path, value)

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"}, follow=True)

    draft.refresh_from_db()
    assert draft.live and draft.slug == "novi-laserski-rezalnik-v-prerovu"
    messages = [html.unescape(str(message)).strip() for message in response.context["messages"]]
    published = t("Published '{object}' in {locale}.").format(object=draft.title, locale="Slovenščina")
    assert published in messages, messages  # not "with missing translations": the slug followed the title
    client.logout()
    page = client.get("/sl/novice/novi-laserski-rezalnik-v-prerovu/")
    assert page.status_code == 200
    assert "Delavnica ima nov laser." in page.content.decode()
    assert "/sl/novice/novi-laserski-rezalnik-v-prerovu/" in client.get("/sitemap.xml").content.decode()


def test_the_slug_follows_the_translated_title_until_the_editor_writes_one(client, editor, news, start_translation):
    index, article = news
    translate(index, "sl", title="Novice", slug="novice")
    draft = start_translation(editor, article)

    translate_string(draft, "title", "Nov laserski rezalnik")
    assert slug_translation(draft) == "nov-laserski-rezalnik"
    translate_string(draft, "title", "Novi laserski rezalnik v Přerovu")
    assert slug_translation(draft) == "novi-laserski-rezalnik-v-prerovu"  # still derived: it follows

    translate_string(draft, "slug", "Rezalnik Přerov")  # the editor's own, with a capital and an accent
    assert slug_translation(draft) == "rezalnik-prerov"  # transliterated, not refused
    translate_string(draft, "title", "Laserski rezalnik")
    assert slug_translation(draft) == "rezalnik-prerov"  # the editor's slug stays


def test_tree_synchronisation_makes_drafts_not_live_copies(home, news):
    index, article = news
    sl = Locale.objects.get(language_code="sl")
    LocaleSynchronization.objects.create(locale=sl, sync_from=Locale.objects.get(language_code="cs"))
    synchronize_tree(Locale.objects.get(language_code="cs"), sl)

    for original in (index, article):
        copy = Page.objects.get(translation_key=original.translation_key, locale=sl)
        assert copy.alias_of_id is None and not copy.live, original.title
    # A Czech page created later is mirrored the same way (wagtail-localize's after_create_page hook).
    from wagtail_localize.synctree import create_aliases_for_new_page

    later = NewsArticlePageFactory(parent=index, slug="dalsi", title="Další článek")
    create_aliases_for_new_page(later)
    mirrored = NewsArticlePage.objects.get(translation_key=later.translation_key, locale=sl)
    assert not mirrored.live and mirrored.alias_of_id is None
    later.save_revision().publish()  # Wagtail republishes aliases when their original is published
    mirrored.refresh_from_db()
    assert not mirrored.live


def test_an_alias_in_the_same_language_stays_an_alias(news):
    _index, article = news
    alias = article.create_alias(update_slug="kopie")
    assert alias.alias_of_id == article.pk and alias.live


@pytest.mark.parametrize(
    ("language", "publish", "heading", "uses"),
    [
        ("cs", "Publikovat ve slovinštině", "Překlad z češtiny do slovinštiny", "Použita česká verze"),
        ("sl", "Objavi v slovenščini", "Prevod iz češčine v slovenščino", "Uporabljena češka različica"),
        ("en", "Publish in Slovenian", "Translation from Czech into Slovenian", "Uses the Czech version"),
    ],
)
def test_the_translation_editor_names_each_language_in_its_case(locales, language, publish, heading, uses):
    from django.utils import translation

    from kreativ.translation_editor import editor_labels

    with translation.override(language):
        labels = editor_labels(locales["cs"], locales["sl"])
    assert (labels["publish"], labels["heading"], labels["uses"]) == (publish, heading, uses)
    assert set(labels["catalog"]) >= {"Publish in ", "Save", "Not translated", "segments translated"}


def test_the_translation_editor_gets_our_labels_and_the_translate_form_speaks_czech(
    client, editor, news, start_translation
):
    index, article = news
    translate(index, "sl", title="Novice", slug="novice")
    client.force_login(editor)
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=[article.pk])).content.decode()
    assert "Jazyky" in form and "Místní nastavení" not in form

    draft = start_translation(editor, article)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    found = re.search(r'<script id="kreativ-translation-editor-labels" type="application/json">(.*?)</script>', page)
    labels = json.loads(found.group(1))
    assert (labels["publish"], labels["heading"]) == ("Publikovat ve slovinštině", "Překlad z češtiny do slovinštiny")
    assert labels["catalog"]["Not translated"] == "Nepřeloženo"
    assert "js/translation-editor.js" in page
