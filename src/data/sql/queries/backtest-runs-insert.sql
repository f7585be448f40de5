-- backtest-runs-insert.sql
-- Records one backtest run in `backtest_runs` (run backtest-schema.sql first), every value bound as a parameter.
-- Written after the run's trades, so the row marks a complete trade log.

INSERT INTO backtest_runs (run_id, strategy, rebalance, strategy_version, parameters_json, signal_version, model_version,
                           data_version, code_version, tickers, start_date, end_date, initial_capital, final_value,
                           final_cash, cash_interest, total_cost, total_tax, trade_count, settings_json, created_at)
VALUES ($run_id, $strategy, $rebalance, $strategy_version, $parameters_json, $signal_version, $model_version,
        $data_version, $code_version, $tickers, CAST($start_date AS DATE), CAST($end_date AS DATE),
        CAST($initial_capital AS DOUBLE), CAST($final_value AS DOUBLE), CAST($final_cash AS DOUBLE),
        CAST($cash_interest AS DOUBLE), CAST($total_cost AS DOUBLE), CAST($total_tax AS DOUBLE),
        $trade_count, $settings_json, $created_at);
