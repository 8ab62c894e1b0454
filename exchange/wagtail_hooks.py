"""Registers the exchange with Wagtail: its admin (listings under moderation, posters,
categories), the log actions of its life cycle, and the moderators' dashboard panel."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from exchange.moderation.viewsets import ExchangeViewSetGroup

register_snippet(ExchangeViewSetGroup)


@hooks.register("register_log_actions")
def register_exchange_log_actions(actions):
    actions.register_action("exchange.renewed", _("Renewed"), _("The listing was renewed"))
    actions.register_action("exchange.closed", _("Closed"), _("The poster closed the listing"))
    actions.register_action("exchange.poster_confirmed", _("Poster confirmed"), _("The poster confirmed their address"))


@hooks.register("construct_homepage_panels")
def add_exchange_panel(request, panels):
    from exchange.moderation.dashboard import ExchangePanel

    if request.user.has_perm("exchange.change_listing"):
        panels.append(ExchangePanel(request))
