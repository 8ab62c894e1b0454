"""A place's coordinates in the admin: a map to click or drag a marker on, and "find from address".

Editors typed a hub's latitude and longitude by hand. ``LocationPanel`` shows the two fields as
before, and below them a Leaflet map (served from our static files; its tiles come from
``MAP_TILE_URL``, and with no tile server the map is a blank canvas that still takes a click)
whose marker follows the fields: a click on the map or a dragged marker sets them, typed values
move the marker. "Find from address" sends the form's address to ``geocode_view`` (an admin URL,
``kreativ.wagtail_hooks``), which asks the geocoder (``kreativ.geocoding``); when the lookup is
off or fails, the editor reads why and the fields keep their values. The fields stay the truth:
without JavaScript they are plain inputs.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.staticfiles import versioned_static

from kreativ import geocoding

ADDRESS_PARTS = ("street", "postal_code", "city", "country")


class LocationPanel(FieldRowPanel):
    """The latitude and longitude fields with a map and an address lookup.

    ``address`` maps the parts of an address (``street``, ``postal_code``, ``city``,
    ``country``) to the form's fields that hold them.
    """

    def __init__(
        self, latitude: str = "latitude", longitude: str = "longitude", address: dict[str, str] | None = None, **kwargs
    ):
        self.latitude = latitude
        self.longitude = longitude
        self.address = dict(address or {})
        kwargs.setdefault("children", [FieldPanel(latitude), FieldPanel(longitude)])
        super().__init__(**kwargs)

    def clone_kwargs(self) -> dict[str, Any]:
        kwargs = super().clone_kwargs()
        kwargs.update(latitude=self.latitude, longitude=self.longitude, address=self.address)
        return kwargs

    class BoundPanel(FieldRowPanel.BoundPanel):
        template_name = "kreativ/panels/location_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            panel = self.panel
            fields = {"latitude": panel.latitude, "longitude": panel.longitude} | {
                part: name for part, name in panel.address.items() if part in ADDRESS_PARTS
            }
            context["location"] = {
                "inputs": {part: self.form[name].auto_id for part, name in fields.items() if name in self.form.fields},
                "geocode_url": reverse("kreativ_geocode") if geocoding.is_enabled() else "",
                "tile_url": settings.MAP_TILE_URL,
                "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            }
            return context

        @property
        def media(self) -> forms.Media:
            return super().media + forms.Media(
                css={"all": [versioned_static("vendor/leaflet/leaflet.css")]},
                js=[versioned_static("vendor/leaflet/leaflet.js"), versioned_static("js/location-picker.js")],
            )


def geocode_view(request: HttpRequest) -> JsonResponse:
    """The coordinates of the address in the query string, for the map picker (admin only).

    200 with ``found`` and, when found, ``latitude``, ``longitude`` and the geocoder's ``label``
    (not a 404 for an unknown address: the locale middleware would redirect it); 400 without an
    address; 503 when the lookup is off or failed. Every answer has a ``message`` for the editor.
    """
    address = geocoding.Address(**{part: request.GET.get(part, "").strip()[:200] for part in ADDRESS_PARTS})
    if address.is_empty():
        return JsonResponse({"message": _("Fill in the street, postal code or town first.")}, status=400)
    try:
        place = geocoding.find(address)
    except geocoding.GeocodingError as error:
        return JsonResponse({"message": str(error)}, status=503)
    if place is None:
        return JsonResponse(
            {"found": False, "message": _("No place was found at this address. Check it, or click the map instead.")}
        )
    return JsonResponse(
        {
            "found": True,
            "latitude": str(place.latitude),
            "longitude": str(place.longitude),
            "label": place.label,
            "message": _("Found: %(place)s. Check the marker and save.") % {"place": place.label},
        }
    )
