"""The task import page: upload a workbook, see every error or what changed."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from planwatch.plans import spreadsheets
from planwatch.plans.spreadsheets import COLUMNS


def _require_import(request: HttpRequest) -> None:
    if not request.user.has_perm("plans.import_tasks"):
        raise PermissionDenied


def import_tasks(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    result = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            result = spreadsheets.ImportResult(file_error=_("Choose an .xlsx file to upload."))
        else:
            data = upload.read(spreadsheets.xlsx.MAX_BYTES + 1)
            result = spreadsheets.import_tasks(request.user, data)
    status = 422 if result is not None and not result.ok else 200
    return render(
        request,
        "plans/spreadsheets/import.html",
        {
            "result": result,
            "columns": [spreadsheets.header_of(c) for c in COLUMNS],
            "labels": {c: spreadsheets.header_of(c) for c in COLUMNS},
        },
        status=status if request.method == "POST" else 200,
    )


def import_template(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    return spreadsheets.xlsx_response(spreadsheets.template_bytes(), "planwatch-tasks.xlsx")
