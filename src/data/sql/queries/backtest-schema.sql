-- backtest-schema.sql
-- Creates, if absent, the audit tables of backtests: `trades`, every order of every run, and `backtest_runs`,
-- one row per run saying what ran (strategy and its parameter hash, signal and model versions), on which data
-- (a hash of the price table), with which settings, and when. Rows are only ever added; a run's row is written
-- after its trades, so a run listed in `backtest_runs` has all of its trades.

CREATE TABLE IF NOT EXISTS backtest_runs (
  run_id            VARCHAR NOT NULL PRIMARY KEY,
  strategy          VARCHAR NOT NULL,
  rebalance         VARCHAR NOT NULL,  -- the rebalancing rule, e.g. 'monthly' or 'drift > 5 %'
  strategy_version  VARCHAR NOT NULL,  -- hash of the strategy's name and parameters
  parameters_json   VARCHAR NOT NULL,  -- the parameters themselves (functions by name and source hash)
  signal_version    VARCHAR,           -- e.g. a hash of the forecasts traded on
  model_version     VARCHAR,           -- the models behind the signal
  data_version      VARCHAR NOT NULL,  -- hash of the price rows the run could see
  code_version      VARCHAR NOT NULL,  -- allocation-workbook's version
  tickers           INTEGER NOT NULL,
  start_date        DATE NOT NULL,
  end_date          DATE NOT NULL,
  initial_capital   DOUBLE NOT NULL,
  final_value       DOUBLE NOT NULL,
  final_cash        DOUBLE NOT NULL,
  cash_interest     DOUBLE NOT NULL,   -- interest earned on cash over the run (negative when borrowing)
  total_cost        DOUBLE NOT NULL,   -- commission + spread + impact
  total_tax         DOUBLE NOT NULL,
  trade_count       INTEGER NOT NULL,
  settings_json     VARCHAR NOT NULL,  -- capital, costs, tax, shares, leverage, cash rate
  created_at        VARCHAR NOT NULL   -- ISO timestamp of the write
);

CREATE TABLE IF NOT EXISTS trades (
  run_id         VARCHAR NOT NULL,
  trade_id       INTEGER NOT NULL,     -- order of execution within the run, from 1
  date           DATE NOT NULL,
  ticker         VARCHAR NOT NULL,
  side           VARCHAR NOT NULL,
  shares         DOUBLE NOT NULL,      -- > 0 for either side
  price          DOUBLE NOT NULL,      -- the day's close
  notional       DOUBLE NOT NULL,      -- shares × price
  commission     DOUBLE NOT NULL,
  spread         DOUBLE NOT NULL,      -- half the bid-ask spread
  impact         DOUBLE NOT NULL,
  cost           DOUBLE NOT NULL,      -- commission + spread + impact, paid from cash
  tax            DOUBLE NOT NULL,      -- tax on the gain a sale realised
  realised_gain  DOUBLE,               -- NULL for buys and when tax is not modelled
  PRIMARY KEY (run_id, trade_id),
  CHECK (side IN ('buy', 'sell')),
  CHECK (shares > 0 AND price > 0 AND cost >= 0 AND tax >= 0)
);
