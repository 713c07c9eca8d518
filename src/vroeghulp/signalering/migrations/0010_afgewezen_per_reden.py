"""The refused rows of a delivery per error code (issue 13: signals refused per reason), one JSON
object on the delivery. Deliveries stored before have only their count: an empty object."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("signalering", "0009_zelfmelding_kanaal_bedrag_leeg")]

    operations = [
        migrations.AddField(
            model_name="aanlevering",
            name="afgewezen_per_reden",
            field=models.JSONField(blank=True, default=dict, verbose_name="afgewezen per reden"),
        ),
    ]
