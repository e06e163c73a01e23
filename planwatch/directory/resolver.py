"""Finding one canonical record from any of its names.

Every name is looked up by its normalised key (case, width, dash, quote and space
blind), so "China-Korea (Changchun) ... Zone", its Chinese name and "Jingjunhai"
all find their records.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from planwatch.directory.models import Alias, Organisation, Person, Post
from planwatch.lib.text import normalise_name


class NotFound(LookupError):
    """No record has that name."""


class Ambiguous(LookupError):
    """More than one record has that name."""


def _owners(name: str, field: str) -> QuerySet:
    key = normalise_name(name)
    return Alias.objects.active().filter(key=key, **{f"{field}__isnull": False})


def _one(name: str, field: str, model, label: str):
    ids = set(_owners(name, field).values_list(f"{field}_id", flat=True))
    records = list(model.objects.active().filter(pk__in=ids))
    if not records:
        raise NotFound(_("No %(label)s is known as %(name)r.") % {"label": label, "name": name})
    if len(records) > 1:
        raise Ambiguous(
            _("%(name)r names more than one %(label)s: %(records)s.")
            % {"name": name, "label": label, "records": "; ".join(str(r) for r in records)}
        )
    return records[0]


def resolve_organisation(name: str) -> Organisation:
    return _one(name, "organisation", Organisation, _("organisation"))


def resolve_person(name: str) -> Person:
    return _one(name, "person", Person, _("person"))


def resolve_post(name: str) -> Post:
    """A post by any alias, or as "<title> of <organisation>" / "<organisation> <title>" /
    "<organisation><title>" in Chinese."""
    try:
        return _one(name, "post", Post, _("post"))
    except NotFound:
        pass
    for title, org_name in _title_and_organisation(name):
        try:
            organisation = resolve_organisation(org_name)
        except LookupError:
            continue
        key = normalise_name(title)
        for post in Post.objects.active().filter(organisation=organisation):
            if key in {normalise_name(t) for t in (post.title_en, post.title_zh, post.title_ko)}:
                return post
    post = _organisation_then_chinese_title(name)
    if post is not None:
        return post
    raise NotFound(_("No post is known as %(name)r.") % {"name": name})


def _organisation_then_chinese_title(name: str) -> Post | None:
    """Chinese runs the organisation and the title together, without a space: 长春市政府市长."""
    key = normalise_name(name)
    for post in Post.objects.active().exclude(title_zh="").select_related("organisation"):
        title = normalise_name(post.title_zh)
        if len(key) > len(title) and key.endswith(title):
            try:
                if resolve_organisation(key[: -len(title)]) == post.organisation:
                    return post
            except LookupError:
                continue
    return None


def _title_and_organisation(name: str) -> list[tuple[str, str]]:
    """Ways to split a post's name into its title and its organisation."""
    text = " ".join(name.split())
    splits = []
    lower = text.lower()
    for sep in (" of the ", " of "):
        index = lower.find(sep)
        if index > 0:
            splits.append((text[:index], text[index + len(sep) :]))
    words = text.split(" ")
    for i in range(1, len(words)):
        splits.append((" ".join(words[i:]), " ".join(words[:i])))
    return splits
