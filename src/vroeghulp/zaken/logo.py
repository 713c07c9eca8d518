"""The municipality's logo for letters: PNG or JPEG only, checked and re-encoded with Pillow.

The file's content decides, not its name or the browser's content type. SVG is refused: it can
point at other files and addresses (see ``zaken.pdf``). Re-encoding drops metadata (EXIF, text
chunks, colour profiles with names) and anything after the image data.
"""

import base64
import io
import warnings

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 300 * 1024
MAX_PIXELS = 2000  # per side; a logo on a letter is at most 60 mm wide (about 700 px at 300 dpi)
FORMATEN = {"PNG": "image/png", "JPEG": "image/jpeg"}


class LogoGeweigerd(Exception):
    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


def als_data_url(bestand) -> str:
    """The uploaded file as a ``data:`` URL of a clean PNG or JPEG, or ``LogoGeweigerd``."""
    if bestand.size > MAX_BYTES:
        raise LogoGeweigerd(_("Het logo is te groot. Kies een bestand van hooguit 300 kB."))
    inhoud = bestand.read(MAX_BYTES + 1)
    if len(inhoud) > MAX_BYTES:
        raise LogoGeweigerd(_("Het logo is te groot. Kies een bestand van hooguit 300 kB."))
    if inhoud.lstrip()[:1] == b"<":
        raise LogoGeweigerd(_("Een SVG-bestand kan niet als logo. Kies een PNG- of JPEG-bestand."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            beeld = Image.open(io.BytesIO(inhoud), formats=list(FORMATEN))
            formaat = beeld.format
            breedte, hoogte = beeld.size
            if breedte > MAX_PIXELS or hoogte > MAX_PIXELS:
                raise LogoGeweigerd(_("Het logo is te groot: hooguit %(n)s bij %(n)s pixels.") % {"n": MAX_PIXELS})
            beeld.load()
    except LogoGeweigerd:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning,
            OSError, SyntaxError, ValueError) as fout:
        raise LogoGeweigerd(_("Het logo is geen PNG- of JPEG-bestand, of het bestand is beschadigd. "
                              "Kies een PNG- of JPEG-bestand.")) from fout
    return f"data:{FORMATEN[formaat]};base64,{base64.b64encode(_opnieuw(beeld, formaat)).decode()}"


def _opnieuw(beeld: Image.Image, formaat: str) -> bytes:
    """Write the pixels again, without the file's metadata."""
    uit = io.BytesIO()
    # Pillow writes some of ``info`` back (colour profile, comments): keep only transparency.
    beeld.info = {k: v for k, v in beeld.info.items() if k == "transparency"}
    if formaat == "JPEG":
        beeld = beeld.convert("L" if beeld.mode in ("1", "L") else "RGB")
        beeld.save(uit, "JPEG", quality=90)
    else:
        if beeld.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            beeld = beeld.convert("RGBA")
        beeld.save(uit, "PNG", optimize=True)
    return uit.getvalue()
