-- sweep-staging.sql
-- The sweep store's staging tables, temporary (this connection only): outcomes are appended here, then written
-- to Parquet (the details) and to sweep_jobs (the summary) in one flush.

CREATE TEMP TABLE IF NOT EXISTS staged_equity (job VARCHAR, batch VARCHAR, date VARCHAR, equity DOUBLE, cash DOUBLE, return DOUBLE);
CREATE TEMP TABLE IF NOT EXISTS staged_weights (job VARCHAR, batch VARCHAR, date VARCHAR, ticker VARCHAR, weight DOUBLE);
CREATE TEMP TABLE IF NOT EXISTS staged_trades (
  job VARCHAR, batch VARCHAR, date VARCHAR, ticker VARCHAR, side VARCHAR, shares DOUBLE, price DOUBLE, notional DOUBLE, cost DOUBLE, tax DOUBLE
);
-- The staged summary rows: sweep_jobs' columns (sweep-schema.sql runs first), without its key.
CREATE TEMP TABLE IF NOT EXISTS staged_jobs AS SELECT * FROM sweep_jobs WHERE false;
