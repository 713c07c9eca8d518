"""Every role check goes through ``vroeghulp.accounts.permissions`` (docs/principles.md).

The check parses every Python module of the project and reports each read of an attribute
``rol`` (``x.rol``, ``getattr(x, "rol")``) outside the modules that legitimately handle roles:
the permissions module itself, models, migrations, tests, factories and the demo accounts
(which set roles). Templates are scanned for ``.rol`` as well. The deliberate cases at the end
prove the checker does report what it is meant to find.
"""

import ast
import re
from pathlib import Path

import pytest

import vroeghulp

ROOT = Path(vroeghulp.__file__).parent

ALLOWED_MODULES = {
    "accounts/permissions.py",
    "demo/accounts.py",  # creates the demo logins with their roles
}
ALLOWED_PARTS = {"migrations", "tests"}
ALLOWED_NAMES = {"models.py", "factories.py", "conftest.py"}

# Reads of ``rol`` that are a person's role in a household (personen.Rol), not a user's role.
# Listed by exact expression, so a user's role in the same module is still reported.
HOUSEHOLD_ROLE = {
    "zaken/regels.py": {"persoon.rol"},
    "schuldhulp/stabilisatie.py": {"persoon.rol"},
}
# Plain Python without Django (no users at all): ``rol`` is always a household role there.
HOUSEHOLD_PACKAGES = ("regels/",)


def role_reads(source: str, allowed_expressions: frozenset = frozenset()) -> list[tuple[int, str]]:
    """(line, expression) for every read of an attribute ``rol`` in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "rol" and isinstance(node.ctx, ast.Load):
            found.append((node.lineno, ast.unparse(node)))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in {"getattr", "attrgetter"}
              and any(isinstance(a, ast.Constant) and a.value == "rol" for a in node.args)):
            found.append((node.lineno, ast.unparse(node)))
    return [(line, expr) for line, expr in found if expr not in allowed_expressions]


def _checked(path: Path) -> bool:
    relative = path.relative_to(ROOT)
    return not (relative.as_posix() in ALLOWED_MODULES or ALLOWED_PARTS & set(relative.parts)
                or relative.name in ALLOWED_NAMES or relative.name.startswith("test_")
                or relative.as_posix().startswith(HOUSEHOLD_PACKAGES))


def test_no_module_reads_a_users_role_itself():
    modules = [p for p in sorted(ROOT.rglob("*.py")) if _checked(p)]
    assert len(modules) > 50  # the walk really found the project
    problems = []
    for path in modules:
        relative = path.relative_to(ROOT).as_posix()
        allowed = frozenset(HOUSEHOLD_ROLE.get(relative, ()))
        problems += [f"{relative}:{line}: {expr}"
                     for line, expr in role_reads(path.read_text(encoding="utf-8"), allowed)]
    assert problems == [], "Vraag accounts.permissions in plaats van user.rol te lezen:\n" + "\n".join(problems)


def test_no_template_reads_a_role():
    rol = re.compile(r"\.rol\b(?!_)")
    problems = [f"{p.relative_to(ROOT)}:{n}" for p in sorted(ROOT.rglob("*.html"))
                for n, regel in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if rol.search(regel)]
    assert problems == []


@pytest.mark.parametrize("source", [
    "def view(request):\n    if request.user.rol == 'beheerder':\n        pass\n",
    "def mag(user):\n    return user.rol in {'consulent'}\n",
    "def mag(gebruiker):\n    return getattr(gebruiker, 'rol', None) == 'analist'\n",
])
def test_the_checker_reports_a_role_check_in_a_view(source):
    assert len(role_reads(source)) == 1


def test_the_checker_ignores_setting_a_role_and_allowed_household_roles():
    assert role_reads("gebruiker.rol = 'consulent'\n") == []
    source = "rol = persoon.rol\nif user.rol == 'x':\n    pass\n"
    assert role_reads(source, frozenset({"persoon.rol"})) == [(2, "user.rol")]


def test_each_household_exception_is_still_needed():
    # The listed module really contains the household read the exception is for (no stale entry).
    for module, expressions in HOUSEHOLD_ROLE.items():
        assert {e for _, e in role_reads((ROOT / module).read_text(encoding="utf-8"))} == expressions
