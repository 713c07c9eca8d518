"""The shared fixtures of ``vroeghulp.conftest`` (wijken, teams, one user per role, inwoners)."""

from vroeghulp.conftest import *  # noqa: F401,F403  (shared fixtures)
from vroeghulp.conftest import _django_db_helper  # noqa: F401  (audit triggers and flush)
