-- Billing: provider cost exports imported as FinOps FOCUS 1.2 rows, monthly
-- budgets and the notifications their thresholds raise.

CREATE TABLE cost_imports (
    owner text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    layout text NOT NULL CHECK (layout IN ('AWS_CUR', 'AZURE_COST_EXPORT', 'GCP_BILLING_EXPORT', 'FOCUS')),
    digest bytea NOT NULL,                     -- sha256 of the export: the same file is imported once
    provider text NOT NULL,
    row_count bigint NOT NULL,
    billed_cost_by_currency jsonb NOT NULL,    -- {"USD": "12.34"}
    rates jsonb NOT NULL,                      -- {"USD": {"twd_per_unit": "32.5", "date": "2025-12-01"}}
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id),
    UNIQUE (owner, digest)
);

-- The 21 mandatory FOCUS 1.2 columns (snake_case), the tags, the TWD rate the
-- import used for the row's currency, and the row's charge day in UTC+8.
-- No primary key, no foreign key (a per-row trigger would halve COPY's rate;
-- rows are written only in their import's transaction) and one index: rows
-- arrive by COPY and are read by owner and day.
CREATE TABLE cost_rows (
    owner text NOT NULL,
    import_id uuid NOT NULL,
    line integer NOT NULL,
    billed_cost numeric NOT NULL,
    billing_account_id text NOT NULL,
    billing_account_name text,
    billing_currency text NOT NULL,
    billing_period_end timestamptz NOT NULL,
    billing_period_start timestamptz NOT NULL,
    charge_category text NOT NULL,
    charge_class text,
    charge_description text,
    charge_period_end timestamptz NOT NULL,
    charge_period_start timestamptz NOT NULL,
    contracted_cost numeric NOT NULL,
    effective_cost numeric NOT NULL,
    invoice_issuer_name text NOT NULL,
    list_cost numeric NOT NULL,
    pricing_quantity numeric,
    pricing_unit text,
    provider_name text NOT NULL,
    publisher_name text NOT NULL,
    service_category text NOT NULL,
    service_name text NOT NULL,
    tags jsonb,
    twd_per_unit numeric NOT NULL,
    charge_day date NOT NULL
);

CREATE INDEX cost_rows_owner_day ON cost_rows (owner, charge_day);

CREATE TABLE budgets (
    owner text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    display_name text NOT NULL DEFAULT '',
    monthly_amount_twd numeric NOT NULL CHECK (monthly_amount_twd > 0),
    thresholds double precision[] NOT NULL,
    tag_key text NOT NULL DEFAULT '',          -- '' with tag_value '': every row counts
    tag_value text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id)
);

-- One notification per budget, threshold and month: the unique key is what
-- makes a threshold fire once however many imports cross it.
CREATE TABLE budget_notifications (
    owner text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    budget_id uuid NOT NULL,
    threshold double precision NOT NULL,
    month text NOT NULL,                       -- "YYYY-MM", UTC+8
    actual_twd numeric NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id),
    UNIQUE (owner, budget_id, threshold, month),
    FOREIGN KEY (owner, budget_id) REFERENCES budgets (owner, id) ON DELETE CASCADE
);
