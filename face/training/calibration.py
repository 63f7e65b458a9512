#!/usr/bin/python3
"""Temperature scaling of a classifier's probabilities, fitted on the FER2013 val part, with
expected calibration error (ECE, 15 equal-width confidence bins) before and after.

    /usr/bin/python3 face/training/calibration.py VAL_SCORES.csv [OTHER_SCORES.csv ...]

Inputs are EvaluateFaces --scores files (label + eight probabilities per sample). Softmax
outputs are rescaled as p^(1/T), renormalised (= softmax(logits / T)). T is fitted by
minimising the negative log-likelihood over a grid 0.25..10 (step 0.01); the val figure is cross-fitted
(two halves, seed 20261205: T fitted on one half, ECE measured on the other), and the other
files (validation only, e.g. Taiwanese) are scored with the T fitted on all of val.
"""
import csv
import sys

import numpy as np

EMOTIONS = ["neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt"]
SYNONYMS = {"happy": "happiness", "sad": "sadness", "angry": "anger", "surprise": "surprise",
            "fear": "fear", "disgust": "disgust", "neutral": "neutral"}


def read(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    p = np.array([[float(r[e]) for e in EMOTIONS[:7]] for r in rows])
    y = np.array([EMOTIONS.index(SYNONYMS.get(r["label"], r["label"])) for r in rows])
    return p / p.sum(1, keepdims=True), y


def scale(p, t):
    q = np.exp(np.log(np.clip(p, 1e-12, 1)) / t)
    return q / q.sum(1, keepdims=True)


def nll(p, y):
    return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1))))


def ece(p, y, bins=15):
    conf, pred = p.max(1), p.argmax(1)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (conf > lo) & (conf <= hi)
        if inside.any():
            total += inside.mean() * abs((pred[inside] == y[inside]).mean() - conf[inside].mean())
    return float(total)


def fit(p, y):
    grid = np.round(np.arange(0.25, 10.0001, 0.01), 2)
    return float(grid[np.argmin([nll(scale(p, t), y) for t in grid])])


def main():
    p, y = read(sys.argv[1])
    half = np.random.default_rng(20261205).permutation(len(y)) < len(y) // 2
    cross = []
    for a, b in ((half, ~half), (~half, half)):
        t = fit(p[a], y[a])
        cross.append((t, ece(p[b], y[b]), ece(scale(p[b], t), y[b]), b.sum()))
    n = sum(c[3] for c in cross)
    before = sum(c[1] * c[3] for c in cross) / n
    after = sum(c[2] * c[3] for c in cross) / n
    t_all = fit(p, y)
    print(f"{sys.argv[1]}: T per half {[c[0] for c in cross]}, cross-fitted ECE {before:.4f} -> "
          f"{after:.4f}; T on all of val {t_all:.2f}")
    for other in sys.argv[2:]:
        q, z = read(other)
        print(f"{other}: ECE {ece(q, z):.4f} -> {ece(scale(q, t_all), z):.4f} at T {t_all:.2f}")


if __name__ == "__main__":
    main()
