"""Shared helpers of the Python baselines: read the case's inputs, time repetitions after a warm-up,
report {seconds, peakMB, result} as one JSON line, as bench/ours.ts does for this project."""
import json
import resource
import sys
import time

import numpy as np


def read_matrix(path, rows, cols):
    return np.fromfile(path, dtype="<f8").reshape(rows, cols)


def read_meta(folder):
    with open(f"{folder}/meta.json") as f:
        return json.load(f)


def read_returns(folder):
    """The returns of a minimum-risk LP case: (T, n, beta, R) with R the T × n returns."""
    meta = read_meta(folder)
    T, n = meta["days"], meta["n"]
    return T, n, meta["beta"], read_matrix(f"{folder}/returns.bin", T, n)


def run(fn, warmup, reps):
    result = None
    for _ in range(warmup):
        result = fn()
    seconds = []
    for _ in range(reps):
        t0 = time.perf_counter()
        result = fn()
        seconds.append(time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {k: (v.tolist() if hasattr(v, "tolist") else v) for k, v in result.items()}
    sys.stdout.write(json.dumps({"seconds": seconds, "peakMB": peak_mb, "result": out}) + "\n")


def args():
    folder, warmup, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    return folder, warmup, reps
