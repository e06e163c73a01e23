"""The supervision documents' record histories in the permission matrix (the records come
from matrix.py's world)."""

from planwatch.reports.models import Ladder, NoticeSeries
from planwatch.testing import (
    ADMIN,
    AUDITOR,
    SUPERVISOR,
    History,
    Route,
    readers_or_own_officer,
)


def _own(name: str):
    return lambda w: w[f"{name}_{'a' if w['own'] else 'b'}"]


def _not_officers(role: str, own: bool) -> bool:
    return readers_or_own_officer(role, False)


def _ladder_readers(role: str, own: bool) -> bool:
    return role in (ADMIN, SUPERVISOR, AUDITOR)


HISTORY: dict[str, History] = {
    "reports.notice": History(_own("issued"), readers_or_own_officer),
    "reports.noticeanswer": History(
        lambda w: w[f"answer_file_{'a' if w['own'] else 'b'}"].answer, readers_or_own_officer
    ),
    "reports.answerfile": History(_own("answer_file"), readers_or_own_officer),
    "reports.card": History(_own("card"), readers_or_own_officer),
    "reports.bulletin": History(_own("bulletin"), readers_or_own_officer),
    "reports.instruction": History(_own("instruction"), readers_or_own_officer),
    "reports.evaluation": History(lambda w: w["evaluation"], _not_officers),
    "reports.ladder": History(
        lambda w: Ladder.objects.get_or_create(plan=w["reports_plan"])[0], _ladder_readers
    ),
    "reports.noticeseries": History(
        lambda w: NoticeSeries.objects.filter(plan__isnull=True).first()
    ),
}

ROUTES: dict[str, Route] = {}
