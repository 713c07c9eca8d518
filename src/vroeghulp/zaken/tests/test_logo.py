"""The letter logo cannot reach the server's network or disk (PDFs render with zaken.pdf).

Each attack is first run with WeasyPrint's own fetcher as a control: that proves the listener
and the marker file really would be reached, so "nothing arrived" with ours means something.
"""

import base64
import http.server
import io
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from weasyprint import HTML

from vroeghulp.zaken import brieven
from vroeghulp.zaken.models import Huisstijl
from vroeghulp.zaken.pdf import EigenBronnen, pdf_van_html

pytestmark = pytest.mark.django_db


def _png(breedte=4, hoogte=4, **opslaan) -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", (breedte, hoogte), (200, 0, 0)).save(uit, "PNG", **opslaan)
    return uit.getvalue()


def _data_url(soort: str, inhoud: bytes) -> str:
    return f"data:{soort};base64,{base64.b64encode(inhoud).decode()}"


def _beelden(pdf: bytes) -> int:
    """Images embedded in the PDF (each is an XObject of subtype Image)."""
    return pdf.count(b"/Subtype /Image")


@pytest.fixture
def luisteraar():
    """A real HTTP server on 127.0.0.1 (random port) that records every request and answers a PNG."""
    ontvangen = []
    png = _png()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            ontvangen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", ontvangen
    server.shutdown()
    server.server_close()


@pytest.fixture
def geheim_bestand(tmp_path):
    """A PNG on the server's disk that must never end up in a PDF."""
    pad = tmp_path / "geheim.png"
    pad.write_bytes(_png(7, 7))
    return pad


def _svg(url: str, bestand) -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="40" height="20"><image xlink:href="{url}/uit-svg" width="20" height="20"/>'
            f'<image href="{bestand.as_uri()}" x="20" width="20" height="20"/></svg>').encode()


def test_html_with_http_and_file_urls_fetches_nothing(luisteraar, geheim_bestand):
    url, ontvangen = luisteraar
    html = (f'<html><head><link rel="stylesheet" href="{url}/stijl.css"></head><body>'
            f'<img src="{url}/logo.png"><img src="{geheim_bestand.as_uri()}">'
            f'<img src="file:///etc/passwd"><img src="ftp://127.0.0.1/x.png"></body></html>')
    controle = HTML(string=html).write_pdf()  # WeasyPrint's default fetcher
    assert sorted(ontvangen) == ["/logo.png", "/stijl.css"] and _beelden(controle) == 2
    ontvangen.clear()

    bronnen = EigenBronnen()
    pdf = pdf_van_html(html, bronnen)
    assert pdf.startswith(b"%PDF")
    assert ontvangen == []
    assert _beelden(pdf) == 0
    assert len(bronnen.geweigerd) == 5  # stylesheet, two http/file images, /etc/passwd, ftp


def test_a_stored_svg_logo_reaches_nothing_and_is_not_put_on_letters(luisteraar, geheim_bestand, consulent,
                                                                       zaak_overvecht):
    url, ontvangen = luisteraar
    svg_logo = _data_url("image/svg+xml", _svg(url, geheim_bestand))
    controle = HTML(string=f'<img src="{svg_logo}">').write_pdf()
    assert ontvangen == ["/uit-svg"] and _beelden(controle) == 2
    ontvangen.clear()

    Huisstijl.objects.update_or_create(pk=brieven.huisstijl().pk, defaults={"logo": svg_logo})
    sjabloon = brieven.sjablonen().first()
    for pdf in (brieven.voorbeeld_pdf(sjabloon), brieven.maak_pdf([zaak_overvecht], sjabloon, door=consulent)):
        assert pdf.startswith(b"%PDF") and _beelden(pdf) == 0
    # Even if an SVG data URL reached WeasyPrint, the fetcher refuses it and all it points at.
    bronnen = EigenBronnen()
    assert _beelden(pdf_van_html(f'<img src="{svg_logo}">', bronnen)) == 0
    assert ontvangen == [] and bronnen.geweigerd == [svg_logo]


def test_a_png_logo_is_on_the_letter(consulent, zaak_overvecht):
    """The positive case, so the image count above can fail: a PNG logo is embedded once per page."""
    Huisstijl.objects.update_or_create(pk=brieven.huisstijl().pk, defaults={"logo": _data_url("image/png", _png())})
    assert _beelden(brieven.voorbeeld_pdf(brieven.sjablonen().first())) == 1


def test_a_data_url_that_lies_about_its_content_is_refused():
    bronnen = EigenBronnen()
    pdf = pdf_van_html(f'<img src="{_data_url("image/png", b"GIF89a" + bytes(20))}">', bronnen)
    assert _beelden(pdf) == 0 and len(bronnen.geweigerd) == 1


def test_own_static_files_are_served_but_nothing_outside():
    bronnen = EigenBronnen()
    css = bronnen.fetch("https://vroeghulp.invalid/static/zaken/zaken.css")
    assert css.content_type == "text/css" and css.read()
    for url in ("https://vroeghulp.invalid/static/../settings.py", "https://vroeghulp.invalid/static//etc/passwd",
                "https://vroeghulp.invalid/static/zaken/bestaat-niet.css", "https://vroeghulp.invalid/media/x.png",
                "http://vroeghulp.invalid/static/zaken/zaken.css"):
        with pytest.raises(ValueError):
            bronnen.fetch(url)


# --- upload ------------------------------------------------------------------------------------

FORMULIER = {"gemeentenaam": "Gemeente Testdorp", "afdeling": "Team Geld", "adres": "Postbus 1",
             "telefoon": "14 000", "email": "geld@example.nl", "website": "", "ondertekening": "Team Geld"}


def _upload(client, beheerder, naam, inhoud, soort):
    client.force_login(beheerder)
    return client.post("/zaken/brieven/huisstijl/",
                       {**FORMULIER, "logo_bestand": SimpleUploadedFile(naam, inhoud, content_type=soort)})


def test_a_png_logo_is_stored_re_encoded_without_metadata(client, beheerder):
    from PIL import PngImagePlugin

    tekst = PngImagePlugin.PngInfo()
    tekst.add_text("Author", "geheime-naam")
    response = _upload(client, beheerder, "logo.png", _png(pnginfo=tekst), "image/png")
    assert response.status_code == 302
    logo = brieven.huisstijl().logo
    assert logo.startswith("data:image/png;base64,")
    opgeslagen = base64.b64decode(logo.split(",", 1)[1])
    assert b"geheime-naam" not in opgeslagen
    assert Image.open(io.BytesIO(opgeslagen)).size == (4, 4)


def test_a_jpeg_logo_is_accepted(client, beheerder):
    uit = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 200)).save(uit, "JPEG")
    assert _upload(client, beheerder, "logo.jpg", uit.getvalue(), "image/jpeg").status_code == 302
    assert brieven.huisstijl().logo.startswith("data:image/jpeg;base64,")


@pytest.mark.parametrize(("naam", "inhoud", "soort", "melding"), [
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://127.0.0.1/x"/></svg>',
     "image/svg+xml", "Een SVG-bestand kan niet als logo"),
    ("logo.png", b'<?xml version="1.0"?><svg/>', "image/png", "Een SVG-bestand kan niet als logo"),
    ("logo.png", b"\x89PNX\r\n\x1a\n" + bytes(64), "image/png", "geen PNG- of JPEG-bestand"),
    ("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png", "geen PNG- of JPEG-bestand"),
    ("logo.png", b"GIF89a" + bytes(64), "image/png", "geen PNG- of JPEG-bestand"),
    ("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300 * 1024), "image/png", "hooguit 300 kB"),
])
def test_refused_uploads_name_the_field_and_store_nothing(client, beheerder, naam, inhoud, soort, melding):
    response = _upload(client, beheerder, naam, inhoud, soort)
    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert list(fouten) == ["logo_bestand"] and melding in fouten["logo_bestand"][0]
    assert "Nieuw logo" in response.content.decode()  # the error summary names the field
    assert brieven.huisstijl().logo == "" and brieven.huisstijl().gemeentenaam != "Gemeente Testdorp"


def test_a_huge_image_in_a_small_file_is_refused(client, beheerder):
    groot = _png(5000, 5000, optimize=True)  # one colour: compresses to far below 300 kB
    assert len(groot) < 300 * 1024
    response = _upload(client, beheerder, "logo.png", groot, "image/png")
    assert response.status_code == 200
    assert "hooguit 2000 bij 2000 pixels" in response.context["form"].errors["logo_bestand"][0]
    assert brieven.huisstijl().logo == ""


def test_an_old_svg_logo_is_explained_on_the_screen(client, beheerder):
    Huisstijl.objects.update_or_create(pk=brieven.huisstijl().pk, defaults={"logo": _data_url("image/svg+xml", b"<svg/>")})
    client.force_login(beheerder)
    tekst = client.get("/zaken/brieven/huisstijl/").content.decode()
    assert "Het huidige logo is een SVG-bestand" in tekst and "data:image/svg" not in tekst
