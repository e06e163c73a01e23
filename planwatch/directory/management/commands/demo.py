"""`planwatch demo`: load the reference world, any number of times, without duplicates."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo world (organisations, people, posts, plans...) and one account per role."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if not config.name.startswith("planwatch.") or find_spec(module_name) is None:
                    continue
                for line in import_module(module_name).load():
                    self.stdout.write(line)
