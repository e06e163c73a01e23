"""Which channels and deliveries a user may see: a unit's, for those who manage it."""

from django.db.models import QuerySet

from planwatch.accounts.models import Role
from planwatch.accounts.models_channels import Channel, Delivery


def channels_visible_to(user) -> QuerySet[Channel]:
    channels = Channel.objects.select_related("unit")
    if not user.has_perm("accounts.manage_channels"):
        return channels.none()
    if user.role == Role.UNIT_OFFICER:
        return channels.filter(unit_id=user.unit_id)
    return channels


def deliveries_visible_to(user) -> QuerySet[Delivery]:
    return Delivery.objects.select_related("channel", "channel__unit").filter(
        channel__in=channels_visible_to(user)
    )
