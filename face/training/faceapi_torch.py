"""The face-api.js expression net as a trainable torch module, with its TF.js weights.

Architecture as face/model-conversion/py/convert_face_expression.py describes it (four dense
blocks of depthwise-separable 3x3 convolutions, TF "SAME" padding, 7x7/2 VALID average pool,
fully connected 256 -> 7). Input: float NHWC RGB 0..255, [N,112,112,3], as the ONNX contract;
the normalisation `(x - mean) / 255` is inside. `forward` returns logits (softmax outside).

TF "SAME" with stride 2 on an even size pads (0, 1) (nothing top/left, one row/column
bottom/right); with stride 1 and a 3x3 kernel it is (1, 1). Layouts: TF conv filters HWIO ->
OIHW, depthwise [kh,kw,C,1] -> [C,1,kh,kw], pointwise [1,1,I,O] -> [O,I,1,1], fc [256,7] ->
Linear weight [7,256]. `to_tfjs_weights` is the exact inverse, so a trained module can be
written back through the model-conversion graph builder.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "model-conversion", "py"))
import tfjs_weights  # noqa: E402

MEAN_RGB = [122.782, 117.001, 104.298]
LABELS = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"]
CHANNELS = [(3, 32), (32, 64), (64, 128), (128, 256)]


def same_pad(x, stride):
    return F.pad(x, (0, 1, 0, 1)) if stride == 2 else F.pad(x, (1, 1, 1, 1))


class SeparableConv(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.stride = stride
        self.depthwise = nn.Conv2d(cin, cin, 3, stride, 0, groups=cin, bias=False)
        self.pointwise = nn.Conv2d(cin, cout, 1, bias=True)

    def forward(self, x):
        return self.pointwise(self.depthwise(same_pad(x, self.stride)))


class DenseBlock(nn.Module):
    def __init__(self, cin, cout, first):
        super().__init__()
        self.first = first
        self.conv0 = nn.Conv2d(cin, cout, 3, 2, 0, bias=True) if first else SeparableConv(cin, cout, 2)
        self.conv1 = SeparableConv(cout, cout, 1)
        self.conv2 = SeparableConv(cout, cout, 1)
        self.conv3 = SeparableConv(cout, cout, 1)

    def forward(self, x):
        out1 = F.relu(self.conv0(same_pad(x, 2)) if self.first else self.conv0(x))
        out2 = self.conv1(out1)
        out3 = self.conv2(F.relu(out1 + out2))
        out4 = self.conv3(F.relu(out1 + (out2 + out3)))
        return F.relu(out1 + (out2 + (out3 + out4)))


class FaceExpressionNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor(MEAN_RGB).view(1, 3, 1, 1))
        self.blocks = nn.ModuleList(DenseBlock(i, o, k == 0) for k, (i, o) in enumerate(CHANNELS))
        self.fc = nn.Linear(256, len(LABELS))

    def features(self, x_nhwc):
        x = (x_nhwc.permute(0, 3, 1, 2) - self.mean) / 255.0
        for block in self.blocks:
            x = block(x)
        return F.avg_pool2d(x, 7, 2).flatten(1)

    def forward(self, x_nhwc):
        return self.fc(self.features(x_nhwc))


def _names(model):
    """(tfjs name, torch parameter, kind) for every weight."""
    for k, block in enumerate(model.blocks):
        p = f"dense{k}"
        if block.first:
            yield f"{p}/conv0/filters", block.conv0.weight, "conv"
            yield f"{p}/conv0/bias", block.conv0.bias, "bias"
        for c in ([] if block.first else ["conv0"]) + ["conv1", "conv2", "conv3"]:
            sep = getattr(block, c)
            yield f"{p}/{c}/depthwise_filter", sep.depthwise.weight, "depthwise"
            yield f"{p}/{c}/pointwise_filter", sep.pointwise.weight, "conv"
            yield f"{p}/{c}/bias", sep.pointwise.bias, "bias"
    yield "fc/weights", model.fc.weight, "fc"
    yield "fc/bias", model.fc.bias, "bias"


def _to_torch(value, kind):
    if kind == "conv":  # HWIO -> OIHW
        return value.transpose(3, 2, 0, 1)
    if kind == "depthwise":  # [kh,kw,C,1] -> [C,1,kh,kw]
        return value.transpose(2, 3, 0, 1)
    if kind == "fc":
        return value.T
    return value


def _to_tf(value, kind):
    if kind == "conv":
        return value.transpose(2, 3, 1, 0)
    if kind == "depthwise":
        return value.transpose(2, 3, 0, 1)
    if kind == "fc":
        return value.T
    return value


def load_pretrained(manifest_path):
    """The net with face-api's weights (dequantized like TF.js); fails on any unused weight."""
    w = tfjs_weights.read_manifest_file(manifest_path)
    model = FaceExpressionNet()
    seen = set()
    with torch.no_grad():
        for name, param, kind in _names(model):
            value = np.ascontiguousarray(_to_torch(w[name], kind))
            if tuple(value.shape) != tuple(param.shape):
                raise ValueError(f"{name}: {value.shape} vs {tuple(param.shape)}")
            param.copy_(torch.from_numpy(value))
            seen.add(name)
    if seen != set(w):
        raise ValueError(f"unused or missing weights: {sorted(set(w) ^ seen)}")
    return model


def to_tfjs_weights(model):
    """The module's weights in TF.js names and layouts, float32 (for the ONNX graph builder)."""
    return {name: np.ascontiguousarray(_to_tf(param.detach().cpu().numpy(), kind)).astype(np.float32)
            for name, param, kind in _names(model)}
