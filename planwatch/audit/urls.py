from django.urls import path

from planwatch.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("<str:model>/<str:pk>/", views.record_history, name="history"),
]
