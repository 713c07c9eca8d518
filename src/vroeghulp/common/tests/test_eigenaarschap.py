"""One owner per table: no module outside the owning app writes its tables (docs/principles.md,
docs/adr/0002-matching-bij-zaken.md). Another app changes them only through the owner's
``services.py`` (or a hook the owner registers).

The check reads the source (AST) of every module of an app, not tests or migrations, and flags:
- ORM writes on another app's model: ``Model.objects...create/update/delete/bulk_*/...``, also
  through a chain (``Model.objects.filter(...).update(...)``), and ``Model(...)`` instances;
- raw SQL writes: a module that uses another app's ``Model._meta`` (table and column names) or
  names its table in a string, and that has an INSERT/UPDATE/DELETE/COPY/ANALYZE/TRUNCATE
  statement or calls ``pgarray.kopieer`` (COPY).
The demo app seeds every table of the synthetic municipality (demo and tests only) and is exempt.
"""

import ast
import importlib
import re
from pathlib import Path

from django.apps import apps
from django.db import models

PAKKET = Path(__file__).resolve().parents[2]
VRIJ = {"demo"}  # the demo app writes everything, in demo and test only
SCHRIJVEN = {"create", "bulk_create", "bulk_update", "update", "delete", "get_or_create",
             "update_or_create", "save", "select_for_update"}
SQL_SCHRIJVEN = re.compile(r"\b(INSERT\s+INTO|UPDATE\s|DELETE\s+FROM|COPY\s|ANALYZE\b|TRUNCATE\b)", re.I)


def _modules():
    for pad in sorted(PAKKET.rglob("*.py")):
        deel = pad.relative_to(PAKKET).parts
        if len(deel) < 2 or "tests" in deel or "migrations" in deel or deel[0] in VRIJ:
            continue
        yield deel[0], "vroeghulp." + ".".join(deel).removesuffix(".py").removesuffix(".__init__"), pad


def _eigenaar(model) -> str:
    return model._meta.app_config.name.rsplit(".", 1)[-1]


def _namen(boom) -> dict:
    """Local name -> imported object (models and modules) of a module's imports."""
    namen = {}
    for node in ast.walk(boom):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vroeghulp"):
            bron = importlib.import_module(node.module)
            for alias in node.names:
                obj = getattr(bron, alias.name, None)
                if obj is None:
                    obj = importlib.import_module(f"{node.module}.{alias.name}")
                namen[alias.asname or alias.name] = obj
    return namen


def _vreemd_model(node, namen, app):
    """The other app's model a name or ``module.Model`` refers to, or None."""
    obj = None
    if isinstance(node, ast.Name):
        obj = namen.get(node.id)
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        obj = getattr(namen.get(node.value.id), node.attr, None)
    if isinstance(obj, type) and issubclass(obj, models.Model) and not obj._meta.abstract and _eigenaar(obj) != app:
        return obj
    return None


def _schendingen(app: str, pad: Path) -> list[str]:
    boom = ast.parse(pad.read_text())
    namen = _namen(boom)
    gevonden = []
    meta_vreemd = set()
    for node in ast.walk(boom):
        if isinstance(node, ast.Call):
            model = _vreemd_model(node.func, namen, app)
            if model is not None:
                gevonden.append(f"regel {node.lineno}: {model.__name__}(...)")
                continue
            # walk the chain back (update <- filter <- objects <- Model) to a model of another app
            methodes, kern, model = [], node.func, None
            while model is None and isinstance(kern, (ast.Attribute, ast.Call, ast.Name)):
                model = _vreemd_model(kern, namen, app)
                if model is None and isinstance(kern, ast.Attribute):
                    methodes.append(kern.attr)
                    kern = kern.value
                elif isinstance(kern, ast.Call):
                    kern = kern.func
                else:
                    break
            if model is not None and SCHRIJVEN.intersection(methodes):
                gevonden.append(f"regel {node.lineno}: {model.__name__}.{'.'.join(reversed(methodes))}")
        elif isinstance(node, ast.Attribute) and node.attr == "_meta":
            model = _vreemd_model(node.value, namen, app)
            if model is not None:
                meta_vreemd.add(model.__name__)
    teksten = [n.value for n in ast.walk(boom) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    for model in apps.get_models():
        if _eigenaar(model) != app and any(model._meta.db_table in t for t in teksten):
            meta_vreemd.add(model.__name__)
    schrijft_sql = any(SQL_SCHRIJVEN.search(t) for t in teksten) or "kopieer" in pad.read_text()
    if meta_vreemd and schrijft_sql:
        gevonden.append(f"ruwe SQL die schrijft, naast de tabel van {', '.join(sorted(meta_vreemd))}")
    return gevonden


def test_geen_module_schrijft_in_de_tabellen_van_een_andere_app():
    fouten = [f"{module} ({app}): {s}" for app, module, pad in _modules() for s in _schendingen(app, pad)]
    assert fouten == [], "Schrijf via de services.py van de eigenaar:\n" + "\n".join(fouten)


def test_de_controle_vindt_wat_matching_vroeger_deed(tmp_path):
    """The check itself: the writes that matching and the intake made before ADR 0002."""
    voorbeeld = tmp_path / "x.py"
    voorbeeld.write_text(
        "from vroeghulp.zaken.models import Vroegsignaalzaak\n"
        "from vroeghulp.signalering import models as sm\n"
        "def a(ids):\n"
        "    Vroegsignaalzaak.objects.filter(pk__in=ids).delete()\n"
        "    sm.Vroegsignaal.objects.filter(pk__in=ids).update(status='x')\n"
        "def b(cursor):\n"
        "    cursor.execute(f'ANALYZE {Vroegsignaalzaak._meta.db_table}')\n"
    )
    gevonden = _schendingen("signalering", voorbeeld)
    assert gevonden == [
        "regel 4: Vroegsignaalzaak.objects.filter.delete",
        "ruwe SQL die schrijft, naast de tabel van Vroegsignaalzaak",
    ]
    assert _schendingen("zaken", voorbeeld) == ["regel 5: Vroegsignaal.objects.filter.update"]
