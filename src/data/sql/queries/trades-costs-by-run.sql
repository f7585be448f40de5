-- trades-costs-by-run.sql
-- What trading cost each recorded run: orders, money traded, each cost component, tax, and the costs in basis
-- points of the money traded. One row per run, most expensive first.

SELECT r.strategy, r.rebalance, count(t.trade_id) AS orders, sum(t.notional) AS traded,
       sum(t.commission) AS commission, sum(t.spread) AS spread, sum(t.impact) AS impact, sum(t.tax) AS tax,
       10000 * sum(t.cost) / nullif(sum(t.notional), 0) AS cost_bps_of_traded, r.run_id
FROM backtest_runs r
LEFT JOIN trades t ON t.run_id = r.run_id
GROUP BY r.run_id, r.strategy, r.rebalance
ORDER BY sum(t.cost) DESC NULLS LAST;
