"""Demo emulation results from ``demo/data/emulation.yaml``, recorded through the service (idempotent)."""

from __future__ import annotations

from pathlib import Path

from accounts.models import User
from core.datafiles import data_file_read, records_read
from emulation.models import EmulationResult
from emulation.services import emulation_result_record
from units.models import Structure, Unit

DATA = Path(__file__).resolve().parent / "data" / "emulation.yaml"
KEYS = ("unit", "year", "recorder", "title", "basis", "decision_number", "decision_date", "issuing_body")


def emulation_demo_load(*, path: Path = DATA) -> int:
    """Record the file's results whose unit, year and recorder exist and that are not recorded yet."""
    created = 0
    for row in records_read(
        data_file_read(path), "results", where=path.name, required=KEYS, optional=("rank", "ranked_of")
    ):
        unit = Unit.objects.of_structure(Structure.LEGACY).filter(code=row["unit"]).first()
        user = User.objects.filter(username=row["recorder"]).first()
        if unit is None or user is None or EmulationResult.objects.filter(unit=unit, year=row["year"]).exists():
            continue
        emulation_result_record(
            user=user,
            unit=unit,
            year=row["year"],
            title=row["title"],
            basis=row["basis"],
            decision_number=row["decision_number"],
            decision_date=row["decision_date"],
            issuing_body=row["issuing_body"],
            rank=row.get("rank"),
            ranked_of=row.get("ranked_of"),
        )
        created += 1
    return created
