"""Baseline: long-only minimum CDaR, PyPortfolioOpt's EfficientCDaR.min_cdar() LP, with cvxopt solvers.lp (dense).

Variables x = [w (n), α, u (T), z (T)]: minimise α + Σz / ((1 − β)T) s.t. z ≥ u − α, z ≥ 0, u_t ≥ u_{t−1} − r_tᵀw,
u ≥ 0 (u_0 = 0), w ≥ 0, Σw = 1.
"""
import numpy as np
from cvxopt import matrix, solvers

from common import args, read_returns, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
T, n, beta, R = read_returns(folder)


def solve():
    a, u, z = n, n + 1, n + 1 + T
    m = n + 1 + 2 * T
    c = np.zeros(m)
    c[a] = 1.0
    c[z:] = 1.0 / ((1 - beta) * T)
    G = np.zeros((4 * T + n, m))
    idx = np.arange(T)
    G[idx, :n] = -R  # −(u_t − u_{t−1} + r_tᵀw) ≤ 0
    G[idx, u + idx] = -1.0
    G[idx[1:], u + idx[1:] - 1] = 1.0
    G[T + idx, z + idx] = -1.0  # −(z_t − u_t + α) ≤ 0
    G[T + idx, u + idx] = 1.0
    G[T + idx, a] = -1.0
    G[2 * T + idx, z + idx] = -1.0  # −z ≤ 0
    G[3 * T + idx, u + idx] = -1.0  # −u ≤ 0
    G[4 * T + np.arange(n), np.arange(n)] = -1.0  # −w ≤ 0
    h = matrix(np.zeros(4 * T + n))
    A = matrix(np.concatenate([np.ones(n), np.zeros(m - n)]).reshape(1, m))
    sol = solvers.lp(matrix(c), matrix(G), h, A, matrix(1.0))
    x = np.array(sol["x"]).ravel()
    return {"weights": x[:n], "objective": float(sol["primal objective"])}


run(solve, warmup, reps)
