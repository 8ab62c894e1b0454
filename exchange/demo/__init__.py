"""Demo content of the exchange: each office's invented listings, from ``<office>/listings.yaml``.

Offers and requests of the demo's catalogue profiles, partner searches on the demo's real EU calls
(those still open), and a demo municipality's challenges (a ``Poster`` of kind municipality, its
address under example.org): one open, one decided. All invented, no real person's data
(``listings.py``).
"""

from __future__ import annotations

from exchange.demo.listings import load_listings
from kreativ.demo_loaders import DemoRun


def load(run: DemoRun) -> None:
    for office in run.offices:
        path = office.data_file(__file__, "listings.yaml")
        if path is not None:
            load_listings(path)
