"""The directory's records for the audit history pages: reference data every signed-in
user reads (see planwatch/audit/history.py)."""

from planwatch.audit.history import register_history, signed_in_users
from planwatch.directory.models import Alias, Organisation, Person, Post, Relation, Tenure


def register() -> None:
    for model in (Organisation, Relation, Person, Post, Tenure, Alias):
        register_history(model, signed_in_users(model))
