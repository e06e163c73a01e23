"""Changes to the directory. Each runs in one transaction and writes its audit events."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.audit.actions import record_changed, record_created, record_event, snapshot
from planwatch.directory.models import Alias, Organisation, Person, Post, Relation, Tenure
from planwatch.lib.models import insert_checked, save_checked, save_following
from planwatch.lib.text import normalise_name

# The fields that place an organisation in the structure: see rules.py.
STRUCTURE_FIELDS = ("parent", "kind", "code")


def _require(user, perm: str, obj=None) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _sync_official_aliases(user, record, names: list[tuple[str, str]]) -> None:
    """Keep each canonical name findable by the resolver, as an official alias."""
    field = record._meta.model_name
    for name, language in names:
        if not name:
            continue
        key = normalise_name(name)
        if not Alias.objects.filter(key=key, **{field: record}).exists():
            alias = Alias(name=name, language=language, kind=Alias.Kind.OFFICIAL, **{field: record})
            alias.full_clean()
            alias.save()
            record_created(user, alias)


def _names(record: Organisation | Person) -> list[tuple[str, str]]:
    """A record's canonical names with their languages; the romanisation is Korean too."""
    return [
        (record.name_en, "en"),
        (record.name_zh, "zh-hans"),
        (record.name_ko, "ko"),
        (record.name_ko_romanised, "ko"),
    ]


def _save_new(user, record, reason: str = ""):
    insert_checked(record)
    record_created(user, record, reason)
    return record


@transaction.atomic
def do_create_organisation(user, reason: str = "", **fields) -> Organisation:
    _require(user, "directory.add_organisation")
    organisation = _save_new(user, Organisation(**fields), reason)
    _sync_official_aliases(user, organisation, _names(organisation))
    return organisation


@transaction.atomic
def do_update_organisation(
    user, organisation: Organisation, version: int | None, reason: str = "", **fields
) -> Organisation:
    """Change an organisation; raises StaleRecord if someone saved it since `version`."""
    _require(user, "directory.change_organisation", organisation)
    before = snapshot(organisation)
    for name, value in fields.items():
        setattr(organisation, name, value)
    moved = [f for f in STRUCTURE_FIELDS if snapshot(organisation, [f]) != {f: before.get(f)}]
    if moved:
        _require(user, "directory.restructure_organisation", organisation)
    organisation.full_clean()
    save_checked(organisation, version)
    record_changed(user, organisation, before, reason)
    _sync_official_aliases(user, organisation, _names(organisation))
    return organisation


@transaction.atomic
def do_archive(user, record, reason: str = "") -> None:
    """Archive a directory record: it leaves lists and look-ups but keeps its history."""
    _require(user, f"directory.archive_{record._meta.model_name}", record)
    if record.archived_at is None:
        record.archived_at = timezone.now()
        save_following(record)
        record_event(
            user, "archived", record, {"archived_at": [None, str(record.archived_at)]}, reason
        )


@transaction.atomic
def do_add_alias(user, owner, name: str, language: str, kind: str, reason: str = "") -> Alias:
    """Add another name of an organisation, person or post; refuses a name taken by another."""
    field = owner._meta.model_name
    _require(user, f"directory.change_{field}", owner)
    key = normalise_name(name)
    taken = Alias.objects.active().filter(key=key, **{f"{field}__isnull": False})
    if taken.exclude(**{field: owner}).exists():
        raise ValidationError(
            {
                "name": _("%(name)r already names another %(kind)s.")
                % {"name": name, "kind": owner._meta.verbose_name}
            }
        )
    existing = taken.filter(**{field: owner}).first()
    if existing:
        return existing
    return _save_new(user, Alias(name=name, language=language, kind=kind, **{field: owner}), reason)


@transaction.atomic
def do_add_relation(user, reason: str = "", **fields) -> Relation:
    _require(user, "directory.change_organisation", fields.get("source"))
    return _save_new(user, Relation(**fields), reason)


@transaction.atomic
def do_create_person(user, reason: str = "", **fields) -> Person:
    _require(user, "directory.add_person")
    person = _save_new(user, Person(**fields), reason)
    _sync_official_aliases(user, person, _names(person))
    return person


@transaction.atomic
def do_update_person(
    user, person: Person, version: int | None, reason: str = "", **fields
) -> Person:
    """Change a person's names or note; raises StaleRecord if someone saved it since `version`."""
    _require(user, "directory.change_person", person)
    before = snapshot(person)
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean()
    save_checked(person, version)
    record_changed(user, person, before, reason)
    _sync_official_aliases(user, person, _names(person))
    return person


@transaction.atomic
def do_create_post(user, reason: str = "", **fields) -> Post:
    _require(user, "directory.change_organisation", fields.get("organisation"))
    post = _save_new(user, Post(**fields), reason)
    org = post.organisation
    names = []
    if post.title_en and org.name_en:
        names.append((f"{post.title_en} of {org.name_en}", "en"))
    if post.title_zh and org.name_zh:
        names.append((f"{org.name_zh}{post.title_zh}", "zh-hans"))
    if post.title_ko and org.name_ko:
        names.append((f"{org.name_ko} {post.title_ko}", "ko"))
    _sync_official_aliases(user, post, names)
    return post


@transaction.atomic
def do_add_tenure(user, reason: str = "", **fields) -> Tenure:
    """Record evidence that a person held a post; the timeline is inferred from all of it."""
    _require(user, "directory.add_tenure")
    return _save_new(user, Tenure(**fields), reason)
