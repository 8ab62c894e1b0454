"""The magazine's pages, which began in ``kreativ``: a database made before the move keeps its
rows (``kreativ.model_moves``); a new one gets the tables."""

import django.db.models.deletion
import django.utils.timezone
import kreativ.seo
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from kreativ.model_moves import adopt_or_create


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('kreativ', '0003_locales_and_roles'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NewsArticlePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='A sentence or two; shown in listings and previews.', verbose_name='introduction')),
                        ('date', models.DateField(default=django.utils.timezone.localdate, verbose_name='date')),
                        ('author', models.CharField(blank=True, max_length=150, verbose_name='author')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('call_to_action', 17), ('embed', 18)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {'label': 'Heading'}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Paragraph', 'template': 'blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it; the image's title is used if empty.", 'label': 'alternative text', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {'label': 'Image'}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'quote'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'attribution', 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {'label': 'Quote'}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 120}), 12: ('wagtail.blocks.TextBlock', (), {'label': 'text', 'required': False}), 13: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': 'external address', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'link text', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('page', 13), ('url', 14), ('text', 15)]], {'label': 'link'}), 17: ('wagtail.blocks.StructBlock', [[('title', 11), ('text', 12), ('link', 16)]], {'label': 'Call to action'}), 18: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Embedded media', 'template': 'blocks/embed.html'})}, verbose_name='body')),
                        ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image')),
                    ],
                    options={
                        'verbose_name': 'news article',
                        'verbose_name_plural': 'news articles',
                    },
                    bases=(kreativ.seo.SeoMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='NewsIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='A sentence or two; shown in listings and previews.', verbose_name='introduction')),
                        ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image')),
                    ],
                    options={
                        'verbose_name': 'news index',
                    },
                    bases=(kreativ.seo.SeoMixin, 'wagtailcore.page'),
                ),
            ],
        ),
        adopt_or_create("kreativ", "news", ["NewsIndexPage", "NewsArticlePage"]),
    ]
