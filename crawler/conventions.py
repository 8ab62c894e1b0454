"""Each source's conventions, stated once: its time zone, the languages of its dates, its currency, its regions.

A Czech ministry writes local dates in Prague's time, in Czech, with amounts in crowns, for calls
open to all of Czechia; a Slovenian portal does the same in Ljubljana's time, in Slovenian, in euros.
Those facts belong to the country (or to the EU's API), not to one spider or one parser, so they live
here: a spider's class attributes read them (the defaults that a Source's config may override, see
``crawler.spiders.base``) and a parser hands them to its loader (``loader_context``).

The words a source uses (applicant types, sectors, programmes) are in ``crawler.vocabulary``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Conventions:
    """How a source writes dates, amounts and places.

    ``languages`` are the languages its dates are written in, the first being the language the
    source writes in (the default of a call's ``language`` when detection is unsure); ``regions``
    are the region codes (``crawler.vocabulary.REGIONS``) a call is for when the page names none.
    """

    timezone: str
    languages: tuple[str, ...]
    currency: str
    regions: tuple[str, ...]

    @property
    def language(self) -> str:
        return self.languages[0]

    def loader_context(self, source: str) -> dict[str, Any]:
        """The context a ``CallLoader`` needs for a call of ``source`` (its slug)."""
        return {
            "source": source,
            "timezone": self.timezone,
            "languages": self.languages,
            "language": self.language,
            "currency": self.currency,
            "regions": self.regions,
        }


CZECH = Conventions(timezone="Europe/Prague", languages=("cs",), currency="CZK", regions=("CZ",))
SLOVENIAN = Conventions(timezone="Europe/Ljubljana", languages=("sl",), currency="EUR", regions=("SI",))
# The EU Funding & Tenders portal: moments carry their offset; its deadlines are Brussels time (the
# portal says "17:00:00 Brussels time"), so a deadline known only as a day counts until the end of
# that day in Brussels. Text in English.
EU = Conventions(timezone="Europe/Brussels", languages=("en",), currency="EUR", regions=("EU",))
