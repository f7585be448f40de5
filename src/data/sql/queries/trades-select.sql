-- trades-select.sql
-- The trades of one backtest run in the order they were executed.
-- Parameters: $run_id (VARCHAR).

SELECT trade_id, strftime(date, '%Y-%m-%d') AS date, ticker, side, shares, price, notional, commission, spread,
       impact, cost, tax, realised_gain
FROM trades
WHERE run_id = $run_id
ORDER BY trade_id;
