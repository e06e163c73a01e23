"""`planwatch posts --person NAME --on DATE`: which posts a person held on a day."""

from planwatch.directory.management.commands._holdings import HoldingsCommand
from planwatch.directory.queries import posts_held_on
from planwatch.directory.resolver import resolve_person


class Command(HoldingsCommand):
    help = "Print the posts a person held on a date, as inferred from the directory's evidence."
    option = "person"
    option_help = 'any spelling of the name, e.g. "Jingjunhai"'
    resolve = staticmethod(resolve_person)
    query = staticmethod(posts_held_on)
    empty = "No post of {record} is known on {day}."
