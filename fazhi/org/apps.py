from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "fazhi.org"
    verbose_name = "单位与人员"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.org.models import Person, Unit, User

        track(Unit, Person, User)
