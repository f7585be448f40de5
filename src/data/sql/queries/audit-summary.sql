-- audit-summary.sql
-- Why raw rows did not become canonical rows as they were: the rejected and the
-- merged rows of each raw table, counted by kind of reason. So that alike reasons
-- group, the details are masked: text in parentheses or quotes is dropped, and
-- words holding digits (filing ids, dates, values) become '#'.

SELECT 'rejected' AS outcome,
       table_name,
       trim(regexp_replace(regexp_replace(regexp_replace(reason, '\s*(\([^)]*\)|"[^"]*")', '', 'g'), '[^\s,:;]*[0-9][^\s,:;]*', '#', 'g'), '\s+', ' ', 'g')) AS reason,
       CAST(count(*) AS INTEGER) AS rows
FROM rejects
GROUP BY ALL
UNION ALL
SELECT 'merged' AS outcome,
       table_name,
       trim(regexp_replace(regexp_replace(regexp_replace(reason, '\s*(\([^)]*\)|"[^"]*")', '', 'g'), '[^\s,:;]*[0-9][^\s,:;]*', '#', 'g'), '\s+', ' ', 'g')) AS reason,
       CAST(count(*) AS INTEGER) AS rows
FROM merges
GROUP BY ALL
ORDER BY outcome DESC, rows DESC, reason;
