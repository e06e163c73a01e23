"""Run the test's OpenID Connect provider: `python serve.py PORT`.

Environment: PROVIDER_DB (SQLite file), PROVIDER_RSA_KEY (PEM), PROVIDER_USERS (JSON:
{username: {"password": ..., "claims": {...}}}), PROVIDER_CLIENT_ID,
PROVIDER_CLIENT_SECRET, PROVIDER_REDIRECT_URI (the relying party's callback)."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ["DJANGO_SETTINGS_MODULE"] = "provider_settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402

call_command("migrate", verbosity=0)
for username, person in json.loads(os.environ["PROVIDER_USERS"]).items():
    User.objects.create_user(username, password=person["password"])
Application.objects.create(
    name="Planwatch",
    client_id=os.environ["PROVIDER_CLIENT_ID"],
    client_secret=os.environ["PROVIDER_CLIENT_SECRET"],
    client_type=Application.CLIENT_CONFIDENTIAL,
    authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
    redirect_uris=os.environ["PROVIDER_REDIRECT_URI"],
    algorithm=Application.RS256_ALGORITHM,
    skip_authorization=True,
)
call_command("runserver", f"127.0.0.1:{sys.argv[1]}", use_reloader=False, use_threading=True)
