-- select-fundamentals.sql
-- Canonical fundamentals, ordered by ticker then fiscal year.
-- Parameters: $all_tickers (BOOLEAN: ignore $tickers), $tickers (VARCHAR[]),
-- $from_year and $to_year (inclusive fiscal years).

SELECT ticker, fiscal_year,
       strftime(period_end, '%Y-%m-%d') AS period_end,
       strftime(filed_date, '%Y-%m-%d') AS filed_date,
       filing_id, form, source, line,
       revenue, net_income, operating_income, total_assets, total_equity, shares_outstanding,
       net_margin, operating_margin, revenue_growth, net_income_growth, return_on_equity
FROM fundamentals
WHERE ($all_tickers OR list_contains($tickers, ticker))
  AND fiscal_year BETWEEN $from_year AND $to_year
ORDER BY ticker, fiscal_year;
