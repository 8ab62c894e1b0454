"""Coordinates from an address: the admin's "find from address" next to a place's map.

Editors typed a hub's latitude and longitude by hand. The map picker (``kreativ.location_panel``)
asks this module, through an admin view, for the coordinates of the address in the form. The
geocoder is any Nominatim-compatible service, named by its base address in ``GEOCODER_URL``
(OpenStreetMap's own by default; a self-hosted one, or a loopback stand-in in the tests); empty
turns the lookup off. geopy speaks its protocol. What goes wrong (the lookup off, the service
unreachable, slow or answering nonsense) is a ``GeocodingError`` whose message is for the
editor; the form's values are never touched here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

COORDINATE_PLACES = Decimal("0.000001")  # the models keep six decimal places (about 10 cm)


class GeocodingError(Exception):
    """The lookup could not be made; the message says why, to the editor."""


@dataclass(frozen=True)
class Address:
    street: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = ""  # ISO code, e.g. CZ

    def is_empty(self) -> bool:
        return not (self.street or self.postal_code or self.city)


@dataclass(frozen=True)
class Place:
    latitude: Decimal
    longitude: Decimal
    label: str


def is_enabled() -> bool:
    return bool(settings.GEOCODER_URL)


def _geocoder():
    from geopy.geocoders import Nominatim

    base = urlsplit(settings.GEOCODER_URL)
    return Nominatim(
        domain=(base.netloc + base.path).rstrip("/"),
        scheme=base.scheme or "https",
        user_agent=settings.GEOCODER_USER_AGENT,
        timeout=settings.GEOCODER_TIMEOUT,
    )


def find(address: Address) -> Place | None:
    """The coordinates of ``address`` (None: the geocoder knows no such place).

    A structured query (street, postal code, town), limited to the address's country when it has
    one; the label is the geocoder's name for what it found, for the editor to check.
    """
    from geopy.exc import GeopyError

    if not is_enabled():
        raise GeocodingError(_("Finding coordinates from an address is turned off on this site."))
    if address.is_empty():
        raise GeocodingError(_("Fill in the street, postal code or town first."))
    query = {
        key: value
        for key, value in {"street": address.street, "postalcode": address.postal_code, "city": address.city}.items()
        if value
    }
    try:
        location = _geocoder().geocode(
            query,
            exactly_one=True,
            country_codes=address.country.lower() or None,
            language=get_language() or False,
        )
    except GeopyError as error:
        logger.warning("The geocoder at %s failed: %r", settings.GEOCODER_URL, error)
        raise GeocodingError(_("The address lookup did not answer. Nothing was changed; try again later.")) from error
    except (ArithmeticError, TypeError, ValueError) as error:  # geopy could not read the answer as a place
        logger.warning("The geocoder at %s answered what is not a place: %r", settings.GEOCODER_URL, error)
        raise GeocodingError(_("The address lookup answered something that is not a place.")) from error
    if location is None:
        return None
    try:
        latitude = Decimal(str(location.latitude)).quantize(COORDINATE_PLACES)
        longitude = Decimal(str(location.longitude)).quantize(COORDINATE_PLACES)
    except (ArithmeticError, TypeError, ValueError) as error:
        raise GeocodingError(_("The address lookup answered something that is not a place.")) from error
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise GeocodingError(_("The address lookup answered something that is not a place."))
    return Place(latitude=latitude, longitude=longitude, label=str(location.address or ""))
