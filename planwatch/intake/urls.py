from django.urls import path

from planwatch.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("upload/", views.upload, name="upload"),
    path("batches/<int:pk>/", views.batch_view, name="batch"),
    path("documents/<int:pk>/", views.document_view, name="document"),
    path("proposals/<int:pk>/decide/", views.decide_proposal, name="decide_proposal"),
    path("drafts/<int:pk>/decide/", views.decide_draft, name="decide_draft"),
    path("documents/<int:pk>/accept-all/", views.accept_all, name="accept_all"),
]
