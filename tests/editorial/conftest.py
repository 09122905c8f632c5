"""Editors and reviewers signed in to the admin, for the workspace's tests."""
import pytest

from editing import person


@pytest.fixture
def fast_passwords(settings):
    """Password hashing is not under test where editors sign in; PBKDF2's deliberate slowness would dominate."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(seeded, fast_passwords):
    """A signed-in client in the Editors group: writes drafts, may not publish."""
    return person("edna", "editor")


@pytest.fixture
def reviewer(seeded, fast_passwords):
    """A signed-in client in the Reviewers group: may publish."""
    return person("rita", "reviewer")
