"""Production refuses insecure configurations: at import of the settings and before serving."""

from django.core.exceptions import ImproperlyConfigured

from vroeghulp.accounts.demo_accounts import DEMO_USERNAMES

__all__ = ["DEMO_USERNAMES", "check_no_demo_accounts", "check_production_settings"]

MIN_SECRET_KEY_LENGTH = 50


def check_production_settings(*, secret_key: str, debug: bool) -> None:
    if not secret_key:
        raise ImproperlyConfigured(
            "Productie start niet zonder VROEGHULP_SECRET_KEY. Stel een lange, willekeurige sleutel in."
        )
    if len(secret_key) < MIN_SECRET_KEY_LENGTH or secret_key.startswith("onveilig"):
        raise ImproperlyConfigured(
            f"VROEGHULP_SECRET_KEY is te kort of onveilig: gebruik minstens {MIN_SECRET_KEY_LENGTH} willekeurige tekens."
        )
    if debug:
        raise ImproperlyConfigured("Productie start niet met VROEGHULP_DEBUG aan.")


def check_no_demo_accounts() -> None:
    """Refuse to serve production while demo accounts exist (they have the public password 'demo')."""
    from django.contrib.auth import get_user_model
    from django.db.utils import DatabaseError

    try:
        found = list(
            get_user_model()
            .objects.filter(username__in=DEMO_USERNAMES, is_active=True)
            .values_list("username", flat=True)
        )
    except DatabaseError:
        return  # not migrated yet: nothing to check
    if found:
        raise ImproperlyConfigured(
            "Productie start niet met demo-accounts: " + ", ".join(sorted(found))
            + ". Verwijder of deactiveer ze eerst."
        )
