"""Alert forms a reader fills in, under the language prefix (/cs/alerts/, /sl/alerts/, ...)."""

from django.urls import path

from opportunities.alerts import views

app_name = "alert_forms"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("watch-call/<int:call_pk>/", views.watch_request, name="watch_request"),
]
