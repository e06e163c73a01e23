from django.urls import path

from planwatch.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_edit, name="new"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/move/", views.project_move, name="move"),
    path("<int:pk>/stages/", views.project_stage_dates, name="stage_dates"),
    path("<int:pk>/approvals/", views.approval_add, name="approval_add"),
    path("<int:pk>/payments/", views.payment_add, name="payment_add"),
    path("<int:pk>/tasks/", views.task_link, name="task_link"),
    path("<int:pk>/archive/", views.project_archive, name="archive"),
    path("approvals/<int:pk>/", views.approval_edit, name="approval_edit"),
    path("approvals/<int:pk>/documents/", views.document_add, name="document_add"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("map/", views.battle_map, name="map"),
    path("map/data.json", views.battle_map_data, name="map_data"),
    path("map/popup/<int:pk>/", views.popup, name="popup"),
    path("regions/", views.region_list, name="regions"),
    path("regions/new/", views.region_edit, name="region_new"),
    path("regions/<int:pk>/edit/", views.region_edit, name="region_edit"),
    path("regions/<int:pk>/tasks/", views.region_place_task, name="region_place_task"),
    path("regions.geojson", views.regions_data, name="regions_data"),
    path("board/", views.time_board, name="board"),
    path("figures/", views.figures_page, name="figures"),
    path("rates/", views.rates, name="rates"),
    path("import/", views.import_projects, name="import"),
    path("export.xlsx", views.export_projects, name="export"),
]
