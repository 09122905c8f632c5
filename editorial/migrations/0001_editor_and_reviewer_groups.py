"""The two editorial roles as groups.

Editors keep the record (add and change everything, delete only what is not yet public: the admin
refuses to delete a published claim for anyone but a superuser). Reviewers do the same and may
also publish or reject claims. Neither group can touch users or groups: only superusers manage
people.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

RECORD_MODELS = ["place", "placename", "actor", "actoralias", "actorrelation", "outlet", "source", "claim",
                 "claimactor", "citation"]
EDITORS = [f"{action}_{model}" for model in RECORD_MODELS for action in ("view", "add", "change", "delete")]
REVIEWERS = EDITORS + ["publish_claim"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", EDITORS), ("Reviewers", REVIEWERS)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = list(Permission.objects.filter(content_type__app_label="geo", codename__in=codenames))
        missing = set(codenames) - {p.codename for p in permissions}
        if missing:
            raise RuntimeError(f"Permissions missing for group {name}: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Reviewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("geo", "0003_actor_relation_ordering"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
