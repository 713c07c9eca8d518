"""A channel of its own for the zelfcheck's self-referral, and an amount that may be empty (only
there: the resident need not name one). The self-referrals stored before, as a warm handover
from the partner "zelfcheck", move to the new channel. On SQLite the NULL makes Django rebuild
the signal table (a copy of every row, once); on PostgreSQL it is DROP NOT NULL."""

from django.db import migrations, models


def zelfmeldingen_naar_eigen_kanaal(apps, schema_editor):
    Aanlevering = apps.get_model("signalering", "Aanlevering")
    Aanlevering.objects.filter(partner__code="zelfcheck").update(kanaal="zelfmelding")


def terug(apps, schema_editor):
    Aanlevering = apps.get_model("signalering", "Aanlevering")
    Aanlevering.objects.filter(kanaal="zelfmelding").update(kanaal="warme_overdracht")


class Migration(migrations.Migration):

    dependencies = [
        ('signalering', '0008_status_index_dekkend'),
    ]

    operations = [
        migrations.AlterField(
            model_name='aanlevering',
            name='kanaal',
            field=models.CharField(choices=[('api', 'API'), ('bestand', 'Bestand (scherm)'), ('opdrachtregel', 'Opdrachtregel'), ('warme_overdracht', 'Warme overdracht'), ('zelfmelding', 'Zelfmelding (zelfcheck)'), ('demo', 'Demo')], max_length=20, verbose_name='kanaal'),
        ),
        migrations.AlterField(
            model_name='vroegsignaal',
            name='bedrag',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='bedrag achterstand'),
        ),
        migrations.RunPython(zelfmeldingen_naar_eigen_kanaal, terug),
    ]
