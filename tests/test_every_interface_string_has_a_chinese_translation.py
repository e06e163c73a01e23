"""The interface speaks Chinese: every translatable string of the project has a Simplified
Chinese translation in the committed catalogue, the committed .mo is compiled from the
committed .po, and pages render in Chinese when the language cookie asks for it.

Needs GNU gettext (msgfmt, xgettext, msgmerge); `scripts/system-deps` installs it.
To refresh the catalogue: `make messages`, translate, commit both files.
"""

import ast
import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

PACKAGE = Path(__file__).resolve().parents[1] / "planwatch"
MESSAGES = PACKAGE / "locale" / "zh_Hans" / "LC_MESSAGES"
PO, MO = MESSAGES / "django.po", MESSAGES / "django.mo"
# What `make messages` leaves out: vendored static files and the intake's test documents.
IGNORED = ["static/*", "intake/tests/corpus/*"]


def entries(path: Path) -> list[dict]:
    """The entries of a .po file: {"flags", "msgid", "msgid_plural", "msgstr": [...]}."""
    found, entry, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry is not None:
                found.append(entry)
            entry = None
            continue
        if line.startswith("#~"):
            raise AssertionError(f"obsolete entry left in {path.name}: {line}")
        entry = entry or {"flags": set(), "msgid": "", "msgid_plural": None, "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            text = ast.literal_eval(line)
        else:
            key, _, rest = line.partition(" ")
            text = ast.literal_eval(rest)
        if key.startswith("msgstr"):
            index = int(key[7:-1]) if "[" in key else 0
            entry["msgstr"][index] = entry["msgstr"].get(index, "") + text
        else:
            entry[key] = (entry.get(key) or "") + text
    return found


def untranslated(path: Path) -> list[str]:
    """The msgids in `path` that are fuzzy or have an empty translation."""
    return [
        e["msgid"]
        for e in entries(path)
        if e["msgid"]
        and ("fuzzy" in e["flags"] or not e["msgstr"] or not all(e["msgstr"].values()))
    ]


def test_the_committed_catalogue_has_no_empty_or_fuzzy_entry():
    catalogue = entries(PO)
    header = catalogue[0]

    assert header["msgid"] == "" and "fuzzy" not in header["flags"]
    assert "Language: zh_Hans\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=1; plural=0;" in header["msgstr"][0]
    assert len(catalogue) > 900
    assert untranslated(PO) == []


def test_the_committed_mo_is_compiled_from_the_committed_po(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(fresh), str(PO)],
        check=True,
        capture_output=True,
    )
    with MO.open("rb") as committed, fresh.open("rb") as compiled:
        committed_catalog = gettext.GNUTranslations(committed)._catalog
        compiled_catalog = gettext.GNUTranslations(compiled)._catalog

    assert committed_catalog == compiled_catalog


def test_every_string_of_the_source_is_in_the_catalogue_and_translated(
    tmp_path, settings, monkeypatch
):
    """Run makemessages over a copy of the sources and the committed catalogue: nothing
    may come out new (empty) or guessed (fuzzy)."""
    copy = tmp_path / "planwatch"
    for source in PACKAGE.rglob("*"):
        relative = source.relative_to(PACKAGE)
        if source.suffix not in (".py", ".html", ".txt") or relative.parts[0] == "static":
            continue
        if relative.parts[:3] == ("intake", "tests", "corpus"):
            continue
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy / relative)
    locale = copy / "locale"
    (locale / "zh_Hans" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copyfile(PO, locale / "zh_Hans" / "LC_MESSAGES" / "django.po")
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(copy)

    call_command(
        "makemessages", locale=["zh_Hans"], no_obsolete=True, ignore_patterns=IGNORED, verbosity=0
    )

    missing = untranslated(locale / "zh_Hans" / "LC_MESSAGES" / "django.po")
    assert missing == [], (
        f"{len(missing)} interface strings have no Chinese translation; run `make messages`, "
        "translate them in planwatch/locale/zh_Hans/LC_MESSAGES/django.po and commit the "
        ".po and .mo files"
    )


def test_the_sign_in_page_is_in_chinese_with_the_language_cookie(client):
    client.cookies["django_language"] = "zh-hans"

    page = client.get(reverse("login")).content.decode()

    assert '<html lang="zh-hans">' in page
    assert "登录" in page and "用户名" in page and "密码" in page
    assert "Sign in" not in page and "Username" not in page


@pytest.mark.parametrize(
    ("route", "words"),
    [
        ("home", ["概览", "任务", "组织机构", "退出登录"]),
        ("plans:tasks", ["任务", "牵头单位", "截止日期", "状态"]),
        ("plans:plans", ["计划"]),
        ("plans:inbox", ["待办", "通知"]),
        ("dashboard:dashboard", ["督查驾驶舱", "逾期", "有风险"]),
        ("projects:list", ["重大项目", "挂图作战地图", "时间看板"]),
        ("projects:map", ["挂图作战地图", "正在加载项目…"]),
        ("directory:organisations", ["组织机构", "名称或别名"]),
    ],
)
def test_pages_are_in_chinese_with_the_language_cookie(client, supervisor, route, words):
    client.force_login(supervisor)
    client.cookies["django_language"] = "zh-hans"

    response = client.get(reverse(route))
    page = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="zh-hans">' in page
    assert [word for word in words if word not in page] == []
    assert "Sign out" not in page and "Overview" not in page


def test_the_language_names_are_translated():
    with MO.open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)

    assert catalog.gettext("English") == "英语"
    assert catalog.gettext("Simplified Chinese") == "简体中文"
