#!/usr/bin/python3
"""Fine-tunes the face-api.js expression net on the FER2013 training part (train.csv of
prepare_data.py), with augmentation towards the crops affect4j makes of larger, posed,
studio-lit colour faces; validates on val.csv after every epoch; saves the last epoch.

    nice -n 19 /usr/bin/python3 face/training/finetune.py --data /work/data/fer2013 \
        --manifest <face-api>/model/face_expression_model-weights_manifest.json \
        --out /work/data/finetune [--epochs N] [--measure]

Loss: cross-entropy on FER labels (class weights (n_max / n_c)^0.5, label smoothing 0.1) plus
a distillation term, KL(original net || trained net) at temperature 2 on the same augmented
batch, so that what the pretrained net knows about faces FER2013 lacks is not overwritten
("learning without forgetting"). Only the FER2013 training part is seen: the Taiwanese
portraits are never read here.
"""
import argparse
import csv
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from faceapi_torch import LABELS, load_pretrained

# FER2013 folder label -> index in face-api's output order.
FER_TO_FACEAPI = {"neutral": 0, "happy": 1, "sad": 2, "angry": 3, "fear": 4, "disgust": 5,
                  "surprise": 6}
SEED = 20261205


def load(data, name):
    with open(os.path.join(data, name)) as f:
        rows = list(csv.reader(f))[1:]
    images = np.stack([np.asarray(Image.open(os.path.join(data, p)).convert("L"), np.uint8)
                       for p, _ in rows])
    labels = np.array([FER_TO_FACEAPI[label] for _, label in rows], np.int64)
    return torch.from_numpy(images), torch.from_numpy(labels)


def to_input(gray_u8, size=112):
    """What affect4j feeds for a whole square crop: RGB 0..255 resized bilinearly, NHWC."""
    x = gray_u8.float().unsqueeze(1)
    x = F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False)
    return x.repeat(1, 3, 1, 1).permute(0, 2, 3, 1).contiguous()


def augment(gray_u8, g, size=112):
    """Random views of 48x48 gray faces as 112x112 RGB 0..255 NHWC.

    Geometry (one affine map per image): zoom out to 0.70-1.15 of the frame (smaller faces with
    background around them, as a BlazeFace box x1.2 crop of a portrait gives), rotation +-12
    degrees (residual after eye levelling), shift +-8%, mirror. Outside the source: a random
    plain background (white studio wall, grey, black like affect4j's padding, or a random
    colour). Photometric: per-channel gains (skin tone / white balance), contrast 0.6-1.4,
    brightness +-40, gamma 0.7-1.4, and half the time a low-pass (down/up sampling) so sharp
    studio pictures and blurry upscaled ones both occur.
    """
    n = gray_u8.shape[0]
    x = gray_u8.float().unsqueeze(1) / 255.0
    scale = torch.empty(n).uniform_(0.70, 1.15, generator=g)
    angle = torch.empty(n).uniform_(-12, 12, generator=g) * math.pi / 180
    shift = torch.empty(n, 2).uniform_(-0.08, 0.08, generator=g)
    flip = (torch.rand(n, generator=g) < 0.5).float() * 2 - 1
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = cos * flip
    theta[:, 0, 1] = -sin
    theta[:, 1, 0] = sin * flip
    theta[:, 1, 1] = cos
    theta[:, :, 2] = shift
    grid = F.affine_grid(theta, (n, 1, size, size), align_corners=False)
    face = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    inside = F.grid_sample(torch.ones_like(x), grid, mode="bilinear", padding_mode="zeros",
                           align_corners=False)
    # Colour the gray face, then fill outside with a background.
    gains = 1 + torch.empty(n, 3, 1, 1).uniform_(-0.12, 0.12, generator=g)
    gains[:, 0] += torch.empty(n, 1, 1).uniform_(0, 0.12, generator=g)  # skin is redder
    face = face * gains
    kind = torch.randint(0, 4, (n,), generator=g)
    background = torch.rand(n, 3, 1, 1, generator=g)
    level = torch.empty(n, 1, 1, 1).uniform_(0.85, 1.0, generator=g)
    background = torch.where((kind == 0).view(n, 1, 1, 1), level.expand(n, 3, 1, 1), background)
    background = torch.where((kind == 1).view(n, 1, 1, 1), (level - 0.4).expand(n, 3, 1, 1), background)
    background = torch.where((kind == 2).view(n, 1, 1, 1), torch.zeros(n, 3, 1, 1), background)
    x = face + (1 - inside) * background
    contrast = torch.empty(n, 1, 1, 1).uniform_(0.6, 1.4, generator=g)
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    x = (x - mean) * contrast + mean + torch.empty(n, 1, 1, 1).uniform_(-0.16, 0.16, generator=g)
    x = x.clamp(0, 1) ** torch.empty(n, 1, 1, 1).uniform_(0.7, 1.4, generator=g)
    blur = torch.rand(n, generator=g) < 0.5
    if blur.any():
        low = F.interpolate(x[blur], size=(56, 56), mode="area")
        x[blur] = F.interpolate(low, size=(size, size), mode="bilinear", align_corners=False)
    return (x.clamp(0, 1) * 255).permute(0, 2, 3, 1).contiguous()


def evaluate(model, images, labels, batch=256):
    model.eval()
    probs = []
    with torch.no_grad():
        for i in range(0, len(images), batch):
            x = to_input(images[i:i + batch])
            p = torch.softmax(model(x), -1) + torch.softmax(model(torch.flip(x, dims=[2])), -1)
            probs.append(p / 2)
    probs = torch.cat(probs)
    pred = probs.argmax(1)
    recall = [float((pred[labels == c] == c).float().mean()) for c in range(len(LABELS))]
    return float((pred == labels).float().mean()), float(np.mean(recall)), recall, probs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/data/fer2013")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--out", default="/work/data/finetune")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--distill", type=float, default=1.0, help="weight of the distillation term")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--measure", action="store_true", help="time 20 steps and stop")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    os.makedirs(args.out, exist_ok=True)

    t0 = time.time()
    train_x, train_y = load(args.data, "train.csv")
    val_x, val_y = load(args.data, "val.csv")
    print(f"loaded {len(train_x)} train, {len(val_x)} val in {time.time() - t0:.0f} s", flush=True)

    teacher = load_pretrained(args.manifest).eval()
    for p in teacher.parameters():
        p.requires_grad_(False)
    model = load_pretrained(args.manifest)
    counts = torch.bincount(train_y, minlength=len(LABELS)).float()
    class_weights = (counts.max() / counts) ** 0.5
    print("class weights", [round(float(w), 2) for w in class_weights], flush=True)

    acc, uar, recall, _ = evaluate(model, val_x, val_y)
    log = [{"epoch": 0, "val_accuracy": acc, "val_uar": uar, "val_recall": recall}]
    print(f"epoch 0 (pretrained): val accuracy {acc:.4f} UAR {uar:.4f}", flush=True)

    steps_per_epoch = len(train_x) // args.batch
    total = steps_per_epoch * args.epochs
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    # Short linear warm-up, then cosine to zero.
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / 100)
                                                 * 0.5 * (1 + math.cos(math.pi * min(s, total) / total)))
    g = torch.Generator().manual_seed(SEED)
    step = 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.randperm(len(train_x), generator=g)
        t_epoch = time.time()
        running = 0.0
        for b in range(steps_per_epoch):
            idx = order[b * args.batch:(b + 1) * args.batch]
            x = augment(train_x[idx], g)
            y = train_y[idx]
            logits = model(x)
            loss = F.cross_entropy(logits, y, weight=class_weights, label_smoothing=0.1)
            if args.distill > 0:
                with torch.no_grad():
                    target = torch.softmax(teacher(x) / 2, -1)
                loss = loss + args.distill * 4 * F.kl_div(torch.log_softmax(logits / 2, -1), target,
                                                          reduction="batchmean")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            step += 1
            running += float(loss)
            if args.measure and b == 19:
                print(f"20 steps of {args.batch}: {time.time() - t_epoch:.1f} s "
                      f"-> epoch of {steps_per_epoch} steps ~ "
                      f"{(time.time() - t_epoch) / 20 * steps_per_epoch / 60:.1f} min", flush=True)
                return
            if (b + 1) % 50 == 0:
                print(f"  epoch {epoch} step {b + 1}/{steps_per_epoch} loss {running / 50:.4f} "
                      f"({time.time() - t_epoch:.0f} s)", flush=True)
                running = 0.0
        acc, uar, recall, _ = evaluate(model, val_x, val_y)
        log.append({"epoch": epoch, "val_accuracy": acc, "val_uar": uar, "val_recall": recall,
                    "seconds": time.time() - t_epoch})
        print(f"epoch {epoch}: val accuracy {acc:.4f} UAR {uar:.4f} "
              f"({time.time() - t_epoch:.0f} s)", flush=True)
        torch.save(model.state_dict(), os.path.join(args.out, f"epoch{epoch}.pt"))
    with open(os.path.join(args.out, "log.json"), "w") as f:
        json.dump({"args": vars(args), "seed": SEED, "log": log,
                   "torch": torch.__version__, "seconds": time.time() - t0}, f, indent=1)


if __name__ == "__main__":
    main()
