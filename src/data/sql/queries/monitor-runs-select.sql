-- monitor-runs-select.sql
-- Every monitor run, in the order they were written.

SELECT run_id, created_at, strftime(as_of, '%Y-%m-%d') AS as_of, source, data_hash, strftime(first_date, '%Y-%m-%d') AS first_date,
       price_rows, tickers, parameters_json, model_before, model_after, decision, triggers_json, reasons_json,
       volatility_recent, volatility_reference, volatility_ratio, max_psi, error_ratio, forecast_count,
       expected_return, realised_return, model_age_days, exit_code, code_version
FROM monitor_runs
ORDER BY created_at, as_of, run_id;
