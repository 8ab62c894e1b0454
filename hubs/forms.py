"""Forms of the public hub and academy pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from kreativ.models import Region, Sector
from kreativ.public_forms import honeypot
from kreativ.public_forms.honeypot import HoneypotForm


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


class RegistrationForm(HoneypotForm, BaseForm):
    """The course registration form that editors build, with what every registration needs.

    The builder gives it an e-mail field (``email_field_name``), a real ``EmailField`` that is
    always required, since the confirmation goes there, and the public forms' trap field
    (``kreativ.public_forms.honeypot``). The address is normalised (trimmed, lower case) before
    it is compared, stored or written to; one address registers once per course.
    """

    email_field_name = "email"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        name = self.email_field_name
        email = (cleaned.get(name) or "").strip().lower()
        if email:
            cleaned[name] = email
        course = self.page
        if (
            email
            and course is not None
            and course.registrations().filter(email=email).exclude(status="cancelled").exists()
        ):
            self.add_error(name, _("This e-mail address is already registered for this course."))
        return cleaned

    def email(self) -> str:
        """The normalised address (call after ``is_valid``)."""
        return self.cleaned_data[self.email_field_name]


class RegistrationFormBuilder(FormBuilder):
    """Editors' questions, plus an address to confirm to if they asked for none, plus the trap."""

    def get_form_class(self):
        fields = self.formfields
        email_name = next((name for name, field in fields.items() if isinstance(field, forms.EmailField)), None)
        if email_name is None:
            email_name = next(name for name in ("email", "your_email", "registration_email") if name not in fields)
            fields[email_name] = forms.EmailField(label=_("Your e-mail"))
        fields[email_name].required = True
        trap = honeypot.trap_name_beside(fields)
        attrs = {**fields, trap: honeypot.trap_field(), "trap_name": trap, "email_field_name": email_name}
        return type("CourseRegistrationForm", (RegistrationForm,), attrs)
