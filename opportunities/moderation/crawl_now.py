"""Crawling a source now, from its admin pages: the source's crawl queued on django-q2.

A source's schedule crawls it at night; a moderator who just corrected its address, or heard of a
new call, should not have to wait or ask for a shell. "Crawl now" (a button in the sources'
listing and on a source's edit page) asks once, then queues the task the schedule runs
(``opportunities.intake.schedules.CRAWL_TASK``) for the cluster; the run shows in *Crawl runs*
when it is done. Whoever may change a source may crawl it; a source entered by hand has nothing
to crawl.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.snippets.views.snippets import EditView, IndexView

from opportunities.intake.schedules import CRAWL_TASK
from opportunities.models import Source

LABEL = gettext_lazy("Crawl now")


def queue_crawl(source: Source) -> str:
    """Queues the source's crawl for the task cluster; returns the task's id."""
    from django_q.tasks import async_task

    return async_task(CRAWL_TASK, source.slug, group=source.schedule_name, task_name=f"{source.schedule_name}:now")


def crawlable(source: Source) -> bool:
    return source.kind != Source.Kind.MANUAL


def crawl_view(viewset, request, pk: int):
    """Asks "Crawl … now?" (GET) and queues the crawl (POST), for a user who may change sources."""
    if not viewset.permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    source = get_object_or_404(Source, pk=pk)
    if not crawlable(source):
        messages.error(request, _("“%(source)s” is entered by hand: there is nothing to crawl.") % {"source": source})
        return redirect(reverse(viewset.get_url_name("edit"), args=[source.pk]))
    if request.method == "POST":
        queue_crawl(source)
        runs = reverse("wagtailsnippets_opportunities_crawlrun:list") + f"?source={source.pk}"
        messages.success(
            request,
            _("The crawl of “%(source)s” is queued; its run will be listed in Crawl runs when it is done.")
            % {"source": source},
            buttons=[messages.button(runs, _("Crawl runs"))],
        )
        return redirect(reverse(viewset.get_url_name("list")))
    return TemplateResponse(
        request,
        "opportunities/admin/crawl_confirm.html",
        {
            "source": source,
            "view": viewset,
            "header_icon": viewset.icon,
            "page_title": _("Crawl “%(source)s” now?") % {"source": source},
        },
    )


def crawl_url(viewset, source: Source, user) -> str | None:
    """The source's "Crawl now" address, for a user who may use it (else None)."""
    if crawlable(source) and viewset.permission_policy.user_has_permission(user, "change"):
        return reverse(viewset.get_url_name("crawl"), args=[source.pk])
    return None


class SourceIndexView(IndexView):
    """The sources' listing, with "Crawl now" among each row's buttons."""

    def get_list_more_buttons(self, instance: Source) -> list:
        buttons = super().get_list_more_buttons(instance)
        if url := crawl_url(Source.snippet_viewset, instance, self.request.user):
            buttons.append(ListingButton(LABEL, url=url, icon_name="download", priority=15))
        return buttons


class SourceEditView(EditView):
    """A source's edit page, with "Crawl now" among the header's buttons."""

    @cached_property
    def header_more_buttons(self) -> list:
        buttons = super().header_more_buttons
        if url := crawl_url(Source.snippet_viewset, self.object, self.request.user):
            buttons.append(Button(LABEL, url=url, icon_name="download", priority=5))
        return buttons
