-- trades-replay-cash.sql
-- Replays a run's cash from its audit record and its trades: starting capital plus interest, minus what the
-- purchases and their costs took, plus what the sales brought net of costs and tax. Compare with final_cash.
-- Parameters: $run_id (VARCHAR).

SELECT r.initial_capital + r.cash_interest
       - coalesce(sum(CASE t.side WHEN 'buy' THEN t.notional + t.cost ELSE -(t.notional - t.cost - t.tax) END), 0) AS cash,
       r.final_cash AS recorded_cash
FROM backtest_runs r
LEFT JOIN trades t ON t.run_id = r.run_id
WHERE r.run_id = $run_id
GROUP BY r.initial_capital, r.cash_interest, r.final_cash;
