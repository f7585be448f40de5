-- sweep-schema.sql
-- Creates, if absent, the summary table of a sweep's results folder (`summary.duckdb`): one row per job, keyed by
-- the job's hash, with its configuration, status and metrics. The columns are the sweep's SUMMARY_COLUMNS, in order.

CREATE TABLE IF NOT EXISTS sweep_jobs (
  job               VARCHAR,     -- the job's id: the hash of its configuration and of the data it reads
  sweep             VARCHAR,     -- the sweep's id
  kind              VARCHAR,     -- 'backtest' or 'notebook'
  status            VARCHAR,     -- 'done' or 'failed'
  attempts          INTEGER,
  error             VARCHAR,     -- the last error of a failed job
  target            VARCHAR,     -- the strategy or notebook
  parameters        VARCHAR,     -- canonical JSON
  rebalance         VARCHAR,
  commission_bps    DOUBLE,
  per_share         DOUBLE,
  spread_bps        DOUBLE,
  window_start      VARCHAR,
  window_end        VARCHAR,
  data_hash         VARCHAR,
  config            VARCHAR,     -- the job's whole configuration, canonical JSON
  detail_batch      VARCHAR,     -- the batch of the Parquet files that hold its detail
  final_value       DOUBLE,
  cumulative_return DOUBLE,
  annualised_return DOUBLE,
  volatility        DOUBLE,
  sharpe            DOUBLE,
  sortino           DOUBLE,
  max_drawdown      DOUBLE,
  calmar            DOUBLE,
  turnover          DOUBLE,
  rebalances        INTEGER,
  trades            INTEGER,
  costs             DOUBLE,
  seconds           DOUBLE,
  worker            VARCHAR,     -- host:pid
  finished_at       VARCHAR,     -- ISO timestamp
  PRIMARY KEY (job)
);
