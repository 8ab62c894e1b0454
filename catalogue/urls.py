"""The catalogue's own URLs under the language prefix (/cs/catalogue/…), included by name from
``kreativ.urls``: the owners' way in (the form that asks for a link, the pages its links open),
the owner's private page and its actions, and the relay contact form of a profile."""

from django.urls import path

from catalogue.owners import entry
from catalogue.owners import views as owners
from catalogue.relay import views as relay

app_name = "catalogue"

urlpatterns = [
    path("join/", entry.join, name="join"),
    path("link/<slug:purpose>/<str:token>/", entry.link, name="link"),
    path("owner/<int:pk>/", owners.owner, name="owner"),
    path("owner/<int:pk>/images/", owners.portfolio, name="owner_images"),
    path("owner/<int:pk>/consent/", owners.consents, name="owner_consent"),
    path("owner/<int:pk>/members/", owners.members, name="owner_members"),
    path("owner/<int:pk>/confirm/", owners.confirm, name="owner_confirm"),
    path("owner/<int:pk>/alert/", owners.alert, name="owner_alert"),
    path("owner/<int:pk>/preview/", owners.preview, name="owner_preview"),
    path("owner/<int:pk>/export/", owners.export, name="owner_export"),
    path("owner/<int:pk>/delete/", owners.delete, name="owner_delete"),
    path("sign-out/", owners.sign_out, name="sign_out"),
    path("contact/<slug:key>/", relay.contact, name="contact"),
]
