"""Forms of the public hub and academy pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from kreativ.models import Region, Sector


class HubFilterForm(forms.Form):
    """Filters of the hub index; the choices are only what the listed hubs actually have."""

    kind = forms.ChoiceField(label=_("Kind of place"), required=False)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All sectors"),
    )

    def __init__(self, *args: Any, hubs: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from hubs.models import HubKind

        kinds = set(hubs.values_list("kind", flat=True))
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (k, label) for k, label in HubKind.choices if k in kinds
        ]
        self.fields["region"].queryset = Region.objects.filter(hubs__in=hubs).distinct()
        self.fields["sector"].queryset = Sector.objects.filter(hubs__in=hubs).distinct()

    def filter(self, hubs: QuerySet) -> QuerySet:
        data = self.cleaned_data
        if data.get("kind"):
            hubs = hubs.filter(kind=data["kind"])
        if data.get("region"):
            hubs = hubs.filter(region=data["region"])
        if data.get("sector"):
            hubs = hubs.filter(sectors=data["sector"])
        return hubs.distinct()


class RegistrationForm(BaseForm):
    """The course registration form that editors build; refuses a second registration per e-mail."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        course = self.page
        name = course.email_field_name() if course is not None else None
        email = (cleaned.get(name) or "").strip().lower() if name else ""
        if email and course.registrations().filter(email=email).exclude(status="cancelled").exists():
            self.add_error(name, _("This e-mail address is already registered for this course."))
        return cleaned


class RegistrationFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("CourseRegistrationForm", (RegistrationForm,), self.formfields)
