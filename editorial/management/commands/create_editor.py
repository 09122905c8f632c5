"""Create (or update) a user in an editorial role: `create_editor alice --role editor`."""
import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

ROLES = {"editor": "Editors", "reviewer": "Reviewers"}


class Command(BaseCommand):
    help = "Create a staff user in the Editors or Reviewers group (only superusers manage users in the admin)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Omit to be asked (or set CONTROLMAP_PASSWORD).")

    @transaction.atomic
    def handle(self, username, role, email, password, **options):
        password = password or os.environ.get("CONTROLMAP_PASSWORD") or getpass.getpass(f"Password for {username}: ")
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from None
        try:
            group = Group.objects.get(name=ROLES[role])
        except Group.DoesNotExist:
            raise CommandError(f"Group {ROLES[role]} is missing: run `manage.py migrate` first.") from None
        created = user.pk is None
        user.email = email or user.email
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.remove(*Group.objects.filter(name__in=ROLES.values()).exclude(pk=group.pk))
        user.groups.add(group)
        self.stdout.write(f"{'Created' if created else 'Updated'} {role} {username}.")
