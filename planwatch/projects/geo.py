"""GeoJSON checked in plain Python: no GDAL, so the app installs anywhere.

A region's geometry is typed or pasted by a person; a wrong nesting level, a swapped
latitude or a 50 MB paste must each get a message that says what and where.
"""

import json
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

MAX_BYTES = 1_000_000
MAX_POSITIONS = 20_000
GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
)
# How deep each type nests its positions: a Point is a position, a Polygon a list of rings.
DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


class BadGeometry(ValueError):
    """GeoJSON that is malformed, out of range or too large; the message says where."""


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float


def parse_geojson(text: str) -> dict:
    """Parse and check GeoJSON text; returns the geometry (a Feature gives its geometry)."""
    if len(text.encode()) > MAX_BYTES:
        raise BadGeometry(
            _("The geometry is larger than %(limit)d kB; simplify it.")
            % {"limit": MAX_BYTES // 1000}
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadGeometry(
            _("This is not JSON: %(error)s (line %(line)d, column %(column)d).")
            % {"error": error.msg, "line": error.lineno, "column": error.colno}
        ) from None
    return check_geometry(data)


def check_geometry(data: object) -> dict:
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    if not isinstance(data, dict):
        raise BadGeometry(_("A GeoJSON geometry is an object with a type and coordinates."))
    kind = data.get("type")
    if kind not in GEOMETRY_TYPES:
        raise BadGeometry(
            _("Unknown geometry type %(type)r; use one of %(types)s.")
            % {"type": kind, "types": ", ".join(GEOMETRY_TYPES)}
        )
    if "coordinates" not in data:
        raise BadGeometry(_("The %(type)s has no coordinates.") % {"type": kind})
    count = _check(data["coordinates"], DEPTH[kind], kind, "coordinates")
    if count > MAX_POSITIONS:
        raise BadGeometry(
            _("The geometry has %(count)d points; at most %(limit)d are allowed.")
            % {"count": count, "limit": MAX_POSITIONS}
        )
    return {"type": kind, "coordinates": data["coordinates"]}


def _check(value: object, depth: int, kind: str, where: str) -> int:
    if depth == 0:
        _check_position(value, where)
        return 1
    if not isinstance(value, list) or not value:
        raise BadGeometry(_("%(where)s: expected a non-empty list.") % {"where": where})
    total = 0
    for i, item in enumerate(value):
        total += _check(item, depth - 1, kind, f"{where}[{i}]")
    ring_depth = {"Polygon": 1, "MultiPolygon": 1}.get(kind)
    line_depth = {"LineString": 1, "MultiLineString": 1}.get(kind)
    if depth == ring_depth:
        if len(value) < 4:
            raise BadGeometry(
                _("%(where)s: a polygon ring needs at least 4 positions.") % {"where": where}
            )
        if value[0] != value[-1]:
            raise BadGeometry(
                _("%(where)s: a polygon ring must end where it starts.") % {"where": where}
            )
    if depth == line_depth and len(value) < 2:
        raise BadGeometry(_("%(where)s: a line needs at least 2 positions.") % {"where": where})
    return total


def _check_position(value: object, where: str) -> None:
    if (
        not isinstance(value, list)
        or len(value) not in (2, 3)
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in value)
    ):
        raise BadGeometry(
            _("%(where)s: a position is [longitude, latitude] in numbers.") % {"where": where}
        )
    lon, lat = value[0], value[1]
    if not -180 <= lon <= 180:
        raise BadGeometry(
            _("%(where)s: longitude %(lon)s is outside -180…180.") % {"where": where, "lon": lon}
        )
    if not -90 <= lat <= 90:
        raise BadGeometry(
            _("%(where)s: latitude %(lat)s is outside -90…90 (is it [longitude, latitude]?).")
            % {"where": where, "lat": lat}
        )


def positions(geometry: dict) -> list[list[float]]:
    """Every position of a checked geometry, flattened."""
    out: list[list[float]] = []

    def walk(value: object, depth: int) -> None:
        if depth == 0:
            out.append(value)  # type: ignore[arg-type]
            return
        for item in value:  # type: ignore[attr-defined]
            walk(item, depth - 1)

    walk(geometry["coordinates"], DEPTH[geometry["type"]])
    return out


def bbox(geometry: dict) -> BBox:
    points = positions(geometry)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return BBox(min(lons), min(lats), max(lons), max(lats))


def check_point(lat: Decimal | None, lon: Decimal | None) -> None:
    """A project's location: both or neither, each in range."""
    if (lat is None) != (lon is None):
        raise BadGeometry(_("Give both latitude and longitude, or neither."))
    if lat is not None and not Decimal(-90) <= lat <= Decimal(90):
        raise BadGeometry(_("Latitude %(lat)s is outside -90…90.") % {"lat": lat})
    if lon is not None and not Decimal(-180) <= lon <= Decimal(180):
        raise BadGeometry(_("Longitude %(lon)s is outside -180…180.") % {"lon": lon})
