from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from vroeghulp.accounts.demo_accounts import DEMO_USERNAMES


class VroeghulpBackend(ModelBackend):
    """Model login that never lets a demo account in outside the demo and the tests."""

    def user_can_authenticate(self, user):
        if settings.PRODUCTIE and user.get_username() in DEMO_USERNAMES:
            return False
        return super().user_can_authenticate(user)
