"""Pending changes, and the two roles' permission to read them (reviewers publish them with geo.publish_claim)."""
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def let_both_roles_view(apps, schema_editor):
    app_config = apps.get_app_config("editorial")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="editorial", codename="view_pendingchange")
    for group in Group.objects.filter(name__in=["Editors", "Reviewers"]):
        group.permissions.add(view)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('editorial', '0001_editor_and_reviewer_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PendingChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField(blank=True, help_text='Empty for a new record.', null=True)),
                ('base', models.JSONField(help_text='The published version the change was made against.')),
                ('proposed', models.JSONField(help_text='The version the editor saved.')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('state', models.CharField(choices=[('pending', 'pending review'), ('published', 'published'), ('rejected', 'rejected')], default='pending', max_length=10)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('reason', models.TextField(blank=True, help_text='Why a reviewer rejected the change.')),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['content_type', 'object_id', 'state'], name='pendingchange_target_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('state__in', ['pending', 'published', 'rejected'])), name='pendingchange_state_valid'), models.CheckConstraint(condition=models.Q(models.Q(('decided_at__isnull', True), ('decided_by__isnull', True), ('state', 'pending')), models.Q(models.Q(('state', 'pending'), _negated=True), ('decided_at__isnull', False), ('decided_by__isnull', False)), _connector='OR'), name='pendingchange_decision_recorded', violation_error_message='A published or rejected change records who decided and when.'), models.CheckConstraint(condition=models.Q(models.Q(('state', 'rejected'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='pendingchange_rejection_reason', violation_error_message='A rejected change needs the reason.')],
            },
        ),
        migrations.RunPython(let_both_roles_view, migrations.RunPython.noop),
    ]
