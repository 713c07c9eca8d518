# Anonymous counts kept after retention (signalering.tellingen.AnoniemeTelling; matching engineer).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('gebieden', '0001_initial'),
        ('signalering', '0002_partner_actief_kvk_en_indiener'),
    ]

    operations = [
        migrations.CreateModel(
            name='AnoniemeTelling',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('periode', models.DateField(help_text='Eerste dag van de maand.', verbose_name='maand')),
                ('soort', models.CharField(choices=[('signaal', 'Signaal'), ('zaak', 'Vroegsignaalzaak')], max_length=8, verbose_name='soort')),
                ('partnertype', models.CharField(blank=True, max_length=24, verbose_name='soort signaalpartner')),
                ('matchsoort', models.CharField(blank=True, max_length=14, verbose_name='soort zaak')),
                ('uitkomst', models.CharField(blank=True, help_text='Signaalstatus bij een signaal, eindresultaat bij een zaak.', max_length=80, verbose_name='uitkomst')),
                ('crisis', models.BooleanField(default=False, verbose_name='crisis')),
                ('aantal', models.PositiveIntegerField(default=0, verbose_name='aantal')),
                ('bijgewerkt', models.DateTimeField(auto_now=True, verbose_name='bijgewerkt')),
                ('wijk', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='gebieden.wijk', verbose_name='wijk')),
            ],
            options={
                'verbose_name': 'anonieme telling',
                'verbose_name_plural': 'anonieme tellingen',
                'indexes': [models.Index(fields=['periode', 'soort'], name='signalering_telling_idx')],
            },
        ),
    ]
