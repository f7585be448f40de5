-- fundamentals-coverage.sql
-- Per ticker of the canonical fundamentals: first and last fiscal year and the
-- number of fiscal years present (fewer than last - first + 1 means a gap).

SELECT ticker,
       min(fiscal_year)               AS first_year,
       max(fiscal_year)               AS last_year,
       CAST(count(*) AS INTEGER)      AS years
FROM fundamentals
GROUP BY ticker
ORDER BY ticker;
