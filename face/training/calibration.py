#!/usr/bin/python3
"""Fits the temperatures that calibrate the onnx face detector's probabilities and writes them
to the detector's calibration file; reports expected calibration error (ECE) before and after.

    /usr/bin/python3 face/training/calibration.py SCORES_DIR [--write PROPERTIES]

SCORES_DIR holds EvaluateFaces --scores files named SET.CONFIG.csv (see face/training/README.md,
"Calibration and the quality flag", for the commands that write them):
    SET    val (FER val), taiwanese (validation only: never fitted on), webmorph (Face Research
           Lab London neutral/smiling, prepare_webmorph.py)
    CONFIG face-api, cnn48, fer2013 (one bundled classifier each, accurate mode: BlazeFace
           256, mirror copies), fast (mode=fast: face-api alone, no mirror copies)

Where the temperature applies: to the detector's final distribution, after the classifiers'
(and mirror copies') probabilities are averaged: p_T = softmax(log(p) / T). One T per
configuration (the set of classifiers, with or without mirror copies). It divides every log
probability by the same number, so the arg-max, and with it the accuracy, never changes.

What each temperature is fitted on (negative log-likelihood, grid 0.25..10, step 0.01):
  * face-api alone (mirrored, and not mirrored = mode fast): FER val. The face-api net never
    saw FER2013, so FER val is honest for it.
  * face-api + cnn48 (the default ensemble): FER val. cnn48 was trained on the other 90% of
    FER2013's training split (train.csv) and never saw FER val, so FER val is honest for both.
  * face-api + fer2013 (the earlier default): the webmorph portraits, the only allowed data
    that neither of its nets was trained on. FER val is not usable: mini-Xception was trained
    on it (and on the rest of FER2013's training split, so the training part is no better), and
    a T fitted there learns its memorised confidence. The webmorph set has two labels
    (neutral, happiness) of 102 people; the fit is one number, cross-fitted by person.
ECE uses 15 equal-width bins of the top probability. Cross-fitted figures: the data split in
two halves (seed 20261205; webmorph by person), T fitted on one half, ECE measured on the other,
both ways, averaged by size. Other sets are scored with the T fitted on all of its fitting set.

--write PROPERTIES writes the fitted values in the format of the bundled calibration file
face/src/main/resources/io/github/affect4j/face/models/calibration.properties. Rerun after any
change to a bundled classifier or to the pipeline in front of it (crops, detector, alignment).
"""
import argparse
import csv
import datetime
import os
import sys

import numpy as np

EMOTIONS = ["neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt"]
SYNONYMS = {"happy": "happiness", "sad": "sadness", "angry": "anger", "surprise": "surprise",
            "fear": "fear", "disgust": "disgust", "neutral": "neutral"}
SEED = 20261205
GRID = np.round(np.arange(0.25, 10.0001, 0.01), 2)


def read(path):
    """(probabilities [n, 7] in EMOTIONS order without contempt, labels [n], rows)."""
    with open(path) as f:
        rows = [r for r in csv.DictReader(f) if r.get("contempt") not in (None, "")]
    if not rows:
        return None
    p = np.array([[float(r[e]) for e in EMOTIONS[:7]] for r in rows])
    y = np.array([EMOTIONS.index(SYNONYMS.get(r["label"], r["label"])) for r in rows])
    return p / p.sum(1, keepdims=True), y, rows


def scale(p, t):
    q = np.log(np.clip(p, 1e-12, 1)) / t
    q = np.exp(q - q.max(1, keepdims=True))
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
    return float(GRID[np.argmin([nll(scale(p, t), y) for t in GRID])])


def halves(rows, by_person):
    """A boolean mask of the first half: random by sample, or by person (webmorph: file stem)."""
    rng = np.random.default_rng(SEED)
    if not by_person:
        return rng.permutation(len(rows)) < len(rows) // 2
    people = sorted({os.path.basename(r["path"]).split(".")[0] for r in rows})
    chosen = set(np.array(people)[rng.permutation(len(people)) < len(people) // 2])
    return np.array([os.path.basename(r["path"]).split(".")[0] in chosen for r in rows])


def cross_fitted(p, y, rows, by_person=False):
    """(ECE before, ECE after, [T per half]) with T fitted on one half, scored on the other."""
    first = halves(rows, by_person)
    before = after = 0.0
    ts = []
    for a, b in ((first, ~first), (~first, first)):
        t = fit(p[a], y[a])
        ts.append(t)
        before += ece(p[b], y[b]) * b.sum()
        after += ece(scale(p[b], t), y[b]) * b.sum()
    return before / len(y), after / len(y), ts


def load(directory, data_set, config):
    path = os.path.join(directory, f"{data_set}.{config}.csv")
    return read(path) if os.path.exists(path) else None  # None: not written (yet)


def ensemble(directory, data_set, first, second):
    """An ensemble's probabilities: the mean of two classifiers' (as the detector averages
    them, equal weights), from the two single-classifier runs of the same images."""
    a, b = load(directory, data_set, first), load(directory, data_set, second)
    if a is None or b is None:
        return None
    if [r["path"] for r in a[2]] != [r["path"] for r in b[2]]:
        sys.exit(f"calibration: {data_set}: the {first} and {second} files list other images")
    return (a[0] + b[0]) / 2, a[1], a[2]


def accuracy(p, y):
    return float((p.argmax(1) == y).mean())


def report(name, p, y, t):
    print(f"  {name:10s} n={len(y):5d} acc {accuracy(p, y):.3f}  ECE {ece(p, y):.3f} -> "
          f"{ece(scale(p, t), y):.3f} at T {t:.2f}  (NLL {nll(p, y):.3f} -> {nll(scale(p, t), y):.3f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scores_dir")
    parser.add_argument("--write", metavar="PROPERTIES")
    args = parser.parse_args()
    d = args.scores_dir
    fitted = {}

    plans = [  # key, how to get the probabilities of a set, fitting set, by person
        ("face-api.mirrored", lambda s: load(d, s, "face-api"), "val", False),
        ("face-api", lambda s: load(d, s, "fast"), "val", False),
        ("face-api+cnn48.mirrored", lambda s: ensemble(d, s, "face-api", "cnn48"), "val", False),
        ("face-api+fer2013.mirrored", lambda s: ensemble(d, s, "face-api", "fer2013"), "webmorph",
         True),
    ]
    for key, get, fit_set, by_person in plans:
        data = get(fit_set)
        if data is None:
            print(f"{key}: no {fit_set} scores in {d}; skipped")
            continue
        p, y, rows = data
        before, after, ts = cross_fitted(p, y, rows, by_person)
        t = fit(p, y)
        fitted[key] = (t, fit_set, len(y))
        print(f"{key}: T {t:.2f} fitted on all of {fit_set} (n={len(y)}); cross-fitted on "
              f"{fit_set}: T per half {ts}, ECE {before:.3f} -> {after:.3f}")
        for s in ("val", "taiwanese", "webmorph"):
            other = get(s)
            if other is not None:
                report(s, other[0], other[1], t)
        if key.startswith("face-api+fer2013"):
            # What FER val would have said, for the record (never used): mini-Xception's
            # memorised confidence.
            val = get("val")
            if val is not None:
                print(f"  (not used) T fitted on FER val: {fit(val[0], val[1]):.2f}")

    if args.write:
        today = datetime.date.today().isoformat()
        with open(args.write, "w") as f:
            f.write("# Temperatures of the onnx face detector's final probabilities, one per\n"
                    "# configuration: the bundled classifiers averaged (joined by '+', in the\n"
                    "# order of the option 'classifiers'), '.mirrored' with mirror copies.\n"
                    "# p = softmax(log(p) / T); the arg-max never changes.\n"
                    f"# Written by face/training/calibration.py on {today}; what each value was\n"
                    "# fitted on and the ECE before and after: MODELS.md, \"Calibration\".\n")
            for key, (t, fit_set, n) in fitted.items():
                f.write(f"# {key}: fitted on {fit_set}, n={n}\n{key} = {t:.2f}\n")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
