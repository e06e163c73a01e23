"""Single sign-on's routes in the permission matrix: off in the tests' settings, so they
answer "not found" to everyone (test_single_sign_on_* turn it on)."""

from planwatch.testing import Route

ROUTES: dict[str, Route] = {
    "oidc_authentication_init": Route(placeholder=True),
    "oidc_authentication_callback": Route(placeholder=True),
}
