"""Registers the catalogue with Wagtail: the moderators' possible duplicates (with their merge log
action), and the sections it adds to the funding radar's call pages (partners for consortia)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_profile_duplicates():
    from catalogue.duplicates.viewsets import ProfileDuplicatesViewSet

    return ProfileDuplicatesViewSet()


@hooks.register("register_log_actions")
def register_catalogue_log_actions(actions):
    actions.register_action("catalogue.merge", _("Merge duplicate"), _("Merged a duplicate profile into this one"))


@hooks.register("call_page_sections")
def partners_on_call_pages(request, call):
    from catalogue.partners import call_partners_section

    return call_partners_section(request, call)
