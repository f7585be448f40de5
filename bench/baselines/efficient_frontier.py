"""Baseline: 50 frontier points on 100 assets with cvxopt, one QP per point: min wᵀΣw s.t. μᵀw ≥ target, Σw = 1,
w ≥ 0, targets evenly spaced from the minimum-volatility portfolio's return to the largest expected return."""
import numpy as np
from cvxopt import matrix, solvers

from common import args, read_matrix, read_meta, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
meta = read_meta(folder)
n, points = meta["n"], meta["points"]
cov = read_matrix(f"{folder}/cov.bin", n, n)
mu = read_matrix(f"{folder}/mu.bin", n, 1).ravel()


def frontier():
    P, q, A, b = matrix(2.0 * cov), matrix(np.zeros(n)), matrix(np.ones((1, n))), matrix(1.0)
    w0 = np.array(solvers.qp(P, q, matrix(-np.eye(n)), matrix(np.zeros(n)), A, b)["x"]).ravel()
    targets = np.linspace(mu @ w0, mu.max(), points)
    G = matrix(np.vstack([-np.eye(n), -mu.reshape(1, n)]))
    rets, vols = [], []
    for t in targets:
        w = np.array(solvers.qp(P, q, G, matrix(np.append(np.zeros(n), -t)), A, b)["x"]).ravel()
        rets.append(float(mu @ w))
        vols.append(float(np.sqrt(w @ cov @ w)))
    return {"returns": rets, "volatilities": vols}


run(frontier, warmup, reps)
