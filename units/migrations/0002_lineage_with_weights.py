"""The links from a 2025 unit to the legacy units it was formed from get a weight, a method and a source.

The plain many-to-many table of ``Unit.predecessors`` becomes the ``Lineage`` model (the field stays, through
it). Its rows are carried over: a predecessor linked to n successors gets 1/n to each (an equal split, marked
as an estimate, "whole" when n is 1); ``load_units --structure 2025`` then recomputes every weight and adds the
district and province links. Backwards, the links between leaf units (communes, and the island districts that
had no communes) go back to the plain table.
"""

from decimal import ROUND_DOWN, Decimal

import django.db.models.deletion
from django.db import migrations, models

MIGRATED_SOURCE = "liên kết có trước khi có tỷ trọng"
STEP = Decimal("0.000001")


def _equal_split(n: int) -> list[Decimal]:
    share = (Decimal(1) / n).quantize(STEP, rounding=ROUND_DOWN)
    rest = int((Decimal(1) - share * n) / STEP)
    return [share + STEP if i < rest else share for i in range(n)]


def links_to_lineage(apps, schema_editor):
    Unit = apps.get_model("units", "Unit")
    Lineage = apps.get_model("units", "Lineage")
    Link = Unit.predecessors.through
    successors: dict[int, list[int]] = {}
    for successor_id, predecessor_id in Link.objects.order_by("from_unit_id").values_list("from_unit_id", "to_unit_id"):
        successors.setdefault(predecessor_id, []).append(successor_id)
    rows = []
    for predecessor_id, targets in successors.items():
        for n, (successor_id, weight) in enumerate(zip(targets, _equal_split(len(targets)), strict=True)):
            rows.append(
                Lineage(
                    predecessor_id=predecessor_id,
                    successor_id=successor_id,
                    weight=weight,
                    method="whole" if len(targets) == 1 else "equal_split",
                    source=MIGRATED_SOURCE,
                    primary=n == 0,
                )
            )
    Lineage.objects.bulk_create(rows, batch_size=5000)


def lineage_to_links(apps, schema_editor):
    Unit = apps.get_model("units", "Unit")
    Lineage = apps.get_model("units", "Lineage")
    Link = Unit.predecessors.through
    leaves = Lineage.objects.filter(predecessor__numchild=0).exclude(successor__kind__in=["province", "city"])
    Link.objects.bulk_create(
        [Link(from_unit_id=s, to_unit_id=p) for s, p in leaves.values_list("successor_id", "predecessor_id")],
        batch_size=5000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("units", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Lineage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("weight", models.DecimalField(decimal_places=6, max_digits=7, verbose_name="tỷ trọng")),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("whole", "Nhập nguyên đơn vị"),
                            ("equal_split", "Chia đều giữa các đơn vị mới (ước tính)"),
                            ("commune_share", "Theo tỷ lệ số xã chuyển sang (ước tính)"),
                        ],
                        max_length=20,
                        verbose_name="cách xác định",
                    ),
                ),
                ("source", models.CharField(max_length=200, verbose_name="nguồn")),
                ("primary", models.BooleanField(default=False, verbose_name="đơn vị kế thừa chính")),
                (
                    "predecessor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="successor_links",
                        to="units.unit",
                        verbose_name="đơn vị cũ",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="predecessor_links",
                        to="units.unit",
                        verbose_name="đơn vị mới",
                    ),
                ),
            ],
            options={
                "verbose_name": "liên kết đơn vị cũ - mới",
                "verbose_name_plural": "liên kết đơn vị cũ - mới",
                "constraints": [
                    models.UniqueConstraint(fields=("predecessor", "successor"), name="lineage_unique_pair"),
                    models.CheckConstraint(
                        condition=models.Q(("weight__gt", 0), ("weight__lte", 1)), name="lineage_weight_share"
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("primary", True)), fields=("predecessor",), name="lineage_one_primary"
                    ),
                ],
            },
        ),
        migrations.RunPython(links_to_lineage, lineage_to_links),
        migrations.RemoveField(model_name="unit", name="predecessors"),
        migrations.AddField(
            model_name="unit",
            name="predecessors",
            field=models.ManyToManyField(
                blank=True,
                help_text="Các đơn vị cũ hợp thành đơn vị này khi sắp xếp đơn vị hành chính.",
                related_name="successors",
                through="units.Lineage",
                through_fields=("successor", "predecessor"),
                to="units.unit",
                verbose_name="đơn vị trước sắp xếp",
            ),
        ),
    ]
