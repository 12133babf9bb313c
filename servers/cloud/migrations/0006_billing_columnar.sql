-- Billing keeps FOCUS rows columnar: each import's validated rows are stored
-- as Parquet (zstd) in the import's own transaction, and PostgreSQL keeps
-- only what QueryCosts, budgets and forecasts read: effective cost summed per
-- import, charge day (UTC+8), provider, service, tag set and currency.
-- COPY of every row (5 numerics, 4 timestamptz, jsonb, an index) was the
-- ingest's bottleneck; a few hundred rollup rows and one bytea per part are
-- not (bench/RESULTS.md, "cloud billing and forecast").

-- The rows of one import, in parts of at most billing.domain.PART_ROWS rows:
-- the 21 mandatory FOCUS columns (amounts as the export's decimal text,
-- date/times as UTC timestamps), Tags (JSON text) and line (of the source).
CREATE TABLE cost_import_parts (
    owner text NOT NULL,
    import_id uuid NOT NULL,
    part integer NOT NULL,
    row_count integer NOT NULL,
    first_day date,                            -- charge days (UTC+8) of its rows; null when empty
    last_day date,
    parquet bytea NOT NULL,
    PRIMARY KEY (owner, import_id, part),
    FOREIGN KEY (owner, import_id) REFERENCES cost_imports (owner, id) ON DELETE CASCADE
);
-- Parquet is compressed already: stored out of line without pglz's second try.
ALTER TABLE cost_import_parts ALTER COLUMN parquet SET STORAGE EXTERNAL;

-- sum(effective_cost) per group, in the rows' currency; TWD = effective_cost * twd_per_unit
-- (exact: a sum times the import's rate is the sum of each row times it).
CREATE TABLE cost_daily (
    owner text NOT NULL,
    import_id uuid NOT NULL,
    charge_day date NOT NULL,
    provider_name text NOT NULL,
    service_name text NOT NULL,
    tags jsonb,
    billing_currency text NOT NULL,
    twd_per_unit numeric NOT NULL,
    effective_cost numeric NOT NULL,
    row_count integer NOT NULL
);

CREATE INDEX cost_daily_owner_day ON cost_daily (owner, charge_day);

-- Imports made before this migration: their sums carried over from their rows.
INSERT INTO cost_daily (owner, import_id, charge_day, provider_name, service_name, tags, billing_currency,
                        twd_per_unit, effective_cost, row_count)
SELECT owner, import_id, charge_day, provider_name, service_name, tags, billing_currency, twd_per_unit,
       sum(effective_cost), count(*)
FROM cost_rows
GROUP BY owner, import_id, charge_day, provider_name, service_name, tags, billing_currency, twd_per_unit;

-- cost_rows is no longer written; ExportFocus still reads the rows of imports
-- made before this migration from it (they have no parts).
