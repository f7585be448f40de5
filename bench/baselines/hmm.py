"""Baseline: Baum–Welch for a Gaussian HMM with full covariances in numpy, the algorithm of src/models/regimes
(Rabiner 1989): Gaussian log densities through Cholesky factors, the scaled forward recursion, the scaled backward
recursion with the expected transitions, the weighted M-step plus a covariance floor; stop when log L rises by less
than the tolerance. Several starts (given), the best log-likelihood kept."""
import numpy as np
from scipy.linalg import solve_triangular

from common import args, read_matrix, read_meta, run

folder, warmup, reps = args()
meta = read_meta(folder)
T, d, K = meta["days"], meta["series"], meta["states"]
x = read_matrix(f"{folder}/returns.bin", T, d)
max_iter, tol, floor = meta["maxIterations"], meta["tolerance"], meta["floor"]


def unpack(v):
    v = np.asarray(v)
    o = 0
    out = []
    for shape in ((K,), (K, K), (K, d), (K, d, d)):
        n = int(np.prod(shape))
        out.append(v[o:o + n].reshape(shape).copy())
        o += n
    return out


def log_emissions(means, covs):
    out = np.empty((T, K))
    for k in range(K):
        L = np.linalg.cholesky(covs[k])
        z = solve_triangular(L, (x - means[k]).T, lower=True)
        out[:, k] = -0.5 * d * np.log(2 * np.pi) - np.log(np.diag(L)).sum() - 0.5 * (z * z).sum(axis=0)
    return out


def fit(pi, A, means, covs):
    history = []
    while True:
        logb = log_emissions(means, covs)
        shift = logb.max(axis=1)
        b = np.exp(logb - shift[:, None])
        alpha = np.empty((T, K))
        c = np.empty(T)
        a = pi * b[0]
        c[0] = a.sum()
        alpha[0] = a / c[0]
        for t in range(1, T):
            a = (alpha[t - 1] @ A) * b[t]
            c[t] = a.sum()
            alpha[t] = a / c[t]
        ll = float(np.log(c).sum() + shift.sum())
        history.append(ll)
        if len(history) > 1 and ll - history[-2] < tol:
            break
        if len(history) >= max_iter:
            break
        beta = np.empty((T, K))
        beta[-1] = 1.0
        xi = np.zeros((K, K))
        for t in range(T - 2, -1, -1):
            w = b[t + 1] * beta[t + 1] / c[t + 1]
            beta[t] = A @ w
            xi += np.outer(alpha[t], w) * A
        gamma = alpha * beta
        pi = gamma[0].copy()
        A = xi / xi.sum(axis=1, keepdims=True)
        mass = gamma.sum(axis=0)
        means = (gamma.T @ x) / mass[:, None]
        covs = np.stack([((gamma[:, k, None] * (x - means[k])).T @ (x - means[k])) / mass[k] + floor * np.eye(d) for k in range(K)])
    return ll, len(history), means, A


def hmm():
    results = [fit(*unpack(s)) for s in meta["starts"]]
    best = max(range(len(results)), key=lambda i: results[i][0])
    ll, iterations, means, A = results[best]
    return {"logLikelihood": ll, "startLogLikelihoods": [r[0] for r in results], "iterations": iterations, "means": means.reshape(-1), "transition": A.reshape(-1)}


run(hmm, warmup, reps)
