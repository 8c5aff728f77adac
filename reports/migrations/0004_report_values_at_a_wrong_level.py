"""Report (never delete) the values stored on a unit that is not at their indicator's entry level.

Before the admin wrote through ``values_record`` it could store, say, a district's figure for an indicator the
communes enter, which the district's roll-up then counted twice. The roll-up now ignores such values; this
migration lists the ones already stored so that an administrator can decide about each (the admin shows them:
filter the values by unit and indicator). It changes nothing and has nothing to reverse.
"""

from django.db import migrations

KIND_LEVEL = {
    "country": "national",
    "province": "province",
    "city": "province",
    "rural_district": "district",
    "urban_district": "district",
    "town": "district",
    "provincial_city": "district",
    "commune": "commune",
    "ward": "commune",
    "township": "commune",
    "special_zone": "commune",
}
SHOWN = 50


def report(apps, schema_editor):
    Value = apps.get_model("reports", "Value")
    wrong = []
    for level in set(KIND_LEVEL.values()):
        kinds = [kind for kind, kind_level in KIND_LEVEL.items() if kind_level == level]
        wrong += Value.objects.filter(indicator__entry_level=level).exclude(unit__kind__in=kinds).values_list(
            "unit__code", "unit__kind", "indicator__code", "indicator__entry_level", "period__code"
        )
    if not wrong:
        return
    print(f"\n  {len(wrong)} kết quả nằm ở đơn vị không đúng cấp nhập của chỉ tiêu (tổng hợp bỏ qua, không xóa):")
    for unit_code, kind, indicator_code, level, period_code in wrong[:SHOWN]:
        print(f"    đơn vị {unit_code} ({kind}), chỉ tiêu {indicator_code} (nhập ở cấp {level}), kỳ {period_code}")
    if len(wrong) > SHOWN:
        print(f"    … và {len(wrong) - SHOWN} kết quả khác.")


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_values_stored_exactly"), ("indicators", "0002_whole_numbers")]

    operations = [migrations.RunPython(report, migrations.RunPython.noop)]
