"""Trains a small CNN from scratch on the FER2013 training part: 48x48 gray in, 7 classes out.

Usage (see README.md, "A new small classifier"):
    nice -n 19 /usr/bin/python3 train_cnn48.py --out /work/data/cnn48 --total-steps N

Everything is fixed up front (no search): architecture, augmentation, loss, schedule; the last
step is the model. The number of steps was set from the machine's speed (--deadline; the log
records it, and --total-steps replays it). Validation is the stratified val.csv of prepare_data.py;
the Taiwanese portraits are never read here.

Framing: affect4j reads a crop of at most 112 px whole (FER2013's 48x48 images are fed as they
are: a 48x48 resample of a 48x48 square is the identity), and a detected face as a square of
crop.scale times BlazeFace's box, levelled by the eyes, area-averaged and resampled to 48x48,
converted to gray as 0.299 R + 0.587 G + 0.114 B. The augmentation jitters scale, rotation and
position around FER2013's own framing and, for a quarter of the images, zooms out with a plain
background around the face (the black outside an image, a white or grey studio wall), as
looser crops of portraits look.
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
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

# Output order = the FER2013 folder names (the card's labels).
LABELS = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
SEED = 20261205
SIZE = 48


def load(data, name, cache):
    """48x48 uint8 images and label indices of a prepare_data.py CSV, cached as .npz."""
    if os.path.exists(cache):
        z = np.load(cache)
        return z["x"], z["y"]
    with open(os.path.join(data, name)) as f:
        rows = list(csv.reader(f))[1:]
    x = np.stack([np.asarray(Image.open(os.path.join(data, p)).convert("L"), np.uint8)
                  for p, _ in rows])
    y = np.array([LABELS.index(label) for _, label in rows], np.int64)
    assert x.shape[1:] == (SIZE, SIZE), x.shape
    np.savez(cache, x=x, y=y)
    return x, y


def block(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True)]


class Cnn48(nn.Module):
    """VGG-like: one convolution at 48 px, two at 24, 12 and 6 px (widths w, 2w, 4w, 8w), global
    average pool, dropout, 7 logits. Sized for the shared 2-core machine (README.md).

    Input: [N, 1, 48, 48] gray 0..255; the normalisation is inside, so the ONNX file takes raw
    pixel values like the bundled classifiers.
    """

    def __init__(self, w=16):
        super().__init__()
        layers = block(1, w) + [nn.MaxPool2d(2)]
        layers += block(w, 2 * w) + block(2 * w, 2 * w) + [nn.MaxPool2d(2)]
        layers += block(2 * w, 4 * w) + block(4 * w, 4 * w) + [nn.MaxPool2d(2)]
        layers += block(4 * w, 8 * w) + block(8 * w, 8 * w)
        self.features = nn.Sequential(*layers)
        self.drop = nn.Dropout(0.3)
        self.fc = nn.Linear(8 * w, len(LABELS))

    def forward(self, x):
        x = (x / 255.0 - 0.5) / 0.25
        x = self.features(x).mean(dim=(2, 3))
        return self.fc(self.drop(x))


def augment(x_u8, g):
    """Random views of a batch of 48x48 gray faces, float 0..255, [N, 1, 48, 48].

    Geometry (one affine map per image): mirror half the time, rotation +-15 degrees, shift
    +-8% of the side, scale 0.88-1.15 (zoom in or out); a quarter of the images are zoomed out
    further, to 1.15-1.45, with a plain background (black as affect4j pads outside an image,
    white or grey like a studio wall, or a random level); the rest extend their own border.
    Photometric: contrast 0.65-1.35, brightness +-0.15, gamma 0.7-1.4, and a quarter of the
    images low-passed (down to 20-36 px and back) as an upscaled small face looks.
    """
    n = x_u8.shape[0]
    x = x_u8.float().unsqueeze(1) / 255.0
    loose = torch.rand(n, generator=g) < 0.25
    scale = torch.empty(n).uniform_(0.88, 1.15, generator=g)
    scale = torch.where(loose, torch.empty(n).uniform_(1.15, 1.45, generator=g), scale)
    angle = torch.empty(n).uniform_(-15, 15, generator=g) * math.pi / 180
    shift = torch.empty(n, 2).uniform_(-0.08, 0.08, generator=g)
    flip = (torch.rand(n, generator=g) < 0.5).float() * 2 - 1
    cos, sin = torch.cos(angle) * scale, torch.sin(angle) * scale
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = cos * flip
    theta[:, 0, 1] = -sin
    theta[:, 1, 0] = sin * flip
    theta[:, 1, 1] = cos
    theta[:, :, 2] = shift
    grid = F.affine_grid(theta, (n, 1, SIZE, SIZE), align_corners=False)
    border = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    face = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    inside = F.grid_sample(torch.ones_like(x), grid, mode="bilinear", padding_mode="zeros",
                           align_corners=False)
    kind = torch.randint(0, 4, (n,), generator=g)
    level = torch.rand(n, generator=g)
    level = torch.where(kind == 0, torch.zeros(n), level)                       # black
    level = torch.where(kind == 1, 0.85 + 0.15 * torch.rand(n, generator=g), level)  # white
    level = torch.where(kind == 2, 0.4 + 0.3 * torch.rand(n, generator=g), level)    # grey
    plain = face + (1 - inside) * level.view(n, 1, 1, 1)
    x = torch.where(loose.view(n, 1, 1, 1), plain, border)
    contrast = torch.empty(n, 1, 1, 1).uniform_(0.65, 1.35, generator=g)
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    x = (x - mean) * contrast + mean + torch.empty(n, 1, 1, 1).uniform_(-0.15, 0.15, generator=g)
    x = x.clamp(0, 1) ** torch.empty(n, 1, 1, 1).uniform_(0.7, 1.4, generator=g)
    blur = torch.rand(n, generator=g) < 0.25
    if blur.any():
        side = int(torch.randint(20, 37, (1,), generator=g))
        low = F.interpolate(x[blur], size=(side, side), mode="area")
        x[blur] = F.interpolate(low, size=(SIZE, SIZE), mode="bilinear", align_corners=False)
    return x.clamp(0, 1) * 255


def evaluate(model, x_u8, y, batch=512):
    """Accuracy, UAR, recall per class and probabilities, averaging the crop and its mirror
    image as affect4j's accurate mode does."""
    model.eval()
    probs = []
    with torch.no_grad():
        for i in range(0, len(x_u8), batch):
            x = torch.from_numpy(x_u8[i:i + batch]).float().unsqueeze(1)
            p = F.softmax(model(x), -1) + F.softmax(model(torch.flip(x, dims=[3])), -1)
            probs.append(p / 2)
    probs = torch.cat(probs)
    pred = probs.argmax(1).numpy()
    recall = [float((pred[y == c] == c).mean()) for c in range(len(LABELS))]
    return float((pred == y).mean()), float(np.mean(recall)), recall, probs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/data/fer2013")
    ap.add_argument("--out", required=True)
    ap.add_argument("--total-steps", type=int, default=None,
                    help="optimiser steps in all (batch 128: 201 per epoch)")
    ap.add_argument("--deadline", default=None,
                    help="instead of --total-steps: UTC HH:MM by which training must end")
    ap.add_argument("--max-epochs", type=int, default=12)
    ap.add_argument("--init", default=None,
                    help="start from this checkpoint (a second stage): the schedule is then a"
                         " cosine decay from --lr over --total-steps, no warm-up")
    ap.add_argument("--width", type=int, default=16)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--measure", action="store_true", help="time 20 steps and stop")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if (a.total_steps is None) == (a.deadline is None) and not a.measure:
        ap.error("give exactly one of --total-steps and --deadline")
    if a.deadline is not None:
        import datetime
        now = datetime.datetime.now(datetime.timezone.utc)
        hh, mm = map(int, a.deadline.split(":"))
        end = now.replace(hour=hh, minute=mm, second=0, microsecond=0)
        if end < now:
            end += datetime.timedelta(days=1)
        a.deadline = end.timestamp()
    torch.set_num_threads(a.threads)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    # A second stage draws other batches and augmentations than the first.
    g = torch.Generator().manual_seed(SEED + (2 if a.init is not None else 1))

    started = time.time()
    x_train, y_train = load(a.data, "train.csv", os.path.join(a.out, "train.npz"))
    x_val, y_val = load(a.data, "val.csv", os.path.join(a.out, "val.npz"))
    print(f"data: train {len(y_train)}, val {len(y_val)} ({time.time() - started:.0f} s)",
          flush=True)

    model = Cnn48(a.width)
    if a.init is not None:
        if a.total_steps is None:
            ap.error("--init needs --total-steps")
        model.load_state_dict(torch.load(a.init)["state"])
    print("parameters", sum(p.numel() for p in model.parameters()), flush=True)
    counts = np.bincount(y_train, minlength=len(LABELS))
    # Class weights (n_max / n_c)^0.5: disgust (1.5% of the images) weighs 4.1, not 16.
    weights = torch.tensor((counts.max() / counts) ** 0.5, dtype=torch.float32)
    print("class weights", [round(float(w), 2) for w in weights], flush=True)
    steps_per_epoch = len(y_train) // a.batch
    model = model.to(memory_format=torch.channels_last)  # measured faster on this CPU
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=5e-4)
    x_all = torch.from_numpy(x_train)
    y_all = torch.from_numpy(y_train)
    # Schedule: linear warm-up over WARMUP steps, the peak rate to the end of the first epoch,
    # then cosine decay to 0 at step total. total is --total-steps or, with --deadline, set at
    # the end of the first epoch from its measured speed (the shared machine's load varies);
    # the log records it, so a replay with --total-steps gives the same run.
    warmup = 100
    total = a.total_steps
    log = []
    step_no = 0
    epoch = 0
    while total is None or step_no < total:
        epoch += 1
        model.train()
        t0 = time.time()
        order = torch.randperm(len(y_train), generator=g)
        loss_sum, right, seen = 0.0, 0, 0
        for step in range(steps_per_epoch):
            if total is not None and step_no >= total:
                break
            if a.init is not None:
                lr = a.lr * 0.5 * (1 + math.cos(math.pi * step_no / total))
            elif step_no < warmup:
                lr = a.lr * (step_no + 1) / warmup
            elif total is None or step_no < steps_per_epoch:
                lr = a.lr
            else:
                done = (step_no - steps_per_epoch) / max(1, total - steps_per_epoch)
                lr = a.lr * 0.5 * (1 + math.cos(math.pi * done))
            for group in opt.param_groups:
                group["lr"] = lr
            idx = order[step * a.batch:(step + 1) * a.batch]
            x = augment(x_all[idx], g).contiguous(memory_format=torch.channels_last)
            y = y_all[idx]
            logits = model(x)
            loss = F.cross_entropy(logits, y, weight=weights, label_smoothing=0.1)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            step_no += 1
            loss_sum += float(loss) * len(y)
            right += int((logits.argmax(1) == y).sum())
            seen += len(y)
            if a.measure and step == 1:
                t1 = time.time()
            if a.measure and step == 11:
                dt = (time.time() - t1) / 10
                print(f"{dt:.3f} s per step; epoch {dt * steps_per_epoch / 60:.1f} min", flush=True)
                return
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{steps_per_epoch} lr {lr:.5f} "
                      f"loss {loss_sum / seen:.4f} ({time.time() - t0:.0f} s)", flush=True)
        epoch_seconds = time.time() - t0
        acc, uar, recall, _ = evaluate(model, x_val, y_val)
        entry = {"epoch": epoch, "steps": step_no, "train_loss": loss_sum / seen,
                 "train_acc": right / seen, "val_acc": acc, "val_uar": uar,
                 "val_recall": dict(zip(LABELS, [round(r, 4) for r in recall])),
                 "seconds": round(epoch_seconds, 1)}
        log.append(entry)
        print(json.dumps(entry), flush=True)
        torch.save({"width": a.width, "state": model.state_dict()},
                   os.path.join(a.out, f"epoch{epoch}.pt"))
        if total is None:
            # Steps that fit before the deadline at this epoch's speed, less a 10% margin.
            left = a.deadline - time.time() - 60
            per_step = epoch_seconds / steps_per_epoch
            total = step_no + max(steps_per_epoch, int(0.9 * left / per_step))
            total = min(total, a.max_epochs * steps_per_epoch)
            print(f"total steps set to {total} ({per_step:.2f} s per step, "
                  f"{left / 60:.0f} min left)", flush=True)
    torch.save({"width": a.width, "state": model.state_dict()}, os.path.join(a.out, "final.pt"))
    with open(os.path.join(a.out, "log.json"), "w") as f:
        json.dump({"args": vars(a), "total_steps": total, "torch": torch.__version__,
                   "epochs": log,
                   "seconds": round(time.time() - started, 1)}, f, indent=1)
    print(f"done in {(time.time() - started) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
