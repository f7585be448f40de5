-- price-coverage.sql
-- Per ticker of the canonical prices: first and last date and number of days
-- with a price. Used to name known tickers and to default date ranges.

SELECT ticker,
       strftime(min(date), '%Y-%m-%d') AS first_date,
       strftime(max(date), '%Y-%m-%d') AS last_date,
       CAST(count(*) AS INTEGER)       AS days
FROM prices
GROUP BY ticker
ORDER BY ticker;
