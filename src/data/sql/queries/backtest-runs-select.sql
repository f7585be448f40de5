-- backtest-runs-select.sql
-- The recorded backtest runs in the order they were written, or only one with $run_id (NULL for all).
-- Parameters: $run_id (VARCHAR or NULL).

SELECT run_id, strategy, rebalance, strategy_version, parameters_json, signal_version, model_version, data_version,
       code_version, tickers, strftime(start_date, '%Y-%m-%d') AS start_date, strftime(end_date, '%Y-%m-%d') AS end_date,
       initial_capital, final_value, final_cash, cash_interest, total_cost, total_tax, trade_count, settings_json,
       created_at
FROM backtest_runs
WHERE $run_id IS NULL OR run_id = $run_id
ORDER BY created_at, run_id;
