-- sweep-job-equity.sql
-- One job's equity curve from a Parquet detail file ($file, `equity/<batch>.parquet`), in date order.

SELECT CAST(date AS VARCHAR) AS date, equity
FROM read_parquet($file)
WHERE job = $job
ORDER BY date;
