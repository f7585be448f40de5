-- select-merges.sql
-- Raw rows merged into another (duplicates, superseded filings), with the row kept.
-- Parameter: $table_name ('raw_prices', 'raw_fundamentals', or NULL for both).

SELECT table_name, source, line, kept_source, kept_line, reason, row_id, kept_row_id
FROM merges
WHERE $table_name IS NULL OR table_name = $table_name
ORDER BY table_name DESC, row_id;
