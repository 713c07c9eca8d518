"""The text of a WeasyPrint PDF, for tests (no pypdf or pdftotext in the lock or on the machine).

WeasyPrint writes each line as hex glyph codes (``[<0031>0<0048>] TJ``) after a font selection
(``/ABCDEF 10.5 Tf``); every font has a ToUnicode CMap that maps a glyph code to its characters.
The font dictionaries sit in compressed object streams (``/Type /ObjStm``), so those are unpacked
too. Only what our letters use is read: hex strings, TJ and Tj, one line per text matrix.
"""

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj\s*")


def _objecten(pdf: bytes) -> dict[int, bytes]:
    """Object number -> its dictionary (and, for a stream, b"stream" and the inflated content).
    A stream is cut by its /Length, never by searching: font data may contain any bytes."""
    objecten, plek = {}, 0
    while (m := _OBJ.search(pdf, plek)) is not None:
        nummer, begin = int(m.group(1)), m.end()
        stroom, einde = pdf.find(b"stream", begin), pdf.find(b"endobj", begin)
        if stroom == -1 or einde < stroom:  # no stream: the dictionary up to endobj
            objecten[nummer], plek = pdf[begin:einde], einde + len(b"endobj")
            continue
        kop = pdf[begin:stroom]
        lengte = int(re.search(rb"/Length (\d+)", kop).group(1))
        data_begin = stroom + len(b"stream") + (2 if pdf[stroom + 6:stroom + 8] == b"\r\n" else 1)
        inhoud = pdf[data_begin:data_begin + lengte]
        plek = pdf.find(b"endobj", data_begin + lengte) + len(b"endobj")
        if b"/FlateDecode" in kop:
            inhoud = zlib.decompress(inhoud)
        if b"/ObjStm" in kop:
            n = int(re.search(rb"/N (\d+)", kop).group(1))
            eerste = int(re.search(rb"/First (\d+)", kop).group(1))
            getallen = [int(x) for x in inhoud[:eerste].split()]
            paren = list(zip(getallen[0::2], getallen[1::2]))[:n]
            for i, (onder, begin_onder) in enumerate(paren):
                einde_onder = paren[i + 1][1] if i + 1 < len(paren) else len(inhoud) - eerste
                objecten[onder] = inhoud[eerste + begin_onder:eerste + einde_onder]
        objecten[nummer] = kop + b"stream\n" + inhoud
    return objecten


def _cmap(tekst: bytes) -> dict[str, str]:
    kaart = {}
    for blok in re.findall(rb"beginbfchar(.*?)endbfchar", tekst, re.S):
        for code, uni in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blok):
            kaart[code.decode().lower()] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for blok in re.findall(rb"beginbfrange(.*?)endbfrange", tekst, re.S):
        for laag, hoog, uni in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blok):
            start = int(uni, 16)
            breedte = len(laag)
            for i, code in enumerate(range(int(laag, 16), int(hoog, 16) + 1)):
                kaart[f"{code:0{breedte}x}"] = chr(start + i)
    return kaart


def pdf_tekst(pdf: bytes) -> str:
    objecten = _objecten(pdf)
    kaarten = {}  # font object number -> cmap
    for nummer, lijf in objecten.items():
        if b"/Type /Font" in lijf or b"/Type/Font" in lijf:
            ref = re.search(rb"/ToUnicode (\d+) 0 R", lijf)
            if ref and int(ref.group(1)) in objecten:
                kaarten[nummer] = _cmap(objecten[int(ref.group(1))])
    namen = {}  # resource name -> cmap
    for lijf in objecten.values():  # the page's font resources: /ABCDEF 12 0 R, inline or in their own object
        for naam, ref in re.findall(rb"/([\w.+-]+) (\d+) 0 R", lijf):
            if int(ref) in kaarten:
                namen[naam.decode()] = kaarten[int(ref)]
    regels = []
    for lijf in objecten.values():
        if b" Tf" not in lijf or b"TJ" not in lijf and b"Tj" not in lijf:
            continue
        kaart, regel = {}, []
        for token in re.finditer(rb"/([\w.+-]+) [\d.]+ Tf|\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|(Tm|ET)", lijf, re.S):
            if token.group(1):
                kaart = namen.get(token.group(1).decode(), {})
            elif token.group(4):
                if regel:
                    regels.append("".join(regel))
                regel = []
            else:
                hex_ = b"".join(re.findall(rb"<([0-9a-fA-F]*)>", token.group(2))) if token.group(2) is not None \
                    else token.group(3)
                tekst = hex_.decode().lower()
                regel.extend(kaart.get(tekst[i:i + 4], "") for i in range(0, len(tekst), 4))
        if regel:
            regels.append("".join(regel))
    return "\n".join(regels)
