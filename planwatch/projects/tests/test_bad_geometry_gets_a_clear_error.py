import json

import pytest

from planwatch.projects import geo

SQUARE = [[125.5, 43.9], [125.6, 43.9], [125.6, 44.0], [125.5, 44.0], [125.5, 43.9]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not JSON"),
        ('{"type": "Circle", "coordinates": []}', "Unknown geometry type"),
        ('{"type": "Point", "coordinates": [43.9, 125.5]}', "latitude 125.5 is outside"),
        ('{"type": "Polygon", "coordinates": [[[125, 43], [126, 43], [126, 44]]]}', "at least 4"),
        (
            '{"type": "Polygon", "coordinates": [[[125, 43], [126, 43], [126, 44], [125, 44]]]}',
            "end where it starts",
        ),
        (
            '{"type": "LineString", "coordinates": [[125, "43"], [126, 44]]}',
            r"coordinates\[0\]: a position",
        ),
        ('{"type": "Point", "coordinates": [' + "1," * 600_000 + "1]}", "larger than"),
    ],
)
def test_bad_geometry_is_refused_with_what_and_where(text, message):
    with pytest.raises(geo.BadGeometry, match=message):
        geo.parse_geojson(text)


def test_a_feature_gives_its_geometry_and_its_bounding_box():
    feature = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [SQUARE]}}
    geometry = geo.parse_geojson(json.dumps(feature))
    assert geometry["type"] == "Polygon"
    assert geo.bbox(geometry) == geo.BBox(125.5, 43.9, 125.6, 44.0)


def test_the_region_form_shows_the_error(client, supervisor):
    client.force_login(supervisor)
    response = client.post(
        "/projects/regions/new/",
        {"code": "x", "name_en": "X", "role": "park", "geometry_text": '{"type": "Point"}'},
    )
    assert response.status_code == 200
    assert "The Point has no coordinates." in response.content.decode()
