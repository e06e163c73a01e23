"""The accounts' routes in the permission matrix (see planwatch/testing.py): every
signed-in user may change their own password, nobody else's."""

from planwatch.testing import Route

ROUTES: dict[str, Route] = {
    "password_change": Route(),
    "password_change_done": Route(),
}
