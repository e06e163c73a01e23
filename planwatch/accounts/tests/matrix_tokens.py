"""API tokens' and service accounts' routes in the permission matrix."""

from planwatch.accounts.models import Role, User
from planwatch.accounts.models_tokens import ServiceAccount
from planwatch.accounts.tests.helpers_tokens import make_token
from planwatch.testing import ADMIN, Route


def extend_world(world: dict) -> None:
    other, _raw = make_token(world["users"][("unit_officer", "b")], name="someone else's")
    robot = User.objects.create(username="robot", role=Role.LEADER, unit=world["unit_a"])
    account = ServiceAccount.objects.create(user=robot, created_by=world["users"][(ADMIN, "a")])
    world.update(other_token=other, service_account=account)


def administrators(role: str, own: bool) -> bool:
    return role == ADMIN


ROUTES: dict[str, Route] = {
    "tokens:list": Route(),
    "tokens:revoke": Route(
        allowed=administrators,
        method="post",
        kwargs=lambda w: {"pk": w["other_token"].pk},
        data={"reason": "left the office"},
    ),
    "tokens:service_accounts": Route(allowed=administrators),
    "tokens:service_account": Route(
        allowed=administrators, kwargs=lambda w: {"pk": w["service_account"].pk}
    ),
    "api-1:me": Route(),
    "api-1:list_tokens": Route(),
    "api-1:revoke_token": Route(
        allowed=administrators,
        method="post",
        kwargs=lambda w: {"token_id": w["other_token"].pk},
        data={"reason": "left the office"},
    ),
}
