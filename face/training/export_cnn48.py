#!/usr/bin/python3
"""Writes a Cnn48 checkpoint of train_cnn48.py as ONNX and the parity fixtures of its Java test.

    /usr/bin/python3 face/training/export_cnn48.py /work/data/cnn48/final.pt \
        face/training/model/emotion_cnn48.onnx --source TEXT \
        --fixture-input face/src/test/resources/io/github/affect4j/face/parity/emotion_cnn48.input.u8 \
        --fixture-expected face/src/test/resources/io/github/affect4j/face/parity/emotion_cnn48.expected.f32

Contract: input `input` float32 [N,1,48,48] gray 0..255 (0.299 R + 0.587 G + 0.114 B), the
normalisation inside the graph; output `probabilities` float32 [N,7] (softmax) in the order
angry, disgust, fear, happy, neutral, sad, surprise; opset 13; metadata as the bundled models.

The fixture input is made from the bundled face-api net's committed fixture crops (astronaut
crop, its mirror image, noise, smooth pattern; 112x112 RGB): converted to gray with the
weights affect4j uses and area-averaged to 48x48 (rounded to bytes), so no training image is
committed. Torch's probabilities on it are written for FaceModelParity tests; the ONNX file is
checked against torch here too, with the onnx package's reference evaluator when available.
"""
import argparse
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F

from train_cnn48 import LABELS, SIZE, Cnn48

HERE = os.path.dirname(os.path.abspath(__file__))
FACE_API_FIXTURE = os.path.join(HERE, "..", "src", "test", "resources", "io", "github",
                                "affect4j", "face", "parity", "face_expression.input.u8")


class WithSoftmax(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return F.softmax(self.net(x), dim=-1)


def fixture_input():
    rgb = np.fromfile(FACE_API_FIXTURE, np.uint8).reshape(-1, 112, 112, 3).astype(np.float64)
    gray = 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]
    small = F.interpolate(torch.from_numpy(gray).unsqueeze(1), size=(SIZE, SIZE), mode="area")
    return np.clip(np.rint(small.numpy()), 0, 255).astype(np.uint8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("out")
    ap.add_argument("--source", required=True)
    ap.add_argument("--fixture-input")
    ap.add_argument("--fixture-expected")
    args = ap.parse_args()
    torch.manual_seed(0)
    state = torch.load(args.checkpoint)
    net = Cnn48(state["width"])
    net.load_state_dict(state["state"])
    net = net.to(memory_format=torch.contiguous_format)
    model = WithSoftmax(net).eval()
    example = torch.zeros(1, 1, SIZE, SIZE)
    torch.onnx.export(model, example, args.out, opset_version=13, input_names=["input"],
                      output_names=["probabilities"],
                      dynamic_axes={"input": {0: "N"}, "probabilities": {0: "N"}},
                      do_constant_folding=True)
    m = onnx.load(args.out)
    m.ir_version = 8
    m.producer_name = "affect4j face/training/export_cnn48.py"
    m.producer_version = ""
    meta = {"labels": ",".join(LABELS), "input_layout": "NCHW", "input_channels": "gray",
            "input_range": "0..255", "input_size": f"{SIZE}x{SIZE}", "source": args.source}
    del m.metadata_props[:]
    for k, v in meta.items():
        m.metadata_props.add(key=k, value=v)
    onnx.checker.check_model(m)
    onnx.save(m, args.out)
    if args.fixture_input:
        x8 = fixture_input()
        x8.tofile(args.fixture_input)
        x = torch.from_numpy(x8.astype(np.float32))
        with torch.no_grad():
            expected = model(x).numpy().astype("<f4")
        expected.tofile(args.fixture_expected)
        print("torch on the fixtures:")
        for row in expected:
            print("  " + " ".join(f"{LABELS[i]} {row[i]:.3f}" for i in range(len(LABELS))))
        try:
            from onnx.reference import ReferenceEvaluator  # onnx >= 1.13
            got = ReferenceEvaluator(args.out).run(None, {"input": x.numpy()})[0]
            print(f"ONNX reference evaluator vs torch: max |diff| "
                  f"{float(np.abs(got - expected).max()):.2e}")
        except ImportError:
            print("onnx reference evaluator not available (onnx < 1.13): the Java test checks")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
