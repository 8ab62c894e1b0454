"""URLs: the admin and documents without a language prefix, every public page under /cs/, /sl/, /en/.

Apps are included by their module's name (a string), so the foundation imports none of them.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kreativ import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("alerts/", include("opportunities.alerts.urls")),
    path("catalogue/", include("catalogue.data_urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("alerts/", include("opportunities.alerts.form_urls")),
    path("catalogue/", include("catalogue.urls")),
    path("exchange/", include("exchange.urls")),
    path("relay/", include("kreativ.relay.urls")),
    path("search/", views.search, name="search"),
    path("untranslated/<int:page_id>/", views.not_translated, name="not_translated"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
