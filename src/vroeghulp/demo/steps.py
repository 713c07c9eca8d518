"""Extension point: extra steps that `vroeghulp demo` runs after the synthetic municipality exists.

Every entry of ``STEPS`` is a dotted path to a function ``vul(context)`` (``context`` is a
``vroeghulp.demo.context.DemoContext``). The demo command first runs its own steps (gebieden,
partners, accounts, huishoudens), then each step here in list order, all in one transaction.

The context carries:
- ``opties``: the command options (``huishoudens``, ``alleen_data``, ``poort``);
- ``rng``: a seeded ``numpy.random.Generator``; ``random``: a seeded ``random.Random``
  (derive your own with ``context.rng_voor("mijn-stap")`` so adding a step never changes the
  data of another step);
- ``gemeente``: the ``gebieden.Gemeente`` Utrecht (0344) with its wijken and buurten;
- ``vandaag``: the fixed reference date of the dataset (``datetime.date``);
- ``stdout``: a writer with ``write(str)`` for short progress lines (Dutch).

A step must be deterministic given the context (so reruns give the same data) and fast: use
``bulk_create`` with large batches. Append your step, e.g.
``"vroeghulp.signalering.demo.vul"``; do not reorder others' steps.
"""

STEPS: list[str] = [
    "vroeghulp.signalering.demo.vul",
    "vroeghulp.zaken.demo.vul",
    "vroeghulp.zelfcheck.demo.vul",
]
