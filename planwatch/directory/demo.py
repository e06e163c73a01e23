"""Loading the reference world into the directory, with one demo account per role.

Every app may have a `demo.py` with a `load()`; `planwatch demo` runs them in the
order of INSTALLED_APPS, so later apps find the directory already there.
"""

import datetime as dt

from django.db import transaction

from planwatch.accounts.models import User
from planwatch.directory import actions, demo_world
from planwatch.directory.models import Organisation, Person, Post, Relation, Tenure


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@transaction.atomic
def load_directory() -> dict[str, int]:
    """Create or update every record of the demo world; returns counts of records created."""
    created = {"organisations": 0, "relations": 0, "people": 0, "posts": 0, "tenures": 0}
    orgs: dict[str, Organisation] = {}
    for slug, (name_en, name_zh, kind, _parent, _aliases) in demo_world.ORGANISATIONS.items():
        name_ko, romanised = demo_world.KOREAN_ORGANISATION_NAMES.get(slug, ("", ""))
        korean = {"name_ko": name_ko, "name_ko_romanised": romanised}
        org = Organisation.objects.filter(code=slug).first()
        if org is None:
            org = actions.do_create_organisation(
                None, code=slug, name_en=name_en, name_zh=name_zh, kind=kind, **korean
            )
            created["organisations"] += 1
        elif (org.name_ko, org.name_ko_romanised) != (name_ko, romanised):
            actions.do_update_organisation(None, org, org.version, **korean)
        orgs[slug] = org
    for slug, (_en, _zh, _kind, parent, aliases) in demo_world.ORGANISATIONS.items():
        org = orgs[slug]
        if parent and org.parent_id != orgs[parent].pk:
            actions.do_update_organisation(None, org, org.version, parent=orgs[parent])
        for name, language, kind in aliases:
            actions.do_add_alias(None, org, name, language, kind)

    for source, kind, target, start, note in demo_world.RELATIONS:
        exists = Relation.objects.filter(source=orgs[source], kind=kind, target=orgs[target])
        if not exists.exists():
            actions.do_add_relation(
                None,
                source=orgs[source],
                kind=kind,
                target=orgs[target],
                start_date=_date(start),
                note=note,
            )
            created["relations"] += 1

    people: dict[str, Person] = {}
    for slug, (name_en, name_zh, aliases) in demo_world.PEOPLE.items():
        name_ko = demo_world.KOREAN_PERSON_NAMES.get(slug, "")
        person = Person.objects.filter(code=slug).first()
        if person is None:
            person = actions.do_create_person(
                None, code=slug, name_en=name_en, name_zh=name_zh, name_ko=name_ko
            )
            created["people"] += 1
        elif person.name_ko != name_ko:
            actions.do_update_person(None, person, None, name_ko=name_ko)
        for name, language, kind in aliases:
            actions.do_add_alias(None, person, name, language, kind)
        people[slug] = person

    posts: dict[str, Post] = {}
    for slug, (org_slug, title_en, title_zh, single, aliases) in demo_world.POSTS.items():
        post = Post.objects.filter(code=slug).first()
        if post is None:
            post = actions.do_create_post(
                None,
                code=slug,
                organisation=orgs[org_slug],
                title_en=title_en,
                title_zh=title_zh,
                title_ko=demo_world.KOREAN_POST_TITLES.get(slug, ""),
                single_holder=single,
            )
            created["posts"] += 1
        for name, language, kind in aliases:
            actions.do_add_alias(None, post, name, language, kind)
        posts[slug] = post

    for person, post, as_of, acting, source, reported_on in demo_world.TENURES:
        fields = {"person": people[person], "post": posts[post], "as_of": _date(as_of)}
        if not Tenure.objects.filter(**fields, acting=acting).exists():
            actions.do_add_tenure(
                None, **fields, acting=acting, source=source, reported_on=_date(reported_on)
            )
            created["tenures"] += 1
    return created


@transaction.atomic
def load_accounts() -> list[tuple[str, str, str]]:
    """Create the demo users (or reset their password); returns (username, role, unit)."""
    rows = []
    for username, (role, unit_slug, first, last) in demo_world.ACCOUNTS.items():
        unit = Organisation.objects.get(code=unit_slug)
        user, _ = User.objects.get_or_create(username=username)
        user.role, user.unit, user.first_name, user.last_name = role, unit, first, last
        user.email = f"{username}@planwatch.invalid"
        user.is_staff = user.is_superuser = role == "administrator"
        user.set_password(demo_world.DEMO_PASSWORD)
        user.save()
        rows.append((username, user.get_role_display(), str(unit)))
    return rows


def load() -> list[str]:
    """Load the directory and the demo accounts; returns lines to show the person."""
    created = load_directory()
    lines = ["Directory: " + ", ".join(f"{n} {k} created" for k, n in created.items())]
    lines.append(f"Demo accounts (password: {demo_world.DEMO_PASSWORD}):")
    lines += [f"  {u:<10} {role:<14} {unit}" for u, role, unit in load_accounts()]
    return lines
