#!/usr/bin/python3
"""Fine-tunes the last dense block and the fully connected layer of the face-api.js expression
net on the FER2013 training part, from the cached output of its frozen third block
(ExtractFeatures.java with output dense2/out on make_views.py's mix1 view: half plain, half
augmented towards posed, larger, colour crops). The first three blocks keep face-api's weights.

    nice -n 19 /usr/bin/python3 face/training/train_dense3.py --views /work/data/views \
        --manifest <face-api>/model/face_expression_model-weights_manifest.json \
        --out /work/data/dense3 --epochs 4

Loss: cross-entropy (class weights (n_max / n_c)^0.5, label smoothing 0.1) plus distillation
towards the original net's predictions on the same input (KL at temperature 2, weight
--distill, "learning without forgetting"), so what the pretrained net knows about faces unlike
FER2013's is not simply overwritten. Each epoch reads every sample extracted so far (the
extraction may still be running; mix1's random order makes any prefix a random sample).
Validation: FER2013 val part (val.plain), accuracy and UAR after every epoch.
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from faceapi_torch import LABELS, load_pretrained

SEED = 20261205
D2 = 128 * 14 * 14


def load_d2(views, part, view):
    raw = np.memmap(os.path.join(views, f"{part}.{view}.d2.f32"), "<f4", mode="r")
    n = len(raw) // D2
    y = np.load(os.path.join(views, f"{part}.{view}.labels.npy"))[:n]
    return raw, n, torch.from_numpy(y)


def rows(raw, idx):
    return torch.from_numpy(np.stack([raw[i * D2:(i + 1) * D2] for i in idx]).reshape(-1, 128, 14, 14))


def head(model, d2):
    return model.fc(F.avg_pool2d(model.blocks[3](d2), 7, 2).flatten(1))


def validate(model, raw, n, y):
    model.eval()
    preds = []
    with torch.no_grad():
        for i in range(0, n, 256):
            preds.append(head(model, rows(raw, range(i, min(n, i + 256)))).argmax(1))
    pred = torch.cat(preds)
    recall = [float((pred[y == c] == c).float().mean()) for c in range(len(LABELS))]
    return float((pred == y).float().mean()), float(np.mean(recall)), recall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--views", default="/work/data/views")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--out", default="/work/data/dense3")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--distill", type=float, default=1.0)
    ap.add_argument("--steps-per-epoch", type=int, default=150)
    ap.add_argument("--limits", help="comma-separated: at most this many mix1 samples in each "
                    "epoch (the committed model: 4928,12352,12352,12352, what its run had)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()

    model = load_pretrained(args.manifest)
    teacher = load_pretrained(args.manifest).eval()
    for p in list(model.blocks[:3].parameters()) + list(teacher.parameters()):
        p.requires_grad_(False)
    val_raw, val_n, val_y = load_d2(args.views, "val", "plain")
    acc, uar, recall = validate(teacher, val_raw, val_n, val_y)
    log = [{"epoch": 0, "val_accuracy": acc, "val_uar": uar, "val_recall": recall, "val_n": val_n}]
    print(f"original: val accuracy {acc:.4f} UAR {uar:.4f} (n={val_n})", flush=True)

    trainable = list(model.blocks[3].parameters()) + list(model.fc.parameters())
    optimizer = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=1e-4)
    total = args.epochs * args.steps_per_epoch
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, total) / total)))
    g = torch.Generator().manual_seed(SEED)
    for epoch in range(1, args.epochs + 1):
        raw, n, y = load_d2(args.views, "train", "mix1")
        if args.limits:
            limit = int(args.limits.split(",")[epoch - 1])
            if n < limit:
                raise SystemExit(f"only {n} mix1 samples extracted, epoch {epoch} needs {limit}")
            n, y = limit, y[:limit]
        counts = torch.bincount(y, minlength=len(LABELS)).float()
        class_weights = (counts.max() / counts) ** 0.5
        model.train()
        t_epoch = time.time()
        running = 0.0
        for step in range(args.steps_per_epoch):
            idx = torch.randint(0, n, (args.batch,), generator=g)
            x = rows(raw, idx.tolist())
            logits = head(model, x)
            loss = F.cross_entropy(logits, y[idx], weight=class_weights, label_smoothing=0.1)
            if args.distill > 0:
                with torch.no_grad():
                    target = torch.softmax(head(teacher, x) / 2, -1)
                loss = loss + args.distill * 4 * F.kl_div(torch.log_softmax(logits / 2, -1), target,
                                                          reduction="batchmean")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            running += float(loss)
            if (step + 1) % 50 == 0:
                print(f"  epoch {epoch} step {step + 1} loss {running / 50:.4f} "
                      f"({time.time() - t_epoch:.0f} s, {n} samples)", flush=True)
                running = 0.0
        acc, uar, recall = validate(model, val_raw, val_n, val_y)
        log.append({"epoch": epoch, "val_accuracy": acc, "val_uar": uar, "val_recall": recall,
                    "train_samples": n, "seconds": time.time() - t_epoch})
        print(f"epoch {epoch}: val accuracy {acc:.4f} UAR {uar:.4f} "
              f"recall {[round(r, 3) for r in recall]} ({time.time() - t_epoch:.0f} s)", flush=True)
        torch.save(model.state_dict(), os.path.join(args.out, f"epoch{epoch}.pt"))
    with open(os.path.join(args.out, "log.json"), "w") as f:
        json.dump({"args": vars(args), "seed": SEED, "log": log, "torch": torch.__version__,
                   "seconds": time.time() - t0}, f, indent=1)
    print(f"done in {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main()
