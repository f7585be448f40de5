-- build-prices.sql
-- Builds the canonical `prices` table from `raw_prices` (run schema.sql,
-- load the raw rows, run ticker-resolution.sql first). Every raw row goes to
-- exactly one of `prices`, `merges` or `rejects`.
--
-- 1. Rejected, with the first reason that applies: a missing ticker; a date
--    not written YYYY-MM-DD or not a real date; a NULL, non-finite (NaN, ±inf)
--    or non-positive adjusted close; a close that is present but not a positive
--    finite number; a volume that is present but negative or non-finite.
-- 2. The ticker is trimmed (spaces, tabs, line breaks: trim_text in schema.sql) and mapped to
--    the current ticker (ticker-resolution.sql).
-- 3. Duplicates, rows of one (ticker, date): the row loaded LAST wins (highest
--    row_id: later sources override earlier ones, and within a source a later
--    line corrects an earlier one). The others go to `merges`, as an "exact
--    duplicate" when adj_close, close and volume all equal the kept row's, else
--    as a "conflicting duplicate" stating both prices.
-- Missing days: no forward fill here; a day without a valid price has no row
-- (a gap stays a gap). Late listing: a ticker has no rows before its first
-- valid price. Readers decide how to treat gaps (DateTable: NaN).

CREATE OR REPLACE TEMP TABLE price_candidates AS
WITH parsed AS (
  SELECT r.*,
         trim_text(r.ticker) AS ticker_trimmed,
         strict_iso_date(r.date) AS price_date
  FROM raw_prices r
),
classified AS (
  SELECT *,
    CASE
      WHEN ticker_trimmed IS NULL OR ticker_trimmed = '' THEN 'missing ticker'
      WHEN price_date IS NULL THEN
        'invalid date ' || coalesce('"' || date || '"', 'NULL') || ': expected a real date written YYYY-MM-DD'
      WHEN adj_close IS NULL THEN 'missing adjusted close (NULL)'
      WHEN NOT isfinite(adj_close) THEN 'non-finite adjusted close (' || CAST(adj_close AS VARCHAR) || ')'
      WHEN adj_close <= 0 THEN 'non-positive adjusted close (' || CAST(adj_close AS VARCHAR) || ')'
      WHEN close IS NOT NULL AND (NOT isfinite(close) OR close <= 0) THEN
        'invalid close (' || CAST(close AS VARCHAR) || '): must be a positive finite number or NULL'
      WHEN volume IS NOT NULL AND (NOT isfinite(volume) OR volume < 0) THEN
        'invalid volume (' || CAST(volume AS VARCHAR) || '): must be a non-negative finite number or NULL'
    END AS reject_reason
  FROM parsed
)
SELECT c.*, coalesce(m.current_ticker, c.ticker_trimmed) AS canonical_ticker
FROM classified c
ASOF LEFT JOIN ticker_resolution m
  ON m.old_ticker = c.ticker_trimmed AND c.price_date < m.effective_date;

INSERT INTO rejects (source, line, table_name, reason, raw_json, row_id)
SELECT source, line, 'raw_prices', reject_reason,
       CAST(json_object('source', source, 'line', line, 'ticker', ticker, 'date', date,
                        'close', json_number(close), 'adj_close', json_number(adj_close),
                        'volume', json_number(volume)) AS VARCHAR),
       row_id
FROM price_candidates
WHERE reject_reason IS NOT NULL;

CREATE OR REPLACE TEMP TABLE price_ranked AS
SELECT *,
       row_number()              OVER w_key AS rank_in_key,
       first_value(row_id)       OVER w_key AS kept_row_id,
       first_value(source)       OVER w_key AS kept_source,
       first_value(line)         OVER w_key AS kept_line,
       first_value(adj_close)    OVER w_key AS kept_adj_close,
       first_value(close)        OVER w_key AS kept_close,
       first_value(volume)       OVER w_key AS kept_volume
FROM price_candidates
WHERE reject_reason IS NULL
WINDOW w_key AS (PARTITION BY canonical_ticker, price_date ORDER BY row_id DESC);

INSERT INTO prices (date, ticker, adj_close, close, volume, source, line, row_id)
SELECT price_date, canonical_ticker, adj_close, close, volume, source, line, row_id
FROM price_ranked
WHERE rank_in_key = 1;

INSERT INTO merges (source, line, table_name, kept_line, reason, kept_source, row_id, kept_row_id)
SELECT source, line, 'raw_prices', kept_line,
       CASE
         WHEN adj_close = kept_adj_close
              AND close IS NOT DISTINCT FROM kept_close
              AND volume IS NOT DISTINCT FROM kept_volume
           THEN 'exact duplicate of the kept row'
         ELSE 'conflicting duplicate for ' || canonical_ticker || ' on ' || CAST(price_date AS VARCHAR)
              || ': adj_close ' || CAST(adj_close AS VARCHAR) || ' (close ' || coalesce(CAST(close AS VARCHAR), 'NULL')
              || ', volume ' || coalesce(CAST(volume AS VARCHAR), 'NULL') || ') vs kept adj_close '
              || CAST(kept_adj_close AS VARCHAR) || ' (close ' || coalesce(CAST(kept_close AS VARCHAR), 'NULL')
              || ', volume ' || coalesce(CAST(kept_volume AS VARCHAR), 'NULL') || '); rule: the row loaded last wins'
       END,
       kept_source, row_id, kept_row_id
FROM price_ranked
WHERE rank_in_key > 1;

DROP TABLE price_ranked;
DROP TABLE price_candidates;
