-- sweep-trades-to-parquet.sql
-- Writes the staged trades detail of a flush to one Parquet file, $path (`trades/<batch>.parquet` in the results folder).

COPY (SELECT job, batch, CAST(date AS DATE) AS date, ticker, side, shares, price, notional, cost, tax FROM staged_trades ORDER BY job, date)
TO $path (FORMAT parquet);
