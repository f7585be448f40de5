-- build-fundamentals.sql
-- Builds the canonical `fundamentals` table, one row per (company, fiscal year),
-- from `raw_fundamentals` (run schema.sql, load the raw rows, run
-- ticker-resolution.sql first). Every raw row goes to exactly one of
-- `fundamentals`, `merges` or `rejects`.
--
-- 1. Rejected, with the first reason that applies: missing filing id or ticker;
--    period end or filed date not a real YYYY-MM-DD date; filed before the
--    period ended; a form other than 10-K / 10-K/A; a unit other than
--    thousands / millions; a non-finite figure; negative revenue or total
--    assets; non-positive shares; no figures at all.
-- 2. Company: the ticker at filing, trimmed and mapped to the current ticker as
--    of the filed date (ticker-resolution.sql).
-- 3. Duplicate deliveries of one filing id: one is kept (the last loaded), the
--    others go to `merges` ("duplicate delivery", noting differing figures).
-- 4. Restatements: among the filings of one company for one period end, a
--    10-K/A supersedes a 10-K; among several of the same form, the latest filed
--    wins (then the last loaded). Superseded filings go to `merges`.
-- 5. Fiscal-year alignment: a fiscal year ending on or before June 30 belongs
--    to the previous calendar year, one ending July 1 or later to its own
--    (Mar 2013 -> 2012, Jun 2013 -> 2012, Sep 2013 -> 2013, Dec 2013 -> 2013):
--    the year holding most of the fiscal year's months, ties (June) going to
--    the earlier year. If a company changed its year end and two period ends
--    fall in one fiscal year, the later period end is kept, the other merged.
-- 6. Units: figures in thousands are divided by 1,000, so money is in USD
--    millions and shares in millions.
-- 7. Metrics, as fractions: net_margin = net_income / revenue and
--    operating_margin = operating_income / revenue (NULL unless revenue > 0);
--    return_on_equity = net_income / total_equity at year end (NULL unless
--    equity > 0); revenue_growth and net_income_growth = x / x_prev - 1 where
--    x_prev is the same company's value for fiscal_year - 1: NULL when that year
--    is missing (never the year before a gap) or x_prev is not > 0.

CREATE OR REPLACE TEMP TABLE filing_candidates AS
WITH parsed AS (
  SELECT r.*,
         trim_text(r.filing_id) AS filing_key,
         trim_text(r.ticker) AS ticker_trimmed,
         strict_iso_date(r.period_end) AS period_end_date,
         strict_iso_date(r.filed_date) AS filed_date_value
  FROM raw_fundamentals r
),
classified AS (
  SELECT *,
    CASE
      WHEN filing_key IS NULL OR filing_key = '' THEN 'missing filing id'
      WHEN ticker_trimmed IS NULL OR ticker_trimmed = '' THEN 'missing ticker'
      WHEN period_end_date IS NULL THEN
        'invalid period end ' || coalesce('"' || period_end || '"', 'NULL') || ': expected a real date written YYYY-MM-DD'
      WHEN filed_date_value IS NULL THEN
        'invalid filed date ' || coalesce('"' || filed_date || '"', 'NULL') || ': expected a real date written YYYY-MM-DD'
      WHEN filed_date_value < period_end_date THEN
        'filed on ' || filed_date || ', before its period ended on ' || period_end
      WHEN form IS NULL OR form NOT IN ('10-K', '10-K/A') THEN
        'unknown form ' || coalesce('"' || form || '"', 'NULL') || ': expected 10-K or 10-K/A'
      WHEN unit IS NULL OR unit NOT IN ('thousands', 'millions') THEN
        'unknown unit ' || coalesce('"' || unit || '"', 'NULL') || ': expected thousands or millions'
      WHEN NOT (isfinite(coalesce(revenue, 0)) AND isfinite(coalesce(net_income, 0))
                AND isfinite(coalesce(operating_income, 0)) AND isfinite(coalesce(total_assets, 0))
                AND isfinite(coalesce(total_equity, 0)) AND isfinite(coalesce(shares_outstanding, 0))) THEN
        'non-finite figure(s): ' || concat_ws(', ',
          CASE WHEN NOT isfinite(revenue) THEN 'revenue' END,
          CASE WHEN NOT isfinite(net_income) THEN 'net_income' END,
          CASE WHEN NOT isfinite(operating_income) THEN 'operating_income' END,
          CASE WHEN NOT isfinite(total_assets) THEN 'total_assets' END,
          CASE WHEN NOT isfinite(total_equity) THEN 'total_equity' END,
          CASE WHEN NOT isfinite(shares_outstanding) THEN 'shares_outstanding' END)
      WHEN revenue < 0 THEN 'negative revenue (' || CAST(revenue AS VARCHAR) || ')'
      WHEN total_assets < 0 THEN 'negative total assets (' || CAST(total_assets AS VARCHAR) || ')'
      WHEN shares_outstanding <= 0 THEN 'non-positive shares outstanding (' || CAST(shares_outstanding AS VARCHAR) || ')'
      WHEN revenue IS NULL AND net_income IS NULL AND operating_income IS NULL
           AND total_assets IS NULL AND total_equity IS NULL AND shares_outstanding IS NULL THEN
        'no figures: every figure is NULL'
    END AS reject_reason
  FROM parsed
)
SELECT c.*, coalesce(m.current_ticker, c.ticker_trimmed) AS company
FROM classified c
ASOF LEFT JOIN ticker_resolution m
  ON m.old_ticker = c.ticker_trimmed AND c.filed_date_value < m.effective_date;

INSERT INTO rejects (source, line, table_name, reason, raw_json, row_id)
SELECT source, line, 'raw_fundamentals', reject_reason,
       CAST(json_object('source', source, 'line', line, 'filing_id', filing_id, 'ticker', ticker,
                        'period_end', period_end, 'filed_date', filed_date, 'form', form, 'unit', unit,
                        'revenue', json_number(revenue), 'net_income', json_number(net_income),
                        'operating_income', json_number(operating_income),
                        'total_assets', json_number(total_assets), 'total_equity', json_number(total_equity),
                        'shares_outstanding', json_number(shares_outstanding)) AS VARCHAR),
       row_id
FROM filing_candidates
WHERE reject_reason IS NOT NULL;

-- Step 3: one row per filing id.
CREATE OR REPLACE TEMP TABLE filing_deliveries AS
SELECT *,
       row_number()        OVER w_delivery AS rank_in_key,
       first_value(row_id) OVER w_delivery AS kept_row_id,
       first_value(source) OVER w_delivery AS kept_source,
       first_value(line)   OVER w_delivery AS kept_line,
       first_value([revenue, net_income, operating_income, total_assets, total_equity, shares_outstanding])
                           OVER w_delivery AS kept_figures,
       first_value(period_end_date) OVER w_delivery AS kept_period_end,
       first_value(company) OVER w_delivery AS kept_company,
       first_value(unit)   OVER w_delivery AS kept_unit,
       first_value(form)   OVER w_delivery AS kept_form
FROM filing_candidates
WHERE reject_reason IS NULL
WINDOW w_delivery AS (PARTITION BY filing_key ORDER BY row_id DESC);

INSERT INTO merges (source, line, table_name, kept_line, reason, kept_source, row_id, kept_row_id)
SELECT source, line, 'raw_fundamentals', kept_line,
       'duplicate delivery of filing ' || filing_key
       || CASE
            WHEN [revenue, net_income, operating_income, total_assets, total_equity, shares_outstanding]
                 IS NOT DISTINCT FROM kept_figures
                 AND unit = kept_unit AND form = kept_form
                 AND period_end_date = kept_period_end AND company = kept_company
              THEN ''
            ELSE ' with different content; the last loaded delivery is kept'
          END,
       kept_source, row_id, kept_row_id
FROM filing_deliveries
WHERE rank_in_key > 1;

-- Step 4: restatements, one filing per (company, period end).
CREATE OR REPLACE TEMP TABLE filing_periods AS
SELECT *,
       row_number()            OVER w_period AS rank_in_period,
       first_value(row_id)     OVER w_period AS period_kept_row_id,
       first_value(source)     OVER w_period AS period_kept_source,
       first_value(line)       OVER w_period AS period_kept_line,
       first_value(filing_key) OVER w_period AS period_kept_filing,
       first_value(form)       OVER w_period AS period_kept_form,
       first_value(filed_date_value) OVER w_period AS period_kept_filed
FROM filing_deliveries
WHERE rank_in_key = 1
WINDOW w_period AS (PARTITION BY company, period_end_date
             ORDER BY (form = '10-K/A') DESC, filed_date_value DESC, row_id DESC);

INSERT INTO merges (source, line, table_name, kept_line, reason, kept_source, row_id, kept_row_id)
SELECT source, line, 'raw_fundamentals', period_kept_line,
       'filing ' || filing_key || ' (' || form || ' filed ' || CAST(filed_date_value AS VARCHAR) || ') is superseded by '
       || period_kept_form || ' ' || period_kept_filing || ' filed ' || CAST(period_kept_filed AS VARCHAR)
       || ' for the same period ending ' || CAST(period_end_date AS VARCHAR),
       period_kept_source, row_id, period_kept_row_id
FROM filing_periods
WHERE rank_in_period > 1;

-- Step 5: fiscal-year alignment, one filing per (company, fiscal year).
CREATE OR REPLACE TEMP TABLE filing_years AS
WITH aligned AS (
  SELECT *,
         CASE WHEN month(period_end_date) <= 6 THEN year(period_end_date) - 1
              ELSE year(period_end_date) END AS fiscal_year
  FROM filing_periods
  WHERE rank_in_period = 1
)
SELECT *,
       row_number()            OVER w_year AS rank_in_year,
       first_value(row_id)     OVER w_year AS year_kept_row_id,
       first_value(source)     OVER w_year AS year_kept_source,
       first_value(line)       OVER w_year AS year_kept_line,
       first_value(filing_key) OVER w_year AS year_kept_filing,
       first_value(period_end_date) OVER w_year AS year_kept_period_end
FROM aligned
WINDOW w_year AS (PARTITION BY company, fiscal_year ORDER BY period_end_date DESC, filed_date_value DESC, row_id DESC);

INSERT INTO merges (source, line, table_name, kept_line, reason, kept_source, row_id, kept_row_id)
SELECT source, line, 'raw_fundamentals', year_kept_line,
       'filing ' || filing_key || ' (period ending ' || CAST(period_end_date AS VARCHAR) || ') falls in fiscal year '
       || CAST(fiscal_year AS VARCHAR) || ' like filing ' || year_kept_filing || ' (period ending '
       || CAST(year_kept_period_end AS VARCHAR) || '); the later period end is kept',
       year_kept_source, row_id, year_kept_row_id
FROM filing_years
WHERE rank_in_year > 1;

-- Steps 6 and 7: units and metrics.
CREATE OR REPLACE TEMP TABLE filing_final AS
SELECT company, fiscal_year, period_end_date, filed_date_value, filing_key, form, source, line, row_id,
       revenue            * scale AS revenue,
       net_income         * scale AS net_income,
       operating_income   * scale AS operating_income,
       total_assets       * scale AS total_assets,
       total_equity       * scale AS total_equity,
       shares_outstanding * scale AS shares_outstanding
FROM (SELECT *, CASE unit WHEN 'thousands' THEN 0.001 ELSE 1.0 END AS scale FROM filing_years WHERE rank_in_year = 1);

INSERT INTO fundamentals
SELECT f.company, f.fiscal_year, f.period_end_date, f.filed_date_value, f.filing_key, f.form, f.source, f.line, f.row_id,
       f.revenue, f.net_income, f.operating_income, f.total_assets, f.total_equity, f.shares_outstanding,
       CASE WHEN f.revenue > 0 THEN f.net_income / f.revenue END             AS net_margin,
       CASE WHEN f.revenue > 0 THEN f.operating_income / f.revenue END       AS operating_margin,
       CASE WHEN p.revenue > 0 THEN f.revenue / p.revenue - 1 END            AS revenue_growth,
       CASE WHEN p.net_income > 0 THEN f.net_income / p.net_income - 1 END   AS net_income_growth,
       CASE WHEN f.total_equity > 0 THEN f.net_income / f.total_equity END   AS return_on_equity
FROM filing_final f
LEFT JOIN filing_final p ON p.company = f.company AND p.fiscal_year = f.fiscal_year - 1;

DROP TABLE filing_final;
DROP TABLE filing_years;
DROP TABLE filing_periods;
DROP TABLE filing_deliveries;
DROP TABLE filing_candidates;
