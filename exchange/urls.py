"""The exchange's own URLs under the language prefix (/cs/exchange/…), included by name from
``kreativ.urls``: the pages its e-mailed links open."""

from django.urls import path

from exchange import views

app_name = "exchange"

urlpatterns = [
    path("link/<slug:purpose>/<str:token>/", views.link, name="link"),
]
