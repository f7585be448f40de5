-- validation-restatements.sql
-- Restatements: every raw filing superseded by a later filing of the same company for the same
-- period end (build-fundamentals.sql step 4: a 10-K/A, or a later 10-K), with the original's
-- figures beside the kept filing's, both in USD millions (thousands divided by 1,000). Built from
-- `merges` joined to `raw_fundamentals` for both filings and to `fundamentals` for the company's
-- current ticker and fiscal year. Duplicate deliveries (same filing id) and fiscal-year merges
-- (a different period end) are left out, as is a kept filing later merged by fiscal year.

WITH pairs AS (
  SELECT m.kept_row_id,
         trim_text(o.filing_id) AS original_filing_id,
         o.form            AS original_form,
         o.filed_date      AS original_filed_date,
         o.revenue          * CASE o.unit WHEN 'thousands' THEN 0.001 ELSE 1.0 END AS original_revenue,
         o.net_income       * CASE o.unit WHEN 'thousands' THEN 0.001 ELSE 1.0 END AS original_net_income,
         o.operating_income * CASE o.unit WHEN 'thousands' THEN 0.001 ELSE 1.0 END AS original_operating_income
  FROM merges m
  JOIN raw_fundamentals o ON o.row_id = m.row_id
  JOIN raw_fundamentals k ON k.row_id = m.kept_row_id
  WHERE m.table_name = 'raw_fundamentals'
    AND trim_text(o.filing_id) <> trim_text(k.filing_id)
    AND strict_iso_date(o.period_end) = strict_iso_date(k.period_end)
)
SELECT f.ticker,
       f.fiscal_year,
       strftime(f.period_end, '%Y-%m-%d') AS period_end,
       p.original_filing_id,
       p.original_form,
       p.original_filed_date,
       f.filing_id                         AS restated_filing_id,
       f.form                              AS restated_form,
       strftime(f.filed_date, '%Y-%m-%d')  AS restated_filed_date,
       p.original_revenue,
       p.original_net_income,
       p.original_operating_income,
       f.revenue                           AS restated_revenue,
       f.net_income                        AS restated_net_income,
       f.operating_income                  AS restated_operating_income
FROM pairs p
JOIN fundamentals f ON f.row_id = p.kept_row_id
ORDER BY f.ticker, f.fiscal_year, p.original_filed_date, p.original_filing_id;
