from django.db import migrations


def add_series(apps, schema_editor):
    NoticeSeries = apps.get_model("reports", "NoticeSeries")
    if not NoticeSeries.objects.filter(kind="bulletin", plan__isnull=True).exists():
        NoticeSeries.objects.create(kind="bulletin", number_format="督查通报〔{year}〕第{number}期")


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_bulletins")]

    operations = [migrations.RunPython(add_series, migrations.RunPython.noop)]
