"""Baseline: maximum Sharpe with cvxopt, PyPortfolioOpt's reformulation: min yᵀΣy s.t. (μ − r_f)ᵀy = 1, y ≥ 0."""
import numpy as np
from cvxopt import matrix, solvers

from common import args, read_matrix, read_meta, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
meta = read_meta(folder)
n, rf = meta["n"], meta["rf"]
cov = read_matrix(f"{folder}/cov.bin", n, n)
mu = read_matrix(f"{folder}/mu.bin", n, 1).ravel()


def solve():
    sol = solvers.qp(matrix(2.0 * cov), matrix(np.zeros(n)), matrix(-np.eye(n)), matrix(np.zeros(n)),
                     matrix((mu - rf).reshape(1, n)), matrix(1.0))
    y = np.array(sol["x"]).ravel()
    w = y / y.sum()
    w[np.abs(w) < 1e-8] = 0
    return {"weights": w / w.sum()}


run(solve, warmup, reps)
