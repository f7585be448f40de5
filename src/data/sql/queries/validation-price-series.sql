-- validation-price-series.sql
-- Canonical prices in long form for the price checks: adjusted close, the quoted close (NULL
-- when the source gave none) and volume, ordered by ticker then date.
-- Parameters: $all_tickers (BOOLEAN: ignore $tickers), $tickers (VARCHAR[]).

SELECT ticker,
       strftime(date, '%Y-%m-%d') AS date,
       adj_close,
       close,
       volume
FROM prices
WHERE $all_tickers OR list_contains($tickers, ticker)
ORDER BY ticker, date;
