"""Baseline: long-only minimum CVaR (Rockafellar–Uryasev LP) with cvxopt solvers.lp.

Variables x = [w (n), α, u (T)]: minimise α + Σu / ((1 − β)T) s.t. u_t ≥ −r_tᵀw − α, u ≥ 0, w ≥ 0, Σw = 1.
"""
import numpy as np
from cvxopt import matrix, solvers

from common import args, read_returns, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
T, n, beta, R = read_returns(folder)


def solve():
    # Dense matrices: cvxopt's LP is 4× faster on this problem with a dense G than with a sparse one (13.8 s vs 51.6 s).
    m = n + 1 + T
    c = matrix(np.concatenate([np.zeros(n), [1.0], np.full(T, 1.0 / ((1 - beta) * T))]))
    G = np.zeros((2 * T + n, m))
    G[:T, :n] = -R  # −R w − α − u ≤ 0
    G[:T, n] = -1.0
    G[:T, n + 1:] = -np.eye(T)
    G[T:2 * T, n + 1:] = -np.eye(T)  # −u ≤ 0
    G[2 * T:, :n] = -np.eye(n)  # −w ≤ 0
    h = matrix(np.zeros(2 * T + n))
    A = matrix(np.concatenate([np.ones(n), np.zeros(1 + T)]).reshape(1, m))
    b = matrix(1.0)
    sol = solvers.lp(c, matrix(G), h, A, b)
    x = np.array(sol["x"]).ravel()
    return {"weights": x[:n], "objective": float(sol["primal objective"])}


run(solve, warmup, reps)
