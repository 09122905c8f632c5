"""Every string a reader sees is translated: the catalogues are brought up to date with the code in a
copy of the project (scripts/messages.sh, as a developer runs it), and msgfmt must then count no
untranslated and no fuzzy entry in any language."""
import re
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR
# The project but what is not its code: the copy runs the same manage.py with every installed app.
LEFT_OUT = {"data", "tests", "node_modules", "test-artifacts"}
COPIED = sorted(path.name for path in ROOT.iterdir() if path.name not in LEFT_OUT and not path.name.startswith(".")
                and (path.is_dir() or path.suffix == ".py"))
LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture(scope="module")
def updated_catalogues(tmp_path_factory):
    """locale/ of a copy of the project after scripts/messages.sh: what the catalogues lack shows as
    untranslated there, even when nobody ran the script after adding a string."""
    copy = tmp_path_factory.mktemp("project")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("vendor", "data", "__pycache__", "*.mo"))
        else:
            shutil.copy(source, copy / name)
    result = subprocess.run(["scripts/messages.sh"], cwd=copy, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable, "DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    return copy / "locale"


def statistics(catalogue):
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_string_is_translated(updated_catalogues, language, domain):
    catalogue = updated_catalogues / language / "LC_MESSAGES" / f"{domain}.po"
    counted = statistics(catalogue)
    assert re.fullmatch(r"\d+ translated messages?\.", counted), f"{language} {domain}: {counted}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_catalogues_are_up_to_date(updated_catalogues, language, domain):
    """The .po in the repository holds what the script writes: no string is translated only in a copy."""
    committed = (ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po").read_text(encoding="utf-8")
    updated = (updated_catalogues / language / "LC_MESSAGES" / f"{domain}.po").read_text(encoding="utf-8")
    creation = re.compile(r'"POT-Creation-Date: [^"]*"\n')
    assert creation.sub("", committed) == creation.sub("", updated)


def test_every_language_has_its_catalogues_and_the_url_parameter_names_them():
    from embed.parameters import declared

    parameters = declared()
    codes = [code for code, _ in settings.LANGUAGES]
    assert parameters["map"]["lang"]["choices"] == codes == parameters["embed"]["lang"]["choices"]
    for language in LANGUAGES:
        assert {path.name for path in (ROOT / "locale" / language / "LC_MESSAGES").glob("*.po")} == {"django.po", "djangojs.po"}


# The one word (its stem, as Arabic and Kurdish inflect it) each language uses for each status, in every
# sentence that says it: a reader must never wonder whether two words mean two states.
GLOSSARY = {
    "ar": {"held": "سيطر", "contested": "متنازع", "besieged": "محاصر"},
    "ckb": {"held": "کۆنترۆڵ", "contested": "شەڕی لەسەرە", "besieged": "گەمارۆ"},
}
ENGLISH = {"held": r"\b(held|controlled)\b", "contested": r"\bcontested\b", "besieged": r"\bbesieged\b"}


def entries(language, domain):
    """(msgid, [msgstr...]) of a catalogue, its plural forms together."""
    text = (ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po").read_text(encoding="utf-8")
    found = []
    for block in text.split("\n\n"):
        ids = re.findall(r'^msgid(?:_plural)? ((?:"[^\n]*"\n?)+)', block, re.M)
        strs = re.findall(r'^msgstr(?:\[\d\])? ((?:"[^\n]*"\n?)+)', block, re.M)
        join = lambda quoted: "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))  # noqa: E731
        if ids and join(ids[0]):
            found.append((" ".join(join(i) for i in ids), [join(s) for s in strs]))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("status", ["held", "contested", "besieged"])
def test_one_word_for_each_status_throughout(language, status):
    using = [(msgid, msgstrs) for domain in ("django", "djangojs") for msgid, msgstrs in entries(language, domain)
             if re.search(ENGLISH[status], msgid)]
    assert using, status
    for msgid, msgstrs in using:
        for msgstr in msgstrs:
            assert GLOSSARY[language][status] in msgstr, (msgid, msgstr)
