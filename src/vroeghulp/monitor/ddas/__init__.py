"""The two DDAS deliveries to CBS (docs/ddas.md; docs/interfaces.md).

- ``vroegsignalering``: vroegsignalen and vroegsignaalzaken of a period -> the Uitwisselmodel of
  DDAS vroegsignalering v1.2;
- ``schuldhulpverlening``: schuldhulptrajecten of a period -> the Uitwisselmodel of DDAS
  schuldhulpverlening v1.0 (each traject mapped by ``schuldhulp.ddas``);
- ``levering``: both written as a stream of JSON text (paged queries, flat memory), whole or one
  page of the API's paging;
- ``bestand``: the CLI's file, written to a temp file, fsync'ed and renamed;
- ``ondertekening``: the ``Digest`` header and the ``nlgov-adr-payload-sig`` JAdES signature;
- ``api``: ``POST /ddas/<soort>/v1/gegevens`` as the official YAMLs say (``standaard/``);
- ``oauth``: ``POST /ddas/oauth/token``, the OAuth2 client credentials of the CBS client
  (the rules: ``accounts.oauth``);
- ``voorbeeld`` and ``scherm``: the counts per object type of a delivery against the last
  complete one, and the beheerder's screen that shows them (``/ddas-levering/``).

Which objects belong to a period is said in one place: ``monitor.definities``.
"""
