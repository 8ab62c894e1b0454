"""The home and standard pages, which began in ``kreativ``: a database made before the move keeps its
rows (``kreativ.model_moves``); a new one gets the tables."""

import django.db.models.deletion
import kreativ.seo
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from kreativ.model_moves import adopt_or_create


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('kreativ', '0003_locales_and_roles'),
        ('hubs', '0002_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='A sentence or two; shown in listings and previews.', verbose_name='introduction')),
                        ('hero_title', models.CharField(blank=True, max_length=200, verbose_name='headline')),
                        ('offers', wagtail.fields.StreamField([('offer', 6)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 120}), 1: ('wagtail.blocks.TextBlock', (), {'label': 'text'}), 2: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 3: ('wagtail.blocks.URLBlock', (), {'label': 'external address', 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'link text', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('page', 2), ('url', 3), ('text', 4)]], {'label': 'link', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('title', 0), ('text', 1), ('link', 5)]], {})}, verbose_name='what the region offers')),
                        ('funding_intro', wagtail.fields.RichTextField(blank=True, help_text='Shown above the list of upcoming funding deadlines.', verbose_name='funding section text')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('call_to_action', 17), ('embed', 18)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {'label': 'Heading'}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Paragraph', 'template': 'blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it; the image's title is used if empty.", 'label': 'alternative text', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {'label': 'Image'}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'quote'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'attribution', 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {'label': 'Quote'}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 120}), 12: ('wagtail.blocks.TextBlock', (), {'label': 'text', 'required': False}), 13: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': 'external address', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'link text', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('page', 13), ('url', 14), ('text', 15)]], {'label': 'link'}), 17: ('wagtail.blocks.StructBlock', [[('title', 11), ('text', 12), ('link', 16)]], {'label': 'Call to action'}), 18: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Embedded media', 'template': 'blocks/embed.html'})}, verbose_name='more content')),
                        ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image')),
                    ],
                    options={
                        'verbose_name': 'home page',
                    },
                    bases=(kreativ.seo.SeoMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='HomePageFeaturedHub',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('hub', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='hubs.hubpage', verbose_name='hub')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='featured_hubs', to='home.homepage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='StandardPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='A sentence or two; shown in listings and previews.', verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('call_to_action', 17), ('embed', 18)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {'label': 'Heading'}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Paragraph', 'template': 'blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the image for people who cannot see it; the image's title is used if empty.", 'label': 'alternative text', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {'label': 'Image'}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'quote'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'attribution', 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {'label': 'Quote'}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 120}), 12: ('wagtail.blocks.TextBlock', (), {'label': 'text', 'required': False}), 13: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': 'external address', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'link text', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('page', 13), ('url', 14), ('text', 15)]], {'label': 'link'}), 17: ('wagtail.blocks.StructBlock', [[('title', 11), ('text', 12), ('link', 16)]], {'label': 'Call to action'}), 18: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Embedded media', 'template': 'blocks/embed.html'})}, verbose_name='body')),
                        ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image')),
                    ],
                    options={
                        'verbose_name': 'standard page',
                    },
                    bases=(kreativ.seo.SeoMixin, 'wagtailcore.page'),
                ),
            ],
        ),
        adopt_or_create("kreativ", "home", ["HomePage", "HomePageFeaturedHub", "StandardPage"]),
    ]
