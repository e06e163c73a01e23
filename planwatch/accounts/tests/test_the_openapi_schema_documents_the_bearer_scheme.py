from django.urls import reverse


def test_both_schemes_are_documented_for_every_route(client, officer):
    client.force_login(officer)
    schema = client.get(reverse("api-1:openapi-json")).json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"
    for path in schema["paths"].values():
        for operation in path.values():
            assert {"TokenAuth": []} in operation["security"]
