-- sweep-weights-to-parquet.sql
-- Writes the staged weights detail of a flush to one Parquet file, $path (`weights/<batch>.parquet` in the results folder).

COPY (SELECT job, batch, CAST(date AS DATE) AS date, ticker, weight FROM staged_weights ORDER BY job, date, ticker)
TO $path (FORMAT parquet);
