from django.urls import path

from planwatch.directory import views

app_name = "directory"
urlpatterns = [
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_edit, name="organisation_new"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<int:pk>/aliases/", views.organisation_add_alias, name="organisation_alias"
    ),
    path(
        "organisations/<int:pk>/archive/", views.organisation_archive, name="organisation_archive"
    ),
    path("relations/", views.relations_graph, name="graph"),
    path("relations.svg", views.relations_graph_svg, name="graph_svg"),
    path("people/", views.person_list, name="people"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("posts/<int:pk>/", views.post_detail, name="post"),
    path("lookup/", views.lookup, name="lookup"),
]
