from django.urls import path

from planwatch.accounts import views

urlpatterns = [
    path("password/", views.password_change, name="password_change"),
    path("password/done/", views.password_change_done, name="password_change_done"),
]
