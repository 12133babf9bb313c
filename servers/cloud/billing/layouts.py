"""Provider cost exports read into FOCUS columns, column by column (pyarrow).

Each reader takes the bytes of one export and returns a `MappedExport`: the
FOCUS 1.2 mandatory columns filled from the provider's own columns (named in
`sources`, so a refusal says which provider column was wrong), the tags as
one JSON object per row, and each row's line in the file. `focus.validate`
checks the result; nothing here decides whether a value is acceptable.

* AWS Cost and Usage Report: CUR 2.0 (Data Exports, `line_item_unblended_cost`,
  `product` and `resource_tags` as JSON maps) and the legacy CUR
  (`lineItem/UnblendedCost`, `resourceTags/user:*`), whose names are turned
  into the CUR 2.0 ones first.
* Azure cost details (actual cost), EA (PascalCase) and MCA (camelCase)
  column sets: names are matched without regard to case.
* GCP billing export to BigQuery (standard usage cost table), extracted as
  newline-delimited JSON with its nested records (`service.description`,
  `usage.amount_in_pricing_units`, `credits[]`, `labels[]`).
* FOCUS: rows already in FOCUS columns (CSV, `Tags` as a JSON object).
"""

from __future__ import annotations

import csv as pycsv
import io
import json
import re
import zlib
from collections.abc import Callable, Mapping

import numpy as np
import orjson
import pyarrow as pa  # type: ignore[import-untyped]  # no type information
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pyarrow.json as pajson  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from jipan.servers.cloud.billing.focus import MANDATORY_COLUMNS, MappedExport, blank_to_null, refusal
from jipan.servers.cloud.billing.types import CostExportLayout

_NULL = pa.scalar(None, pa.string())


def _not_in_layout(layout: str, problem: str) -> Exception:
    return refusal(f"not a {layout}: {problem[:300]}", column="", line=0)


MAX_UNPACKED_BYTES = 160 * 1024 * 1024
"""An export's size at most once gunzipped, or its Parquet columns' uncompressed size."""
MAX_HEADER_BYTES = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"


def unpacked(content: bytes) -> bytes:
    """The export itself: gunzipped when it is gzip (every member, as `gzip -d` does), at most
    MAX_UNPACKED_BYTES (a refusal past that: a small upload must not become gigabytes)."""
    if not content.startswith(GZIP_MAGIC):
        return content
    out: list[bytes] = []
    size = 0
    pending = content
    try:
        while pending.startswith(GZIP_MAGIC):
            inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            while pending:
                chunk = inflater.decompress(pending, MAX_UNPACKED_BYTES + 1 - size)
                size += len(chunk)
                out.append(chunk)
                if size > MAX_UNPACKED_BYTES:
                    raise refusal(
                        f"the export is larger than {MAX_UNPACKED_BYTES} bytes gunzipped", column="", line=0
                    )
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
            if not inflater.eof:
                raise refusal("not a gzip file: it ends before its last block", column="", line=0)
            pending = inflater.unused_data
    except zlib.error as exc:
        raise refusal(f"not a gzip file: {str(exc)[:200]}", column="", line=0) from None
    return b"".join(out)


def _parquet_text(values: pa.ChunkedArray) -> pa.Array:
    """A Parquet column as the text a CSV export holds: date/times ISO 8601 (UTC with a Z when
    the column has a zone), numbers as pyarrow writes them, maps (CUR 2.0's `resource_tags`,
    `product`) as JSON objects, null as ""."""
    array = values.combine_chunks()
    kind = array.type
    if pa.types.is_timestamp(kind):
        if kind.tz is None:
            text = pc.strftime(array, format="%Y-%m-%dT%H:%M:%S")
        else:
            text = pc.strftime(array.cast(pa.timestamp(kind.unit, tz="UTC")), format="%Y-%m-%dT%H:%M:%SZ")
    elif pa.types.is_date(kind):
        text = pc.strftime(array.cast(pa.date32()), format="%Y-%m-%d")
    elif pa.types.is_map(kind):
        keys = _json_string(pc.cast(array.keys, pa.string()))
        items = _json_string(pc.cast(array.items, pa.string()))
        pairs = pc.binary_join_element_wise(keys, items, ":")
        listed = pa.ListArray.from_arrays(array.offsets, pc.fill_null(pairs, ""), mask=array.is_null())
        text = pc.binary_join_element_wise("{", pc.binary_join(listed, ","), "}", "")
    elif pa.types.is_nested(kind):
        text = pa.array(
            [None if v is None else orjson.dumps(v).decode() for v in array.to_pylist()], pa.string()
        )
    elif pa.types.is_decimal(kind):
        # decimal(38, 10) writes 0.1240000000: the trailing zeros (and a bare point) go.
        text = pc.replace_substring_regex(pc.cast(array, pa.string()), r"^(-?[0-9]+)\.([0-9]*?)0*$", r"\1.\2")
        text = pc.utf8_rtrim(text, ".")
    else:
        text = pc.cast(array, pa.string())
    return pc.fill_null(text, "")


def _read_parquet(content: bytes, layout: str, wanted: Callable[[str], bool] | None) -> pa.Table:
    """A Parquet export (CUR 2.0 Data Exports, Azure, FOCUS) as the CSV reader's text table."""
    try:
        parquet = pq.ParquetFile(io.BytesIO(content))
        names = parquet.schema_arrow.names
        if not names or len(names) != len(set(names)):
            raise _not_in_layout(layout, "the Parquet schema names no columns or repeats one")
        chosen = [name for name in names if wanted is None or wanted(name)]
        metadata = parquet.metadata
        unpacked_size = sum(
            metadata.row_group(g).column(c).total_uncompressed_size
            for g in range(metadata.num_row_groups)
            for c in range(metadata.num_columns)
            if metadata.row_group(g).column(c).path_in_schema.split(".")[0] in chosen
        )
        if unpacked_size > MAX_UNPACKED_BYTES:
            raise refusal(
                f"the export's columns are larger than {MAX_UNPACKED_BYTES} bytes uncompressed",
                column="",
                line=0,
            )
        table = parquet.read(columns=chosen)
        return pa.table({name: _parquet_text(table.column(name)) for name in chosen})
    except (pa.ArrowException, OSError, ValueError, IndexError) as exc:
        raise _not_in_layout(
            layout, f"unreadable Parquet: {str(exc).splitlines()[0] if str(exc) else exc!r}"
        ) from None


def _read_csv(content: bytes, layout: str, wanted: Callable[[str], bool] | None = None) -> pa.Table:
    """The CSV (or Parquet) with every column as text; with `wanted`, only the columns it accepts
    are materialised (a CUR has a hundred and more, a dozen of which feed FOCUS)."""
    if content.startswith(PARQUET_MAGIC):
        return _read_parquet(content, layout, wanted)
    end = content.find(b"\n", 0, MAX_HEADER_BYTES)
    if end < 0 and len(content) > MAX_HEADER_BYTES:
        raise _not_in_layout(layout, f"no header line in its first {MAX_HEADER_BYTES} bytes")
    first = content[: end if end >= 0 else len(content)].decode("utf-8-sig", errors="replace")
    try:
        header = next(pycsv.reader([first]))
    except (StopIteration, pycsv.Error):
        raise _not_in_layout(layout, "no header line") from None
    if not header or len(header) != len(set(header)):
        raise _not_in_layout(layout, "the header names no columns or repeats one")
    bad_rows: list[tuple[int | None, str]] = []

    def invalid_row(row: pacsv.InvalidRow) -> str:
        bad_rows.append((row.number, row.text))
        return "error"

    try:
        return pacsv.read_csv(
            io.BytesIO(content),
            read_options=pacsv.ReadOptions(block_size=4 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=invalid_row),
            convert_options=pacsv.ConvertOptions(
                column_types={name.lstrip("\ufeff"): pa.string() for name in header},
                include_columns=None
                if wanted is None
                else [name.lstrip("\ufeff") for name in header if wanted(name.lstrip("\ufeff"))],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        line = 0
        if bad_rows:
            number, text = bad_rows[0]
            # pyarrow counts no rows when values may hold newlines: find the row's text.
            line = number if number is not None else _line_of(content, text)
        raise refusal(f"not a {layout}: {str(exc).splitlines()[0][:200]}", column="", line=line) from None


def _line_of(content: bytes, text: str) -> int:
    for number, raw in enumerate(content.decode("utf-8", errors="replace").splitlines(), start=1):
        if raw == text:
            return number
    return 0


def _lines(rows: int, header: bool) -> pa.Array:
    first = 2 if header else 1
    return pa.array(np.arange(first, rows + first, dtype=np.int64))


def _const(value: str, rows: int) -> pa.Array:
    return pa.array([value] * rows, pa.string()) if rows < 64 else pa.repeat(pa.scalar(value), rows)


def _lookup(values: pa.Array, table: Mapping[str, str], default: str | None) -> pa.Array:
    """Each value mapped through `table`; others get `default` (None: the value itself)."""
    keys = pa.array(list(table), pa.string())
    mapped = pc.take(pa.array(list(table.values()), pa.string()), pc.index_in(values, value_set=keys))
    fallback = values if default is None else pa.repeat(pa.scalar(default), len(values))
    return pc.coalesce(mapped, fallback.cast(pa.string()))


def _json_string(values: pa.Array) -> pa.Array:
    """JSON string literals of `values` (quotes, backslashes and control characters escaped)."""
    if not pc.any(pc.match_substring_regex(values, r'[\\"\x00-\x1f]')).as_py():
        return pc.binary_join_element_wise('"', values, '"', "")  # nothing to escape: one pass
    escaped = pc.replace_substring(values, "\\", "\\\\")
    escaped = pc.replace_substring(escaped, '"', '\\"')
    for raw, code in (("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        escaped = pc.replace_substring(escaped, raw, code)
    escaped = pc.replace_substring_regex(escaped, r"[\x00-\x1f]", " ")
    return pc.binary_join_element_wise('"', escaped, '"', "")


def _object(pairs: list[pa.Array]) -> pa.Array:
    """'{' + the non-null '"k":"v"' pairs joined by ',' + '}', null when no pair is set.

    (binary_join_element_wise's "skip" null handling drops rows whose every
    input is null in pyarrow 21, so nulls become "" and the pairs carry their
    own trailing comma, trimmed at the end.)
    """
    if len(pairs) == 0:
        return pa.nulls(0, pa.string())
    filled = [pc.fill_null(pc.binary_join_element_wise(pair, ",", ""), "") for pair in pairs]
    body = (
        pc.utf8_rtrim(pc.binary_join_element_wise(*filled, ""), ",")
        if len(filled) > 1
        else pc.utf8_rtrim(filled[0], ",")
    )
    wrapped = pc.binary_join_element_wise("{", body, "}", "")
    return pc.if_else(pc.equal(body, ""), _NULL, wrapped)


def _checked_tags(values: pa.Array, lines: pa.Array, source: str, wrap: bool = False) -> pa.Array:
    """Tag cells parsed as JSON objects of strings (one by one: only layouts whose tags arrive as text)."""
    out: list[str | None] = []
    for index, cell in enumerate(blank_to_null(values).to_pylist()):
        if cell is None or cell in ("{}",):
            out.append(None)
            continue
        text = cell if not wrap or cell.lstrip().startswith("{") else "{" + cell + "}"
        try:
            parsed = orjson.loads(text)
        except orjson.JSONDecodeError:
            parsed = None
        if not isinstance(parsed, dict) or len(parsed) > 200:
            raise refusal(
                "not a JSON object of tags", column="Tags", line=int(lines[index].as_py()), source=source
            )
        out.append(
            orjson.dumps(
                {str(k)[:256]: v if isinstance(v, str) else json.dumps(v) for k, v in parsed.items()}
            ).decode()
        )
    return pa.array(out, pa.string())


# --- AWS -------------------------------------------------------------------

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")

AWS_CHARGE_CATEGORY = {
    "Usage": "Usage",
    "DiscountedUsage": "Usage",
    "SavingsPlanCoveredUsage": "Usage",
    "SavingsPlanNegation": "Usage",
    "Tax": "Tax",
    "Credit": "Credit",
    "Refund": "Credit",
    "BundledDiscount": "Credit",
    "Discount": "Credit",
    "EdpDiscount": "Credit",
    "PrivateRateDiscount": "Credit",
    "DistributorDiscount": "Credit",
    "Fee": "Purchase",
    "RIFee": "Purchase",
    "SavingsPlanRecurringFee": "Purchase",
    "SavingsPlanUpfrontFee": "Purchase",
}
AWS_SERVICE_CATEGORY = {
    "AmazonEC2": "Compute",
    "AWSLambda": "Compute",
    "AmazonECS": "Compute",
    "AmazonEKS": "Compute",
    "AmazonS3": "Storage",
    "AmazonEFS": "Storage",
    "AmazonGlacier": "Storage",
    "AmazonRDS": "Databases",
    "AmazonDynamoDB": "Databases",
    "AmazonElastiCache": "Databases",
    "AWSDataTransfer": "Networking",
    "AmazonVPC": "Networking",
    "AmazonCloudFront": "Networking",
    "AmazonRoute53": "Networking",
    "AmazonCloudWatch": "Management and Governance",
    "AWSCloudTrail": "Management and Governance",
    "AWSConfig": "Management and Governance",
    "awskms": "Security",
    "AWSSecretsManager": "Security",
    "AmazonGuardDuty": "Security",
    "AmazonSageMaker": "AI and Machine Learning",
    "AmazonBedrock": "AI and Machine Learning",
    "AmazonAthena": "Analytics",
    "AmazonRedshift": "Analytics",
    "AWSGlue": "Analytics",
    "AWSSupportBusiness": "Management and Governance",
    "AWSSupportEnterprise": "Management and Governance",
}


# The legacy names of the columns read, for refusals about a column the file lacks.
_AWS_LEGACY_NAMES = {
    _key: _name
    for _name in (
        "bill/BillingEntity",
        "bill/BillingPeriodEndDate",
        "bill/BillingPeriodStartDate",
        "bill/InvoicingEntity",
        "bill/PayerAccountId",
        "bill/PayerAccountName",
        "lineItem/CurrencyCode",
        "lineItem/LegalEntity",
        "lineItem/LineItemDescription",
        "lineItem/LineItemType",
        "lineItem/NetUnblendedCost",
        "lineItem/ProductCode",
        "lineItem/UnblendedCost",
        "lineItem/UsageAmount",
        "lineItem/UsageEndDate",
        "lineItem/UsageStartDate",
        "pricing/publicOnDemandCost",
        "pricing/unit",
        "product/ProductName",
        "product/servicecode",
    )
    for _key in [
        f"{_CAMEL.sub('_', _name.split('/')[0]).lower()}_{_CAMEL.sub('_', _name.split('/')[1]).lower()}"
    ]
}


_AWS_READ = {
    *_AWS_LEGACY_NAMES,
    "product",
    "resource_tags",
    "reservation_effective_cost",
    "savings_plan_savings_plan_effective_cost",
}


def _aws_wanted(name: str) -> bool:
    if name.startswith("resourceTags/"):
        return True
    return (_cur2_name(name) if "/" in name else name) in _AWS_READ


def _cur2_name(legacy: str) -> str:
    """'lineItem/UnblendedCost' → 'line_item_unblended_cost' (the CUR 2.0 name)."""
    group, _, field = legacy.partition("/")
    return f"{_CAMEL.sub('_', group).lower()}_{_CAMEL.sub('_', field).lower()}"


def _tag_key(raw: str) -> str:
    """User-defined cost allocation tags lose their prefix; AWS-generated ones ('aws:') keep it."""
    for prefix in ("user:", "user_"):
        if raw.startswith(prefix):
            return raw[len(prefix) :]
    return raw


def read_aws_cur(content: bytes) -> MappedExport:
    table = _read_csv(content, "AWS Cost and Usage Report", _aws_wanted)
    rows = table.num_rows
    legacy = any("/" in name for name in table.column_names)
    columns: dict[str, pa.Array] = {}
    shown: dict[str, str] = {}
    tag_columns: list[tuple[str, str]] = []
    for name in table.column_names:
        if legacy and name.startswith("resourceTags/"):
            tag_columns.append((_tag_key(name.removeprefix("resourceTags/")), name))
            continue
        key = _cur2_name(name) if legacy else name
        shown[key] = name
    lines = _lines(rows, header=True)

    def col(key: str) -> pa.Array | None:
        # Only the columns read are converted (a CUR has a hundred and more).
        if key not in columns:
            if key not in shown:
                return None
            columns[key] = blank_to_null(table.column(shown[key]).combine_chunks())
        return columns[key]

    def source(key: str) -> str:
        return shown.get(key, _AWS_LEGACY_NAMES.get(key, key) if legacy else key)

    mapped: dict[str, pa.Array] = {}
    sources: dict[str, str] = {}

    def take(focus: str, key: str, value: pa.Array | None = None) -> None:
        sources[focus] = source(key)
        found = value if value is not None else col(key)
        if found is not None:
            mapped[focus] = found

    line_type = col("line_item_line_item_type")
    unblended = col("line_item_unblended_cost")
    take("BilledCost", "line_item_unblended_cost")
    take("BillingAccountId", "bill_payer_account_id")
    take(
        "BillingAccountName",
        "bill_payer_account_name",
        col("bill_payer_account_name") or pa.nulls(rows, pa.string()),
    )
    take("BillingCurrency", "line_item_currency_code")
    take("BillingPeriodStart", "bill_billing_period_start_date")
    take("BillingPeriodEnd", "bill_billing_period_end_date")
    take("ChargeDescription", "line_item_line_item_description")
    take("ChargePeriodStart", "line_item_usage_start_date")
    take("ChargePeriodEnd", "line_item_usage_end_date")
    take("InvoiceIssuerName", "bill_invoicing_entity")
    take("PricingQuantity", "line_item_usage_amount")
    take("PricingUnit", "pricing_unit", col("pricing_unit") or pa.nulls(rows, pa.string()))
    mapped["ProviderName"] = _const("AWS", rows)
    if line_type is not None:
        category = _lookup(line_type, AWS_CHARGE_CATEGORY, None)
        take("ChargeCategory", "line_item_line_item_type", category)
        take(
            "ChargeClass",
            "line_item_line_item_type",
            pc.if_else(pc.equal(line_type, "Refund"), pa.scalar("Correction"), _NULL),
        )
    else:
        sources["ChargeCategory"] = source("line_item_line_item_type")
    if unblended is not None:
        net = col("line_item_net_unblended_cost")
        take(
            "ContractedCost",
            "line_item_net_unblended_cost" if net is not None else "line_item_unblended_cost",
            pc.coalesce(net, unblended) if net is not None else unblended,
        )
        effective = unblended
        if line_type is not None:
            for kind, key in (
                ("SavingsPlanCoveredUsage", "savings_plan_savings_plan_effective_cost"),
                ("DiscountedUsage", "reservation_effective_cost"),
            ):
                amortised = col(key)
                if amortised is not None:
                    effective = pc.if_else(pc.equal(line_type, kind), amortised, effective)
            effective = pc.if_else(pc.equal(line_type, "SavingsPlanNegation"), pa.scalar("0"), effective)
        take("EffectiveCost", "line_item_unblended_cost", effective)
        listed = col("pricing_public_on_demand_cost")
        if line_type is not None:
            # Taxes, credits and discounts have no public on-demand price: their list cost is 0.
            priceless = pc.is_in(
                mapped["ChargeCategory"], value_set=pa.array(["Tax", "Credit", "Adjustment"])
            )
            zero = pc.if_else(priceless, pa.scalar("0"), _NULL)
            listed = zero if listed is None else pc.coalesce(listed, zero)
        take("ListCost", "pricing_public_on_demand_cost", listed)
    else:
        for focus in ("ContractedCost", "EffectiveCost", "ListCost"):
            sources[focus] = source("line_item_unblended_cost")
    entity, legal = col("bill_billing_entity"), col("line_item_legal_entity")
    publisher = _const("Amazon Web Services", rows)
    if entity is not None and legal is not None:
        publisher = pc.if_else(pc.equal(pc.fill_null(entity, ""), "AWS Marketplace"), legal, publisher)
    take("PublisherName", "line_item_legal_entity", publisher)
    code = col("product_servicecode")
    code = (
        pc.coalesce(code, col("line_item_product_code"))
        if code is not None and col("line_item_product_code") is not None
        else (code or col("line_item_product_code"))
    )
    if code is not None:
        take("ServiceCategory", "product_servicecode", _lookup(code, AWS_SERVICE_CATEGORY, "Other"))
    else:
        sources["ServiceCategory"] = "product_servicecode"
    product_name = col("product_product_name")
    if product_name is None and col("product") is not None:
        product_name = pc.extract_regex(col("product"), r'"product_name"\s*:\s*"(?P<name>(?:[^"\\]|\\.)*)"')
        product_name = blank_to_null(pc.struct_field(product_name, [0]))
    if product_name is not None and code is not None:
        product_name = pc.coalesce(product_name, code)
    take("ServiceName", "product_product_name" if legacy else "product", product_name)
    if legacy:
        pairs = [
            pc.binary_join_element_wise(json.dumps(key) + ":", _json_string(columns_value), "")
            for key, name in tag_columns
            for columns_value in [blank_to_null(table.column(name).combine_chunks())]
        ]
        tags = _object(pairs) if pairs else pa.nulls(rows, pa.string())
    else:
        raw = col("resource_tags")
        if raw is None:
            tags = pa.nulls(rows, pa.string())
        else:
            # CUR 2.0 writes user-defined tag keys as "user_<key>".
            renamed = pc.replace_substring_regex(raw, r'([{,]\s*)"user_', r'\1"')
            tags = pc.if_else(pc.match_substring_regex(renamed, r"^\{\s*\}$"), _NULL, renamed)
            tags = _checked_tags(tags, lines, "resource_tags") if _needs_check(tags) else tags
    return MappedExport(columns=mapped, sources=sources, tags=tags, lines=lines)


def _needs_check(tags: pa.Array) -> bool:
    """Tags that came as text are checked unless every cell is a flat object of string pairs."""
    flat = pc.match_substring_regex(
        tags, r'^\{"(?:[^"\\]|\\.)*":"(?:[^"\\]|\\.)*"(?:,"(?:[^"\\]|\\.)*":"(?:[^"\\]|\\.)*")*\}$'
    )
    return bool(pc.any(pc.fill_null(pc.invert(flat), False)).as_py())


# --- Azure -----------------------------------------------------------------

AZURE_CHARGE_CATEGORY = {
    "Usage": "Usage",
    "UnusedReservation": "Usage",
    "UnusedSavingsPlan": "Usage",
    "Purchase": "Purchase",
    "Refund": "Purchase",
    "Tax": "Tax",
    "Credit": "Credit",
    "RoundingAdjustment": "Adjustment",
}
AZURE_SERVICE_CATEGORY = {
    "Compute": "Compute",
    "Containers": "Compute",
    "Storage": "Storage",
    "Networking": "Networking",
    "Databases": "Databases",
    "AI + Machine Learning": "AI and Machine Learning",
    "Analytics": "Analytics",
    "Security": "Security",
    "Identity": "Identity",
    "Management and Governance": "Management and Governance",
    "Integration": "Integration",
    "Internet of Things": "Internet of Things",
    "Web": "Web",
    "Developer Tools": "Developer Tools",
    "Migration": "Migration",
    "Media": "Media",
    "Mobile": "Mobile",
}


def _next_day(days: pa.Array) -> pa.Array:
    from jipan.servers.cloud.billing.focus import parse_times

    parsed = parse_times(days)
    return pc.add(parsed.cast(pa.timestamp("s")), pa.scalar(86400, pa.duration("s"))).cast(
        pa.timestamp("s", tz="UTC")
    )


def read_azure_cost_export(content: bytes) -> MappedExport:
    table = _read_csv(content, "Azure cost details export")
    rows = table.num_rows
    by_lower = {name.lower(): name for name in table.column_names}
    lines = _lines(rows, header=True)
    mapped: dict[str, pa.Array] = {}
    sources: dict[str, str] = {}

    def col(*aliases: str) -> tuple[pa.Array | None, str]:
        for alias in aliases:
            name = by_lower.get(alias.lower())
            if name is not None:
                return blank_to_null(table.column(name).combine_chunks()), name
        return None, aliases[0]

    def take(focus: str, value: pa.Array | None, name: str) -> None:
        sources[focus] = name
        if value is not None:
            mapped[focus] = value

    cost, cost_name = col("costInBillingCurrency", "CostInBillingCurrency", "Cost")
    take("BilledCost", cost, cost_name)
    take("ContractedCost", cost, cost_name)
    take("EffectiveCost", cost, cost_name)
    payg, payg_name = col("paygCostInBillingCurrency")
    take(
        "ListCost",
        pc.coalesce(payg, cost) if payg is not None and cost is not None else cost,
        payg_name if payg is not None else cost_name,
    )
    for focus, aliases in (
        ("BillingAccountId", ("billingAccountId",)),
        ("BillingAccountName", ("billingAccountName",)),
        ("BillingCurrency", ("billingCurrency", "billingCurrencyCode")),
        ("BillingPeriodStart", ("billingPeriodStartDate",)),
        ("ChargeDescription", ("ProductName", "Product")),
        ("ChargePeriodStart", ("date", "UsageDateTime")),
        ("PricingQuantity", ("quantity",)),
        ("PricingUnit", ("unitOfMeasure",)),
    ):
        value, name = col(*aliases)
        take(focus, value, name)
    # Azure's billing period end and usage date are inclusive days; FOCUS ends are exclusive.
    end, end_name = col("billingPeriodEndDate")
    take("BillingPeriodEnd", None if end is None else _next_day(end), end_name)
    day, day_name = col("date", "UsageDateTime")
    take("ChargePeriodEnd", None if day is None else _next_day(day), day_name)
    charge, charge_name = col("chargeType")
    if charge is not None:
        take("ChargeCategory", _lookup(charge, AZURE_CHARGE_CATEGORY, None), charge_name)
        take(
            "ChargeClass", pc.if_else(pc.equal(charge, "Refund"), pa.scalar("Correction"), _NULL), charge_name
        )
    else:
        sources["ChargeCategory"] = charge_name
    reseller, _ = col("resellerName")
    issuer = _const("Microsoft", rows)
    take("InvoiceIssuerName", issuer if reseller is None else pc.coalesce(reseller, issuer), "resellerName")
    mapped["ProviderName"] = _const("Microsoft", rows)
    publisher, publisher_name = col("publisherName")
    take(
        "PublisherName",
        _const("Microsoft", rows) if publisher is None else pc.coalesce(publisher, pa.scalar("Microsoft")),
        publisher_name,
    )
    family, family_name = col("serviceFamily")
    take(
        "ServiceCategory",
        None if family is None else _lookup(family, AZURE_SERVICE_CATEGORY, "Other"),
        family_name,
    )
    meter, meter_name = col("meterCategory", "consumedService")
    take("ServiceName", meter, meter_name)
    tags, tags_name = col("tags")
    checked = (
        pa.nulls(rows, pa.string()) if tags is None else _checked_tags(tags, lines, tags_name, wrap=True)
    )
    return MappedExport(columns=mapped, sources=sources, tags=checked, lines=lines)


# --- GCP -------------------------------------------------------------------

GCP_CHARGE_CATEGORY = {
    "regular": "Usage",
    "tax": "Tax",
    "adjustment": "Adjustment",
    "rounding_error": "Adjustment",
}
GCP_SERVICE_CATEGORY = {
    "Compute Engine": "Compute",
    "Cloud Run": "Compute",
    "Cloud Run Functions": "Compute",
    "Cloud Functions": "Compute",
    "Kubernetes Engine": "Compute",
    "App Engine": "Compute",
    "Cloud Storage": "Storage",
    "Filestore": "Storage",
    "Cloud SQL": "Databases",
    "Cloud Spanner": "Databases",
    "Firestore": "Databases",
    "Cloud Bigtable": "Databases",
    "BigQuery": "Analytics",
    "Dataflow": "Analytics",
    "Networking": "Networking",
    "Cloud DNS": "Networking",
    "Cloud CDN": "Networking",
    "Vertex AI": "AI and Machine Learning",
    "Cloud Logging": "Management and Governance",
    "Cloud Monitoring": "Management and Governance",
    "Cloud Key Management Service (KMS)": "Security",
    "Secret Manager": "Security",
}


def _field(table: pa.Table, path: str) -> pa.Array | None:
    head, *rest = path.split(".")
    if head not in table.column_names:
        return None
    value: pa.Array = table.column(head).combine_chunks()
    for part in rest:
        if not pa.types.is_struct(value.type) or value.type.get_field_index(part) < 0:
            return None
        value = pc.struct_field(value, part)
    return value


def _as_text(values: pa.Array) -> pa.Array:
    if pa.types.is_floating(values.type) or pa.types.is_integer(values.type):
        # BigQuery keeps amounts as FLOAT64: written with twelve places, trailing zeros dropped.
        fixed = pc.cast(values, pa.decimal128(38, 12), safe=False).cast(pa.string())
        fixed = pc.replace_substring_regex(fixed, r"(\.[0-9]*?)0+$", r"\1")
        fixed = pc.replace_substring_regex(fixed, r"^-?0E-[0-9]+$", "0")
        return pc.replace_substring_regex(fixed, r"\.$", "")
    if pa.types.is_null(values.type):
        return pa.nulls(len(values), pa.string())
    return blank_to_null(values.cast(pa.string()))


def _label_pairs(labels: pa.Array | None, rows: int) -> pa.Array | None:
    if labels is None or not pa.types.is_list(labels.type) or not pa.types.is_struct(labels.type.value_type):
        return None
    struct = labels.type.value_type
    if struct.get_field_index("key") < 0 or struct.get_field_index("value") < 0:
        return None
    flat = pc.list_flatten(labels)
    pairs = pc.binary_join_element_wise(
        _json_string(_as_text(pc.struct_field(flat, "key"))),
        ":",
        _json_string(pc.fill_null(_as_text(pc.struct_field(flat, "value")), "")),
        "",
    )
    offsets = labels.offsets
    listed = pa.ListArray.from_arrays(offsets, pairs)
    joined = pc.binary_join(listed, ",")
    return pc.if_else(pc.equal(joined, ""), _NULL, joined)


def read_gcp_billing_export(content: bytes) -> MappedExport:
    try:
        table = pajson.read_json(io.BytesIO(content), read_options=pajson.ReadOptions(block_size=4 << 20))
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise _not_in_layout(
            "GCP billing export (newline-delimited JSON)", str(exc).splitlines()[0]
        ) from None
    rows = table.num_rows
    lines = _lines(rows, header=False)
    mapped: dict[str, pa.Array] = {}
    sources: dict[str, str] = {}

    def take(focus: str, path: str, convert: Callable[[pa.Array], pa.Array] = _as_text) -> pa.Array | None:
        sources[focus] = path
        value = _field(table, path)
        if value is not None:
            mapped[focus] = convert(value)
        return value

    cost = _field(table, "cost")
    if cost is not None and pa.types.is_integer(cost.type):
        cost = cost.cast(pa.float64())  # a file whose every cost is whole
    credits = _field(table, "credits")
    net = cost
    if (
        cost is not None
        and pa.types.is_floating(cost.type)
        and (
            credits is not None
            and pa.types.is_list(credits.type)
            and pa.types.is_struct(credits.type.value_type)
        )
        and credits.type.value_type.get_field_index("amount") >= 0
    ):
        amounts = pc.struct_field(pc.list_flatten(credits), "amount").cast(pa.float64())
        grouped = (
            pa.table({"row": pc.list_parent_indices(credits), "amount": amounts})
            .group_by("row")
            .aggregate([("amount", "sum")])
        )
        totals = np.zeros(rows)
        totals[grouped.column("row").to_numpy()] = grouped.column("amount_sum").to_numpy(zero_copy_only=False)
        net = pc.add(cost, totals)
    for focus in ("BilledCost", "EffectiveCost"):
        sources[focus] = "cost + credits.amount"
        if net is not None:
            mapped[focus] = _as_text(net)
    take("ContractedCost", "cost")
    listed = _field(table, "cost_at_list")
    sources["ListCost"] = "cost_at_list"
    if listed is not None or cost is not None:
        mapped["ListCost"] = _as_text(
            pc.coalesce(listed, cost)
            if listed is not None and cost is not None
            else (listed if listed is not None else cost)
        )
    take("BillingAccountId", "billing_account_id")
    mapped["BillingAccountName"] = pa.nulls(rows, pa.string())
    take("BillingCurrency", "currency")
    month = _field(table, "invoice.month")
    sources["BillingPeriodStart"] = sources["BillingPeriodEnd"] = "invoice.month"
    if month is not None:
        start = pc.strptime(_as_text(month), format="%Y%m", unit="s", error_is_null=True)
        year, number = pc.year(start), pc.month(start)
        next_year = pc.if_else(pc.equal(number, 12), pc.add(year, 1), year)
        next_month = pc.if_else(pc.equal(number, 12), 1, pc.add(number, 1))
        end_text = pc.binary_join_element_wise(
            next_year.cast(pa.string()), pc.utf8_lpad(next_month.cast(pa.string()), 2, "0"), "01", "-"
        )
        mapped["BillingPeriodStart"] = start.cast(pa.timestamp("s", tz="UTC"))
        mapped["BillingPeriodEnd"] = pc.strptime(
            end_text, format="%Y-%m-%d", unit="s", error_is_null=True
        ).cast(pa.timestamp("s", tz="UTC"))
        # A month that did not parse is refused by validation as a missing value.
        mapped["BillingPeriodStart"] = pc.if_else(
            pc.is_null(start), pa.scalar(None, pa.timestamp("s", tz="UTC")), mapped["BillingPeriodStart"]
        )
    take("ChargeCategory", "cost_type", lambda v: _lookup(_as_text(v), GCP_CHARGE_CATEGORY, None))
    mapped["ChargeClass"] = pa.nulls(rows, pa.string())
    take("ChargeDescription", "sku.description")
    take("ChargePeriodStart", "usage_start_time")
    take("ChargePeriodEnd", "usage_end_time")
    seller = _field(table, "seller_name")
    sources["InvoiceIssuerName"] = "seller_name"
    google = _const("Google", rows)
    mapped["InvoiceIssuerName"] = google if seller is None else pc.coalesce(_as_text(seller), google)
    take("PricingQuantity", "usage.amount_in_pricing_units")
    take("PricingUnit", "usage.pricing_unit")
    mapped["ProviderName"] = _const("Google Cloud", rows)
    transaction = _field(table, "transaction_type")
    sources["PublisherName"] = "seller_name"
    publisher = _const("Google Cloud", rows)
    if transaction is not None and seller is not None:
        third_party = pc.starts_with(pc.fill_null(_as_text(transaction), ""), "THIRD_PARTY")
        publisher = pc.if_else(third_party, pc.coalesce(_as_text(seller), publisher), publisher)
    mapped["PublisherName"] = publisher
    take(
        "ServiceCategory",
        "service.description",
        lambda v: _lookup(_as_text(v), GCP_SERVICE_CATEGORY, "Other"),
    )
    take("ServiceName", "service.description")
    project_labels = _label_pairs(_field(table, "project.labels"), rows)
    labels = _label_pairs(_field(table, "labels"), rows)
    parts = [p for p in (project_labels, labels) if p is not None]
    tags = _object(parts) if parts else pa.nulls(rows, pa.string())
    return MappedExport(columns=mapped, sources=sources, tags=tags, lines=lines)


# --- FOCUS -----------------------------------------------------------------


def read_focus(content: bytes) -> MappedExport:
    table = _read_csv(content, "FOCUS CSV")
    rows = table.num_rows
    lines = _lines(rows, header=True)
    columns = {
        name: table.column(name).combine_chunks() for name in MANDATORY_COLUMNS if name in table.column_names
    }
    tags = (
        _checked_tags(table.column("Tags").combine_chunks(), lines, "Tags")
        if "Tags" in table.column_names
        else pa.nulls(rows, pa.string())
    )
    return MappedExport(columns=columns, sources={}, tags=tags, lines=lines)


READERS: dict[CostExportLayout, Callable[[bytes], MappedExport]] = {
    CostExportLayout.AWS_CUR: read_aws_cur,
    CostExportLayout.AZURE_COST_EXPORT: read_azure_cost_export,
    CostExportLayout.GCP_BILLING_EXPORT: read_gcp_billing_export,
    CostExportLayout.FOCUS: read_focus,
}
