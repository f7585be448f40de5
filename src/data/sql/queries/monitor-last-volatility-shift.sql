-- monitor-last-volatility-shift.sql
-- The last monitor run before $as_of that found the market's volatility regime changed (trigger "volatility"): its
-- as-of date and settings, from which the monitor dates the start of the current regime.

SELECT strftime(as_of, '%Y-%m-%d') AS as_of, parameters_json
FROM monitor_runs
WHERE as_of < CAST($as_of AS DATE) AND triggers_json LIKE '%"volatility"%'
ORDER BY as_of DESC, created_at DESC
LIMIT 1;
