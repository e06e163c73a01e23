def test_a_signed_in_page_and_api_answer_carry_no_store(client, officer):
    client.force_login(officer)
    for url in ("/", "/plans/", "/api/directory/organisations"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url
