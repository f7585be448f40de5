"""Baseline: long-only maximum mean return / CVaR, Riskfolio-Lib's Charnes–Cooper LP, with cvxopt solvers.lp (dense).

Variables x = [y (n), k, α, u (T)]: minimise α + Σu / ((1 − β)T) s.t. u_t ≥ −r_tᵀy − α, u ≥ 0, μᵀy = 1, Σy = k,
y ≥ 0, k ≥ 0; then w = y / k. μ is the mean of the returns.
"""
import numpy as np
from cvxopt import matrix, solvers

from common import args, read_returns, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
T, n, beta, R = read_returns(folder)


def solve():
    k, a, u = n, n + 1, n + 2
    m = n + 2 + T
    c = np.zeros(m)
    c[a] = 1.0
    c[u:] = 1.0 / ((1 - beta) * T)
    idx = np.arange(T)
    G = np.zeros((2 * T + n + 1, m))
    G[idx, :n] = -R  # −(r_tᵀy + α + u_t) ≤ 0
    G[idx, a] = -1.0
    G[idx, u + idx] = -1.0
    G[T + idx, u + idx] = -1.0  # −u ≤ 0
    G[2 * T + np.arange(n), np.arange(n)] = -1.0  # −y ≤ 0
    G[2 * T + n, k] = -1.0  # −k ≤ 0
    A = np.zeros((2, m))
    A[0, :n] = R.mean(axis=0)
    A[1, :n] = 1.0
    A[1, k] = -1.0
    sol = solvers.lp(matrix(c), matrix(G), matrix(np.zeros(2 * T + n + 1)), matrix(A), matrix([1.0, 0.0]))
    x = np.array(sol["x"]).ravel()
    return {"weights": x[:n] / x[k], "objective": 1.0 / float(sol["primal objective"])}


run(solve, warmup, reps)
