"""The exchange: its listings under moderation, the posters without a catalogue profile, the
categories of listings, and the listings' moderation task.

- The categories of ``exchange/data/categories.yaml`` (entries matched by slug, never overwritten:
  a moderator's correction in the admin stays).
- The "Listing moderation" workflow, its one task ("Moderators approve the listing", a
  ``ListingApprovalTask`` for the Moderators group) created with it: a workflow with no active
  task would publish at once when started. It is attached to listings.
- The Moderators' permissions on listings, posters and categories.
- The daily django-q2 schedule ``exchange:reminders`` (``exchange.lifecycle.send_reminders``).

Each function is idempotent (tests/conftest.py runs them again after a flush).
"""

import datetime as dt


import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import exchange.vocabulary
import modelcluster.fields
import modelsearch.index
import wagtail.fields
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from kreativ import data_migrations

WORKFLOW = "Listing moderation"
TASK = "Moderators approve the listing"
MODERATOR_PERMISSIONS = [
    ("listing", ["add", "change", "delete", "publish", "lock", "unlock", "view"]),
    ("poster", ["add", "change", "view"]),
    ("category", ["add", "change", "view"]),
]
SCHEDULES = {"exchange:reminders": "exchange.lifecycle.send_reminders"}


def create_categories(apps, schema_editor):
    from exchange.vocabulary import categories

    Category = apps.get_model("exchange", "Category")
    for order, (slug, cs, sl, en) in enumerate(categories()):
        Category.objects.get_or_create(
            slug=slug, defaults={"name_cs": cs, "name_sl": sl, "name_en": en, "sort_order": order}
        )


def create_workflow(apps, schema_editor):
    moderators = data_migrations.grant_moderators(apps, "exchange", MODERATOR_PERMISSIONS)
    data_migrations.attach_workflow(
        apps,
        workflow=WORKFLOW,
        task=TASK,
        task_model="exchange.ListingApprovalTask",
        model="exchange.listing",
        group=moderators,
    )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("exchange", "ListingApprovalTask").objects.filter(name=TASK).delete()


def create_schedules(apps, schema_editor):
    next_run = timezone.now() + dt.timedelta(hours=1)
    daily = {"schedule_type": "D", "repeats": -1, "next_run": next_run}
    data_migrations.add_schedules(apps, {name: {"func": func, **daily} for name, func in SCHEDULES.items()})


def remove_schedules(apps, schema_editor):
    data_migrations.remove_schedules(apps, SCHEDULES)


def create(apps, schema_editor):
    create_categories(apps, schema_editor)
    create_workflow(apps, schema_editor)
    create_schedules(apps, schema_editor)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('catalogue', '0005_owners_and_moderation'),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
        ('hubs', '0002_initial'),
        ('kreativ', '0004_office_region'),
        ('opportunities', '0010_subscription_site'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Category',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='slug')),
                ('name_cs', models.CharField(max_length=150, verbose_name='name (Czech)')),
                ('name_sl', models.CharField(blank=True, max_length=150, verbose_name='name (Slovenian)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='name (English)')),
                ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'listing category',
                'verbose_name_plural': 'listing categories',
                'ordering': ['sort_order', 'name_cs'],
            },
        ),
        migrations.CreateModel(
            name='ListingApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'listing approval',
                'verbose_name_plural': 'listing approvals',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.CreateModel(
            name='Poster',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('kind', models.CharField(choices=[('firm', 'Firm'), ('municipality', 'Municipality'), ('other', 'Other organisation')], default='firm', max_length=20, verbose_name='kind')),
                ('email', models.EmailField(db_index=True, max_length=254, verbose_name='e-mail (never shown)')),
                ('confirmed_at', models.DateTimeField(blank=True, editable=False, help_text='Set when the poster follows the link e-mailed to them; until then their listings are not public.', null=True, verbose_name='address confirmed')),
                ('language', models.CharField(choices=[('cs', 'Čeština'), ('sl', 'Slovenščina'), ('en', 'English')], default='cs', max_length=5, verbose_name='language')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
                ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.site', verbose_name='site')),
            ],
            options={
                'verbose_name': 'poster',
                'verbose_name_plural': 'posters',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Listing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('kind', models.CharField(choices=[('offer', 'Offer'), ('request', 'Request'), ('partner_search', 'Partner search'), ('challenge', 'Challenge')], default='offer', max_length=20, verbose_name='kind')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('slug', models.SlugField(blank=True, editable=False, max_length=120, null=True, unique=True, verbose_name='slug')),
                ('description', wagtail.fields.RichTextField(verbose_name='description')),
                ('budget_band', models.CharField(blank=True, choices=exchange.vocabulary.budget_band_choices, max_length=20, verbose_name='budget')),
                ('reward_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='reward or budget')),
                ('reward_currency', models.CharField(blank=True, default='EUR', max_length=3, verbose_name='currency')),
                ('deadline', models.DateTimeField(blank=True, help_text="A challenge's: proposals are accepted until then.", null=True, verbose_name='deadline')),
                ('rules', wagtail.fields.RichTextField(blank=True, verbose_name='rules')),
                ('result', wagtail.fields.RichTextField(blank=True, help_text="A challenge's result, once the jury decided.", verbose_name='result')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
                ('valid_until', models.DateTimeField(blank=True, db_index=True, editable=False, null=True, verbose_name='runs until')),
                ('closed_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='closed by its poster')),
                ('taken_down_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='taken down')),
                ('reminded_before_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='reminded before the end')),
                ('reminded_on_day_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='reminded on the last day')),
                ('last_link_used_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('category', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='listings', to='exchange.category', verbose_name='category')),
                ('funding_call', models.ForeignKey(blank=True, help_text='Required for a partner search: the call the partners are sought for.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='listings', to='opportunities.fundingcall', verbose_name='funding call')),
                ('hub', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='hubs.hubpage', verbose_name='hub')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                ('profile', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='listings', to='catalogue.profile', verbose_name='posted by the profile')),
                ('regions', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='kreativ.region', verbose_name='regions')),
                ('sectors', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='kreativ.sector', verbose_name='CCI sectors')),
                ('poster', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='listings', to='exchange.poster', verbose_name='posted by')),
            ],
            options={
                'verbose_name': 'listing',
                'verbose_name_plural': 'listings',
                'ordering': ['-created_at'],
                'constraints': [models.CheckConstraint(condition=models.Q(('profile__isnull', True), ('poster__isnull', True), _connector='OR'), name='listing_one_poster')],
            },
            bases=(wagtail.models.preview.PreviewableMixin, modelsearch.index.Indexed, models.Model),
        ),
        migrations.RunPython(create_categories, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(create_schedules, remove_schedules),
    ]
