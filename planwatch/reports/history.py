"""Which supervision documents a user may read the history of: exactly those the reports
pages show them (see planwatch/audit/history.py). A unit officer reads the history of the
notices issued to their unit (never proposals), their answers and files, their unit's
cards, bulletins and the instructions they are shown; evaluations and ladders are for the
roles whose pages show them."""

from django.db.models import QuerySet

from planwatch.accounts.models import Role
from planwatch.audit.history import register_history, signed_in_users
from planwatch.reports.models import (
    AnswerFile,
    Bulletin,
    Card,
    Evaluation,
    Instruction,
    Ladder,
    Notice,
    NoticeAnswer,
    NoticeSeries,
)
from planwatch.reports.queries import (
    bulletins_visible_to,
    cards_visible_to,
    instructions_visible_to,
    notices_visible_to,
)


def _answers(user) -> QuerySet[NoticeAnswer]:
    return NoticeAnswer.objects.active().filter(notice__in=notices_visible_to(user))


def _answer_files(user) -> QuerySet[AnswerFile]:
    return AnswerFile.objects.active().filter(answer__notice__in=notices_visible_to(user))


def _evaluations(user) -> QuerySet[Evaluation]:
    """The evaluation pages are for every role but unit officers."""
    if not user.is_authenticated or user.role == Role.UNIT_OFFICER:
        return Evaluation.objects.none()
    return Evaluation.objects.active()


def _ladders(user) -> QuerySet[Ladder]:
    """A plan's ladder is shown to those who may change it."""
    if not user.has_perm("reports.manage_ladder"):
        return Ladder.objects.none()
    return Ladder.objects.active()


def register() -> None:
    register_history(Notice, notices_visible_to)
    register_history(NoticeAnswer, _answers)
    register_history(AnswerFile, _answer_files)
    register_history(Card, cards_visible_to)
    register_history(Bulletin, bulletins_visible_to)
    register_history(Instruction, instructions_visible_to)
    register_history(Evaluation, _evaluations)
    register_history(Ladder, _ladders)
    register_history(NoticeSeries, signed_in_users(NoticeSeries))
