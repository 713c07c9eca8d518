"""The synthetic municipality Utrecht for demos and tests (``vroeghulp demo``, docs/interfaces.md section 6).

- ``management/commands/demo.py``: the command (migrate, fill, print logins, serve);
- ``services.vul_demo``: idempotent fill in one transaction, remembered in ``DemoDataset``;
- own steps: ``partners``, ``accounts``, ``huishoudens``; other apps add theirs in ``steps.STEPS``;
- ``bsn``, ``namen``, ``bulk``: synthetic BSNs, name lists, fast inserts.
Gebieden come from ``vroeghulp.gebieden.utrecht``; ``vroeghulp.personen.brp_fake`` answers BRP
questions from the generated persons. Never used in production: the command refuses there.
"""
