-- sweep-equity-to-parquet.sql
-- Writes the staged equity detail of a flush to one Parquet file, $path (`equity/<batch>.parquet` in the results folder).

COPY (SELECT job, batch, CAST(date AS DATE) AS date, equity, cash, return FROM staged_equity ORDER BY job, date)
TO $path (FORMAT parquet);
