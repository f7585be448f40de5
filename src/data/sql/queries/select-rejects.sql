-- select-rejects.sql
-- Rejected raw rows with their reasons, in load order.
-- Parameter: $table_name ('raw_prices', 'raw_fundamentals', or NULL for both).

SELECT table_name, source, line, reason, raw_json, row_id
FROM rejects
WHERE $table_name IS NULL OR table_name = $table_name
ORDER BY table_name DESC, row_id;
