"""Directory pages. Thin: parse input, call a query or an action, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.directory import actions
from planwatch.directory.forms import AliasForm, ArchiveForm, OrganisationForm, PersonForm
from planwatch.directory.graph import relations_svg
from planwatch.directory.models import Organisation, Post
from planwatch.directory.queries import (
    holders_on,
    organisations_visible_to,
    people_visible_to,
    post_history,
    posts_of,
    relations_of,
    timeline,
)
from planwatch.directory.resolver import resolve_organisation, resolve_person, resolve_post
from planwatch.lib.dates import BadDate, parse_iso_date
from planwatch.lib.models import StaleRecord


def _require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def organisation_list(request: HttpRequest) -> HttpResponse:
    _require(request, "directory.view_organisation")
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    organisations = organisations_visible_to(request.user).select_related("parent")
    if query:
        organisations = organisations.filter(
            Q(name_en__icontains=query)
            | Q(name_zh__icontains=query)
            | Q(name_ko__icontains=query)
            | Q(name_ko_romanised__icontains=query)
            | Q(aliases__name__icontains=query)
        ).distinct()
    if kind in Organisation.Kind.values:
        organisations = organisations.filter(kind=kind)
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/organisation_list.html",
        {"page": page, "q": query, "kind": kind, "kinds": Organisation.Kind.choices},
    )


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    _require(request, "directory.view_organisation", organisation)
    outgoing, incoming = relations_of(organisation)
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "outgoing": outgoing,
            "incoming": incoming,
            "posts": posts_of(organisation),
            "aliases": organisation.aliases.active(),
            "children": organisation.children.active(),
            "alias_form": AliasForm(),
            "archive_form": ArchiveForm(),
            "can_edit": request.user.has_perm("directory.change_organisation", organisation),
            "can_archive": request.user.has_perm("directory.archive_organisation", organisation),
        },
    )


def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisation = None
    if pk is not None:
        organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
        _require(request, "directory.change_organisation", organisation)
    else:
        _require(request, "directory.add_organisation")
    form = OrganisationForm(
        request.POST or None,
        instance=organisation,
        initial={"version": organisation.version if organisation else None},
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        reason = form.cleaned_data["reason"]
        try:
            if organisation is None:
                organisation = actions.do_create_organisation(request.user, reason, **fields)
            else:
                organisation.refresh_from_db()
                actions.do_update_organisation(
                    request.user, organisation, form.cleaned_data["version"], reason, **fields
                )
        except StaleRecord:
            form.add_error(
                None,
                _(
                    "Someone else saved this organisation while you were editing it. "
                    "Reload the page to see their change, then make yours again."
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("directory:organisation", pk=organisation.pk)
    return render(
        request, "directory/organisation_form.html", {"form": form, "organisation": organisation}
    )


@require_POST
def organisation_add_alias(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    _require(request, "directory.change_organisation", organisation)
    form = AliasForm(request.POST)
    if form.is_valid():
        try:
            actions.do_add_alias(request.user, organisation, **form.cleaned_data)
            messages.success(request, _("Alias added."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label}: {' '.join(errors)}")
    return redirect("directory:organisation", pk=pk)


@require_POST
def organisation_archive(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    _require(request, "directory.archive_organisation", organisation)
    form = ArchiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the organisation is archived."))
        return redirect("directory:organisation", pk=pk)
    actions.do_archive(request.user, organisation, form.cleaned_data["reason"])
    messages.success(request, _("Archived."))
    return redirect("directory:organisations")


def relations_graph(request: HttpRequest) -> HttpResponse:
    _require(request, "directory.view_organisation")
    return render(request, "directory/graph.html", {"svg": relations_svg()})


def relations_graph_svg(request: HttpRequest) -> HttpResponse:
    _require(request, "directory.view_organisation")
    return HttpResponse(relations_svg(), content_type="image/svg+xml")


def person_list(request: HttpRequest) -> HttpResponse:
    _require(request, "directory.view_person")
    query = request.GET.get("q", "").strip()
    people = people_visible_to(request.user)
    if query:
        people = people.filter(
            Q(name_en__icontains=query)
            | Q(name_zh__icontains=query)
            | Q(name_ko__icontains=query)
            | Q(name_ko_romanised__icontains=query)
            | Q(aliases__name__icontains=query)
        ).distinct()
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "directory/person_list.html", {"page": page, "q": query})


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(people_visible_to(request.user), pk=pk)
    _require(request, "directory.view_person", person)
    return render(
        request,
        "directory/person_detail.html",
        {
            "person": person,
            "timeline": timeline(person),
            "aliases": person.aliases.active(),
            "can_edit": request.user.has_perm("directory.change_person", person),
        },
    )


def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a person's names (English, Chinese, Korean and its romanisation) or note."""
    person = get_object_or_404(people_visible_to(request.user), pk=pk)
    _require(request, "directory.change_person", person)
    form = PersonForm(request.POST or None, instance=person, initial={"version": person.version})
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        person.refresh_from_db()
        try:
            actions.do_update_person(
                request.user,
                person,
                form.cleaned_data["version"],
                form.cleaned_data["reason"],
                **fields,
            )
        except StaleRecord:
            form.add_error(
                None,
                _(
                    "Someone else saved this person while you were editing them. "
                    "Reload the page to see their change, then make yours again."
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("directory:person", pk=person.pk)
    return render(request, "directory/person_form.html", {"form": form, "person": person})


def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.active().select_related("organisation"), pk=pk)
    _require(request, "directory.view_post", post)
    day_text = request.GET.get("on", "")
    holders, error = None, ""
    if day_text:
        try:
            holders = holders_on(post, parse_iso_date(day_text, _("Date")))
        except BadDate as bad:
            error = str(bad)
    return render(
        request,
        "directory/post_detail.html",
        {
            "post": post,
            "history": post_history(post),
            "aliases": post.aliases.active(),
            "on": day_text,
            "holders": holders,
            "error": error,
            "today": timezone.localdate(),
        },
    )


def lookup(request: HttpRequest) -> HttpResponse:
    """Find any organisation, person or post by any of its names."""
    _require(request, "directory.view_organisation")
    name = request.GET.get("name", "").strip()
    found, errors = [], []
    if name:
        for resolve, view, label in (
            (resolve_organisation, "directory:organisation", _("organisation")),
            (resolve_person, "directory:person", _("person")),
            (resolve_post, "directory:post", _("post")),
        ):
            try:
                found.append((resolve(name), view, label))
            except LookupError as error:
                errors.append(str(error))
    return render(
        request,
        "directory/lookup.html",
        {"name": name, "found": found, "errors": errors if not found else []},
    )
