"""Portfolio images an owner uploads: stored as Wagtail images (their renditions, their admin),
named in the profile's next revision; checked first by ``forms.PortfolioImageField``.

An image stays in storage while any revision names it (a moderator compares versions); deleting
the profile deletes every image any of its revisions named (``catalogue.privacy.erasure``).
"""

from __future__ import annotations

from django.conf import settings
from wagtail.images import get_image_model
from wagtail.models import Collection

from catalogue.models import Profile, ProfileImage


class TooManyImages(Exception):
    """The profile shows ``CATALOGUE_IMAGES_PER_PROFILE`` images already."""


def add_image(draft: Profile, upload, caption: str) -> ProfileImage:
    """Stores ``upload`` (a checked image file) and adds it to ``draft``'s portfolio, last."""
    current = list(draft.portfolio_images.all())
    if len(current) >= settings.CATALOGUE_IMAGES_PER_PROFILE:
        raise TooManyImages
    image = get_image_model()(
        title=(f"{draft.name}: {caption}" if caption else draft.name)[:255],
        file=upload,
        collection=Collection.get_first_root_node(),
    )
    image._set_image_file_metadata()
    image.save()
    item = ProfileImage(image=image, caption=caption, sort_order=len(current))
    draft.portfolio_images = [*current, item]
    return item


def remove_image(draft: Profile, image_pk: int) -> bool:
    """Takes the image out of ``draft``'s portfolio (the file stays while a revision names it)."""
    current = list(draft.portfolio_images.all())
    kept = [item for item in current if item.image_id != image_pk]
    draft.portfolio_images = kept
    return len(kept) != len(current)
