"""A minimal ONNX interpreter for the operators these converters emit.

Debian's python3-onnx is 1.12, which predates ``onnx.reference.ReferenceEvaluator``,
and ONNX Runtime is not packaged for Debian. This evaluator is an independent second
opinion next to ONNX Runtime (see ort/OrtParity.java): element-wise ops in numpy,
convolutions and pooling through torch (float32), with padding applied explicitly.
"""

import numpy as np
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def _attrs(node):
    out = {}
    for a in node.attribute:
        if a.type == a.INT:
            out[a.name] = a.i
        elif a.type == a.INTS:
            out[a.name] = list(a.ints)
        elif a.type == a.FLOAT:
            out[a.name] = a.f
        elif a.type == a.STRING:
            out[a.name] = a.s.decode()
        else:
            raise ValueError(f"{node.name}: unsupported attribute type for {a.name}")
    return out


def _pad_nchw(x, pads, value):
    # ONNX pads: [top, left, bottom, right] for 2-D ops; F.pad wants (left, right, top, bottom).
    t, l, b, r = pads
    return F.pad(x, (l, r, t, b), value=value) if any(pads) else x


def run(model, feeds):
    values = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    values.update(feeds)
    torch.set_grad_enabled(False)
    for node in model.graph.node:
        a = _attrs(node)
        x = [values[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Conv":
            inp = _pad_nchw(torch.from_numpy(np.ascontiguousarray(x[0])), a.get("pads", [0, 0, 0, 0]), 0.0)
            bias = torch.from_numpy(np.array(x[2])) if len(x) > 2 else None
            y = F.conv2d(inp, torch.from_numpy(np.array(x[1])), bias, stride=a["strides"], groups=a.get("group", 1)).numpy()
        elif op == "MaxPool":
            inp = _pad_nchw(torch.from_numpy(np.ascontiguousarray(x[0])), a.get("pads", [0, 0, 0, 0]), float("-inf"))
            y = F.max_pool2d(inp, a["kernel_shape"], a["strides"]).numpy()
        elif op == "AveragePool":
            if any(a.get("pads", [0])):
                raise ValueError("padded AveragePool not supported")
            y = F.avg_pool2d(torch.from_numpy(np.ascontiguousarray(x[0])), a["kernel_shape"], a["strides"]).numpy()
        elif op == "Transpose":
            y = np.ascontiguousarray(np.transpose(x[0], a["perm"]))
        elif op in ("Add", "Sub", "Mul", "Div"):
            f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide}[op]
            y = f(x[0], x[1]).astype(np.float32)
        elif op == "Relu":
            y = np.maximum(x[0], np.float32(0))
        elif op == "Sigmoid":
            y = (1 / (1 + np.exp(-x[0].astype(np.float64)))).astype(np.float32)
        elif op == "Pad":
            pads = [int(v) for v in x[1]]
            r = len(pads) // 2
            y = np.pad(x[0], [(pads[i], pads[i + r]) for i in range(r)], mode="constant")
        elif op == "Reshape":
            shape = [int(v) for v in x[1]]
            shape = [x[0].shape[i] if (v == 0 and not a.get("allowzero")) else v for i, v in enumerate(shape)]
            y = x[0].reshape(shape)
        elif op == "Flatten":
            ax = a.get("axis", 1)
            y = x[0].reshape(int(np.prod(x[0].shape[:ax])), -1)
        elif op == "ReduceMean":
            y = x[0].mean(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)), dtype=np.float64).astype(np.float32)
        elif op == "ReduceSum":
            y = x[0].sum(axis=tuple(int(v) for v in x[1]), keepdims=bool(a.get("keepdims", 1)), dtype=np.float32)
        elif op == "Softmax":
            z = x[0].astype(np.float64)
            z = np.exp(z - z.max(axis=a.get("axis", -1), keepdims=True))
            y = (z / z.sum(axis=a.get("axis", -1), keepdims=True)).astype(np.float32)
        elif op == "MatMul":
            y = np.matmul(x[0].astype(np.float64), x[1].astype(np.float64)).astype(np.float32)
        elif op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        else:
            raise ValueError(f"operator {op} not supported by this evaluator")
        values[node.output[0]] = y
    return {o.name: values[o.name] for o in model.graph.output}
