#!/usr/bin/python3
"""Retrains the last layer (fully connected 256 -> 7) of the face-api.js expression net on the
FER2013 training part, on the pooled features of the frozen pretrained backbone, and writes the
model as ONNX through the same graph builder as the bundled face_expression.onnx (same input,
output, labels and metadata contract, so the Java side and its model card are unchanged).

    /usr/bin/python3 face/training/train_head.py --views /work/data/views \
        --manifest <face-api>/model/face_expression_model-weights_manifest.json \
        --out /work/data/head [--train-views mix1]

Features: <views>/<part>.<view>.f32 written by ExtractFeatures.java from make_views.py's views.
Loss: cross-entropy (class weights (n_max / n_c)^0.5, label smoothing 0.1) plus distillation
towards the original layer's predictions on the same features (KL at temperature 2, weight
--distill), and the layer starts from the original weights: the backbone is untouched, and the
head is pulled towards FER2013's labels without forgetting the original decision rule.
Validation: FER2013 val part (val.plain; averaged with val.mirror when that was extracted).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from faceapi_torch import LABELS, load_pretrained, to_tfjs_weights

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "model-conversion", "py"))
SEED = 20261205


def features(views, part, view):
    """Features and labels of a view; a view still being extracted gives its complete prefix."""
    x = np.fromfile(os.path.join(views, f"{part}.{view}.f32"), "<f4")
    x = x[:len(x) // 256 * 256].reshape(-1, 256)
    y = np.load(os.path.join(views, f"{part}.{view}.labels.npy"))[:len(x)]
    return torch.from_numpy(x.copy()), torch.from_numpy(y)


def scores(head, plain, mirror, labels):
    with torch.no_grad():
        p = torch.softmax(head(plain), -1)
        if mirror is not None:
            p = (p + torch.softmax(head(mirror), -1)) / 2
    pred = p.argmax(1)
    recall = [float((pred[labels == c] == c).float().mean()) for c in range(len(LABELS))]
    return float((pred == labels).float().mean()), float(np.mean(recall)), recall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--views", default="/work/data/views")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--out", default="/work/data/head")
    ap.add_argument("--train-views", default="mix1")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--distill", type=float, default=1.0)
    args = ap.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()

    parts = [features(args.views, "train", v) for v in args.train_views.split(",")]
    x = torch.cat([p[0] for p in parts])
    y = torch.cat([p[1] for p in parts])
    print(f"{len(x)} training samples", flush=True)
    val_plain, val_y = features(args.views, "val", "plain")
    val_mirror = (features(args.views, "val", "mirror")[0]
                  if os.path.exists(os.path.join(args.views, "val.mirror.f32")) else None)

    model = load_pretrained(args.manifest).eval()
    original = model.fc
    head = torch.nn.Linear(256, len(LABELS))
    head.load_state_dict(original.state_dict())
    with torch.no_grad():
        teacher = torch.softmax(original(x) / 2, -1)
    counts = torch.bincount(y, minlength=len(LABELS)).float()
    class_weights = (counts.max() / counts) ** 0.5

    log = []
    acc, uar, recall = scores(original, val_plain, val_mirror, val_y)
    log.append({"epoch": 0, "val_accuracy": acc, "val_uar": uar, "val_recall": recall})
    print(f"original head: val accuracy {acc:.4f} UAR {uar:.4f}", flush=True)
    optimizer = torch.optim.Adam(head.parameters(), lr=args.lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, args.epochs)
    g = torch.Generator().manual_seed(SEED)
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(len(x), generator=g)
        for i in range(0, len(x), 256):
            idx = order[i:i + 256]
            logits = head(x[idx])
            loss = F.cross_entropy(logits, y[idx], weight=class_weights, label_smoothing=0.1)
            if args.distill > 0:
                loss = loss + args.distill * 4 * F.kl_div(torch.log_softmax(logits / 2, -1),
                                                          teacher[idx], reduction="batchmean")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        schedule.step()
        acc, uar, recall = scores(head, val_plain, val_mirror, val_y)
        log.append({"epoch": epoch, "val_accuracy": acc, "val_uar": uar, "val_recall": recall})
        if epoch % 5 == 0 or epoch == args.epochs:
            print(f"epoch {epoch}: val accuracy {acc:.4f} UAR {uar:.4f} "
                  f"recall {[round(r, 3) for r in recall]}", flush=True)

    model.fc = head
    torch.save(model.state_dict(), os.path.join(args.out, "model.pt"))
    with open(os.path.join(args.out, "log.json"), "w") as f:
        json.dump({"args": vars(args), "seed": SEED, "log": log, "torch": torch.__version__,
                   "seconds": time.time() - t0}, f, indent=1)
    print(f"done in {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main()
