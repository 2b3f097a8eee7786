"""The signed-in user's own account: second factor and password; and the way back in
with the second factor for a user whose account is locked at their address."""

from __future__ import annotations

import base64
from typing import Any, cast

import segno
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, user_login_failed
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
from fazhi.org.models import User
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
    # Authenticator apps take the key in base32 (RFC 4648, as in the QR code's otpauth://
    # URL), not hex; groups of four are easier to type.
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    secret = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
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
        user = cast(User, self.request.user)  # the view requires a signed-in user
        record(Action.UPDATE, user=user, obj=user, verb="password_changed", note="修改密码")
        messages.success(self.request, "密码已修改。")
        return response


class UnlockForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    password = forms.CharField(label="密码", strip=False, widget=forms.PasswordInput)
    token = TokenForm.base_fields["token"]


UNLOCK_REFUSED = "用户名、密码或动态验证码不正确。"


def unlock(request: HttpRequest) -> HttpResponse:
    """Sign in past a lockout with password *and* second factor (issue 17 item 9).

    A lock holds for one account from one address (settings AXES_*), so colleagues
    behind the same address can still lock each other out; a user with an enrolled
    authenticator gets in here, which lifts the lock at this address. Every wrong try
    counts as a failed login; past three times the failure limit only an administrator
    unlocks (`fazhi unlock_account`). One message for every refusal: nothing tells
    whether an account exists or which part was wrong.
    """

    form = UnlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username, ip = form.cleaned_data["username"], request.META.get("REMOTE_ADDR")
        attempts = AccessAttempt.objects.filter(username=username, ip_address=ip)
        tries = max(attempts.values_list("failures_since_start", flat=True), default=0)
        if tries >= 3 * settings.AXES_FAILURE_LIMIT:
            form.add_error(None, "尝试次数过多，请联系系统管理员解锁。")
        else:
            user = get_user_model().objects.filter(username=username, is_active=True).first()
            device = _unlocking_device(user, form.cleaned_data["password"], form.cleaned_data["token"])
            if user is not None and device is not None:
                attempts.delete()
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                otp_login(request, device)
                record(Action.LOGIN, user=user, verb="unlock_otp", object_repr=username, note="以动态验证码解除本地址的登录锁定")
                return redirect("home")
            user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
            request.axes_locked_out = False  # type: ignore[attr-defined]  # this page answers for itself
            form.add_error(None, UNLOCK_REFUSED)
    return render(request, "account/unlock.html", {"form": form})


def _unlocking_device(user: Any, password: str, token: str) -> TOTPDevice | None:
    """The user's confirmed authenticator when both the password and its code are right."""
    if user is None:
        get_user_model()().set_password(password)  # the same work as for a real account
        return None
    if not user.check_password(password):
        return None
    return next((d for d in TOTPDevice.objects.filter(user=user, confirmed=True) if d.verify_token(token)), None)
