"""Pages for API tokens: a user's own, and (for administrators) service accounts'.

A new token is shown in the answer to the form that made it, once; afterwards only its
prefix is ever shown."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from planwatch.accounts import actions_tokens as actions
from planwatch.accounts.forms_tokens import RevokeForm, ServiceAccountForm, TokenForm
from planwatch.accounts.queries_tokens import service_accounts_visible_to, tokens_visible_to


def add_errors(form, error: ValidationError) -> None:
    """Put an action's ValidationError on the form: by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@never_cache
def token_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("accounts.create_own_token"):
        raise PermissionDenied
    form, new_token = TokenForm(), None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                token, raw = actions.do_create_token(
                    request.user, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                new_token, form = (token, raw), TokenForm()
    tokens = tokens_visible_to(request.user)
    return render(
        request,
        "accounts/token_list.html",
        {
            "form": form,
            "new_token": new_token,
            "own": tokens.filter(user=request.user),
            "others": tokens.exclude(user=request.user),
            "revoke_form": RevokeForm(),
        },
    )


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(tokens_visible_to(request.user), pk=pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reason: %(error)s") % {"error": form.errors["reason"][0]})
    else:
        try:
            actions.do_revoke_token(request.user, token, form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The token %(prefix)s is revoked.") % {"prefix": token.prefix}
            )
    if hasattr(token.user, "service_account") and token.user != request.user:
        return redirect("tokens:service_account", pk=token.user.service_account.pk)
    return redirect("tokens:list")


def service_account_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("accounts.manage_service_accounts"):
        raise PermissionDenied
    form = ServiceAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = actions.do_create_service_account(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The service account is created; now give it a token."))
            return redirect("tokens:service_account", pk=account.pk)
    accounts = service_accounts_visible_to(request.user)
    return render(
        request, "accounts/service_account_list.html", {"form": form, "accounts": accounts}
    )


@never_cache
def service_account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(service_accounts_visible_to(request.user), pk=pk)
    form, new_token = TokenForm(), None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                token, raw = actions.do_create_token(
                    request.user, user=account.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                new_token, form = (token, raw), TokenForm()
    return render(
        request,
        "accounts/service_account_detail.html",
        {
            "account": account,
            "form": form,
            "new_token": new_token,
            "tokens": tokens_visible_to(request.user).filter(user=account.user),
            "revoke_form": RevokeForm(),
        },
    )
