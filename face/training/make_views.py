#!/usr/bin/python3
"""Writes the 112x112 RGB views of the FER2013 training and validation parts that the head
training uses, as raw uint8 NHWC files ([N,112,112,3], C order) plus labels (int64, face-api
label order), and a copy of the bundled face_expression.onnx with its 256-d pooled features
("features") and the output of its third dense block ("dense2/out", [N,128,14,14]) as extra
outputs, for ExtractFeatures.java.

    nice -n 19 /usr/bin/python3 face/training/make_views.py --data /work/data/fer2013 \
        --out /work/data/views --parts val --views plain
    nice -n 19 /usr/bin/python3 face/training/make_views.py --parts train --views mix1

Views: plain = the 48x48 image resized bilinearly to 112 (what affect4j feeds for a whole
square crop), mirror = its mirror image, both in CSV order; mixN = every image once, in a
random order (seed SEED + N, labels in <part>.mixN.labels.npy), the even positions plain
(mirrored at random), the odd ones through finetune.augment. Because the order is random, any
prefix of a mix view is a random sample with both kinds: feature extraction can be stopped at
a time budget and what was extracted used as it is.
"""
import argparse
import os

import numpy as np
import onnx
import torch

from finetune import SEED, augment, load, to_input

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED = os.path.join(HERE, "..", "src", "main", "resources", "io", "github", "affect4j", "face",
                       "models", "face_expression.onnx")


def features_model(out):
    model = onnx.load(BUNDLED)
    model.graph.output.append(onnx.helper.make_tensor_value_info("features", onnx.TensorProto.FLOAT,
                                                                 ["N", 256]))
    model.graph.output.append(onnx.helper.make_tensor_value_info("dense2/out", onnx.TensorProto.FLOAT,
                                                                 ["N", 128, 14, 14]))
    onnx.save(model, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/data/fer2013")
    ap.add_argument("--out", default="/work/data/views")
    ap.add_argument("--views", default="plain")
    ap.add_argument("--parts", default="train,val")
    args = ap.parse_args()
    torch.set_num_threads(2)
    os.makedirs(args.out, exist_ok=True)
    features_model(os.path.join(args.out, "face_expression_features.onnx"))
    for part in args.parts.split(","):
        images, labels = load(args.data, part + ".csv")
        np.save(os.path.join(args.out, f"{part}.labels.npy"), labels.numpy())
        for view in args.views.split(","):
            path = os.path.join(args.out, f"{part}.{view}.u8")
            g = torch.Generator().manual_seed(SEED + (int(view[3:]) if view.startswith("mix") else 0))
            order = torch.randperm(len(images), generator=g) if view.startswith("mix") \
                else torch.arange(len(images))
            np.save(os.path.join(args.out, f"{part}.{view}.labels.npy"), labels[order].numpy())
            with open(path + ".tmp", "wb") as f:
                for i in range(0, len(images), 512):
                    batch = images[order[i:i + 512]]
                    if view == "plain":
                        x = to_input(batch)
                    elif view == "mirror":
                        x = torch.flip(to_input(batch), dims=[2])
                    else:
                        x = augment(batch, g)
                        plain = to_input(batch)
                        flip = torch.rand(len(batch), generator=g) < 0.5
                        plain[flip] = torch.flip(plain[flip], dims=[2])
                        even = torch.arange(i, i + len(batch)) % 2 == 0
                        x[even] = plain[even]
                    f.write(x.round().clamp(0, 255).to(torch.uint8).numpy().tobytes())
                    f.flush()
            os.replace(path + ".tmp", path)
            print(f"{path}: {len(images)} x 112x112x3", flush=True)


if __name__ == "__main__":
    main()
