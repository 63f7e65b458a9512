"""Writes the deterministic parity inputs (the model input tensors, as uint8 RGB).

Every case is one model input batch, NHWC, uint8 RGB (the ONNX graphs take these values
as float32 0..255). Sources:
  * scikit-image's ``astronaut.png`` (Debian python3-skimage; NASA photograph of Eileen
    Collins, "No known copyright restrictions, released into the public domain"),
    cropped, flipped, resized and darkened;
  * seeded pseudo-random tensors (numpy PCG64 with fixed seeds): uniform noise and
    smooth low-frequency patterns.
The first samples of each case are the ones copied into the Java test fixtures.

Writes ``<out>/cases.json`` and one ``<case>.input.u8`` per case.
"""

import argparse
import hashlib
import json
import os

import numpy as np
from PIL import Image

ASTRONAUT = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png"

# Square boxes (left, top, right, bottom) in the 512x512 astronaut photograph.
FACE_TIGHT = (165, 58, 285, 178)      # forehead to chin
FACE_LOOSE = (135, 25, 315, 205)      # face with hair and margin
FRONT_VIEW = (110, 0, 350, 240)       # head and shoulders, for the short-range detector


def astronaut():
    img = Image.open(ASTRONAUT).convert("RGB")
    if img.size != (512, 512):
        raise ValueError(f"unexpected astronaut.png size {img.size}")
    return img


def crop_resize(img, box, size):
    return np.asarray(img.crop(box).resize((size, size), Image.BILINEAR), dtype=np.uint8)


def noise(seed, size):
    return np.random.default_rng(seed).integers(0, 256, (size, size, 3), dtype=np.uint8)


def smooth(seed, size):
    coarse = np.random.default_rng(seed).integers(0, 256, (8, 8, 3), dtype=np.uint8)
    return np.asarray(Image.fromarray(coarse).resize((size, size), Image.BICUBIC), dtype=np.uint8)


def darken(a, factor=0.55):
    return np.clip(np.round(a.astype(np.float64) * factor), 0, 255).astype(np.uint8)


def classifier_samples(img, size):
    tight = crop_resize(img, FACE_TIGHT, size)
    return [
        ("astronaut face crop", tight),
        ("astronaut face crop, mirrored", tight[:, ::-1]),
        ("uniform noise, seed 1", noise(1, size)),
        ("smooth random pattern, seed 2", smooth(2, size)),
        ("astronaut loose face crop", crop_resize(img, FACE_LOOSE, size)),
        ("astronaut face crop, darkened x0.55", darken(tight)),
        ("uniform noise, seed 3", noise(3, size)),
        ("mid grey", np.full((size, size, 3), 128, np.uint8)),
    ]


def detector_samples(img, size, front):
    main = crop_resize(img, FRONT_VIEW if front else (0, 0, 512, 512), size)
    other = crop_resize(img, (0, 0, 512, 512), size) if front else crop_resize(img, FACE_LOOSE, size)
    return [
        ("astronaut head and shoulders" if front else "astronaut full photograph", main),
        ("the same, mirrored", main[:, ::-1]),
        ("astronaut full photograph" if front else "astronaut loose face crop", other),
        ("uniform noise, seed 4", noise(4, size)),
    ]


CASES = [
    # id, model, builder, samples copied into the fixtures
    ("face_expression", "face_expression", lambda img: classifier_samples(img, 112), 4),
    ("emotion_fer2013", "emotion_fer2013", lambda img: classifier_samples(img, 64), 4),
    ("blazeface_back", "blazeface_back", lambda img: detector_samples(img, 256, False), 1),
    ("blazeface_front", "blazeface_front", lambda img: detector_samples(img, 128, True), 1),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out_dir")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    img = astronaut()
    index = {"astronaut_png_sha256": hashlib.sha256(open(ASTRONAUT, "rb").read()).hexdigest(),
             "cases": []}
    for case_id, model, build, fixture_count in CASES:
        samples = build(img)
        batch = np.stack([np.ascontiguousarray(a) for _, a in samples])
        fname = f"{case_id}.input.u8"
        batch.tofile(os.path.join(args.out_dir, fname))
        index["cases"].append({
            "id": case_id, "model": model,
            "input": {"file": fname, "dtype": "uint8", "shape": list(batch.shape)},
            "samples": [d for d, _ in samples], "fixture_samples": fixture_count})
    with open(os.path.join(args.out_dir, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, indent=1)


if __name__ == "__main__":
    main()
