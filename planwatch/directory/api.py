"""The directory's JSON API: the same queries and actions as its pages."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from planwatch.directory import actions
from planwatch.directory.models import Organisation
from planwatch.directory.queries import (
    Holding,
    holders_on,
    organisations_visible_to,
    people_visible_to,
    posts_held_on,
    relations_of,
    timeline,
)
from planwatch.directory.resolver import resolve_person, resolve_post
from planwatch.lib.api import require
from planwatch.lib.dates import BadDate, parse_iso_date
from planwatch.lib.models import StaleRecord

router = Router(tags=["directory"])


class OrganisationOut(Schema):
    id: int
    code: str | None
    name_en: str
    name_zh: str
    name_ko: str
    name_ko_romanised: str
    kind: str
    parent_id: int | None
    version: int


class RelationOut(Schema):
    kind: str
    source_id: int
    target_id: int
    start_date: dt.date | None
    end_date: dt.date | None


class AliasOut(Schema):
    name: str
    language: str
    kind: str


class OrganisationDetail(OrganisationOut):
    aliases: list[AliasOut]
    relations_out: list[RelationOut]
    relations_in: list[RelationOut]


class OrganisationIn(Schema):
    name_en: str = ""
    name_zh: str = ""
    name_ko: str = ""
    name_ko_romanised: str = ""
    kind: str = "other"
    parent_id: int | None = None
    code: str | None = None
    reason: str = ""


class OrganisationUpdate(Schema):
    """The fields to change; `version` is the one you read (409 if it has moved on)."""

    version: int
    name_en: str | None = None
    name_zh: str | None = None
    name_ko: str | None = None
    name_ko_romanised: str | None = None
    kind: str | None = None
    description: str | None = None
    reason: str = ""


class PersonOut(Schema):
    id: int
    code: str | None
    name_en: str
    name_zh: str
    name_ko: str
    name_ko_romanised: str
    note: str
    version: int


class PersonUpdate(Schema):
    """The fields to change; `version` is the one you read (409 if it has moved on)."""

    version: int
    name_en: str | None = None
    name_zh: str | None = None
    name_ko: str | None = None
    name_ko_romanised: str | None = None
    note: str | None = None
    reason: str = ""


def _update(action, user, record, payload: Schema):
    """Run an update action on the fields sent; refusals become 409 or 422 answers."""
    data = {name: value for name, value in payload.dict().items() if value is not None}
    version, reason = data.pop("version"), data.pop("reason")
    try:
        return action(user, record, version, reason, **data)
    except StaleRecord:
        raise HttpError(
            409, "Someone else saved this record first; read it again and send its new version."
        ) from None
    except ValidationError as error:
        raise HttpError(
            422, "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        ) from None


class HoldingOut(Schema):
    person_id: int
    person: str
    post_id: int
    post: str
    organisation: str
    acting: bool
    basis: str
    first_reported: dt.date
    last_reported: dt.date


def _holding(h: Holding) -> HoldingOut:
    return HoldingOut(
        person_id=h.person.pk,
        person=h.person.name,
        post_id=h.post.pk,
        post=h.post.title,
        organisation=h.post.organisation.name,
        acting=h.acting,
        basis=h.basis,
        first_reported=h.span.first_seen,
        last_reported=h.span.last_seen,
    )


def _day(value: str) -> dt.date:
    try:
        return parse_iso_date(value, "on")
    except BadDate as error:
        raise HttpError(422, str(error)) from None


@router.get("/organisations", response=list[OrganisationOut])
def list_organisations(request, q: str = "", kind: str = ""):
    require(request, "directory.view_organisation")
    organisations = organisations_visible_to(request.user)
    if q:
        organisations = organisations.filter(aliases__name__icontains=q).distinct()
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations[:500]


@router.get("/organisations/{pk}", response=OrganisationDetail)
def get_organisation(request, pk: int):
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    require(request, "directory.view_organisation", organisation)
    outgoing, incoming = relations_of(organisation)
    return {
        **OrganisationOut.from_orm(organisation).dict(),
        "aliases": list(organisation.aliases.active()),
        "relations_out": outgoing,
        "relations_in": incoming,
    }


@router.post("/organisations", response={201: OrganisationOut})
def create_organisation(request, payload: OrganisationIn):
    require(request, "directory.add_organisation")
    data = payload.dict()
    reason = data.pop("reason")
    parent_id = data.pop("parent_id")
    if parent_id is not None:
        data["parent"] = get_object_or_404(Organisation.objects.active(), pk=parent_id)
    try:
        organisation = actions.do_create_organisation(request.user, reason, **data)
    except ValidationError as error:
        raise HttpError(
            422, "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        ) from None
    return Status(201, organisation)


@router.post("/organisations/{pk}", response=OrganisationOut)
def update_organisation(request, pk: int, payload: OrganisationUpdate):
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    require(request, "directory.change_organisation", organisation)
    return _update(actions.do_update_organisation, request.user, organisation, payload)


@router.get("/people/{pk}", response=PersonOut)
def get_person(request, pk: int):
    person = get_object_or_404(people_visible_to(request.user), pk=pk)
    require(request, "directory.view_person", person)
    return person


@router.post("/people/{pk}", response=PersonOut)
def update_person(request, pk: int, payload: PersonUpdate):
    person = get_object_or_404(people_visible_to(request.user), pk=pk)
    require(request, "directory.change_person", person)
    return _update(actions.do_update_person, request.user, person, payload)


@router.get("/people/{pk}/timeline", response=list[HoldingOut])
def person_timeline(request, pk: int):
    person = get_object_or_404(people_visible_to(request.user), pk=pk)
    require(request, "directory.view_person", person)
    return [_holding(h) for h in timeline(person)]


@router.get("/who", response=list[HoldingOut])
def who(request, post: str, on: str):
    require(request, "directory.view_post")
    day = _day(on)
    try:
        found = resolve_post(post)
    except LookupError as error:
        raise HttpError(404, str(error)) from None
    return [_holding(h) for h in holders_on(found, day)]


@router.get("/posts", response=list[HoldingOut])
def posts(request, person: str, on: str):
    require(request, "directory.view_person")
    day = _day(on)
    try:
        found = resolve_person(person)
    except LookupError as error:
        raise HttpError(404, str(error)) from None
    return [_holding(h) for h in posts_held_on(found, day)]
