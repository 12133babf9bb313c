"""FinOps FOCUS 1.2: the mandatory columns and their vectorised validation.

The 21 mandatory columns, their nullability and value rules are those of the
FOCUS 1.2 specification (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, tag
v1.2, specification/columns/*.md: "Feature level: Mandatory"). Every check
runs over whole Arrow columns (pyarrow.compute); only a failing column is
scanned for the first bad row, so a refusal names the row (the line of the
source file) and the column.

Amounts stay decimal text checked against the FOCUS numeric format here and
parsed exactly by PostgreSQL's numeric; date/times become UTC timestamps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyarrow as pa  # type: ignore[import-untyped]  # no type information
import pyarrow.compute as pc  # type: ignore[import-untyped]

from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

DECIMAL = ("BilledCost", "ContractedCost", "EffectiveCost", "ListCost", "PricingQuantity")
DATETIME = ("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd")

# (column, allows nulls), in the specification's alphabetical order.
MANDATORY: tuple[tuple[str, bool], ...] = (
    ("BilledCost", False),
    ("BillingAccountId", False),
    ("BillingAccountName", True),
    ("BillingCurrency", False),
    ("BillingPeriodEnd", False),
    ("BillingPeriodStart", False),
    ("ChargeCategory", False),
    ("ChargeClass", True),
    ("ChargeDescription", True),
    ("ChargePeriodEnd", False),
    ("ChargePeriodStart", False),
    ("ContractedCost", False),
    ("EffectiveCost", False),
    ("InvoiceIssuerName", False),
    ("ListCost", False),
    ("PricingQuantity", True),
    ("PricingUnit", True),
    ("ProviderName", False),
    ("PublisherName", False),
    ("ServiceCategory", False),
    ("ServiceName", False),
)
MANDATORY_COLUMNS = tuple(name for name, _ in MANDATORY)

CHARGE_CATEGORIES = ("Usage", "Purchase", "Tax", "Credit", "Adjustment")
CHARGE_CLASSES = ("Correction",)
SERVICE_CATEGORIES = (
    "AI and Machine Learning",
    "Analytics",
    "Business Applications",
    "Compute",
    "Databases",
    "Developer Tools",
    "Multicloud",
    "Identity",
    "Integration",
    "Internet of Things",
    "Management and Governance",
    "Media",
    "Migration",
    "Mobile",
    "Networking",
    "Security",
    "Storage",
    "Web",
    "Other",
)
_ALLOWED = {
    "ChargeCategory": CHARGE_CATEGORIES,
    "ChargeClass": CHARGE_CLASSES,
    "ServiceCategory": SERVICE_CATEGORIES,
}
# FOCUS numeric format: an optional sign, digits with an optional point, an
# optional exponent; no thousands separators, no currency symbols.
_NUMERIC = r"^[+-]?([0-9]{1,30}(\.[0-9]{0,30})?|\.[0-9]{1,30})([eE][+-]?[0-9]{1,3})?$"
_CURRENCY = r"^[A-Z]{3}$"
# Date/time layouts the providers' exports use, tried in order; fractional
# seconds are dropped before (the charge periods are whole hours or days).
TIME_FORMATS = (
    "%Y-%m-%dT%H:%M:%S%z",  # ISO 8601 with Z or an offset (FOCUS, CUR)
    "%Y-%m-%dT%H:%M:%S",  # ISO 8601 without a zone: UTC
    "%Y-%m-%d %H:%M:%S UTC",  # BigQuery's JSON export
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%m/%d/%Y",  # Azure cost details
)
STRING_LIMIT = 2048
# One source line is one row; the store keeps the line for refusals later.
LINE = "line"

UTC_PLUS_8 = pa.scalar(8 * 3600, pa.duration("s"))


def refusal(problem: str, *, column: str, line: int, source: str = "") -> InvalidArgument:
    metadata = {"column": column, "line": str(line), "problem": problem}
    where = f"line {line}, column {column}" + (f" (from {source})" if source and source != column else "")
    if source:
        metadata["source_column"] = source[:200]
    return InvalidArgument("COST_EXPORT_INVALID", f"{where}: {problem}", domain=DOMAIN, metadata=metadata)


@dataclass(frozen=True)
class MappedExport:
    """A provider export mapped onto FOCUS columns, not yet validated.

    `columns` holds every mandatory column a layout could fill (string
    arrays; date/times may already be timestamps); `sources` names the
    provider column each came from, for refusals; `tags` is one JSON object
    per row (or null); `lines` the source line of each row.
    """

    columns: Mapping[str, pa.Array]
    sources: Mapping[str, str]
    tags: pa.Array
    lines: pa.Array


def _first(mask: pa.Array) -> int:
    index = pc.index(pc.fill_null(mask, False), True).as_py()
    return int(index)


def blank_to_null(values: pa.Array) -> pa.Array:
    """CSV has no null: an empty cell is one."""
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        values = pc.cast(values, pa.string())
    empty = pc.equal(values, "")
    if not pc.any(empty).as_py():
        return values
    return pc.if_else(empty, pa.scalar(None, pa.string()), values)


def parse_times(values: pa.Array) -> pa.Array:
    """Strings in any of TIME_FORMATS → timestamp[s, UTC]; unparsable → null.

    Exports repeat their date/times (one billing period per file, hourly charge periods):
    each distinct text is parsed once and the result taken back to every row."""
    if pa.types.is_timestamp(values.type):
        return values.cast(pa.timestamp("s", tz="UTC"))
    encoded = pc.dictionary_encode(values)
    if len(encoded.dictionary) * 4 > len(values):
        return _parse_times(values)
    return pc.take(_parse_times(encoded.dictionary), encoded.indices)


def _parse_times(values: pa.Array) -> pa.Array:
    text = values
    if pc.any(pc.match_substring(values, ".")).as_py():
        text = pc.replace_substring_regex(values, r"\.[0-9]+", "")
    parsed: pa.Array | None = None
    for layout in TIME_FORMATS:
        attempt = pc.strptime(text, format=layout, unit="s", error_is_null=True)
        attempt = attempt.cast(pa.timestamp("s", tz="UTC"))
        parsed = attempt if parsed is None else pc.coalesce(parsed, attempt)
        if parsed.null_count == values.null_count:
            break
    assert parsed is not None
    return parsed


def validate(mapped: MappedExport) -> pa.Table:
    """The rows as a table of FOCUS columns (+ Tags, line), or the first refusal."""
    lines = mapped.lines
    out: dict[str, pa.Array] = {}
    for column, nullable in MANDATORY:
        source = mapped.sources.get(column, column)
        given = mapped.columns.get(column)
        if given is None:
            raise refusal("the mandatory column is missing", column=column, line=1, source=source)
        values = given if pa.types.is_timestamp(given.type) else blank_to_null(given)
        if not nullable and values.null_count:
            bad = _first(pc.is_null(values))
            raise refusal("a value is required", column=column, line=lines[bad].as_py(), source=source)
        if column in DATETIME:
            parsed = parse_times(values)
            if parsed.null_count != values.null_count:
                bad = _first(pc.and_(pc.is_valid(values), pc.is_null(parsed)))
                raise refusal(
                    "not a date/time in a known layout (ISO 8601 expected)",
                    column=column,
                    line=lines[bad].as_py(),
                    source=source,
                )
            values = parsed
        elif column in DECIMAL:
            wrong = pc.invert(pc.match_substring_regex(values, _NUMERIC))
            if pc.any(pc.fill_null(wrong, False)).as_py():
                bad = _first(wrong)
                raise refusal("not a decimal number", column=column, line=lines[bad].as_py(), source=source)
        else:
            too_long = pc.greater(pc.utf8_length(values), STRING_LIMIT)
            if pc.any(pc.fill_null(too_long, False)).as_py():
                bad = _first(too_long)
                raise refusal(
                    f"longer than {STRING_LIMIT} characters",
                    column=column,
                    line=lines[bad].as_py(),
                    source=source,
                )
            allowed = _ALLOWED.get(column)
            if allowed is not None:
                known = pc.is_in(values, value_set=pa.array(allowed))
                unknown = pc.and_(pc.is_valid(values), pc.invert(known))
                if pc.any(unknown).as_py():
                    bad = _first(unknown)
                    raise refusal(
                        f"{values[bad].as_py()[:60]!r} is not an allowed value ({', '.join(allowed)})",
                        column=column,
                        line=lines[bad].as_py(),
                        source=source,
                    )
            if column == "BillingCurrency":
                odd = pc.invert(pc.match_substring_regex(values, _CURRENCY))
                if pc.any(odd).as_py():
                    bad = _first(odd)
                    raise refusal(
                        "not an ISO 4217 currency code", column=column, line=lines[bad].as_py(), source=source
                    )
        out[column] = values
    for start, end in (("BillingPeriodStart", "BillingPeriodEnd"), ("ChargePeriodStart", "ChargePeriodEnd")):
        backwards = pc.less(out[end], out[start])
        if pc.any(backwards).as_py():
            bad = _first(backwards)
            raise refusal(
                f"{end} is before {start}",
                column=end,
                line=lines[bad].as_py(),
                source=mapped.sources.get(end, end),
            )
    out["Tags"] = mapped.tags
    out[LINE] = lines
    return pa.table(out)


def charge_days(charge_period_start: pa.Array) -> pa.Array:
    """The calendar day in Asia/Taipei (UTC+8, no daylight saving) each charge starts on."""
    naive = charge_period_start.cast(pa.timestamp("s"))
    return pc.add(naive, UTC_PLUS_8).cast(pa.date32())
