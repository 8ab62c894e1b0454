"""The language of a request whose address names none (``/``, the alerts' links): the reader's, else the site's.

Every public page's address carries its language (``/sl/…``). An address without one is answered
in the language the reader chose, if they chose one, else in the language of the office's site
they came to (its home page's): ``/`` on the Gorenjska site goes to ``/sl/``, on the Olomouc site
to ``/cs/``. Django's ``LocaleMiddleware`` would fall back on the browser's languages and then on
``LANGUAGE_CODE``, one language for every site; the host name already says which office, and its
language, the reader came for.

A reader *chooses* a language by reading the site in it: following the language switcher (or any
link) to a page in another language than the site's remembers that language in a cookie
(``READING_LANGUAGE_COOKIE``), so their next visit to ``/`` goes there; coming back to the site's
own language remembers that. A reader who never leaves the site's language gets no cookie.

The cookie is the public site's own, not Django's language cookie, and the admin (``/admin/``) is
left to Django and Wagtail (the user's preferred language, the browser's, ``LANGUAGE_CODE``): an
editor who reads a page in Slovenian does not find their admin in Slovenian afterwards.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from kreativ.sites import language_of, site_for

LANGUAGES = {code for code, _name in settings.LANGUAGES}
READING_LANGUAGE_COOKIE = "kreativ_language"
ADMIN_PREFIX = "/admin/"


def chosen_language(request: HttpRequest) -> str | None:
    """The language the reader chose (the language cookie), when it is one of the site's (its home
    is published in it)."""
    language = request.COOKIES.get(READING_LANGUAGE_COOKIE)
    if language not in LANGUAGES:
        return None
    site = site_for(request)
    if site is not None and language != language_of(site):
        homes = site.root_page.get_translations().live().filter(locale__language_code=language)
        if not homes.exists():
            return None
    return language


def site_language(request: HttpRequest) -> str:
    return language_of(site_for(request))


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's ``LocaleMiddleware``, with the site's language where Django would use the browser's."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        if translation.get_language_from_path(request.path_info) or request.path_info.startswith(ADMIN_PREFIX):
            return
        translation.activate(chosen_language(request) or site_language(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            if not request.path_info.startswith(ADMIN_PREFIX):
                patch_vary_headers(response, ("Cookie",))
        elif self._is_a_choice(request, response, language):
            response.set_cookie(
                READING_LANGUAGE_COOKIE,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    @staticmethod
    def _is_a_choice(request: HttpRequest, response: HttpResponse, language: str) -> bool:
        """A page read in another language than the one remembered (or, with none remembered,
        than the site's)."""
        if request.method != "GET" or response.status_code != 200:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        remembered = chosen_language(request)
        return language != (remembered or site_language(request))
