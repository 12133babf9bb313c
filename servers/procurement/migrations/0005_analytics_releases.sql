-- Closed, frozen periods for the k-anonymised market view (analytics.py).
--
-- A month (UTC+8) is released once it is over and the release lag has
-- passed; at its first k-anonymised read after that, its sales are copied
-- here, per listing and agency, as they then are, and the month is recorded
-- in analytics_released_months. The k-anonymised view reads only these rows,
-- so a published figure never changes afterwards: an order confirmed (or
-- one whose state changes) later cannot be read off as the difference of
-- two reads at two times. The full views (operators, an agency's own, a
-- vendor's own) keep reading procurement.orders.
CREATE TABLE analytics_released_months (
    month text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    release_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE analytics_released_sales (
    month text NOT NULL REFERENCES analytics_released_months (month),
    vendor text NOT NULL,
    listing_id uuid NOT NULL,
    category text NOT NULL,
    agency text NOT NULL,
    orders bigint NOT NULL CHECK (orders > 0),
    quantity bigint NOT NULL,
    total_minor bigint NOT NULL,
    PRIMARY KEY (month, vendor, listing_id, agency)
);
