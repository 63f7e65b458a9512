"""Compares the converted ONNX models with the original JavaScript outputs.

For every case of ``cases.json`` it runs the ONNX file with the Python evaluator of
onnx_numeric.py and, when ONNX Runtime Java outputs (``<case>.ort.f32``, written by
ort/OrtParity.java) are present, compares those too. For the detectors it also decodes
boxes with blazeface_decode.py and compares them with the boxes human's code produced.

Bars (exit status 1 if any is exceeded): classifier probabilities max |diff| <= 1e-4;
detector raw outputs and decoded boxes/keypoints max |diff| <= 1e-3, same detections.

usage: parity.py <cases dir> <models dir> <report.json> [--ort-dir DIR] [--write-ort-tsv FILE]
"""

import argparse
import json
import os
import sys

import numpy as np
import onnx

import blazeface_decode
import onnx_numeric

BAR = {"classifier": 1e-4, "detector": 1e-3}
KIND = {"face_expression": "classifier", "emotion_fer2013": "classifier",
        "blazeface_back": "detector", "blazeface_front": "detector"}


def load_case(cases_dir, case):
    shape = case["input"]["shape"]
    x = np.fromfile(os.path.join(cases_dir, case["input"]["file"]), np.uint8).reshape(shape)
    expected = np.fromfile(os.path.join(cases_dir, f"{case['id']}.expected.f32"), "<f4")
    return x, expected.reshape(shape[0], -1)


def compare_raw(got, expected):
    d = np.abs(got.astype(np.float64) - expected.astype(np.float64))
    per_sample = d.reshape(d.shape[0], -1).max(axis=1)
    rel = d / np.maximum(1.0, np.abs(expected))
    return {"maxAbsDiff": float(d.max()), "maxAbsDiffPerSample": [float(v) for v in per_sample],
            "maxRelDiff": float(rel.max()), "maxAbsExpected": float(np.abs(expected).max())}


def compare_detections(got, js, input_size):
    """Decodes ``got`` [N, 896*17] like human does; compares with human's own detections."""
    worst = {"score": 0.0, "box": 0.0, "keypoints": 0.0, "squareBoxOffByOne": 0}
    same = True
    count = 0
    margins = []
    for sample in js["detections"]:
        raw = got[sample["sample"]].reshape(896, 17)
        scores, boxes, keypoints = blazeface_decode.decode(raw, input_size)
        for key in ("humanDefaults", "wide"):
            s = sample[key]["settings"]
            kept = blazeface_decode.nms(boxes, scores, s["maxDetected"], s["iouThreshold"], s["minConfidence"])
            ref = sample[key]["faces"]
            score_margin, iou_margin = blazeface_decode.nms_margins(
                boxes, scores, s["maxDetected"], s["iouThreshold"], s["minConfidence"])
            margins.append({"sample": sample["sample"], "settings": key, "scoreMargin": score_margin,
                            "iouMargin": iou_margin if iou_margin != float("inf") else None})
            if kept != [f["index"] for f in ref]:
                same = False
                continue
            for i, face in zip(kept, ref):
                count += 1
                worst["score"] = max(worst["score"], abs(scores[i] - face["score"]))
                worst["box"] = max(worst["box"], float(np.abs(boxes[i] - np.array(face["box"])).max()))
                worst["keypoints"] = max(worst["keypoints"],
                                         float(np.abs(keypoints[i] - np.array(face["landmarks"])).max()))
                sq = blazeface_decode.square_box(boxes[i], s["scale"])
                off = max(abs(a - b) for a, b in zip(sq, face["squareBox"]))
                if off > 1:
                    same = False
                worst["squareBoxOffByOne"] += int(off == 1)
    return {"sameDetections": same, "detectionsCompared": count,
            "maxAbsDiffScore": worst["score"], "maxAbsDiffBox": worst["box"],
            "maxAbsDiffKeypoints": worst["keypoints"], "squareBoxesOffByOnePixel": worst["squareBoxOffByOne"],
            "nmsMargins": margins}


def check(result, kind):
    bar = BAR[kind]
    ok = result["maxAbsDiff"] <= bar
    if "detections" in result:
        det = result["detections"]
        ok = ok and det["sameDetections"] and det["maxAbsDiffBox"] <= bar and det["maxAbsDiffKeypoints"] <= bar
    result["bar"] = bar
    result["pass"] = bool(ok)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases_dir")
    ap.add_argument("models_dir")
    ap.add_argument("report")
    ap.add_argument("--ort-dir", help="directory with <case>.ort.f32 from OrtParity.java")
    ap.add_argument("--write-ort-tsv", help="only write the case list for OrtParity.java and exit")
    args = ap.parse_args()
    index = json.load(open(os.path.join(args.cases_dir, "cases.json"), encoding="utf-8"))

    if args.write_ort_tsv:
        with open(args.write_ort_tsv, "w", encoding="utf-8") as f:
            for case in index["cases"]:
                n, h, w, c = case["input"]["shape"]
                per_sample = 7 if KIND[case["id"]] == "classifier" else 896 * 17
                f.write("\t".join(str(v) for v in [
                    case["id"], os.path.abspath(os.path.join(args.models_dir, case["model"] + ".onnx")),
                    os.path.abspath(os.path.join(args.cases_dir, case["input"]["file"])), n, h, w, c,
                    os.path.abspath(os.path.join(args.cases_dir, case["id"] + ".expected.f32")), per_sample]) + "\n")
        return 0

    report, all_ok = {}, True
    for case in index["cases"]:
        kind = KIND[case["id"]]
        x, expected = load_case(args.cases_dir, case)
        model = onnx.load(os.path.join(args.models_dir, case["model"] + ".onnx"))
        outputs = {"pythonEvaluator": list(onnx_numeric.run(model, {"input": x.astype(np.float32)}).values())[0]}
        if args.ort_dir:
            ort_file = os.path.join(args.ort_dir, case["id"] + ".ort.f32")
            outputs["onnxRuntimeJava"] = np.fromfile(ort_file, "<f4")
        entry = {"samples": case["samples"]}
        for name, got in outputs.items():
            got = got.reshape(expected.shape)
            result = compare_raw(got, expected)
            if kind == "detector":
                # The largest raw differences sit on hopeless anchors (logits near -150); what
                # matters downstream are the rows that can become detections.
                exp3 = expected.reshape(expected.shape[0], 896, 17)
                live = 1.0 / (1.0 + np.exp(-np.clip(exp3[:, :, 0].astype(np.float64), -60, 60))) > 0.05
                diff3 = np.abs(got.reshape(exp3.shape) - exp3)
                per = [float(diff3[i][live[i]].max()) if live[i].any() else 0.0 for i in range(exp3.shape[0])]
                result["maxAbsDiffRowsScoreAbove0.05PerSample"] = per
                result["maxAbsDiffRowsScoreAbove0.05"] = max(per)
                js = json.load(open(os.path.join(args.cases_dir, case["id"] + ".detections.json"), encoding="utf-8"))
                result["detections"] = compare_detections(got, js, case["input"]["shape"][1])
            all_ok &= check(result, kind)
            entry[name] = result
        report[case["id"]] = entry
        summary = {k: (v["maxAbsDiff"], v["pass"]) for k, v in entry.items() if k != "samples"}
        print(f"{case['id']}: {summary}")
    with open(args.report, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    if not all_ok:
        print("PARITY FAILED: see " + args.report, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
