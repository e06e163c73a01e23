"""The names the intake can recognise: organisations, people and posts with their aliases.

The intake must output the directory's canonical English names, so it reads them from
the same place the directory does: the demo world (plain data, no database) or the
Django models. Everything else in the intake sees only this plain structure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Organisation:
    key: str
    name_en: str
    name_zh: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def canonical(self) -> str:
        return self.name_en or self.name_zh

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name_en, self.name_zh, *self.aliases) if n)


@dataclass(frozen=True)
class Person:
    key: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...] = ()

    @property
    def canonical(self) -> str:
        return self.name_en or self.name_zh

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name_en, self.name_zh, *self.aliases) if n)


@dataclass(frozen=True)
class Post:
    key: str
    organisation: str
    title_en: str
    title_zh: str
    aliases: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.title_en or self.title_zh


@dataclass(frozen=True)
class Tenure:
    person: str
    post: str
    as_of: dt.date | None
    acting: bool = False


@dataclass
class Gazetteer:
    """Plain lookup data; the matchers built from it are cached in `link.py`."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    tenures: list[Tenure] = field(default_factory=list)

    def org_name(self, key: str) -> str:
        return self.organisations[key].canonical

    def known_posts_of(self, person: str) -> set[str]:
        return {t.post for t in self.tenures if t.person == person}

    @classmethod
    def from_world(cls) -> Gazetteer:
        """The reference world in planwatch/directory/demo_world.py (no database)."""
        from planwatch.directory import demo_world as w

        orgs = {
            slug: Organisation(slug, en, zh, parent, tuple(a[0] for a in aliases))
            for slug, (en, zh, _kind, parent, aliases) in w.ORGANISATIONS.items()
        }
        people = {
            slug: Person(slug, en, zh, tuple(a[0] for a in aliases))
            for slug, (en, zh, aliases) in w.PEOPLE.items()
        }
        posts = {
            slug: Post(slug, org, en, zh, tuple(a[0] for a in aliases))
            for slug, (org, en, zh, _single, aliases) in w.POSTS.items()
        }
        tenures = [
            Tenure(person, post, dt.date.fromisoformat(as_of), acting)
            for person, post, as_of, acting, _source, _reported in w.TENURES
        ]
        return cls(orgs, people, posts, tenures)

    @classmethod
    def from_database(cls) -> Gazetteer:
        """The live directory: active organisations, people, posts and their aliases."""
        from planwatch.directory.models import Alias
        from planwatch.directory.models import Organisation as OrgModel
        from planwatch.directory.models import Person as PersonModel
        from planwatch.directory.models import Post as PostModel
        from planwatch.directory.models import Tenure as TenureModel

        org_aliases: dict[int, list[str]] = {}
        person_aliases: dict[int, list[str]] = {}
        post_aliases: dict[int, list[str]] = {}
        for alias in Alias.objects.active():
            if alias.organisation_id:
                org_aliases.setdefault(alias.organisation_id, []).append(alias.name)
            elif alias.person_id:
                person_aliases.setdefault(alias.person_id, []).append(alias.name)
            elif alias.post_id:
                post_aliases.setdefault(alias.post_id, []).append(alias.name)
        orgs = {
            str(o.pk): Organisation(
                str(o.pk),
                o.name_en,
                o.name_zh,
                str(o.parent_id) if o.parent_id else None,
                tuple(org_aliases.get(o.pk, ())),
            )
            for o in OrgModel.objects.active()
        }
        people = {
            str(p.pk): Person(str(p.pk), p.name_en, p.name_zh, tuple(person_aliases.get(p.pk, ())))
            for p in PersonModel.objects.active()
        }
        posts = {
            str(p.pk): Post(
                str(p.pk),
                str(p.organisation_id),
                p.title_en,
                p.title_zh,
                tuple(post_aliases.get(p.pk, ())),
            )
            for p in PostModel.objects.active()
            if str(p.organisation_id) in orgs
        }
        tenures = [
            Tenure(str(t.person_id), str(t.post_id), t.as_of, t.acting)
            for t in TenureModel.objects.active()
            if str(t.person_id) in people and str(t.post_id) in posts
        ]
        return cls(orgs, people, posts, tenures)
