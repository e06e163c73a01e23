"""`planwatch intake PATH...`: read documents into the review queue, or print them as JSON."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.intake.actions import do_ingest
from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.pipeline import intake_path
from planwatch.intake.read import SUPPORTED


def expand(paths: list[str]) -> list[tuple[str, Path]]:
    """Each file as (the name to report, its path); folders give their supported files."""
    files = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED:
                    files.append((str(child), child))
        else:
            files.append((given, path))
    return files


class Command(BaseCommand):
    help = (
        "Read .txt, .html, .pdf (scans by OCR), .docx and .xlsx documents (files or folders) "
        "into the intake review queue; with --json, print one intake record per document "
        "instead."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--json", action="store_true", help="print one JSON record per line; store nothing"
        )

    def handle(self, *args, **options) -> None:
        files = expand(options["paths"])
        if not files:
            raise CommandError(
                "No .txt, .html, .pdf, .docx or .xlsx file found there.", returncode=2
            )
        gazetteer = Gazetteer.from_database()
        failed = 0
        if options["json"]:
            for name, path in files:
                record = (
                    intake_path(path, gazetteer, self._ocr_progress(name))
                    if path.exists()
                    else {"source_path": name, "error": f"{name}: no such file"}
                )
                record["source_path"] = name
                failed += "error" in record
                self.stdout.write(json.dumps(record, ensure_ascii=False))
        else:
            failed = self._store(files, gazetteer)
        if failed:
            sys.exit(1)

    def _store(self, files: list[tuple[str, Path]], gazetteer: Gazetteer) -> int:
        new = duplicates = failed = 0
        errors = []
        for done, (name, path) in enumerate(files, start=1):
            if not path.exists():
                failed += 1
                errors.append(f"{name}: no such file")
            else:
                document, is_new = do_ingest(
                    None, path, name=name, gazetteer=gazetteer, progress=self._ocr_progress(name)
                )
                if document.error:
                    failed += 1
                    errors.append(document.error)
                elif is_new:
                    new += 1
                else:
                    duplicates += 1
            self._progress(done, len(files))
        self.stderr.write("")
        for error in errors:
            self.stderr.write(error)
        self.stdout.write(
            f"{new} new, {duplicates} already read (same or near-identical text), {failed} failed."
        )
        return failed

    def _ocr_progress(self, name: str):
        """Per-page progress of a scan read by OCR, on standard error."""

        def report(page: int, pages: int) -> None:
            self.stderr.write(f"\r{name}: OCR page {page}/{pages}", ending="")
            if page == pages:
                self.stderr.write("")
            self.stderr.flush()

        return report

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stderr.flush()
