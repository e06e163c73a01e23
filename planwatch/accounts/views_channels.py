"""Pages for a unit's webhook channels and the record of their deliveries."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.accounts import actions_channels as actions
from planwatch.accounts.forms_channels import ArchiveChannelForm, ChannelEditForm, ChannelForm
from planwatch.accounts.queries_channels import channels_visible_to, deliveries_visible_to
from planwatch.accounts.views_tokens import add_errors
from planwatch.lib.models import StaleRecord


def channel_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("accounts.manage_channels"):
        raise PermissionDenied
    form = ChannelForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            channel = actions.do_add_channel(request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The channel is added."))
            return redirect("channels:channel", pk=channel.pk)
    channels = channels_visible_to(request.user).active()
    return render(request, "accounts/channel_list.html", {"form": form, "channels": channels})


def channel_detail(request: HttpRequest, pk: int) -> HttpResponse:
    channel = get_object_or_404(channels_visible_to(request.user), pk=pk)
    initial = {"version": channel.version, "name": channel.name, "url": channel.url}
    form = ChannelEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_change_channel(request.user, channel, **form.cleaned_data)
        except StaleRecord:
            form.add_error(None, _("Someone else changed this channel meanwhile; reload it."))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The channel is saved."))
            return redirect("channels:channel", pk=channel.pk)
    deliveries = deliveries_visible_to(request.user).filter(channel=channel)
    return render(
        request,
        "accounts/channel_detail.html",
        {
            "channel": channel,
            "form": form,
            "archive_form": ArchiveChannelForm(),
            "page": Paginator(deliveries, 50).get_page(request.GET.get("page")),
        },
    )


@require_POST
def channel_archive(request: HttpRequest, pk: int) -> HttpResponse:
    channel = get_object_or_404(channels_visible_to(request.user), pk=pk)
    form = ArchiveChannelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reason: %(error)s") % {"error": form.errors["reason"][0]})
        return redirect("channels:channel", pk=channel.pk)
    try:
        actions.do_archive_channel(request.user, channel, form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The channel is archived; nothing more is sent through it."))
    return redirect("channels:list")


@require_POST
def delivery_send_again(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = get_object_or_404(deliveries_visible_to(request.user), pk=pk)
    try:
        actions.do_send_again(request.user, delivery)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The message is queued again."))
    return redirect("channels:channel", pk=delivery.channel_id)
