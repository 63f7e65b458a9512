#!/usr/bin/python3
"""Writes a trained FaceExpressionNet (state dict from train_head.py) as ONNX through the graph
builder of the bundled face_expression.onnx (face/model-conversion/py), so the file has the same
contract: input `input` float32 [N,112,112,3] NHWC RGB 0..255, output `probabilities` [N,7]
(neutral, happy, sad, angry, fearful, disgusted, surprised), opset 13, same metadata keys.
Then checks the ONNX file (numpy/torch evaluator of model-conversion) against torch on the
given fixture inputs and writes torch's probabilities for the Java parity test.

    /usr/bin/python3 face/training/export_onnx.py STATE.pt OUT.onnx --source TEXT \
        [--fixture-input X.u8 --fixture-expected OUT.f32]
"""
import argparse
import os
import sys

import numpy as np
import onnx
import torch

from faceapi_torch import FaceExpressionNet, to_tfjs_weights

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "model-conversion", "py"))
import convert_face_expression  # noqa: E402
import onnx_numeric  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("state")
    ap.add_argument("out")
    ap.add_argument("--source", required=True)
    ap.add_argument("--fixture-input")
    ap.add_argument("--fixture-expected")
    args = ap.parse_args()
    model = FaceExpressionNet()
    model.load_state_dict(torch.load(args.state))
    model.eval()
    convert_face_expression.write(to_tfjs_weights(model), args.out, args.source)
    onnx.checker.check_model(onnx.load(args.out))
    if args.fixture_input:
        x = np.fromfile(args.fixture_input, np.uint8).reshape(-1, 112, 112, 3).astype(np.float32)
        with torch.no_grad():
            expected = torch.softmax(model(torch.from_numpy(x)), -1).numpy().astype("<f4")
        got = onnx_numeric.run(onnx.load(args.out), {"input": x})["probabilities"]
        diff = float(np.abs(got - expected).max())
        print(f"ONNX (Python evaluator) vs torch on {len(x)} fixtures: max |diff| {diff:.2e}")
        if diff > 1e-4:
            sys.exit("export_onnx: parity bar 1e-4 exceeded")
        expected.tofile(args.fixture_expected)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
