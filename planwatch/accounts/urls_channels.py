from django.urls import path

from planwatch.accounts import views_channels as views

app_name = "channels"
urlpatterns = [
    path("", views.channel_list, name="list"),
    path("<int:pk>/", views.channel_detail, name="channel"),
    path("<int:pk>/archive/", views.channel_archive, name="archive"),
    path("deliveries/<int:pk>/send-again/", views.delivery_send_again, name="send_again"),
]
