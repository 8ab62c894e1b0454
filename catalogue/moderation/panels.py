"""Read-only panel of a profile's edit form: who keeps it (how many members, any claim waiting),
its consents with their text versions, when its owners last confirmed it (for a profile nobody
keeps, the moderators' button that confirms it: ``unkept``), and what its last revision changed
(the compare view: an owner's edit shows there)."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel

from kreativ.moderation.changes import compare_links


class OwnersPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/admin/owners_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            from catalogue.models import ClaimRequest
            from catalogue.moderation.unkept import MODERATION_PERMISSION

            context = super().get_context_data(parent_context)
            profile = self.instance
            context["profile"] = profile
            if profile.pk:
                context["member_count"] = profile.members.count()
                context["claims"] = profile.claims.filter(status=ClaimRequest.Status.WAITING)
                context["can_confirm"] = (
                    not context["member_count"] and profile.live and self.request.user.has_perm(MODERATION_PERMISSION)
                )
                context.update(compare_links(profile))
            return context
