"""Baseline: PyPortfolioOpt's sample_cov and CovarianceShrinkage.ledoit_wolf on complete prices:
returns, np.cov (ddof 1) × 252 with the Cholesky PSD check, and sklearn's ledoit_wolf × 252."""
import numpy as np
from sklearn.covariance import ledoit_wolf

from common import args, read_matrix, read_meta, run

folder, warmup, reps = args()
meta = read_meta(folder)
prices = read_matrix(f"{folder}/prices.bin", meta["rows"], meta["n"])


def compute():
    returns = prices[1:] / prices[:-1] - 1
    sample = np.cov(returns, rowvar=False) * 252
    np.linalg.cholesky(sample + 1e-16 * np.eye(len(sample)))  # PyPortfolioOpt's PSD check
    shrunk, delta = ledoit_wolf(np.nan_to_num(returns))
    return {"sample": sample.ravel(), "shrunk": shrunk.ravel() * 252, "delta": float(delta)}


run(compute, warmup, reps)
