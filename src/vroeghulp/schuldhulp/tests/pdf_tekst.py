"""The text of a PDF written by WeasyPrint, for tests (neither pypdf nor pdftotext is in the lock).

WeasyPrint (pydyf) writes compressed object streams, CID fonts and a ToUnicode CMap per font;
this reads exactly that: it inflates every stream, unpacks the object streams, maps each font
name to its CMap and decodes the hex strings of ``Tj``/``TJ`` with the font in force. Lines end
at each ``ET``. Enough to assert that a letter holds a name and an amount; not a general reader.
"""

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _inflate(raw: bytes) -> bytes:
    m = _STREAM.search(raw)
    if not m:
        return b""
    try:
        return zlib.decompress(m.group(1))
    except zlib.error:
        return m.group(1)


def _objecten(pdf: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Object number -> (dictionary text, inflated stream)."""
    objecten = {}
    for m in _OBJ.finditer(pdf):
        body = m.group(2)
        objecten[int(m.group(1))] = (body.split(b"stream", 1)[0], _inflate(body))
    for nummer, (kop, data) in list(objecten.items()):
        if b"/ObjStm" in kop:
            n = int(re.search(rb"/N (\d+)", kop).group(1))
            first = int(re.search(rb"/First (\d+)", kop).group(1))
            getallen = [int(x) for x in data[:first].split()]
            paren = list(zip(getallen[0::2], getallen[1::2]))[:n]
            for i, (onum, offset) in enumerate(paren):
                einde = paren[i + 1][1] if i + 1 < len(paren) else len(data) - first
                objecten[onum] = (data[first + offset:first + einde], b"")
    return objecten


def _cmap(data: bytes) -> dict[bytes, str]:
    kaart = {}
    for blok in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blok):
            kaart[code.lower()] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for blok in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, uni in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blok):
            breedte, start = len(lo), int(uni, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                kaart[f"{code:0{len(lo)}x}".encode()[:breedte]] = chr(start + i)
    return kaart


def tekst(pdf: bytes) -> str:
    objecten = _objecten(pdf)
    cmap_van_font = {}
    for nummer, (kop, _data) in objecten.items():
        m = re.search(rb"/ToUnicode (\d+) 0 R", kop)
        if m and int(m.group(1)) in objecten:
            cmap_van_font[nummer] = _cmap(objecten[int(m.group(1))][1])
    font_namen = {}
    for kop, _data in objecten.values():
        blokken = re.findall(rb"/Font\s*<<(.*?)>>", kop, re.S)
        blokken += [objecten.get(int(n), (b"", b""))[0] for n in re.findall(rb"/Font (\d+) 0 R", kop)]
        for blok in blokken:
            for naam, nummer in re.findall(rb"/(\S+?) (\d+) 0 R", blok):
                if int(nummer) in cmap_van_font:
                    font_namen[naam] = cmap_van_font[int(nummer)]
    regels, huidig, kaart = [], [], {}
    for _kop, data in objecten.values():
        if b"BT" not in data:
            continue
        for token in re.finditer(rb"/(\S+) [\d.]+ Tf|\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b", data, re.S):
            if token.group(1):
                kaart = font_namen.get(token.group(1), {})
            elif token.group(0) == b"ET":
                regels.append("".join(huidig))
                huidig = []
            else:
                for hexa in re.findall(rb"<([0-9a-fA-F]*)>", token.group(2) or b"<" + token.group(3) + b">"):
                    hexa = hexa.lower()
                    stap = 4 if len(hexa) % 4 == 0 else 2
                    huidig.extend(kaart.get(hexa[i:i + stap], "?") for i in range(0, len(hexa), stap))
    return "\n".join(r for r in regels if r)
