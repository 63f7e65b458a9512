#!/usr/bin/python3
"""Writes the 112x112 RGB views of the FER2013 training and validation parts that the head
training uses, as raw uint8 NHWC files ([N,112,112,3], C order) plus labels (int64, face-api
label order), and a copy of the bundled face_expression.onnx with its 256-d pooled features as
a second output ("features"), for ExtractFeatures.java.

    nice -n 19 /usr/bin/python3 face/training/make_views.py --data /work/data/fer2013 \
        --out /work/data/views --views plain,mirror,aug1,aug2

Views: plain = the 48x48 image resized bilinearly to 112 (what affect4j feeds for a whole
square crop), mirror = its mirror image, augN = finetune.augment with seed SEED + N.
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
    onnx.save(model, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/data/fer2013")
    ap.add_argument("--out", default="/work/data/views")
    ap.add_argument("--views", default="plain,mirror,aug1,aug2")
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
            g = torch.Generator().manual_seed(SEED + (int(view[3:]) if view.startswith("aug") else 0))
            with open(path + ".tmp", "wb") as f:
                for i in range(0, len(images), 512):
                    batch = images[i:i + 512]
                    if view == "plain":
                        x = to_input(batch)
                    elif view == "mirror":
                        x = torch.flip(to_input(batch), dims=[2])
                    else:
                        x = augment(batch, g)
                    f.write(x.round().clamp(0, 255).to(torch.uint8).numpy().tobytes())
            os.replace(path + ".tmp", path)
            print(f"{path}: {len(images)} x 112x112x3", flush=True)


if __name__ == "__main__":
    main()
