from django.urls import path

from planwatch.accounts import views_tokens as views

app_name = "tokens"
urlpatterns = [
    path("", views.token_list, name="list"),
    path("<int:pk>/revoke/", views.token_revoke, name="revoke"),
    path("service-accounts/", views.service_account_list, name="service_accounts"),
    path("service-accounts/<int:pk>/", views.service_account_detail, name="service_account"),
]
