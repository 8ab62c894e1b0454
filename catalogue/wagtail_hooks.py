"""The catalogue's parts of Wagtail's admin and of the first domains' pages, registered as hooks."""

from __future__ import annotations

from wagtail import hooks


@hooks.register("hub_page_sections")
def actors_at_the_hub(hub, request):
    """A hub's page lists the actors based there (``catalogue.public.hub_actors``)."""
    from catalogue.public.hub_actors import section

    return section(hub, request)
