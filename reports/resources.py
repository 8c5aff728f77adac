"""Import and export of values in the back office (django-import-export), through the one validation path.

The admin's import does not save rows one by one: ``ValueResource.import_data`` reads the whole file into
``ValueRow``s exactly as the upload page does (``reports.services.importing``: header, numbers, "nothing to report")
and hands them to ``values_record``, the function the entry form, the upload page and the API call. Scope,
entry levels, measure checks, locks, the version check and the history are therefore the same; the path
recorded is ``admin``. Each ``RowError`` becomes an import-export row error with its Vietnamese reason, and
a file with any error writes nothing (the dry-run preview shows them; the confirmation re-checks them).
"""

from __future__ import annotations

from collections import OrderedDict

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from import_export import fields
from import_export.results import Result, RowResult

from core.numbers import input_text
from core.spreadsheet import FormulaSafeResource
from core.uploads import ImportFileError
from reports.models import EntryPath, Value
from reports.services.importing import header_positions, value_row
from reports.services.values import COLUMNS, OVERWRITE, ValueRow, values_record

EXPORT_COLUMNS = [*COLUMNS, "not_applicable"]


class ValueResource(FormulaSafeResource):
    """Columns as the upload page reads them, so an exported file can be edited and imported back."""

    unit_code = fields.Field(attribute="unit__code", column_name="unit_code")
    indicator_code = fields.Field(attribute="indicator__code", column_name="indicator_code")
    period = fields.Field(attribute="period__code", column_name="period")
    value = fields.Field(attribute="value", column_name="value")
    numerator = fields.Field(attribute="numerator", column_name="numerator")
    denominator = fields.Field(attribute="denominator", column_name="denominator")
    comment = fields.Field(attribute="comment", column_name="comment")
    not_applicable = fields.Field(column_name="not_applicable")

    class Meta:
        model = Value
        fields = EXPORT_COLUMNS
        export_order = EXPORT_COLUMNS

    def dehydrate_not_applicable(self, value: Value) -> str:
        return "1" if value.not_applicable else ""

    # Numbers as a person types them back (``core.numbers.input_text``): exact, the page's decimal separator,
    # so that the file reads back as it was written.
    def dehydrate_value(self, value: Value) -> str:
        return input_text(value.value)

    def dehydrate_numerator(self, value: Value) -> str:
        return input_text(value.numerator)

    def dehydrate_denominator(self, value: Value) -> str:
        return input_text(value.denominator)

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("unit", "indicator", "period")

    def import_data(
        self,
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=None,
        collect_failed_rows=False,
        rollback_on_validation_errors=False,
        **kwargs,
    ) -> Result:
        self.before_import(dataset, **kwargs)  # the apostrophes of an exported CSV off (FormulaSafeResource)
        result = self.get_result_class()()
        result.diff_headers = list(dataset.headers or [])
        result.total_rows = len(dataset)
        lines = [OrderedDict(zip(dataset.headers or [], cells, strict=False)) for cells in dataset]
        try:
            positions = header_positions(dataset.headers or [])
        except ImportFileError as error:
            result.append_invalid_row(1, {}, ValidationError({NON_FIELD_ERRORS: [error.message]}))
            result.totals[RowResult.IMPORT_TYPE_INVALID] += 1
            return result
        # Row numbers as a spreadsheet shows them (the header is row 1), as on the upload page.
        numbered = [
            (number, line, value_row(number, list(line.values()), positions)) for number, line in enumerate(lines, 2)
        ]
        rows: list[ValueRow] = [row for _n, _l, row in numbered if row is not None]
        for row in rows:
            row.version = OVERWRITE  # the administration's import replaces stored values on purpose (documented)
        keys = {self._key(row) for row in rows}
        existing = self._existing(keys)
        with transaction.atomic():
            record = values_record(rows=rows, user=kwargs.get("user"), path=EntryPath.ADMIN, dry_run=dry_run)
            written = self._existing(keys) if record.ok and not dry_run else {}
        by_row: dict[int, dict[str, list[str]]] = {}
        for error in record.errors:
            by_row.setdefault(error.row, {}).setdefault(error.column, []).append(error.message)
        for number, line, row in numbered:
            row_result = self.get_row_result_class()()
            row_result.row_values = dict(line)
            row_result.diff = list(line.values())
            if row is None or (record.errors and number not in by_row):
                # A blank line, or a good row of a file with errors: all or nothing, so nothing is written.
                row_result.import_type = RowResult.IMPORT_TYPE_SKIP
            elif number in by_row:
                row_result.import_type = RowResult.IMPORT_TYPE_INVALID
                row_result.validation_error = ValidationError(by_row[number])
                result.append_invalid_row(number, line, row_result.validation_error)
            else:
                key = self._key(row)
                row_result.import_type = RowResult.IMPORT_TYPE_UPDATE if key in existing else RowResult.IMPORT_TYPE_NEW
                instance = written.get(key)
                if instance is not None:
                    row_result.instance, row_result.object_id, row_result.object_repr = (
                        instance,
                        instance.pk,
                        str(instance),
                    )
            result.increment_row_result_total(row_result)
            if row_result.import_type != RowResult.IMPORT_TYPE_INVALID:
                result.append_row_result(row_result)
        return result

    @staticmethod
    def _key(row: ValueRow) -> tuple[str, str, str]:
        return str(row.unit_code).strip(), str(row.indicator_code).strip(), str(row.period).strip().upper()

    @staticmethod
    def _existing(keys: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], Value]:
        """The values already there for these codes (one query), to tell a new row from an update."""
        if not keys:
            return {}
        units, indicators, periods = (set(part) for part in zip(*keys, strict=True))
        found = (
            Value.objects.of_units()
            .filter(unit__code__in=units, indicator__code__in=indicators, period__code__in=periods)
            .select_related("unit", "indicator", "period")
        )
        return {(v.unit.code, v.indicator.code, v.period.code): v for v in found}
