from django.urls import path

from fazhi.org import account_views

app_name = "account"
urlpatterns = [
    path("2fa/setup/", account_views.otp_setup, name="otp_setup"),
    path("2fa/verify/", account_views.otp_verify, name="otp_verify"),
    path("password/", account_views.PasswordChangeView.as_view(), name="password_change"),
    path("unlock/", account_views.unlock, name="unlock"),
]
