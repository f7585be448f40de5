"""Baseline: scikit-learn RandomForestRegressor, 100 trees, max_features 6, min_samples_leaf 5, n_jobs 2; fit and
predict on 2,000 held-out rows, R² reported."""
import numpy as np
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import r2_score

from common import args, read_matrix, read_meta, run

folder, warmup, reps = args()
meta = read_meta(folder)
n, p = meta["train"] + meta["test"], meta["p"]
x = read_matrix(f"{folder}/x.bin", n, p)
y = read_matrix(f"{folder}/y.bin", n, 1).ravel()
xt, yt, xv, yv = x[: meta["train"]], y[: meta["train"]], x[meta["train"]:], y[meta["train"]:]


def fit():
    rf = RandomForestRegressor(n_estimators=100, max_features=6, min_samples_leaf=5, n_jobs=2, random_state=1)
    rf.fit(xt, yt)
    return {"r2": float(r2_score(yv, rf.predict(xv)))}


run(fit, warmup, reps)
