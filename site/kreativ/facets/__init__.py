"""Faceted listings: an in-memory bitmap index of what a listing shows, its filters, counts and text.

The funding finder and the catalogue of creatives (and, later, the exchange) are one kind of page:
filters that combine as AND across facets and OR within one, each facet counted with every other
filter applied but its own, full text through Wagtail's search API, a few orders, paging. Counting
in SQL took most of a second on 50,000 calls, so each listing keeps its public objects as bitsets
(``index``), rebuilt when they change (``holder``); a listing of a model says only what its objects
contribute (their rows, facet values and orders: a ``build`` function using ``builder``) and how its
filters read (a ``listing.FacetedSearch`` subclass). The text goes through ``text``.
"""
