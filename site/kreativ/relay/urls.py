"""The relay's own page: the link that releases a sender's first message (under the language
prefix, included by ``kreativ.urls`` as ``relay/``). Each domain's form pages are in its URLs."""

from django.urls import path

from kreativ.relay import views

app_name = "relay"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
]
