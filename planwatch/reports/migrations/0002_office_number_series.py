from django.db import migrations

FORMATS = {
    "urging": "催字〔{year}〕第{number}号",
    "supervision": "督字〔{year}〕第{number}号",
    "summons": "约字〔{year}〕第{number}号",
    "criticism": "通字〔{year}〕第{number}号",
}


def add_series(apps, schema_editor):
    NoticeSeries = apps.get_model("reports", "NoticeSeries")
    for kind, number_format in FORMATS.items():
        if not NoticeSeries.objects.filter(kind=kind, plan__isnull=True).exists():
            NoticeSeries.objects.create(kind=kind, number_format=number_format)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_notices_series_and_ladder")]

    operations = [migrations.RunPython(add_series, migrations.RunPython.noop)]
