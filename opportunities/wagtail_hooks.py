"""Registers the funding radar with Wagtail: admin viewsets (crawl runs read-only), the merge and
archive log actions, the dashboard panel, and the
note under the site search's results that points to the finder."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from opportunities.models import CrawlRun
from opportunities.moderation.viewsets import FundingViewSetGroup, RecordedByTheCrawler

register_permission_policy(CrawlRun, RecordedByTheCrawler(CrawlRun), exact_class=True)
register_snippet(FundingViewSetGroup)


@hooks.register("register_log_actions")
def register_funding_log_actions(actions):
    actions.register_action("opportunities.merge", _("Merge duplicate"), _("Merged a duplicate call into this one"))
    actions.register_action(
        "opportunities.archive", _("Archive"), _("Archived: the call closed before anyone decided on it")
    )


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
