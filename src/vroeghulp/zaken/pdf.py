"""PDFs from HTML without reaching the server's network or disk.

WeasyPrint's own fetcher follows every URL in the HTML, a stylesheet or an (SVG) image: http(s),
ftp and file. A letter must not be a way to call an internal address or to copy a server file
into a PDF, so ``EigenBronnen`` serves only

- our own static files, under ``BASIS`` + STATIC_URL (found by the staticfiles finders, else in
  STATIC_ROOT), and
- PNG and JPEG images as ``data:`` URLs (the logo is stored that way, checked with Pillow);

and refuses everything else. WeasyPrint then leaves that resource out and renders the rest.
"""

import base64
import binascii
import logging
import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Relative URLs resolve against this base; ".invalid" never resolves (RFC 2606), so even an URL
# that slipped past the fetcher would go nowhere.
BASIS = "https://vroeghulp.invalid/"
BEELDEN = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}


class BronGeweigerd(ValueError):
    """A resource the PDF may not load (WeasyPrint logs it and leaves the resource out)."""


def _data(url: str) -> URLFetcherResponse:
    kop, komma, inhoud = url[len("data:"):].partition(",")
    soort, *parameters = kop.split(";")
    soort = soort.strip().lower()
    if not komma or soort not in BEELDEN or parameters != ["base64"]:
        raise BronGeweigerd("alleen PNG of JPEG als data-URL")
    try:
        beeld = base64.b64decode(inhoud, validate=True)
    except (binascii.Error, ValueError) as fout:
        raise BronGeweigerd("data-URL is geen geldige base64") from fout
    if not beeld.startswith(BEELDEN[soort]):
        raise BronGeweigerd("inhoud past niet bij het soort beeld")
    return URLFetcherResponse(url="data:", body=beeld, headers={"Content-Type": soort})


def _static(pad: str) -> URLFetcherResponse:
    schoon = posixpath.normpath(pad)
    if schoon.startswith(("/", "..")) or "\\" in schoon or "\x00" in schoon:
        raise BronGeweigerd("pad buiten de statische bestanden")
    gevonden = finders.find(schoon)
    if not gevonden and settings.STATIC_ROOT:
        root = Path(settings.STATIC_ROOT).resolve()
        kandidaat = (root / schoon).resolve()
        gevonden = str(kandidaat) if kandidaat.is_relative_to(root) and kandidaat.is_file() else None
    if not gevonden:
        raise BronGeweigerd("statisch bestand bestaat niet")
    soort = mimetypes.guess_type(schoon)[0] or "application/octet-stream"
    return URLFetcherResponse(url=BASIS + settings.STATIC_URL.lstrip("/") + schoon,
                              body=Path(gevonden).read_bytes(), headers={"Content-Type": soort})


class EigenBronnen(URLFetcher):
    """Never opens a connection or a file outside the static files; see the module docstring."""

    def __init__(self):
        super().__init__(fail_on_errors=False)
        self.geweigerd: list[str] = []

    def fetch(self, url, headers=None):
        try:
            if url[:5].lower() == "data:":
                return _data(url)
            static = BASIS + settings.STATIC_URL.lstrip("/")
            if url.startswith(static) and "?" not in url and "#" not in url:
                return _static(url[len(static):])
            raise BronGeweigerd("niet toegestaan in een PDF")
        except BronGeweigerd as fout:
            # Never log the URL itself: it may carry whatever an upload put there.
            self.geweigerd.append(url)
            logger.warning("PDF: bron geweigerd (%s)", fout)
            raise

    def open(self, url, data=None, timeout=None):
        raise BronGeweigerd("niet toegestaan in een PDF")


def pdf_van_html(html: str, bronnen: EigenBronnen | None = None) -> bytes:
    """Render ``html`` to PDF; only ``EigenBronnen`` can load anything."""
    return HTML(string=html, base_url=BASIS, url_fetcher=bronnen or EigenBronnen()).write_pdf()


def pdf_met_bijlage(html: str, bijlage_html: str, anker: str, bronnen: EigenBronnen | None = None) -> bytes:
    """Letters with the same appendix after each one, with the appendix laid out only once.

    ``html`` holds the letters, each starting on a new page at an element with the id
    ``f"{anker}{n}"`` (n = 0, 1, …); ``bijlage_html`` is the appendix. Both are rendered once
    (through ``EigenBronnen``, as ``pdf_van_html``), then the appendix's pages are put after the
    pages of every letter. Laying out a 60-row table once instead of in each of 60 letters is what
    makes the letters of a large settlement take seconds instead of minutes."""
    bronnen = bronnen or EigenBronnen()
    brieven = HTML(string=html, base_url=BASIS, url_fetcher=bronnen).render()
    bijlage = HTML(string=bijlage_html, base_url=BASIS, url_fetcher=bronnen).render()
    # a letter's anchor is on every page its section reaches: a letter starts where its anchor is first seen
    gezien, starts = set(), []
    for i, pagina in enumerate(brieven.pages):
        nieuw = {a for a in pagina.anchors if a.startswith(anker)} - gezien
        if nieuw:
            starts.append(i)
            gezien |= nieuw
    if not starts or starts[0] != 0:
        raise ValueError("elke brief moet op een nieuwe pagina beginnen met een anker")
    paginas = []
    for begin, einde in zip(starts, [*starts[1:], len(brieven.pages)]):
        paginas += brieven.pages[begin:einde] + bijlage.pages
    return brieven.copy(paginas).write_pdf()
