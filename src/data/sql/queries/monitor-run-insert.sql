-- monitor-run-insert.sql
-- Records one monitor run in `monitor_runs` (run monitor-schema.sql first), every value bound as a parameter.
-- Written after the model version it trained, if any.

INSERT INTO monitor_runs (run_id, created_at, as_of, source, data_hash, first_date, price_rows, tickers, parameters_json,
                          model_before, model_after, decision, triggers_json, reasons_json, volatility_recent,
                          volatility_reference, volatility_ratio, max_psi, error_ratio, forecast_count, expected_return,
                          realised_return, model_age_days, exit_code, code_version)
VALUES ($run_id, $created_at, CAST($as_of AS DATE), $source, $data_hash, CAST($first_date AS DATE), $price_rows, $tickers,
        $parameters_json, $model_before, $model_after, $decision, $triggers_json, $reasons_json,
        CAST($volatility_recent AS DOUBLE), CAST($volatility_reference AS DOUBLE), CAST($volatility_ratio AS DOUBLE),
        CAST($max_psi AS DOUBLE), CAST($error_ratio AS DOUBLE), $forecast_count, CAST($expected_return AS DOUBLE),
        CAST($realised_return AS DOUBLE), $model_age_days, $exit_code, $code_version);
