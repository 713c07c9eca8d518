"""Data quality: refused signals per partner, month and the intake's reason (issue 13)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("monitor", "0002_ddas_leveringen")]

    operations = [
        migrations.AddField(
            model_name="kwaliteitscel",
            name="reden",
            field=models.CharField(blank=True, max_length=60, verbose_name="reden"),
        ),
    ]
