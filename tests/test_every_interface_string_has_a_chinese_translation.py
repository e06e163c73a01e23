"""The interface speaks Chinese and Korean: every translatable string of the project has a
Simplified Chinese and a Korean translation in the committed catalogues, each committed .mo
is compiled from its committed .po, and pages render in the language the cookie asks for.

Needs GNU gettext (msgfmt, xgettext, msgmerge); `scripts/system-deps` installs it.
To refresh the catalogues: `make messages`, translate (`make messages-todo` lists the Korean
entries still empty), `make messages` again, commit the .po and .mo files.
"""

import ast
import gettext
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

PACKAGE = Path(__file__).resolve().parents[1] / "planwatch"
# What `make messages` leaves out: vendored static files and the intake's test documents.
IGNORED = ["static/*", "intake/tests/corpus/*"]


@dataclass(frozen=True)
class Catalogue:
    """One translated language: its gettext locale, its cookie and <html lang> code, and
    words that show a page is in it."""

    locale: str
    code: str
    name: str
    sign_in_words: tuple[str, ...]
    language_names: dict[str, str]

    @property
    def po(self) -> Path:
        return PACKAGE / "locale" / self.locale / "LC_MESSAGES" / "django.po"

    @property
    def mo(self) -> Path:
        return PACKAGE / "locale" / self.locale / "LC_MESSAGES" / "django.mo"


CHINESE = Catalogue(
    locale="zh_Hans",
    code="zh-hans",
    name="Chinese",
    sign_in_words=("登录", "用户名", "密码"),
    language_names={"English": "英语", "Simplified Chinese": "简体中文", "Korean": "韩语"},
)
KOREAN = Catalogue(
    locale="ko",
    code="ko",
    name="Korean",
    sign_in_words=("로그인", "사용자 이름", "비밀번호"),
    language_names={"English": "영어", "Simplified Chinese": "중국어 간체", "Korean": "한국어"},
)
CATALOGUES = [CHINESE, KOREAN]
by_locale = pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda c: c.locale)


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


@by_locale
def test_the_committed_catalogue_has_no_empty_or_fuzzy_entry(catalogue):
    found = entries(catalogue.po)
    header = found[0]

    assert header["msgid"] == "" and "fuzzy" not in header["flags"]
    assert f"Language: {catalogue.locale}\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=1; plural=0;" in header["msgstr"][0]
    assert len(found) > 900
    assert untranslated(catalogue.po) == []


@by_locale
def test_the_committed_mo_is_compiled_from_the_committed_po(catalogue, tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(fresh), str(catalogue.po)],
        check=True,
        capture_output=True,
    )
    with catalogue.mo.open("rb") as committed, fresh.open("rb") as compiled:
        committed_catalog = gettext.GNUTranslations(committed)._catalog
        compiled_catalog = gettext.GNUTranslations(compiled)._catalog

    assert committed_catalog == compiled_catalog


def test_every_string_of_the_source_is_in_every_catalogue_and_translated(
    tmp_path, settings, monkeypatch
):
    """Run makemessages over a copy of the sources and the committed catalogues: nothing
    may come out new (empty) or guessed (fuzzy), in any language."""
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
    for catalogue in CATALOGUES:
        (locale / catalogue.locale / "LC_MESSAGES").mkdir(parents=True)
        shutil.copyfile(catalogue.po, locale / catalogue.locale / "LC_MESSAGES" / "django.po")
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(copy)

    call_command(
        "makemessages",
        locale=[c.locale for c in CATALOGUES],
        no_obsolete=True,
        ignore_patterns=IGNORED,
        verbosity=0,
    )

    missing = {
        c.name: untranslated(locale / c.locale / "LC_MESSAGES" / "django.po") for c in CATALOGUES
    }
    assert missing == {c.name: [] for c in CATALOGUES}, (
        "some interface strings have no translation; run `make messages`, translate them in "
        "planwatch/locale/<language>/LC_MESSAGES/django.po (`make messages-todo` lists the "
        "Korean ones), `make messages` again and commit the .po and .mo files"
    )


@by_locale
def test_the_sign_in_page_is_translated_with_the_language_cookie(catalogue, client):
    client.cookies["django_language"] = catalogue.code

    page = client.get(reverse("login")).content.decode()

    assert f'<html lang="{catalogue.code}">' in page
    assert [word for word in catalogue.sign_in_words if word not in page] == []
    assert "Sign in" not in page and "Username" not in page


PAGES = [
    (
        CHINESE,
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
    ),
    (
        KOREAN,
        [
            ("home", ["개요", "과제", "조직", "로그아웃"]),
            ("plans:tasks", ["과제", "주관 기관", "기한", "상태"]),
            ("plans:plans", ["계획"]),
            ("plans:inbox", ["받은 일", "알림"]),
            ("dashboard:dashboard", ["감독 대시보드", "기한 초과", "위험"]),
            ("projects:list", ["중점 프로젝트", "작전 지도", "일정판"]),
            ("projects:map", ["작전 지도", "프로젝트 불러오는 중…"]),
            ("directory:organisations", ["조직", "이름 또는 별칭"]),
        ],
    ),
]


@pytest.mark.parametrize(
    ("catalogue", "route", "words"),
    [(c, route, words) for c, pages in PAGES for route, words in pages],
    ids=lambda value: value.locale if isinstance(value, Catalogue) else None,
)
def test_pages_are_translated_with_the_language_cookie(client, supervisor, catalogue, route, words):
    client.force_login(supervisor)
    client.cookies["django_language"] = catalogue.code

    response = client.get(reverse(route))
    page = response.content.decode()

    assert response.status_code == 200
    assert f'<html lang="{catalogue.code}">' in page
    assert [word for word in words if word not in page] == []
    assert "Sign out" not in page and "Overview" not in page


@by_locale
def test_the_language_names_are_translated(catalogue):
    with catalogue.mo.open("rb") as mo:
        translations = gettext.GNUTranslations(mo)

    assert {name: translations.gettext(name) for name in catalogue.language_names} == (
        catalogue.language_names
    )
