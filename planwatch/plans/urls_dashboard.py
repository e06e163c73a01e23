from django.urls import path

from planwatch.plans import views_dashboard, views_spreadsheets

app_name = "dashboard"
urlpatterns = [
    path("", views_dashboard.dashboard, name="dashboard"),
    path("tasks/", views_dashboard.tasks, name="tasks"),
    path("units/", views_dashboard.units, name="units"),
    path("reports/", views_dashboard.reports, name="reports"),
    path("export/<slug:table>.xlsx", views_dashboard.export, name="export"),
    path("import/", views_spreadsheets.import_tasks, name="import"),
    path("import/template.xlsx", views_spreadsheets.import_template, name="import_template"),
]
