from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "planwatch.intake"
    label = "intake"
    verbose_name = "Intake"

    def ready(self) -> None:
        from planwatch.intake import history

        history.register()
