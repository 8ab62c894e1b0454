"""No e-mail address is ever shown publicly, not even one an owner wrote into their own texts.

Contact goes through the relay form on the profile's page, so that addresses cannot be harvested
from the catalogue, its feed or its open data. An address typed into a description (or a
``mailto:`` link made in the rich text editor) is taken out wherever a profile's texts are shown.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
MAILTO = re.compile(r"""\s+href=(["'])mailto:[^"']*\1""", re.IGNORECASE)
HIDDEN = "[…]"


def without_addresses(text: str) -> str:
    """``text`` (plain or HTML) with its e-mail addresses replaced and its ``mailto:`` links unlinked."""
    if not text or ("@" not in text and "mailto:" not in text.lower()):
        return text
    return EMAIL.sub(HIDDEN, MAILTO.sub("", text))
