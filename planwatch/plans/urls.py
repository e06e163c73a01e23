from django.urls import path

from planwatch.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.task_list, name="tasks"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/read/", views.inbox_read, name="inbox_read"),
    path("plans/", views.plan_list, name="plans"),
    path("plans/new/", views.plan_edit, name="plan_new"),
    path("plans/<slug:code>/", views.plan_detail, name="plan"),
    path("plans/<slug:code>/edit/", views.plan_edit, name="plan_edit"),
    path("tasks/new/", views.task_edit, name="task_new"),
    path("tasks/<str:reference>/", views.task_detail, name="task"),
    path("tasks/<str:reference>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<str:reference>/assign/", views.task_assign, name="task_assign"),
    path("tasks/<str:reference>/indicators/", views.task_indicator, name="task_indicator"),
    path("tasks/<str:reference>/milestones/", views.task_milestone, name="task_milestone"),
    path("tasks/<str:reference>/extension/", views.extension_request, name="extension_request"),
    path("tasks/<str:reference>/request-close/", views.task_request_close, name="request_close"),
    path("tasks/<str:reference>/close/", views.task_close, name="close"),
    path("tasks/<str:reference>/reopen/", views.task_reopen, name="reopen"),
    path(
        "assignments/<int:pk>/acknowledge/",
        views.assignment_acknowledge,
        name="acknowledge",
    ),
    path("assignments/<int:pk>/report/", views.report_new, name="report_new"),
    path("assignments/<int:pk>/remove/", views.assignment_remove, name="assignment_remove"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("assignments/<int:pk>/issue/", views.issue_raise, name="issue_raise"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("extensions/<int:pk>/decide/", views.extension_decide, name="extension_decide"),
    path("issues/<int:pk>/resolve/", views.issue_resolve, name="issue_resolve"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("documents/", views.document_list, name="documents"),
    path("documents/new/", views.document_edit, name="document_new"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("documents/<int:pk>/clauses/", views.document_clause, name="document_clause"),
    path("documents/<int:pk>/attachments/", views.document_attach, name="document_attach"),
]
