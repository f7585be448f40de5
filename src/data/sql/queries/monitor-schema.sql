-- monitor-schema.sql
-- Creates, if absent, the tables of `npx workbook monitor`, beside the backtests' trade log: `model_versions`, one row
-- per model the monitor trained (its file, the hash of the data it saw, its settings and out-of-sample scores), and
-- `monitor_runs`, one row per run (the data it read, the drift indicators, the decision and why, the model in force
-- before and after). Rows are only ever added; a run's row is written after its model version, so a run that names a
-- model version has it.

CREATE TABLE IF NOT EXISTS model_versions (
  model_version         VARCHAR NOT NULL PRIMARY KEY,  -- hash of the data hash, the model's kind, features and settings
  run_id                VARCHAR NOT NULL,              -- the monitor run that trained it
  kind                  VARCHAR NOT NULL,              -- the model file's kind, e.g. 'ridge-regression'
  model_file            VARCHAR NOT NULL,              -- the JSON file written by saveModel
  data_hash             VARCHAR NOT NULL,              -- hash of the price rows up to as_of
  as_of                 DATE NOT NULL,                 -- the last date of the prices it was trained on
  train_start           DATE NOT NULL,                 -- first and last as-of date of its training rows
  train_end             DATE NOT NULL,
  train_rows            INTEGER NOT NULL,
  features_json         VARCHAR NOT NULL,
  parameters_json       VARCHAR NOT NULL,              -- horizon, training days, ridge alpha, validation share
  scores_json           VARCHAR NOT NULL,              -- out-of-sample scores on the held-out dates
  validation_rmse       DOUBLE NOT NULL,
  validation_ic         DOUBLE,
  validation_hit_rate   DOUBLE,
  reference_volatility  DOUBLE NOT NULL,               -- annualised market volatility of the reference days ending at as_of
  created_at            VARCHAR NOT NULL               -- ISO timestamp of the write
);

CREATE TABLE IF NOT EXISTS monitor_runs (
  run_id                VARCHAR NOT NULL PRIMARY KEY,
  created_at            VARCHAR NOT NULL,              -- ISO timestamp of the write
  as_of                 DATE NOT NULL,                 -- the last date of the prices the run read
  source                VARCHAR NOT NULL,              -- where the prices came from, e.g. 'csv:prices.csv'
  data_hash             VARCHAR NOT NULL,              -- hash of the price rows up to as_of
  first_date            DATE NOT NULL,
  price_rows            INTEGER NOT NULL,
  tickers               INTEGER NOT NULL,
  parameters_json       VARCHAR NOT NULL,              -- windows, thresholds, model settings of the run
  model_before          VARCHAR,                       -- the model version in force when the run started (NULL: none)
  model_after           VARCHAR,                       -- the model version in force when it ended
  decision              VARCHAR NOT NULL,
  triggers_json         VARCHAR NOT NULL,              -- the thresholds crossed, e.g. ["volatility"]
  reasons_json          VARCHAR NOT NULL,              -- one sentence per crossed threshold
  volatility_recent     DOUBLE,
  volatility_reference  DOUBLE,
  volatility_ratio      DOUBLE,
  max_psi               DOUBLE,
  error_ratio           DOUBLE,
  forecast_count        INTEGER NOT NULL,              -- forecasts of the model in force whose outcome is known
  expected_return       DOUBLE,                        -- their mean forecast return
  realised_return       DOUBLE,                        -- their mean realised return
  model_age_days        INTEGER,
  exit_code             INTEGER NOT NULL,
  code_version          VARCHAR NOT NULL,
  CHECK (decision IN ('retrain', 'keep'))
);
