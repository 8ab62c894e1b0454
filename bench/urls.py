"""The site's URLs plus ``/bench/ping/``: the cheapest Django view, a yardstick for throughput."""

from django.http import HttpResponse
from django.urls import path

from kreativ.urls import urlpatterns as site_urlpatterns


def ping(request):
    return HttpResponse("pong", content_type="text/plain")


urlpatterns = [path("bench/ping/", ping), *site_urlpatterns]
