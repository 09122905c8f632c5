"""The catalogues are compiled as `make run` and `make test` compile them, so that these tests read
the translations of the .po files as they are now."""
import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    call_command("compilemessages", ignore_patterns=[".venv", "data"], verbosity=0)
