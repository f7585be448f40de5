-- backtest-volumes.sql
-- Canonical daily volumes (shares) in long form, ordered by date then ticker, for the tickers in $tickers
-- (VARCHAR[]) and dates in [$start, $end]: the average daily volume a market-impact model reads.
-- Parameters: $tickers, $start, $end.

SELECT strftime(date, '%Y-%m-%d') AS date, ticker, volume
FROM prices
WHERE list_contains($tickers, ticker)
  AND date BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  AND volume IS NOT NULL
ORDER BY date, ticker;
