"""Converts the face-api.js expression net (npm @vladmandic/face-api, model/) to ONNX.

The TF.js weights file only holds tensors; the architecture lives in the package's
JavaScript (FaceFeatureExtractor + FaceProcessor + FaceExpressionNet). It is rebuilt
here from that description:

  x = (rgb - [122.782, 117.001, 104.298]) / 255                  (in the graph)
  4 dense blocks (dense0 starts with a plain 3x3/2 conv, dense1..3 with a separable
  3x3/2 conv); in each block, with out1 = relu(conv0(x)):
      out2 = sep(out1);  out3 = sep(relu(out1 + out2))
      out4 = sep(relu(out1 + out2 + out3)); block = relu(out1 + out2 + out3 + out4)
  (all convolutions TF "SAME"; the sums are formed as out1 + (out2 + (out3 + out4))
  to keep float32 rounding the same as face-api)
  avgPool 7x7 stride 2 VALID -> [N, 256] -> fully connected 256->7 -> softmax
"""

import argparse

import numpy as np

from onnx_graph import Graph, float_input
import tfjs_weights

MEAN_RGB = [122.782, 117.001, 104.298]
LABELS = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"]


def dense_block4(g, x, w, prefix, first):
    if first:
        out1 = g.conv2d(x, w[f"{prefix}/conv0/filters"], w[f"{prefix}/conv0/bias"], (2, 2), "SAME",
                        relu=True, hint=f"{prefix}/conv0")
    else:
        out1 = g.relu(sep(g, x, w, f"{prefix}/conv0", (2, 2)), f"{prefix}/conv0/relu")
    out2 = sep(g, out1, w, f"{prefix}/conv1", (1, 1))
    in3 = g.relu(g.add(out1, out2, f"{prefix}/add3"), f"{prefix}/in3")
    out3 = sep(g, in3, w, f"{prefix}/conv2", (1, 1))
    in4 = g.relu(g.add(out1, g.add(out2, out3, f"{prefix}/add4a"), f"{prefix}/add4"), f"{prefix}/in4")
    out4 = sep(g, in4, w, f"{prefix}/conv3", (1, 1))
    s34 = g.add(out3, out4, f"{prefix}/sum34")
    s234 = g.add(out2, s34, f"{prefix}/sum234")
    return g.relu(g.add(out1, s234, f"{prefix}/sum"), f"{prefix}/out")


def sep(g, x, w, prefix, strides):
    return g.separable_conv2d(x, w[f"{prefix}/depthwise_filter"], w[f"{prefix}/pointwise_filter"],
                              w[f"{prefix}/bias"], strides, "SAME", hint=prefix)


def convert(manifest_path, out_path, source_note):
    return write(tfjs_weights.read_manifest_file(manifest_path), out_path, source_note)


def write(w, out_path, source_note, graph_name="face_expression"):
    """Builds the net from TF.js-named weights `w` (float32, TF layouts) and writes it."""
    g = Graph(graph_name)
    size = 112
    # Normalisation in NHWC, in the order face-api applies it (subtract, then divide).
    sub = g.op("Sub", ["input", g.const("mean_rgb", np.array(MEAN_RGB, np.float32))], "centered")
    scaled = g.op("Div", [sub, g.const("c255", np.array(255.0, np.float32))], "normalized")
    x = g.op("Transpose", [scaled], "nchw", [None, 3, size, size], perm=[0, 3, 1, 2])
    for i in range(4):
        x = dense_block4(g, x, w, f"dense{i}", first=(i == 0))
    if g.shapes[x][1:] != [256, 7, 7]:
        raise ValueError(f"unexpected feature shape {g.shapes[x]}")
    x = g.avg_pool_valid(x, (7, 7), (2, 2), "avgpool")
    flat = g.op("Flatten", [x], "features", [None, 256], axis=1)
    logits = g.op("Add", [g.op("MatMul", [flat, g.const("fc/weights", w["fc/weights"])], "fc/matmul"),
                          g.const("fc/bias", w["fc/bias"])], "logits")
    g.op("Softmax", [logits], "probabilities", [None, len(LABELS)], output="probabilities", axis=-1)

    used = {"fc/weights", "fc/bias"} | {k for k in w if k.startswith("dense")}
    if set(w) != used:
        raise ValueError(f"unused or missing weights: {sorted(set(w) ^ used)}")

    doc = ("face-api.js expression net converted by affect4j. Input: float32 NHWC [N,112,112,3], "
           "RGB, values 0..255 (face crop padded to a centred square, resized to 112x112); "
           "(x - [122.782,117.001,104.298]) / 255 is applied inside the graph. Output: softmax "
           "probabilities [N,7] in the label order given in metadata 'labels'.")
    metadata = {"labels": ",".join(LABELS), "input_layout": "NHWC", "input_channels": "RGB",
                "input_range": "0..255", "source": source_note}
    model = g.build([float_input("input", ["N", size, size, 3])],
                    [float_input("probabilities", ["N", len(LABELS)])], doc, metadata)
    with open(out_path, "wb") as f:
        f.write(model.SerializeToString())
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("manifest", help="face_expression_model-weights_manifest.json")
    ap.add_argument("out", help="output .onnx")
    ap.add_argument("--source", default="npm @vladmandic/face-api 1.7.15, model/face_expression_model")
    args = ap.parse_args()
    convert(args.manifest, args.out, args.source)


if __name__ == "__main__":
    main()
