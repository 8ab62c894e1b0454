"""StreamField blocks that editors combine into standard pages, news and the home page."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; the image's title is used if empty."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class LinkValue(blocks.StructValue):
    def href(self) -> str:
        page = self.get("page")
        if page:
            return page.localized.url or ""
        return self.get("url") or ""

    def label(self) -> str:
        page = self.get("page")
        return self.get("text") or (page.localized.title if page else "") or self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site (in the reader's language) or to another address."""

    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)
    text = blocks.CharBlock(label=_("link text"), required=False)

    class Meta:
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    link = LinkBlock(label=_("link"))

    def clean(self, value):
        value = super().clean(value)
        if not value["link"].href():
            raise StructBlockValidationError(
                block_errors={"link": ValidationError(_("A call to action needs a page or an address."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"


class OfferBlock(blocks.StructBlock):
    """One thing the region offers to creative people, as a card on the home page."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"))
    link = LinkBlock(label=_("link"), required=False)

    class Meta:
        icon = "tick-inverse"
        template = "blocks/offer.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="blocks/paragraph.html",
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    embed = EmbedBlock(label=_("Embedded media"), template="blocks/embed.html")
