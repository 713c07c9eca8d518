"""The CBS client's scope is ``ddas`` (the contract of the DDAS deliveries), no longer
``ddas:levering``: existing API clients get the new name, so the CBS client keeps its access."""

from django.db import migrations

OUD, NIEUW = "ddas:levering", "ddas"


def _hernoem(apps, van: str, naar: str) -> None:
    ApiClient = apps.get_model("accounts", "ApiClient")
    for client in ApiClient.objects.all():
        if van in client.scopes:
            client.scopes = [naar if s == van else s for s in client.scopes]
            client.save(update_fields=["scopes"])


def vooruit(apps, schema_editor):
    _hernoem(apps, OUD, NIEUW)


def terug(apps, schema_editor):
    _hernoem(apps, NIEUW, OUD)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [migrations.RunPython(vooruit, terug)]
