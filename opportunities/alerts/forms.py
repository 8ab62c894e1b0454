"""The subscription form (what to hear about) and the subscriber's settings form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kreativ.models import Region, Sector
from kreativ.public_forms.honeypot import HoneypotForm
from opportunities.models import ApplicantType, Programme, Subscription

# A finder's amount bucket, as the smallest amount a subscriber wants.
AMOUNT_MINIMUM = {"medium": Decimal("10000"), "large": Decimal("100000"), "xlarge": Decimal("1000000")}


class FiltersForm(forms.Form):
    """What a subscriber wants to hear about (the finder's filters)."""

    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=[c for c in Subscription.Frequency.choices if c[0] != Subscription.Frequency.REMINDERS],
        initial=Subscription.Frequency.WEEKLY,
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Where you work"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    applicant_types = forms.ModelMultipleChoiceField(
        label=_("Who you are"),
        queryset=ApplicantType.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    programmes = forms.ModelMultipleChoiceField(
        label=_("Programmes"), queryset=Programme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        max_length=300,
        required=False,
        help_text=_("Separate words with commas, e.g. film, festival."),
    )
    min_amount = forms.DecimalField(
        label=_("Smallest amount per project that interests you (EUR)"),
        min_value=0,
        max_digits=12,
        decimal_places=0,
        required=False,
    )

    def wish(self) -> dict[str, Any]:
        """The cleaned filters as plain values, to travel inside a signed link."""
        data = self.cleaned_data
        return {
            "frequency": data["frequency"],
            "language": data["language"],
            "sectors": [s.slug for s in data["sectors"]],
            "regions": [r.slug for r in data["regions"]],
            "applicant_types": [a.slug for a in data["applicant_types"]],
            "programmes": [p.pk for p in data["programmes"]],
            "keywords": data["keywords"].strip(),
            "min_amount": str(data["min_amount"]) if data["min_amount"] is not None else None,
        }


class SubscribeForm(FiltersForm, HoneypotForm):
    email = forms.EmailField(label=_("Your e-mail"))

    field_order = ["email", "frequency", "language"]

    @classmethod
    def initial_from_finder(cls, params, language: str, default_regions: list[str] | None = None) -> dict[str, Any]:
        """The finder's current filters as the form's starting values ("alert me about calls like these").

        Without a region in them, the office's region (``default_regions``), as on its finder; a
        finder that shows every region (``region=all``) gives none.
        """
        amounts = [AMOUNT_MINIMUM[a] for a in params.getlist("amount") if a in AMOUNT_MINIMUM]
        regions = params.getlist("region") if "region" in params else list(default_regions or [])
        return {
            "language": language,
            "sectors": Sector.objects.filter(slug__in=params.getlist("sector")),
            "regions": Region.objects.filter(slug__in=regions),
            "applicant_types": ApplicantType.objects.filter(slug__in=params.getlist("applicant")),
            "programmes": Programme.objects.filter(pk__in=[p for p in params.getlist("programme") if p.isdigit()]),
            "keywords": ", ".join(w for w in params.get("q", "").split() if w)[:300],
            "min_amount": min(amounts) if amounts else None,
        }


class WatchForm(HoneypotForm):
    email = forms.EmailField(label=_("Your e-mail"))


class SettingsForm(forms.ModelForm, FiltersForm):
    """One alert on the subscriber's page: the same filters, plus reminders and pausing."""

    frequency = forms.ChoiceField(label=_("How often"), choices=Subscription.Frequency.choices)

    def clean(self) -> dict[str, Any]:
        """Refuses filters that another alert of the same address already has."""
        from opportunities.alerts import addresses

        cleaned = super().clean()
        if self.errors:
            return cleaned
        key = addresses.filters_key(
            [s.slug for s in cleaned.get("sectors") or []],
            [r.slug for r in cleaned.get("regions") or []],
            [a.slug for a in cleaned.get("applicant_types") or []],
            [p.pk for p in cleaned.get("programmes") or []],
            cleaned.get("keywords") or "",
            cleaned.get("min_amount"),
        )
        if addresses.alert_with_filters(self.instance.email, key, exclude_pk=self.instance.pk) is not None:
            raise forms.ValidationError(_("You already have another alert with these filters."), code="duplicate")
        return cleaned

    class Meta:
        model = Subscription
        fields = [
            "frequency",
            "language",
            "sectors",
            "regions",
            "applicant_types",
            "programmes",
            "keywords",
            "min_amount",
            "reminder_days",
            "paused",
        ]


def apply_wish(subscription: Subscription, wish: dict[str, Any]) -> None:
    """Sets a confirmed wish's filters on a (saved) subscription."""
    subscription.frequency = wish["frequency"]
    subscription.language = wish["language"]
    subscription.keywords = wish.get("keywords", "")
    subscription.min_amount = Decimal(wish["min_amount"]) if wish.get("min_amount") else None
    subscription.save()
    subscription.sectors.set(Sector.objects.filter(slug__in=wish.get("sectors", [])))
    subscription.regions.set(Region.objects.filter(slug__in=wish.get("regions", [])))
    subscription.applicant_types.set(ApplicantType.objects.filter(slug__in=wish.get("applicant_types", [])))
    subscription.programmes.set(Programme.objects.filter(pk__in=wish.get("programmes", [])))
