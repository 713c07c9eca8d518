"""The monitor's screens: who may see them, the filters, the downloads, bad input."""

from datetime import date

import pytest

from vroeghulp.monitor.bijwerken import bijwerken
from vroeghulp.monitor.tests.test_bijwerken import maart  # noqa: F401  (fixture)


@pytest.fixture
def cijfers(maart):  # noqa: F811
    bijwerken(alles=True, vandaag=date(2025, 4, 15))
    return maart


@pytest.mark.django_db
def test_roles(client, consulent, beheerder, cijfers):
    for gebruiker in (consulent, beheerder):
        client.force_login(gebruiker)
        assert client.get("/monitor/").status_code == 403
        assert client.get("/monitor/download/trechter.csv").status_code == 403


@pytest.mark.django_db
def test_analist_sees_the_funnel_and_downloads(client, analist, cijfers, wijk_overvecht):
    client.force_login(analist)
    pagina = client.get("/monitor/", {"periode": "maand:2025-03-01"})
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Trechter, maart 2025" in html
    assert "Cijfers bijgewerkt op" in html
    svg = client.get("/monitor/grafiek/trechter.svg", {"periode": "maand:2025-03-01"})
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<script" not in svg.content
    csv = client.get("/monitor/download/trechter.csv", {"periode": "maand:2025-03-01"}).content.decode("utf-8-sig")
    # 3 signals and 2 cases in March (test_bijwerken): below 5, so hidden ("x"), never the number
    regels = dict(r.split(";")[:2] for r in csv.splitlines()[1:])
    assert regels["Signalen ontvangen"] == "x" and regels["Vroegsignaalzaken"] == "x"
    xlsx = client.get("/monitor/download/gebieden.xlsx", {"periode": "maand:2025-03-01", "wijk": wijk_overvecht.id})
    assert xlsx.content[:2] == b"PK"


@pytest.mark.django_db
def test_bad_filters_are_a_form_error_not_a_500(client, analist, cijfers, wijk_zuid):
    client.force_login(analist)
    from vroeghulp.gebieden.tests.factories import BuurtFactory

    buurt = BuurtFactory(wijk=wijk_zuid, code="BU03440799")
    for query in ({"periode": "maand:2099-01-01"}, {"wijk": "abc"}, {"periode": "zomaar"},
                  {"periode": "maand:2025-03-01", "wijk": cijfers.wijk_id, "buurt": buurt.id}):
        antwoord = client.get("/monitor/", query)
        assert antwoord.status_code == 200, query
        assert "Controleer wat u heeft ingevuld" in antwoord.content.decode(), query
    assert client.get("/monitor/grafiek/bestaatniet.svg").status_code == 404
    assert client.get("/monitor/download/trechter.pdf").status_code == 404


@pytest.mark.django_db
def test_without_figures_the_page_says_so(client, teamleider):
    client.force_login(teamleider)
    assert "Er zijn nog geen cijfers" in client.get("/monitor/").content.decode()
