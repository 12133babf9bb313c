-- Analytics over orders, and catalog browsing in recency order.
--
-- Market-wide sales for a time range scan only that range of orders
-- (analytics_store.py filters on create_time; agency and vendor views start
-- from orders_by_agency / orders_by_vendor).
CREATE INDEX orders_by_create_time ON orders (create_time);

-- SearchListings orders by (update_time DESC, seq DESC) and lets a caller see
-- APPROVED/FLAGGED listings OR its own: the partial index listings_public
-- cannot serve that OR, so a browse by category (or a common word) sorted
-- every matching row. With these, the newest page is read off the index and
-- the visibility test is a filter on the rows read.
CREATE INDEX listings_recent ON listings (update_time DESC, seq DESC);
CREATE INDEX listings_category_recent ON listings (category, update_time DESC, seq DESC);
