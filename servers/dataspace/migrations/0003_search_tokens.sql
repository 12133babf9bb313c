-- The catalog's search on the shared CJK-aware tokens (servers/runtime/search.py,
-- as procurement's listings and market's projects): words for alphabetic text,
-- characters and bigrams for Chinese, matched with a GIN index. Rows written
-- before this migration get their tokens on their next update.
ALTER TABLE datasets ADD COLUMN search_tokens text[] NOT NULL DEFAULT '{}';
CREATE INDEX datasets_search ON datasets USING gin (search_tokens);
ALTER TABLE datasets DROP COLUMN search_text;
