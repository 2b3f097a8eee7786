"""The signed-in user's own account: second factor and password."""

from __future__ import annotations

from typing import Any

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.org.security import redirect_to_second_factor, second_factor_pending


class TokenForm(forms.Form):
    token = forms.RegexField(
        label="动态验证码", regex=r"^\d{6}$", max_length=6,
        error_messages={"invalid": "请输入验证器App上显示的6位数字。"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next(request: HttpRequest) -> str:
    target = request.GET.get("next") or request.POST.get("next") or "/"
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else "/"


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show the QR code, confirm with one code."""
    user: Any = request.user
    if second_factor_pending(user) and TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        # Replacing the authenticator is an account action: the enrolled one first.
        return redirect_to_second_factor(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="验证器App", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            otp_login(request, device)
            record(Action.UPDATE, user=user, obj=user, verb="otp_enrolled", note="绑定动态验证码")
            messages.success(request, "已绑定动态验证码。以后登录时需输入验证器App上的6位数字。")
            return redirect(_next(request))
        form.add_error("token", "验证码不正确或已过期，请输入最新的6位数字。")
    qr = segno.make(device.config_url, micro=False).svg_inline(scale=4)
    secret = device.bin_key.hex()
    return render(request, "account/otp_setup.html", {"form": form, "qr": mark_safe(qr), "secret": secret, "next": _next(request)})  # noqa: S308 - segno's own SVG


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next(request))
        record(Action.LOGIN_FAILED, user=user, verb="otp", note="动态验证码错误", object_repr=user.username)
        form.add_error("token", "验证码不正确或已过期。")
    return render(request, "account/otp_verify.html", {"form": form, "next": _next(request)})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "account/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        record(Action.UPDATE, user=self.request.user, obj=self.request.user, verb="password_changed", note="修改密码")
        messages.success(self.request, "密码已修改。")
        return response
