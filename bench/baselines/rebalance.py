"""Baseline: cost-aware rebalance with cvxopt, x = [w, u+, u-], w − w0 = u+ − u−, u ≥ 0, 0 ≤ w ≤ upper, Σw = 1:
min −μ'w + γ/2 w'Σw + Σ κ_i (u+_i + u−_i) + Σ η_i (u+_i² + u−_i²), κ = commission + half spread."""
import numpy as np
from cvxopt import matrix, solvers, spmatrix, sparse

from common import args, read_matrix, read_meta, run

solvers.options["show_progress"] = False
folder, warmup, reps = args()
meta = read_meta(folder)
n, gamma, upper, commission = meta["n"], meta["gamma"], meta["upper"], meta["commissionBps"]
cov = read_matrix(f"{folder}/cov.bin", n, n)
mu = read_matrix(f"{folder}/mu.bin", n, 1).ravel()
w0 = read_matrix(f"{folder}/w0.bin", n, 1).ravel()
spread = read_matrix(f"{folder}/spread.bin", n, 1).ravel()
eta = read_matrix(f"{folder}/impact.bin", n, 1).ravel()
kappa = commission * 1e-4 + spread * 0.5e-4


def solve():
    N = 3 * n
    P = np.zeros((N, N))
    P[:n, :n] = gamma * cov
    P[n:2 * n, n:2 * n] = np.diag(2 * eta)
    P[2 * n:, 2 * n:] = np.diag(2 * eta)
    q = np.concatenate([-mu, kappa, kappa])
    I = spmatrix(1.0, range(n), range(n))
    Z = spmatrix([], [], [], (n, n))
    A = sparse([[I, spmatrix(1.0, [0] * n, range(n), (1, n))], [-I, spmatrix([], [], [], (1, n))], [I, spmatrix([], [], [], (1, n))]])
    b = matrix(np.concatenate([w0, [1.0]]))
    G = sparse([[-I, Z, Z, I], [Z, -I, Z, Z], [Z, Z, -I, Z]])
    h = matrix(np.concatenate([np.zeros(3 * n), np.full(n, upper)]))
    sol = solvers.qp(matrix(P), matrix(q), G, h, A, b)
    x = np.array(sol["x"]).ravel()
    w = x[:n]
    d = np.abs(w - w0)
    objective = mu @ w - 0.5 * gamma * w @ cov @ w - kappa @ d - eta @ (d * d)
    return {"weights": w, "objective": float(objective)}


run(solve, warmup, reps)
