"""The forms of the people who keep profiles: asking for a link (create, claim, sign in), editing
the profile, its links and its portfolio images, and inviting another member.

What an owner writes is shown to the public once a moderator approves it, so it is cleaned here:
descriptions are plain text (blank lines make paragraphs) or the few tags of the profile's rich
text (``kreativ.sanitise`` with those tags only), and no text may hold an e-mail address, since
the catalogue never shows one (visitors write through the relay form). The registry number is
checked by the model's ``clean`` (its check digit); images by their content, size and sides.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from catalogue.models import ActorKind, Country, Profile, Service
from catalogue.models.profiles import SPOKEN_LANGUAGES, normalise_registry_number
from kreativ.models import Region, Sector
from kreativ.public_forms.honeypot import HoneypotForm
from kreativ.sanitise import sanitise_html

# The tags of the profile's rich text features (bold, italic, lists, links), and paragraphs.
DESCRIPTION_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a"})
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|mailto:", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
NO_ADDRESS = _(
    "Please leave e-mail addresses out: visitors reach you through the contact form, which keeps your address private."
)


def refuse_addresses(value: str) -> str:
    if value and _EMAIL.search(value):
        raise forms.ValidationError(NO_ADDRESS, code="email_address")
    return value


def description_html(text: str) -> str:
    """An owner's description as the profile stores it: plain text turned into paragraphs (a
    blank line between them, a line break kept), or HTML reduced to the description's tags."""
    text = (text or "").strip()
    if not text:
        return ""
    if _TAG.search(text):
        return sanitise_html(text, tags=DESCRIPTION_TAGS)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)


_PLAIN_HTML = re.compile(r"(?:<p>(?:[^<]|<br>)*</p>)+")


def description_text(html: str) -> str:
    """What an owner sees of a stored description: plain paragraphs when it is only that (as
    ``description_html`` makes them), else the HTML as it is."""
    from html import unescape

    html = (html or "").strip()
    if not html or not _PLAIN_HTML.fullmatch(html):
        return html
    paragraphs = re.findall(r"<p>(.*?)</p>", html)
    return "\n\n".join(unescape(part.replace("<br>", "\n")) for part in paragraphs)


class JoinForm(HoneypotForm):
    """Asks for a link by e-mail: to create a profile, to claim one, or to open one's profiles.

    Its answer is the same whatever the address (``views.join``): it never tells whether an
    address keeps a profile.
    """

    CREATE, CLAIM, SIGN_IN = "create", "claim", "sign_in"

    intent = forms.ChoiceField(
        label=_("What would you like to do?"),
        choices=[
            (CREATE, _("Create a new profile")),
            (CLAIM, _("Claim a profile that is already in the catalogue")),
            (SIGN_IN, _("Open the profile I keep (send me a link)")),
        ],
        initial=CREATE,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(label=_("Your e-mail"))
    name = forms.CharField(
        label=_("Name of the profile"),
        max_length=200,
        required=False,
        help_text=_("Your name, or your organisation's (to create a profile)."),
    )
    kind = forms.ChoiceField(
        label=_("Who you are"),
        choices=[("", "—"), *ActorKind.choices],
        required=False,
        help_text=_("To create a profile."),
    )
    country = forms.ChoiceField(label=_("Country of the registry number"), choices=Country.choices, required=False)
    registry_number = forms.CharField(
        label=_("Registry number of the profile to claim"),
        max_length=20,
        required=False,
        help_text=_("Czech IČO or Slovenian matična številka (to claim a profile)."),
    )
    message = forms.CharField(
        label=_("Your tie to the profile"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("To claim a profile: who you are there (a moderator or its keepers read it)."),
    )
    profile = forms.SlugField(required=False, widget=forms.HiddenInput)

    field_order = ["intent", "email", "name", "kind", "profile", "country", "registry_number", "message"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        intent = cleaned.get("intent")
        if intent == self.CREATE:
            if not (cleaned.get("name") or "").strip():
                self.add_error("name", _("Enter the name the profile is to have."))
            if not cleaned.get("kind"):
                self.add_error("kind", _("Choose who you are."))
        if intent == self.CLAIM and not cleaned.get("profile"):
            number = (cleaned.get("registry_number") or "").strip()
            if not number:
                self.add_error("registry_number", _("Enter the registry number of the profile you claim."))
            else:
                try:
                    cleaned["registry_number"] = normalise_registry_number(cleaned.get("country") or "CZ", number)
                except forms.ValidationError as error:
                    self.add_error("registry_number", error)
        return cleaned


def hubs_to_choose(profile: Profile):
    """The live hubs, each once (in the reader's language where it is translated, else in its
    own), and those the profile names already."""
    from django.db.models import Q
    from django.utils import translation

    from hubs.models import HubPage

    language = (translation.get_language() or "cs").split("-")[0]
    chosen: dict[Any, int] = {}
    for pk, key, code in HubPage.objects.live().values_list("pk", "translation_key", "locale__language_code"):
        if key not in chosen or code == language:
            chosen[key] = pk
    named = [hub.pk for hub in profile.hubs.all()] if profile.pk else []
    return HubPage.objects.filter(Q(pk__in=chosen.values()) | Q(pk__in=named)).order_by("title")


class LanguagesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class ProfileForm(forms.ModelForm):
    """Every public field of a profile an owner keeps (coordinates for the map are a moderator's)."""

    languages = LanguagesField(label=_("Working languages"), choices=SPOKEN_LANGUAGES, required=False)
    description_cs = forms.CharField(label=_("Description (Czech)"), required=False, widget=forms.Textarea)
    description_sl = forms.CharField(label=_("Description (Slovenian)"), required=False, widget=forms.Textarea)
    description_en = forms.CharField(label=_("Description (English)"), required=False, widget=forms.Textarea)

    class Meta:
        model = Profile
        fields = [
            "name",
            "kind",
            "country",
            "registry_number",
            "municipality",
            "sectors",
            "regions",
            "services",
            "languages",
            "short_cs",
            "short_sl",
            "short_en",
            "description_cs",
            "description_sl",
            "description_en",
            "website",
            "facebook_url",
            "instagram_url",
            "linkedin_url",
            "hubs",
            "open_to_commissions",
            "seeks_partners",
            "voucher_provider",
            "forum_member",
        ]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "regions": forms.CheckboxSelectMultiple,
            "services": forms.CheckboxSelectMultiple,
            "hubs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = Sector.objects.all()
        self.fields["regions"].queryset = Region.objects.exclude(level=Region.Level.SUPRANATIONAL)
        self.fields["services"].queryset = Service.objects.all()
        self.fields["hubs"].queryset = hubs_to_choose(self.instance)
        help_text = _("Plain text: a blank line starts a new paragraph. Bold, italic, lists and links are kept.")
        for code in ("cs", "sl", "en"):
            self.fields[f"description_{code}"].help_text = help_text
            if not self.is_bound:
                self.initial[f"description_{code}"] = description_text(getattr(self.instance, f"description_{code}"))

    def _clean_text(self, name: str) -> str:
        return refuse_addresses(self.cleaned_data.get(name) or "")

    def clean_name(self) -> str:
        return self._clean_text("name")

    def clean_municipality(self) -> str:
        return self._clean_text("municipality")

    def clean_short_cs(self) -> str:
        return self._clean_text("short_cs")

    def clean_short_sl(self) -> str:
        return self._clean_text("short_sl")

    def clean_short_en(self) -> str:
        return self._clean_text("short_en")

    def clean_description_cs(self) -> str:
        return description_html(self._clean_text("description_cs"))

    def clean_description_sl(self) -> str:
        return description_html(self._clean_text("description_sl"))

    def clean_description_en(self) -> str:
        return description_html(self._clean_text("description_en"))


class LinkForm(forms.Form):
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")
    title = forms.CharField(label=_("Title"), max_length=200, required=False)

    def clean_title(self) -> str:
        return refuse_addresses(self.cleaned_data.get("title") or "")


LinkFormSet = forms.formset_factory(LinkForm, extra=2, max_num=10, validate_max=True, can_delete=True)


class PortfolioImageField(WagtailImageField):
    """Wagtail's image field (the format told by the file's content, not its name) with the
    catalogue's limits on the file's size and the image's sides, each with its own message."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        f = super().clean(data, initial)
        if f is None:
            return f
        if f.size > settings.CATALOGUE_IMAGE_MAX_BYTES:
            raise forms.ValidationError(
                _("This file is %(size)s; an image may have at most %(limit)s.")
                % {"size": filesizeformat(f.size), "limit": filesizeformat(settings.CATALOGUE_IMAGE_MAX_BYTES)},
                code="file_too_large",
            )
        width, height = f.image.get_size()
        if min(width, height) < settings.CATALOGUE_IMAGE_MIN_SIDE:
            raise forms.ValidationError(
                _("This image is %(width)s × %(height)s pixels; each side needs at least %(minimum)s.")
                % {"width": width, "height": height, "minimum": settings.CATALOGUE_IMAGE_MIN_SIDE},
                code="too_small",
            )
        if max(width, height) > settings.CATALOGUE_IMAGE_MAX_SIDE:
            raise forms.ValidationError(
                _("This image is %(width)s × %(height)s pixels; no side may have more than %(maximum)s.")
                % {"width": width, "height": height, "maximum": settings.CATALOGUE_IMAGE_MAX_SIDE},
                code="too_large",
            )
        return f


class ImageForm(forms.Form):
    image = PortfolioImageField(label=_("Image"))
    caption = forms.CharField(label=_("Caption"), max_length=250, required=False)

    def clean_caption(self) -> str:
        return refuse_addresses(self.cleaned_data.get("caption") or "")


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the person to invite"))
