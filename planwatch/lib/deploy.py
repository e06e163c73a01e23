"""Checks of a production installation that would otherwise show as a bare 500.

Without `planwatch collectstatic`, the manifest storage cannot name any static file and
every page fails while rendering its first {% static %}. The check says so at start-up
(in the log of gunicorn) and in `planwatch check --deploy`.
"""

import logging

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error, Tags, register
from django.core.files.storage import storages

log = logging.getLogger("planwatch")

NOT_COLLECTED = (
    "Static files are not collected: {root} has no {manifest}, so every page would fail "
    "with a server error. Run `planwatch collectstatic --no-input` (after each upgrade)."
)


def static_files_problem() -> str:
    """The reason static files cannot be served, or "" when they can."""
    storage = storages["staticfiles"]
    if isinstance(storage, ManifestFilesMixin) and not storage.manifest_storage.exists(
        storage.manifest_name
    ):
        return NOT_COLLECTED.format(root=settings.STATIC_ROOT, manifest=storage.manifest_name)
    return ""


@register(Tags.staticfiles, deploy=True)
def check_static_files_collected(app_configs=None, **kwargs) -> list[Error]:
    problem = static_files_problem()
    return [Error(problem, id="planwatch.E001")] if problem else []


def log_problems() -> None:
    """Called once when the WSGI application starts."""
    problem = static_files_problem()
    if problem:
        log.error(problem)
