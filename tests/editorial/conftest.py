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


@pytest.fixture
def every_reading(monkeypatch):
    """Every reading the assistant measures is proposed, whatever its class's rate: the tests of what a phrase
    asserts check the rule, not the threshold (which has its own tests in test_assistant_calibration.py)."""
    from editorial.assistant import calibration, proposals
    monkeypatch.setattr(proposals, "ABSTAIN_BELOW", min(measured.rate for measured in calibration.MEASURED.values()))
