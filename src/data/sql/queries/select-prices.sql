-- select-prices.sql
-- Canonical adjusted closes in long form, ordered by date then ticker, for
-- the tickers in $tickers (VARCHAR[]) and dates in [$start, $end] (YYYY-MM-DD).
-- Parameters: $tickers, $start, $end.

SELECT strftime(date, '%Y-%m-%d') AS date, ticker, adj_close
FROM prices
WHERE list_contains($tickers, ticker)
  AND date BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
ORDER BY date, ticker;
