"""Converts a TF.js graph model (model.json + .bin) to ONNX, without TensorFlow.

Supports exactly the operators of human's ``emotion`` and ``blazeface`` models:
Placeholder, Const, _FusedConv2D (BiasAdd[, Relu]), DepthwiseConv2dNative, MaxPool,
AddV2, Relu, Pad, Reshape, Mean, Softmax, Identity. Anything else stops the
conversion with an error, so a changed upstream model cannot convert silently wrong.

Two recipes fix the input normalisation (done inside the graph, so Java feeds raw RGB
0..255 NHWC) and the outputs:

* ``emotion``: input [N,64,64,3] RGB 0..255; in the graph, as human's emotion.ts does:
  x/255, gray = sum(x * [0.2989, 0.5870, 0.1140]), (gray - 0.5) * 2;
  output ``probabilities`` [N,7] (angry, disgust, fear, happy, sad, surprise, neutral).
* ``blazeface``: input [N,S,S,3] RGB 0..255, in the graph x/127.5 - 1; output ``raw``
  [N,896,17]: rows 0..511 from the 512-anchor head, rows 512..895 from the 384-anchor
  head; columns [score logit, 16 regressors] (see README.md for the decoding).
"""

import argparse
import base64
import json

import numpy as np

from onnx_graph import Graph, float_input
import tfjs_weights

EMOTION_LABELS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]
GRAY_WEIGHTS = [0.2989, 0.5870, 0.1140]


def _attr(node, key, default=None):
    a = node.get("attr", {}).get(key)
    if a is None:
        return default
    if "s" in a:
        return base64.b64decode(a["s"]).decode()
    if "list" in a:
        lst = a["list"]
        if "i" in lst:
            return [int(v) for v in lst["i"]]
        if "s" in lst:
            return [base64.b64decode(v).decode() for v in lst["s"]]
        return []
    if "i" in a:
        return int(a["i"])
    if "b" in a:
        return bool(a["b"])
    if "f" in a:
        return float(a["f"])
    return a


def _inputs(node):
    out = []
    for name in node.get("input", []):
        if name.startswith("^"):
            continue  # control dependency: no data
        if ":" in name and not name.endswith(":0"):
            raise ValueError(f"{node['name']}: multi-output input {name} not supported")
        out.append(name.split(":")[0])
    return out


def _topological(nodes):
    by_name = {n["name"]: n for n in nodes}
    order, state = [], {}

    def visit(name):
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise ValueError(f"cycle at {name}")
        state[name] = 1
        for i in _inputs(by_name[name]):
            visit(i)
        state[name] = 2
        order.append(by_name[name])

    for n in nodes:
        visit(n["name"])
    return order


def _check_conv_attrs(node):
    if _attr(node, "data_format", "NHWC") != "NHWC":
        raise ValueError(f"{node['name']}: only NHWC is supported")
    if any(d != 1 for d in _attr(node, "dilations", [1, 1, 1, 1])):
        raise ValueError(f"{node['name']}: dilations are not supported")
    if _attr(node, "explicit_paddings", []):
        raise ValueError(f"{node['name']}: explicit paddings are not supported")
    strides = _attr(node, "strides")
    if strides[0] != 1 or strides[3] != 1:
        raise ValueError(f"{node['name']}: strides {strides}")
    padding = _attr(node, "padding")
    if padding not in ("SAME", "VALID"):
        raise ValueError(f"{node['name']}: padding {padding}")
    return (strides[1], strides[2]), padding


class Converter:
    def __init__(self, model_json, weights, name):
        self.nodes = model_json["modelTopology"]["node"]
        self.weights = weights
        self.used = set()
        self.g = Graph(name)
        self.t = {}  # TF tensor name -> (onnx name, kind), kind: "nchw" | "plain"

    def const(self, name):
        if name not in self.weights:
            raise ValueError(f"{name}: expected a constant")
        self.used.add(name)
        return self.weights[name]

    def run(self, placeholder_value):
        for node in _topological(self.nodes):
            name, op = node["name"], node["op"]
            ins = _inputs(node)
            if op == "Const":
                continue
            if op == "Placeholder":
                self.t[name] = (placeholder_value, "nchw")
                continue
            handler = getattr(self, "op_" + op.lstrip("_"), None)
            if handler is None:
                raise ValueError(f"{name}: operator {op} is not supported")
            self.t[name] = handler(node, ins)
        unused = set(self.weights) - self.used
        if unused:
            raise ValueError(f"constants never used: {sorted(unused)}")
        return self.t

    def x(self, tf_name, kind="nchw"):
        onnx_name, k = self.t[tf_name]
        if k != kind:
            raise ValueError(f"{tf_name}: expected a {kind} tensor, got {k}")
        return onnx_name

    def op_FusedConv2D(self, node, ins):
        fused = _attr(node, "fused_ops", [])
        if _attr(node, "num_args", 1) != 1 or fused not in (["BiasAdd"], ["BiasAdd", "Relu"]):
            raise ValueError(f"{node['name']}: fused ops {fused} not supported")
        strides, padding = _check_conv_attrs(node)
        y = self.g.conv2d(self.x(ins[0]), self.const(ins[1]), self.const(ins[2]), strides, padding,
                          relu=(fused[-1] == "Relu"), hint=node["name"])
        return y, "nchw"

    def op_DepthwiseConv2dNative(self, node, ins):
        strides, padding = _check_conv_attrs(node)
        return self.g.depthwise_conv2d(self.x(ins[0]), self.const(ins[1]), None, strides, padding,
                                       hint=node["name"]), "nchw"

    def op_MaxPool(self, node, ins):
        ksize = _attr(node, "ksize")
        if ksize[0] != 1 or ksize[3] != 1:
            raise ValueError(f"{node['name']}: ksize {ksize}")
        strides, padding = _check_conv_attrs(node)
        return self.g.max_pool(self.x(ins[0]), (ksize[1], ksize[2]), strides, padding, hint=node["name"]), "nchw"

    def op_AddV2(self, node, ins):
        return self.g.add(self.x(ins[0]), self.x(ins[1]), hint=node["name"]), "nchw"

    def op_Relu(self, node, ins):
        return self.g.relu(self.x(ins[0]), hint=node["name"]), "nchw"

    def op_Pad(self, node, ins):
        return self.g.pad_nchw(self.x(ins[0]), self.const(ins[1]), hint=node["name"]), "nchw"

    def op_Reshape(self, node, ins):
        # TF reshapes NHWC memory order: go back to NHWC first.
        src = self.x(ins[0])
        nhwc = self.g.nchw_to_nhwc(src, hint=node["name"] + ".nhwc")
        shape = [int(v) for v in self.const(ins[1])]
        per_sample = int(np.prod(self.g.shapes[src][1:]))
        if shape[0] != 1 or int(np.prod(shape[1:])) != per_sample:
            raise ValueError(f"{node['name']}: reshape to {shape} is not a per-sample reshape")
        shape[0] = -1  # keep the batch dimension dynamic
        target = self.g.const(node["name"] + ".shape", np.array(shape, np.int64))
        return self.g.op("Reshape", [nhwc, target], node["name"], [None] + shape[1:]), "plain"

    def op_Mean(self, node, ins):
        axes = [int(v) for v in np.atleast_1d(self.const(ins[1]))]
        if sorted(axes) != [1, 2] or _attr(node, "keep_dims", False):
            raise ValueError(f"{node['name']}: only a global spatial mean without keep_dims is supported")
        src = self.x(ins[0])
        c = self.g.shapes[src][1]
        return self.g.op("ReduceMean", [src], node["name"], [None, c], axes=[2, 3], keepdims=0), "plain"

    def op_Softmax(self, node, ins):
        src = self.x(ins[0], "plain")
        if len(self.g.shapes[src]) != 2:
            raise ValueError(f"{node['name']}: softmax only on 2-D tensors")
        return self.g.op("Softmax", [src], node["name"], self.g.shapes[src], axis=-1), "plain"

    def op_Identity(self, node, ins):
        return self.t[ins[0]]


def _signature_outputs(model_json):
    sig = model_json.get("signature") or model_json.get("userDefinedMetadata", {}).get("signature")
    outs = {}
    for key, spec in sig["outputs"].items():
        outs[spec["name"].split(":")[0]] = [int(d["size"]) for d in spec["tensorShape"]["dim"]]
    return outs


def _input_size(model_json):
    for n in model_json["modelTopology"]["node"]:
        if n["op"] == "Placeholder":
            dims = [int(d.get("size", -1)) for d in n["attr"]["shape"]["shape"]["dim"]]
            return dims
    raise ValueError("no Placeholder")


def convert_emotion(model_json_path, out_path, source_note):
    model_json, weights = tfjs_weights.read_graph_model(model_json_path)
    dims = _input_size(model_json)
    if dims[1:] != [64, 64, 1]:
        raise ValueError(f"unexpected emotion input {dims}")
    size = dims[1]
    conv = Converter(model_json, weights, "emotion_fer2013")
    g = conv.g
    x01 = g.op("Div", ["input", g.const("c255", np.array(255.0, np.float32))], "rgb01")
    weighted = g.op("Mul", [x01, g.const("gray_weights", np.array(GRAY_WEIGHTS, np.float32))], "rgb_weighted")
    gray = g.op("ReduceSum", [weighted, g.const("channel_axis", np.array([3], np.int64))], "gray", keepdims=1)
    centered = g.op("Sub", [gray, g.const("c0_5", np.array(0.5, np.float32))], "gray_centered")
    scaled = g.op("Mul", [centered, g.const("c2", np.array(2.0, np.float32))], "gray_scaled")
    nchw = g.op("Transpose", [scaled], "nchw", [None, 1, size, size], perm=[0, 3, 1, 2])
    tensors = conv.run(nchw)
    outs = _signature_outputs(model_json)
    if list(outs.values()) != [[-1, 7]]:
        raise ValueError(f"unexpected emotion outputs {outs}")
    out_name, kind = tensors[next(iter(outs))]
    if kind != "plain":
        raise ValueError("emotion output is not a plain tensor")
    g.rename(out_name, "probabilities")
    doc = ("human 'emotion' (oarriaga mini-Xception, FER2013) converted by affect4j. Input: float32 "
           "NHWC [N,64,64,3], RGB 0..255 (face crop resized to 64x64); inside the graph: x/255, "
           "gray = 0.2989 R + 0.5870 G + 0.1140 B, (gray - 0.5) * 2. Output: softmax probabilities "
           "[N,7] in the label order given in metadata 'labels'.")
    metadata = {"labels": ",".join(EMOTION_LABELS), "input_layout": "NHWC", "input_channels": "RGB",
                "input_range": "0..255", "source": source_note}
    model = g.build([float_input("input", ["N", size, size, 3])],
                    [float_input("probabilities", ["N", 7])], doc, metadata)
    with open(out_path, "wb") as f:
        f.write(model.SerializeToString())
    return model


def convert_blazeface(model_json_path, out_path, source_note):
    model_json, weights = tfjs_weights.read_graph_model(model_json_path)
    dims = _input_size(model_json)
    size = dims[1]
    if dims[2] != size or dims[3] != 3:
        raise ValueError(f"unexpected blazeface input {dims}")
    conv = Converter(model_json, weights, f"blazeface_{size}")
    g = conv.g
    div = g.op("Div", ["input", g.const("c127_5", np.array(127.5, np.float32))], "div127_5")
    norm = g.op("Sub", [div, g.const("c1", np.array(1.0, np.float32))], "normalized")
    nchw = g.op("Transpose", [norm], "nchw", [None, 3, size, size], perm=[0, 3, 1, 2])
    tensors = conv.run(nchw)
    heads = {}
    for tf_name, shape in _signature_outputs(model_json).items():
        heads[(shape[1], shape[2])] = conv.x(tf_name, "plain")
    if sorted(heads) != [(384, 1), (384, 16), (512, 1), (512, 16)]:
        raise ValueError(f"unexpected blazeface heads {sorted(heads)}")
    h512 = g.op("Concat", [heads[(512, 1)], heads[(512, 16)]], "head512", [None, 512, 17], axis=2)
    h384 = g.op("Concat", [heads[(384, 1)], heads[(384, 16)]], "head384", [None, 384, 17], axis=2)
    g.op("Concat", [h512, h384], "raw", [None, 896, 17], output="raw", axis=1)
    doc = (f"MediaPipe BlazeFace ({size}x{size}) from {source_note}, converted by affect4j. Input: "
           f"float32 NHWC [N,{size},{size},3], RGB 0..255 (whole image resized to {size}x{size}); "
           "inside the graph: x/127.5 - 1. Output 'raw' [N,896,17]: rows 0..511 = 512-anchor head "
           f"(stride {size // 16}, 2 anchors per cell), rows 512..895 = 384-anchor head (stride "
           f"{size // 8}, 6 per cell); columns: score logit, box centre dx, dy, width, height, then "
           "6 keypoints (x, y), all in input pixels relative to the anchor centre. See README.")
    metadata = {"input_layout": "NHWC", "input_channels": "RGB", "input_range": "0..255",
                "input_size": str(size), "anchors": f"strides {size // 16},{size // 8}; per cell 2,6; "
                "centre = stride*(i+0.5); rows y-major, then x, then anchor",
                "source": source_note}
    model = g.build([float_input("input", ["N", size, size, 3])],
                    [float_input("raw", ["N", 896, 17])], doc, metadata)
    with open(out_path, "wb") as f:
        f.write(model.SerializeToString())
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("recipe", choices=["emotion", "blazeface"])
    ap.add_argument("model_json")
    ap.add_argument("out")
    ap.add_argument("--source", required=True, help="provenance note stored in the model metadata")
    args = ap.parse_args()
    (convert_emotion if args.recipe == "emotion" else convert_blazeface)(args.model_json, args.out, args.source)


if __name__ == "__main__":
    main()
