-- monitor-models-select.sql
-- Every model version the monitor trained, oldest data first.

SELECT model_version, run_id, kind, model_file, data_hash, strftime(as_of, '%Y-%m-%d') AS as_of,
       strftime(train_start, '%Y-%m-%d') AS train_start, strftime(train_end, '%Y-%m-%d') AS train_end, train_rows,
       features_json, parameters_json, scores_json, validation_rmse, validation_ic, validation_hit_rate,
       reference_volatility, created_at
FROM model_versions
ORDER BY as_of, created_at;
