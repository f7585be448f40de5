"""Baseline: long-only minimum volatility with cvxopt solvers.qp (min wᵀΣw s.t. Σw = 1, w ≥ 0)."""
import numpy as np
from cvxopt import matrix, solvers

from common import args, read_matrix, read_meta, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
n = read_meta(folder)["n"]
cov = read_matrix(f"{folder}/cov.bin", n, n)


def solve():
    P = matrix(2.0 * cov)
    q = matrix(np.zeros(n))
    G = matrix(-np.eye(n))
    h = matrix(np.zeros(n))
    A = matrix(np.ones((1, n)))
    b = matrix(1.0)
    sol = solvers.qp(P, q, G, h, A, b)
    return {"weights": np.array(sol["x"]).ravel()}


run(solve, warmup, reps)
