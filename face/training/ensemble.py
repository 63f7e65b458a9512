#!/usr/bin/python3
"""Scores an equal-weight ensemble offline from EvaluateFaces --scores files.

    /usr/bin/python3 face/training/ensemble.py A.csv [B.csv ...]

Each file holds one classifier's probabilities per image (path, label, whole, then the eight
emotions in affect4j's order). The files must list the same images in the same order (the same
CSV scored with the same detector options): the detection and the crop rule do not depend on the
classifiers, so averaging the files' probabilities with equal weights gives what the detector
computes for `classifiers=A,B` (it averages probabilities, weight 1 each). Prints accuracy, UAR,
recall per class and the confusion matrix (rows truth, columns predicted).
"""
import csv
import sys

import numpy as np

ORDER = ["neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt"]
TRUTH = {"angry": "anger", "happy": "happiness", "sad": "sadness", "fearful": "fear",
         "disgusted": "disgust", "surprised": "surprise"}


def read(path):
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    paths = [r[0] for r in rows]
    truth = np.array([ORDER.index(TRUTH.get(r[1], r[1])) for r in rows])
    probs = np.array([[float(v) for v in r[3:11]] for r in rows])
    return paths, truth, probs


def report(truth, probs, name):
    pred = probs.argmax(1)
    classes = [c for c in range(8) if (truth == c).any()]
    recall = [float((pred[truth == c] == c).mean()) for c in classes]
    print(f"{name}: accuracy {float((pred == truth).mean()):.4f}, UAR {np.mean(recall):.4f}, n {len(truth)}")
    print("  recall " + " ".join(f"{ORDER[c]} {r:.3f}" for c, r in zip(classes, recall)))
    for c in classes:
        print(f"  {ORDER[c]:<10}" + "".join(f"{int(((truth == c) & (pred == k)).sum()):5d}"
                                            for k in classes))


def main():
    paths, truth, total = read(sys.argv[1])
    for other in sys.argv[2:]:
        p, t, probs = read(other)
        if p != paths or not (t == truth).all():
            sys.exit(f"{other} does not list the images of {sys.argv[1]} in the same order")
        total = total + probs
    report(truth, total / len(sys.argv[1:]), " + ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
