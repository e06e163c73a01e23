"""`planwatch who --post NAME --on DATE`: who held a post on a day."""

from planwatch.directory.management.commands._holdings import HoldingsCommand
from planwatch.directory.queries import holders_on
from planwatch.directory.resolver import resolve_post


class Command(HoldingsCommand):
    help = "Print who held a post on a date, as inferred from the directory's evidence."
    option = "post"
    option_help = 'any name of the post, e.g. "Governor of Jilin"'
    resolve = staticmethod(resolve_post)
    query = staticmethod(holders_on)
    empty = "No holder of {record} is known on {day}."
