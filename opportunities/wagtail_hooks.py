"""Registers the funding radar's admin: viewsets and the merge log action."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from opportunities.viewsets import FundingViewSetGroup

register_snippet(FundingViewSetGroup)


@hooks.register("register_log_actions")
def register_funding_log_actions(actions):
    actions.register_action("opportunities.merge", _("Merge duplicate"), _("Merged a duplicate call into this one"))


@hooks.register("construct_homepage_panels")
def add_funding_radar_panel(request, panels):
    from opportunities.dashboard import FundingRadarPanel

    if request.user.has_perm("opportunities.change_fundingcall"):
        panels.append(FundingRadarPanel(request))
