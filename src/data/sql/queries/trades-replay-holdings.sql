-- trades-replay-holdings.sql
-- Replays a run's trades into the shares it holds at the end: bought minus sold, per ticker, the positions that
-- are not (up to round-off) zero. Compare with the backtest's final holdings.
-- Parameters: $run_id (VARCHAR).

SELECT ticker, sum(CASE side WHEN 'buy' THEN shares ELSE -shares END) AS shares
FROM trades
WHERE run_id = $run_id
GROUP BY ticker
HAVING abs(sum(CASE side WHEN 'buy' THEN shares ELSE -shares END)) > 1e-9
ORDER BY ticker;
