"""Every demo login must be one that production refuses (common/production.py)."""

from vroeghulp.common.production import DEMO_USERNAMES
from vroeghulp.demo.accounts import LOGINS


def test_every_demo_login_is_known_to_the_production_guard():
    assert {login[0] for login in LOGINS} <= set(DEMO_USERNAMES)
