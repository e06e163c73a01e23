from django.urls import path

from planwatch.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.notice_list, name="notices"),
    path("notices/new/", views.notice_new, name="notice_new"),
    path("notices/bulk/", views.notice_bulk, name="notice_bulk"),
    path("notices/<int:pk>/", views.notice_detail, name="notice"),
    path("notices/<int:pk>/file.<str:fmt>", views.notice_file, name="notice_file"),
    path("notices.xlsx", views.notices_export, name="notices_export"),
    path("notices/<int:pk>/confirm/", views.notice_confirm, name="notice_confirm"),
    path("notices/<int:pk>/dismiss/", views.notice_dismiss, name="notice_dismiss"),
    path("notices/<int:pk>/withdraw/", views.notice_withdraw, name="notice_withdraw"),
    path("notices/<int:pk>/answer/", views.notice_answer, name="notice_answer"),
    path("answer-files/<int:pk>/", views.answer_file, name="answer_file"),
    path("series/", views.series_list, name="series"),
    path("series/new/", views.series_edit, name="series_new"),
    path("series/<int:pk>/", views.series_edit, name="series_edit"),
    path("ladders/<slug:code>/", views.ladder_edit, name="ladder"),
    path("tasks/<str:reference>/", views.task_documents, name="task"),
    path("units/<int:pk>/", views.unit_documents, name="unit"),
    path("cards/", views.card_list, name="cards"),
    path("instructions/", views.instruction_list, name="instructions"),
    path("instructions/new/", views.instruction_new, name="instruction_new"),
    path("instructions/<int:pk>/", views.instruction_detail, name="instruction"),
    path("instructions/<int:pk>/task/", views.instruction_to_task, name="instruction_task"),
    path("evaluations/", views.evaluation_list, name="evaluations"),
    path("evaluations/new/", views.evaluation_new, name="evaluation_new"),
    path("evaluations/<int:pk>/", views.evaluation_detail, name="evaluation"),
    path("evaluations/<int:pk>/file.<str:fmt>", views.evaluation_file, name="evaluation_file"),
    path("bulletins/", views.bulletin_list, name="bulletins"),
    path("bulletins/new/", views.bulletin_new, name="bulletin_new"),
    path("bulletins/<int:pk>/", views.bulletin_detail, name="bulletin"),
    path("bulletins/<int:pk>/file.<str:fmt>", views.bulletin_file, name="bulletin_file"),
    path("cards/new/", views.card_new, name="card_new"),
    path("cards/<int:pk>/withdraw/", views.card_withdraw, name="card_withdraw"),
]
