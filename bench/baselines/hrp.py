"""Baseline: PyPortfolioOpt's HRPOpt (1.5.x) algorithm on returns: pandas corr and cov, distance sqrt((1 − ρ)/2),
scipy single linkage, quasi-diagonal order, recursive bisection with inverse-variance cluster variances."""
import numpy as np
import pandas as pd
import scipy.cluster.hierarchy as sch
import scipy.spatial.distance as ssd

from common import args, read_matrix, read_meta, run

folder, warmup, reps = args()
meta = read_meta(folder)
returns = pd.DataFrame(read_matrix(f"{folder}/returns.bin", meta["rows"], meta["n"]))


def cluster_var(cov, items):
    c = cov[np.ix_(items, items)]
    w = 1 / np.diag(c)
    w /= w.sum()
    return w @ c @ w


def hrp():
    corr, cov = returns.corr().values, returns.cov().values
    dist = ssd.squareform(np.sqrt(np.clip((1.0 - corr) / 2.0, 0.0, 1.0)), checks=False)
    order = sch.to_tree(sch.linkage(dist, "single"), rd=False).pre_order()
    w = np.ones(len(order))
    clusters = [order]
    while clusters:
        clusters = [c[j:k] for c in clusters for j, k in ((0, len(c) // 2), (len(c) // 2, len(c))) if len(c) > 1]
        for i in range(0, len(clusters), 2):
            a, b = clusters[i], clusters[i + 1]
            va, vb = cluster_var(cov, a), cluster_var(cov, b)
            alpha = 1 - va / (va + vb)
            w[a] *= alpha
            w[b] *= 1 - alpha
    return {"weights": w}


run(hrp, warmup, reps)
