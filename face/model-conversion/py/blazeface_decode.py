"""BlazeFace anchors, box decoding and non-maximum suppression, as human 3.3.6 does them.

This is the executable form of the specification in README.md ("BlazeFace decoding");
parity.py checks it against the JavaScript original on every detector case, so the Java
port can follow either.
"""

import numpy as np

KEYPOINTS = 6


def anchors(input_size):
    """[896, 2] anchor centres (x, y) in input pixels, in the row order of the model output."""
    out = []
    for stride, per_cell in ((input_size // 16, 2), (input_size // 8, 6)):
        grid = (input_size + stride - 1) // stride
        for gy in range(grid):
            for gx in range(grid):
                out.extend([(stride * (gx + 0.5), stride * (gy + 0.5))] * per_cell)
    return np.array(out, dtype=np.float32)


def decode(raw, input_size):
    """``raw`` [896, 17] -> (scores [896], boxes [896, 4] as x1, y1, x2, y2, keypoints [896, 6, 2])."""
    raw = np.asarray(raw, dtype=np.float32)
    a = anchors(input_size)
    centre = raw[:, 1:3] + a
    half = raw[:, 3:5] / np.float32(2)
    boxes = np.concatenate([centre - half, centre + half], axis=1)
    with np.errstate(over="ignore"):  # exp overflow -> inf -> score 0, which is right
        scores = 1.0 / (1.0 + np.exp(-raw[:, 0].astype(np.float64)))
    keypoints = raw[:, 5:5 + 2 * KEYPOINTS].reshape(-1, KEYPOINTS, 2) + a[:, None, :]
    return scores, boxes, keypoints


def iou(a, b):
    """Intersection over union of two (x1, y1, x2, y2) boxes; 0 if either has no area."""
    ax1, ax2 = min(a[0], a[2]), max(a[0], a[2])
    ay1, ay2 = min(a[1], a[3]), max(a[1], a[3])
    bx1, bx2 = min(b[0], b[2]), max(b[0], b[2])
    by1, by2 = min(b[1], b[3]), max(b[1], b[3])
    area_a = (ax2 - ax1) * (ay2 - ay1)
    area_b = (bx2 - bx1) * (by2 - by1)
    if area_a <= 0 or area_b <= 0:
        return 0.0
    inter = max(min(ax2, bx2) - max(ax1, bx1), 0.0) * max(min(ay2, by2) - max(ay1, by1), 0.0)
    return inter / (area_a + area_b - inter)


def nms(boxes, scores, max_detected, iou_threshold, min_confidence):
    """Greedy hard NMS with TF.js semantics: keep scores > min_confidence, highest first (ties:
    lower index first), drop a candidate whose IoU with any kept box is >= iou_threshold."""
    order = sorted((i for i in range(len(scores)) if scores[i] > min_confidence),
                   key=lambda i: (-scores[i], i))
    kept = []
    for i in order:
        if len(kept) >= max_detected:
            break
        if all(iou(boxes[i], boxes[k]) < iou_threshold for k in kept):
            kept.append(i)
    return kept


def nms_margins(boxes, scores, max_detected, iou_threshold, min_confidence):
    """How close one NMS run came to flipping: the smallest distance of any score to
    ``min_confidence`` and of any IoU that NMS evaluated to ``iou_threshold``."""
    score_margin = float(np.min(np.abs(np.asarray(scores, np.float64) - min_confidence)))
    kept = nms(boxes, scores, max_detected, iou_threshold, min_confidence)
    order = sorted((i for i in range(len(scores)) if scores[i] > min_confidence), key=lambda i: (-scores[i], i))
    iou_margin, selected = float("inf"), []
    for i in order:
        if len(selected) >= max_detected:
            break
        ious = [iou(boxes[i], boxes[k]) for k in selected]
        if ious:
            iou_margin = min(iou_margin, min(abs(v - iou_threshold) for v in ious))
        if all(v < iou_threshold for v in ious):
            selected.append(i)
    assert selected == kept
    return score_margin, iou_margin


def square_box(box, scale):
    """human's enlargeBox(scale) then squarifyBox: the crop human hands to its face models."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    w, h = abs(box[2] - box[0]) * scale, abs(box[3] - box[1]) * scale
    half = max(w, h) / 2
    # JavaScript Math.round: halves go up
    r = lambda v: int(np.floor(v + 0.5))
    return [r(cx - half), r(cy - half), r(cx + half), r(cy + half)]
