-- monitor-model-insert.sql
-- Records one model version in `model_versions` (run monitor-schema.sql first), every value bound as a parameter.
-- A version already recorded (same data, same settings: the same model) is left as it is.

INSERT OR IGNORE INTO model_versions (model_version, run_id, kind, model_file, data_hash, as_of, train_start, train_end,
                                      train_rows, features_json, parameters_json, scores_json, validation_rmse,
                                      validation_ic, validation_hit_rate, reference_volatility, created_at)
VALUES ($model_version, $run_id, $kind, $model_file, $data_hash, CAST($as_of AS DATE), CAST($train_start AS DATE),
        CAST($train_end AS DATE), $train_rows, $features_json, $parameters_json, $scores_json,
        CAST($validation_rmse AS DOUBLE), CAST($validation_ic AS DOUBLE), CAST($validation_hit_rate AS DOUBLE),
        CAST($reference_volatility AS DOUBLE), $created_at);
