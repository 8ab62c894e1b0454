"""Registers the funding radar with Wagtail: admin viewsets, the merge log action, the dashboard
panel, and the note under the site search's results that points to the finder."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from opportunities.moderation.viewsets import FundingViewSetGroup

register_snippet(FundingViewSetGroup)


@hooks.register("register_log_actions")
def register_funding_log_actions(actions):
    actions.register_action("opportunities.merge", _("Merge duplicate"), _("Merged a duplicate call into this one"))


@hooks.register("construct_homepage_panels")
def add_funding_radar_panel(request, panels):
    from opportunities.moderation.dashboard import FundingRadarPanel

    if request.user.has_perm("opportunities.change_fundingcall"):
        panels.append(FundingRadarPanel(request))


@hooks.register("site_search_notes")
def point_to_the_finder(request, locale):
    from kreativ.sites import site_for
    from opportunities.finder.upcoming import finder_for

    finder = finder_for(site_for(request), locale)
    if finder is None:
        return None
    return render_to_string("opportunities/includes/search_note.html", {"finder_url": finder.get_url(request)})
