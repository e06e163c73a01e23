from planwatch.lib import xlsx
from planwatch.plans.spreadsheets import import_tasks
from planwatch.plans.tests.xlsx_files import HEADER, workbook


def test_a_bad_file_gets_a_clear_message(supervisor):
    cases = {
        b"reference,plan\nA,B\n": "not an Excel workbook",
        b"PK\x03\x04 broken zip": "not an Excel workbook",
        b"x" * (xlsx.MAX_BYTES + 1): "larger than",
        workbook([]): "first row must name the columns",
        workbook([], header=HEADER): "no rows",
        workbook([["A", "p", "x"]], ["reference", "plan", "colour"]): "Unknown columns: colour",
        workbook([["A"]], header=["reference"]): "Missing columns: Plan code, Start date",
    }
    for data, message in cases.items():
        result = import_tasks(supervisor, data)
        assert not result.ok
        assert message in result.file_error, (message, result.file_error)
