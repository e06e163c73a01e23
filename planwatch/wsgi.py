"""WSGI entry point for gunicorn: `gunicorn planwatch.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.settings")
application = get_wsgi_application()

# A production start without collected static files says why in the log, once.
from planwatch.lib.deploy import log_problems  # noqa: E402

log_problems()
