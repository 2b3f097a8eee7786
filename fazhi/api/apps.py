from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "fazhi.api"
    verbose_name = "接口"
    audited = ("ApiToken",)  # issuing and revoking a token are audited

    def ready(self) -> None:
        from fazhi.org.security import password_set

        password_set.connect(_revoke_tokens, dispatch_uid="fazhi.api.revoke_tokens")


def _revoke_tokens(sender: type, user: object, **kwargs: object) -> None:
    from fazhi.api.models import ApiToken

    ApiToken.revoke_all(user)
