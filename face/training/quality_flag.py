#!/usr/bin/python3
"""Which signals predict a wrong face-emotion prediction, and how the not-assessable rule does:
accuracy of flagged against unflagged faces.

    /usr/bin/python3 face/training/quality_flag.py SCORES_DIR [--threshold P] [--rule]

SCORES_DIR as for calibration.py (EvaluateFaces --scores files SET.CONFIG.csv with the quality
columns). Configurations: "default" (face-api + cnn48 averaged, from the two single runs),
"face-api+fer2013" (the earlier default),
"face-api" (alone, mirrored), "fast" (mode=fast); each calibrated with the temperature that
calibration.py fits (read from the bundled calibration file, or 1 when missing).

Without --rule: per signal, the area under the ROC curve for telling wrong from right
predictions (0.5 = no information; above 0.5: a low value goes with errors; for "source" the
accuracy per path is listed), and accuracy by quintile. The rule is chosen on FER val with the
face-api net alone (chosen before cnn48 existed; FER val is honest for face-api and cnn48, not
for mini-Xception, which was trained on it, so its confidence there is memorised): --threshold P is the calibrated top probability below
which a face is flagged UNCERTAIN. With --rule: flagged / unflagged counts and accuracies of the
implemented rule (MIN_TOP_PROBABILITY and the confidence limits below, as FaceQualityMeter
has them), recomputed from the calibrated probabilities and the measured columns, so each
configuration is judged with its own calibrated probabilities.
"""
import argparse
import os

import numpy as np

from calibration import ensemble, load, scale

HERE = os.path.dirname(os.path.abspath(__file__))
PROPERTIES = os.path.join(HERE, "..", "src", "main", "resources", "io", "github", "affect4j",
                          "face", "models", "calibration.properties")
MEASURES = ["confidence", "faceSize", "sharpness", "brightness", "contrast", "yawDegrees",
            "rollDegrees"]
# The image flags the detector raises besides UNCERTAIN.
IMAGE_FLAGS = ["SMALL", "BLURRY", "UNDEREXPOSED", "OVEREXPOSED", "CUT_OFF", "NON_FRONTAL",
               "LOW_CONFIDENCE"]
# The implemented rule (FaceQualityMeter): UNCERTAIN below this calibrated top probability;
# LOW_CONFIDENCE below 0.75 for detected faces, below 0.6 for images read whole; NON_FRONTAL for
# detected faces only; the other image flags as measured.
MIN_TOP_PROBABILITY = 0.30
MIN_CONFIDENCE = 0.75
MIN_CONFIDENCE_WHOLE_IMAGE = 0.6
MIN_CONFIDENCE_WHOLE_IMAGE_FRONT = 0.5  # mode=fast: BlazeFace front (128)


def temperatures():
    t = {}
    if os.path.exists(PROPERTIES):
        for line in open(PROPERTIES):
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=")
                t[k.strip()] = float(v)
    return t


def configs(d, data_set):
    t = temperatures()
    out = {}
    a = load(d, data_set, "face-api")
    e = ensemble(d, data_set, "face-api", "cnn48")
    old = ensemble(d, data_set, "face-api", "fer2013")
    f = load(d, data_set, "fast")
    if e is not None:
        out["default"] = (scale(e[0], t.get("face-api+cnn48.mirrored", 1)), e[1], e[2])
    if old is not None:
        out["face-api+fer2013"] = (scale(old[0], t.get("face-api+fer2013.mirrored", 1)), old[1],
                                   old[2])
    if a is not None:
        out["face-api"] = (scale(a[0], t.get("face-api.mirrored", 1)), a[1], a[2])
    if f is not None:
        out["fast"] = (scale(f[0], t.get("face-api", 1)), f[1], f[2])
    return out


def auc(score, wrong):
    """P(score of a right prediction > score of a wrong one), ties count half."""
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    s = score[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    right = ~wrong
    n_r, n_w = right.sum(), wrong.sum()
    if n_r == 0 or n_w == 0:
        return float("nan")
    return float((ranks[right].sum() - n_r * (n_r + 1) / 2) / (n_r * n_w))


def column(rows, name):
    return np.array([float(r[name]) if r.get(name) not in (None, "") else np.nan for r in rows])


def signals(p, rows):
    top = np.sort(p, 1)
    result = {"top probability": top[:, -1], "margin": top[:, -1] - top[:, -2]}
    for m in MEASURES:
        result[m] = column(rows, m)
    result["|yawDegrees|"] = np.abs(result.pop("yawDegrees"))
    result["|rollDegrees|"] = np.abs(result.pop("rollDegrees"))
    return result


def image_flagged(rows, front=False):
    """The image flags of the implemented rule, recomputed from the measured columns (so that
    files written before the rule changed give the same answer)."""
    out = []
    for r in rows:
        flags = set(f for f in r["flags"].split("|") if f) - {"LOW_CONFIDENCE", "NON_FRONTAL",
                                                                "UNCERTAIN"}
        whole = r["source"] != "DETECTED"
        confidence = float(r["confidence"])
        whole_limit = MIN_CONFIDENCE_WHOLE_IMAGE_FRONT if front else MIN_CONFIDENCE_WHOLE_IMAGE
        if confidence < (whole_limit if whole else MIN_CONFIDENCE):
            flags.add("LOW_CONFIDENCE")
        if not whole and "NON_FRONTAL" in r["flags"]:
            flags.add("NON_FRONTAL")
        out.append(bool(flags))
    return np.array(out)


def line(name, mask, right):
    n = mask.sum()
    acc = right[mask].mean() if n else float("nan")
    return f"{name} {n} ({n / len(mask):.1%}) acc {acc:.3f}"


def explore(d):
    for data_set in ("val", "taiwanese", "webmorph"):
        for name, (p, y, rows) in configs(d, data_set).items():
            right = p.argmax(1) == y
            print(f"\n== {data_set} / {name}: n={len(y)} accuracy {right.mean():.3f}")
            sources = np.array([r["source"] for r in rows])
            for s in sorted(set(sources)):
                print(f"   path {line(s, sources == s, right)}")
            for k, v in signals(p, rows).items():
                ok = ~np.isnan(v)
                if ok.sum() < 20:
                    continue
                a = auc(v[ok], ~right[ok])
                q = np.nanquantile(v, [0.2, 0.4, 0.6, 0.8])
                bins = np.digitize(v[ok], q)
                accs = " ".join(f"{right[ok][bins == b].mean():.2f}" if (bins == b).any() else "-"
                                for b in range(5))
                print(f"   {k:16s} AUROC {a:.3f}  acc by quintile (low..high) {accs}  "
                      f"cuts {np.round(q, 3).tolist()}")
            flags = [set(f for f in r["flags"].split("|") if f) for r in rows]
            for flag in IMAGE_FLAGS:
                mask = np.array([flag in f for f in flags])
                if mask.any():
                    print(f"   flag {line(flag, mask, right)}")
            old = np.array([r["assessable"] == "0" for r in rows])
            print(f"   as run: not assessable {line('', old, right)}; "
                  f"assessable {line('', ~old, right)}")


def rule(d, threshold=MIN_TOP_PROBABILITY):
    for data_set in ("val", "taiwanese", "webmorph"):
        for name, (p, y, rows) in configs(d, data_set).items():
            right = p.argmax(1) == y
            uncertain = p.max(1) < threshold
            image = image_flagged(rows, front=name == "fast")
            flagged = uncertain | image
            print(f"{data_set:9s} {name:8s} n={len(y):5d} acc {right.mean():.3f}: flagged "
                  f"{line('', flagged, right)}; unflagged {line('', ~flagged, right)}; "
                  f"UNCERTAIN alone {uncertain.sum()}, image flags alone "
                  f"{(image & ~uncertain).sum()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scores_dir")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--rule", action="store_true")
    args = parser.parse_args()
    if args.rule:
        rule(args.scores_dir, args.threshold or MIN_TOP_PROBABILITY)
    else:
        explore(args.scores_dir)


if __name__ == "__main__":
    main()
