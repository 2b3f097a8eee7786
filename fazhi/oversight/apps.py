from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "fazhi.oversight"
    verbose_name = "督查督办"

    def ready(self) -> None:
        from fazhi.audit.trail import track
        from fazhi.oversight.models import (
            ArchiveFile,
            Milestone,
            Progress,
            Suggestion,
            Task,
            Urging,
        )

        track(Task, Milestone, Progress, Urging, ArchiveFile, Suggestion)
