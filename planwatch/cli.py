"""The `planwatch` console command: every Django management command, plus Planwatch's own."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "planwatch"
    if len(argv) == 1 or argv[1] in ("-h", "--help"):
        argv[1:] = ["help"]
    execute_from_command_line(argv)
