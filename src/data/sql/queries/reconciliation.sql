-- reconciliation.sql
-- Accounts for every raw row: per raw table, raw rows = canonical + merged +
-- rejected, and every raw row_id appears in exactly one of the three
-- (accounted_rows counts distinct raw row_ids found in any of them).
-- `balanced` is true when both hold. One row per raw table.

WITH buckets AS (
  SELECT 'raw_prices' AS table_name, 'canonical' AS bucket, row_id FROM prices
  UNION ALL
  SELECT 'raw_fundamentals', 'canonical', row_id FROM fundamentals
  UNION ALL
  SELECT table_name, 'merged', row_id FROM merges
  UNION ALL
  SELECT table_name, 'rejected', row_id FROM rejects
),
raw AS (
  SELECT 'raw_prices' AS table_name, 'prices' AS canonical_table, row_id FROM raw_prices
  UNION ALL
  SELECT 'raw_fundamentals', 'fundamentals', row_id FROM raw_fundamentals
),
raw_counts AS (
  SELECT table_name, any_value(canonical_table) AS canonical_table, count(*) AS raw_rows
  FROM raw GROUP BY table_name
),
bucket_counts AS (
  SELECT table_name,
         count(*) FILTER (WHERE bucket = 'canonical') AS canonical_rows,
         count(*) FILTER (WHERE bucket = 'merged')    AS merged_rows,
         count(*) FILTER (WHERE bucket = 'rejected')  AS rejected_rows,
         count(*)                                     AS bucket_rows
  FROM buckets GROUP BY table_name
),
accounted AS (
  SELECT b.table_name, count(DISTINCT b.row_id) AS accounted_rows
  FROM buckets b
  SEMI JOIN raw r ON r.table_name = b.table_name AND r.row_id = b.row_id
  GROUP BY b.table_name
)
SELECT t.table_name,
       coalesce(r.canonical_table, CASE t.table_name WHEN 'raw_prices' THEN 'prices' ELSE 'fundamentals' END) AS canonical_table,
       CAST(coalesce(r.raw_rows, 0) AS INTEGER)       AS raw_rows,
       CAST(coalesce(c.canonical_rows, 0) AS INTEGER) AS canonical_rows,
       CAST(coalesce(c.merged_rows, 0) AS INTEGER)    AS merged_rows,
       CAST(coalesce(c.rejected_rows, 0) AS INTEGER)  AS rejected_rows,
       CAST(coalesce(a.accounted_rows, 0) AS INTEGER) AS accounted_rows,
       coalesce(r.raw_rows, 0) = coalesce(c.bucket_rows, 0)
         AND coalesce(a.accounted_rows, 0) = coalesce(r.raw_rows, 0) AS balanced
FROM (VALUES ('raw_prices'), ('raw_fundamentals')) AS t(table_name)
LEFT JOIN raw_counts r USING (table_name)
LEFT JOIN bucket_counts c USING (table_name)
LEFT JOIN accounted a USING (table_name)
ORDER BY t.table_name DESC;
