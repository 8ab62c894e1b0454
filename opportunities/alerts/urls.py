"""Alert URLs. Signed links live outside the language prefix: an unsubscribe POST must never be
redirected, and the page speaks the subscriber's language anyway. The forms a reader fills in live
under the language prefix (``form_urls``)."""

from django.urls import path

from opportunities.alerts import views

app_name = "alerts"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("manage/<str:token>/export/", views.export, name="export"),
    path("manage/<str:token>/delete/", views.delete_all, name="delete_all"),
    path("manage/<str:token>/alert/<int:pk>/", views.manage_alert, name="manage_alert"),
    path("manage/<str:token>/alert/<int:pk>/delete/", views.delete_alert, name="delete_alert"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("watch/<str:token>/<int:call_pk>/", views.watch, name="watch"),
    path("feed/<str:token>/rss/", views.feed_rss, name="feed_rss"),
    path("feed/<str:token>/ical/", views.feed_ical, name="feed_ical"),
]
