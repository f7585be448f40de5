-- ticker-resolution.sql
-- Resolves each ticker change to the company's current ticker, following
-- chains (A became B, later B became C: rows under A before the first change
-- map to C). Result: ticker_resolution(old_ticker, effective_date, current_ticker).
--
-- A raw row under ticker T dated D (a price's date, a filing's filed date) maps
-- to current_ticker of the change of T with the smallest effective_date > D;
-- rows dated on or after every change of T keep T (from the effective date on,
-- the old symbol no longer names this company). Each step of a chain follows
-- the next change of the new ticker that is strictly later, so a chain always ends.

CREATE OR REPLACE TABLE ticker_resolution AS
WITH RECURSIVE changes AS (
  SELECT trim_text(old_ticker) AS old_ticker,
         trim_text(new_ticker) AS new_ticker,
         CAST(effective_date AS DATE) AS effective_date
  FROM ticker_changes
),
successor AS (
  -- the next change of each change's new ticker, if any
  SELECT c.old_ticker, c.effective_date, c.new_ticker,
         n.old_ticker AS next_old, n.effective_date AS next_effective
  FROM changes c
  ASOF LEFT JOIN changes n ON n.old_ticker = c.new_ticker AND c.effective_date < n.effective_date
),
chain(old_ticker, effective_date, ticker, next_old, next_effective, depth) AS (
  SELECT old_ticker, effective_date, new_ticker, next_old, next_effective, 1 FROM successor
  UNION ALL
  SELECT chain.old_ticker, chain.effective_date, s.new_ticker, s.next_old, s.next_effective, chain.depth + 1
  FROM chain
  JOIN successor s ON s.old_ticker = chain.next_old AND s.effective_date = chain.next_effective
  WHERE chain.depth < 64
)
SELECT old_ticker, effective_date, arg_max(ticker, depth) AS current_ticker
FROM chain
GROUP BY old_ticker, effective_date;
