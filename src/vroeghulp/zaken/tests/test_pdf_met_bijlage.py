"""zaken.pdf.pdf_met_bijlage: an appendix laid out once and put after every letter."""

import io

import pytest
from pypdf import PdfReader

from vroeghulp.zaken.pdf import pdf_met_bijlage

BRIEVEN = """<html><head><style>section { break-before: page; }</style></head><body>
<section id="brief-0">Brief aan Alfa<div style="break-before: page">Alfa, vervolg</div></section><section id="brief-1">Brief aan Beta</section>
<section id="brief-2">Brief aan Gamma</section></body></html>"""
BIJLAGE = """<html><head><style>p { break-after: page; }</style></head><body>
<p>Bijlage deel een</p><p>Bijlage deel twee</p></body></html>"""


def _paginas(pdf: bytes) -> list[str]:
    return [p.extract_text().strip() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_appendix_follows_every_letter_in_order():
    # the first letter has two pages: its anchor is on both, the appendix comes after the second
    assert _paginas(pdf_met_bijlage(BRIEVEN, BIJLAGE, anker="brief-")) == [
        "Brief aan Alfa", "Alfa, vervolg", "Bijlage deel een", "Bijlage deel twee",
        "Brief aan Beta", "Bijlage deel een", "Bijlage deel twee",
        "Brief aan Gamma", "Bijlage deel een", "Bijlage deel twee",
    ]


def test_letters_without_their_anchor_are_refused():
    with pytest.raises(ValueError):
        pdf_met_bijlage("<p>geen anker</p>", BIJLAGE, anker="brief-")
