from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "fazhi.api"
    verbose_name = "接口"

    def ready(self) -> None:
        from fazhi.api.models import ApiToken
        from fazhi.audit.trail import track

        track(ApiToken)  # issuing and revoking a token are audited
