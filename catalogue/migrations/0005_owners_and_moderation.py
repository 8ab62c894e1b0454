"""Profiles kept by their owners, under moderation.

- The fields and models of the owners' part: open data consent with its text's version, when the
  yearly confirmation was asked for, claims waiting for a moderator, spent links, relayed
  contacts (``catalogue/models/owners.py``), and the workflow's task type.
- The "Profile moderation" workflow, its one task ("Moderators approve the profile", a
  ``ProfileApprovalTask`` for the Moderators group) created with it: a workflow with no active
  task would publish at once when started. It is attached to profiles.
- The Moderators' permissions on profiles, services and claims.
- Two daily django-q2 schedules: the yearly confirmation requests and the retention periods.

Each function is idempotent (tests/conftest.py runs them again after a flush).
"""

import datetime as dt

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from kreativ import data_migrations

WORKFLOW = "Profile moderation"
TASK = "Moderators approve the profile"
MODERATOR_PERMISSIONS = [
    ("profile", ["add", "change", "delete", "publish", "lock", "unlock", "view"]),
    ("service", ["add", "change", "view"]),
    ("claimrequest", ["change", "view"]),
]
SCHEDULES = {
    "catalogue:confirmation-requests": "catalogue.owners.confirmation.request_confirmations",
    "catalogue:retention": "catalogue.privacy.retention.apply_retention",
}


def create_workflow(apps, schema_editor):
    moderators = data_migrations.grant_moderators(apps, "catalogue", MODERATOR_PERMISSIONS)
    data_migrations.attach_workflow(
        apps,
        workflow=WORKFLOW,
        task=TASK,
        task_model="catalogue.ProfileApprovalTask",
        model="catalogue.profile",
        group=moderators,
    )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("catalogue", "ProfileApprovalTask").objects.filter(name=TASK).delete()


def create_schedules(apps, schema_editor):
    next_run = timezone.now() + dt.timedelta(hours=1)
    daily = {"schedule_type": "D", "repeats": -1, "next_run": next_run}
    data_migrations.add_schedules(apps, {name: {"func": func, **daily} for name, func in SCHEDULES.items()})


def remove_schedules(apps, schema_editor):
    data_migrations.remove_schedules(apps, SCHEDULES)


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('catalogue', '0004_catalogue_index_page'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
        ("kreativ", "0003_locales_and_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name='UsedLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('digest', models.CharField(max_length=64, unique=True)),
                ('used_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
            ],
        ),
        migrations.AddField(
            model_name='profile',
            name='confirmation_requested_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='confirmation last asked for'),
        ),
        migrations.AddField(
            model_name='profile',
            name='open_data_consent_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='open data consent given'),
        ),
        migrations.AddField(
            model_name='profile',
            name='open_data_consent_version',
            field=models.CharField(blank=True, editable=False, max_length=20, verbose_name='open data consent text version'),
        ),
        migrations.AlterField(
            model_name='profile',
            name='open_data_consent',
            field=models.BooleanField(default=False, editable=False, help_text="A person's profile is in the open data only with this consent; an organisation's always.", verbose_name='may be published as open data'),
        ),
        migrations.CreateModel(
            name='ClaimRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                ('language', models.CharField(choices=[('cs', 'Čeština'), ('sl', 'Slovenščina'), ('en', 'English')], default='cs', max_length=5, verbose_name='language')),
                ('message', models.TextField(blank=True, help_text='What the claimant wrote about their tie to the profile.', verbose_name='who they are')),
                ('status', models.CharField(choices=[('waiting', 'Waiting for a moderator'), ('approved', 'Approved'), ('refused', 'Refused')], default='waiting', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='asked')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='catalogue.profile', verbose_name='profile')),
                ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.site', verbose_name='site')),
            ],
            options={
                'verbose_name': 'profile claim',
                'verbose_name_plural': 'profile claims',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='ContactLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sent_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='sent')),
                ('language', models.CharField(blank=True, max_length=5, verbose_name='language')),
                ('sender', models.CharField(blank=True, max_length=64, verbose_name='sender (pseudonymous)')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='anonymised')),
                ('profile', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contacts', to='catalogue.profile', verbose_name='profile')),
            ],
            options={
                'verbose_name': 'relayed contact',
                'verbose_name_plural': 'relayed contacts',
                'ordering': ['-sent_at'],
            },
        ),
        migrations.CreateModel(
            name='ProfileApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'profile approval',
                'verbose_name_plural': 'profile approvals',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.AddField(
            model_name='profilemember',
            name='language',
            field=models.CharField(choices=[('cs', 'Čeština'), ('sl', 'Slovenščina'), ('en', 'English')], default='cs', max_length=5, verbose_name='language'),
        ),
        migrations.AddField(
            model_name='profilemember',
            name='site',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.site', verbose_name='site'),
        ),
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(create_schedules, remove_schedules),
    ]
