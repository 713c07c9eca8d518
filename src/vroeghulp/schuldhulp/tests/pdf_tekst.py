"""The text of a PDF we made (letters), for tests: pypdf's text extraction, page after page."""

import io

from pypdf import PdfReader


def tekst(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-"), "geen PDF"
    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(pdf)).pages)


pdf_tekst = tekst
