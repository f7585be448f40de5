"""Baseline: the same walk-forward backtest as a pandas + cvxopt loop. Rules as the engine's: start after 252 rows;
rebalance on the first day and on the first trading day of each month; target from the trailing 253 prices
(252 returns): np.cov × 252, long-only min volatility with cvxopt; fractional shares; 10 bp commission on each
trade's notional; sales first, purchases scaled down together when cash cannot pay for them (and their commission)."""
import numpy as np
import pandas as pd
from cvxopt import matrix, solvers

from common import args, read_matrix, read_meta, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
meta = read_meta(folder)
prices = pd.DataFrame(read_matrix(f"{folder}/prices.bin", meta["rows"], meta["n"]), index=pd.Index(meta["dates"]))
LOOKBACK, BPS, CAPITAL = 252, 10.0, 1_000_000.0


def min_vol(window):
    returns = window.pct_change().dropna(how="all").values
    S = np.cov(returns, rowvar=False) * 252
    n = S.shape[0]
    sol = solvers.qp(matrix(2.0 * S), matrix(np.zeros(n)), matrix(-np.eye(n)), matrix(np.zeros(n)), matrix(np.ones((1, n))), matrix(1.0))
    w = np.clip(np.array(sol["x"]).ravel(), 0, None)
    w[w < 1e-8] = 0
    return w / w.sum()


def backtest():
    p = prices.values
    months = pd.Index(prices.index.str.slice(0, 7))
    shares = np.zeros(p.shape[1])
    cash, rebalances, commission = CAPITAL, 0, 0.0
    for t in range(LOOKBACK, len(p)):
        if t == LOOKBACK or months[t] != months[t - 1]:
            target = min_vol(prices.iloc[t - LOOKBACK:t + 1])
            value = cash + shares @ p[t]
            desired = target * value / p[t]
            sell = np.clip(shares - desired, 0, None)
            proceeds = sell * p[t]
            cash += proceeds.sum() - proceeds.sum() * BPS / 1e4
            commission += proceeds.sum() * BPS / 1e4
            shares -= sell
            buy = np.clip(desired - shares, 0, None)
            needed = (buy * p[t]).sum() * (1 + BPS / 1e4)
            if needed > cash:
                buy *= max(0.0, cash / needed) * (1 - 1e-12)
            bill = (buy * p[t]).sum()
            cash -= bill * (1 + BPS / 1e4)
            commission += bill * BPS / 1e4
            shares += buy
            rebalances += 1
    return {"finalValue": float(cash + shares @ p[-1]), "rebalances": rebalances, "commission": commission}


run(backtest, warmup, reps)
