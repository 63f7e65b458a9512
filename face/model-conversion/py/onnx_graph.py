"""A small ONNX graph builder that reproduces TensorFlow layer semantics.

TensorFlow works in NHWC, ONNX convolutions in NCHW: the graphs built here take an
NHWC input (what the Java side hands over: interleaved RGB rows), transpose it once
to NCHW and keep NCHW inside. Weights are rearranged at build time.

TensorFlow "SAME" padding is not symmetric: for an output size ``ceil(in / stride)``
it needs ``max((out - 1) * stride + k - in, 0)`` padding cells, and puts the odd one
at the bottom/right. For stride 2 on an even size with a 3x3 kernel that is
``(0, 1)``. :func:`tf_padding` computes it; every convolution and pooling below
takes explicit ``pads`` from it, never ONNX ``auto_pad``.
"""

import math

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
IR_VERSION = 8  # ONNX 1.12; read by every ONNX Runtime from 1.12 on


def tf_padding(in_size, kernel, stride, padding):
    """Returns ``((before, after), out_size)`` for one spatial axis, as TensorFlow computes it."""
    padding = padding.upper()
    if padding == "VALID":
        out = math.ceil((in_size - kernel + 1) / stride)
        return (0, 0), out
    if padding == "SAME":
        out = math.ceil(in_size / stride)
        total = max((out - 1) * stride + kernel - in_size, 0)
        return (total // 2, total - total // 2), out
    raise ValueError(f"unsupported padding {padding}")


class Graph:
    """Collects nodes and initializers; tracks the NCHW shape of every tensor (batch = None)."""

    def __init__(self, name):
        self.name = name
        self.nodes = []
        self.initializers = []
        self.shapes = {}
        self._used = set()

    def _fresh(self, hint):
        base = "".join(c if c.isalnum() or c in "_./" else "_" for c in hint) or "t"
        name, i = base, 1
        while name in self._used:
            i += 1
            name = f"{base}_{i}"
        self._used.add(name)
        return name

    def const(self, hint, array):
        name = self._fresh(hint)
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        self.shapes[name] = list(np.shape(array))
        return name

    def op(self, op_type, inputs, hint, shape=None, output=None, **attrs):
        """Adds a node; ``output`` forces the output name (for graph outputs)."""
        if output is not None:
            if output in self._used:
                raise ValueError(f"name {output} already used")
            self._used.add(output)
            out = output
        else:
            out = self._fresh(hint)
        self.nodes.append(helper.make_node(op_type, list(inputs), [out], name=out, **attrs))
        self.shapes[out] = shape
        return out

    def rename(self, old, new):
        """Renames a node output everywhere (to give a graph output a stable name)."""
        if new in self._used:
            raise ValueError(f"name {new} already used")
        for n in self.nodes:
            for i, v in enumerate(n.output):
                if v == old:
                    n.output[i] = new
            for i, v in enumerate(n.input):
                if v == old:
                    n.input[i] = new
        self._used.add(new)
        self.shapes[new] = self.shapes.pop(old)

    # --- TensorFlow layers on NCHW tensors -------------------------------------------

    def conv2d(self, x, w_hwio, bias, strides, padding, relu=False, hint="conv"):
        """tf.nn.conv2d (+ bias, + relu). ``w_hwio``: [kh, kw, in, out]."""
        kh, kw, cin, cout = w_hwio.shape
        _, c, h, w = self.shapes[x]
        if cin != c:
            raise ValueError(f"{hint}: filter expects {cin} channels, input has {c}")
        (pt, pb), oh = tf_padding(h, kh, strides[0], padding)
        (pl, pr), ow = tf_padding(w, kw, strides[1], padding)
        inputs = [x, self.const(hint + ".W", w_hwio.transpose(3, 2, 0, 1).astype(np.float32))]
        if bias is not None:
            inputs.append(self.const(hint + ".B", np.asarray(bias, np.float32).reshape(cout)))
        y = self.op("Conv", inputs, hint, [None, cout, oh, ow], kernel_shape=[kh, kw],
                    strides=list(strides), pads=[pt, pl, pb, pr], dilations=[1, 1], group=1)
        return self.relu(y, hint + ".relu") if relu else y

    def depthwise_conv2d(self, x, w_hwcm, bias, strides, padding, relu=False, hint="dwconv"):
        """tf.nn.depthwise_conv2d. ``w_hwcm``: [kh, kw, in, multiplier]; output channel c*M+m."""
        kh, kw, cin, mult = w_hwcm.shape
        _, c, h, w = self.shapes[x]
        if cin != c:
            raise ValueError(f"{hint}: filter expects {cin} channels, input has {c}")
        (pt, pb), oh = tf_padding(h, kh, strides[0], padding)
        (pl, pr), ow = tf_padding(w, kw, strides[1], padding)
        weight = w_hwcm.transpose(2, 3, 0, 1).reshape(cin * mult, 1, kh, kw).astype(np.float32)
        inputs = [x, self.const(hint + ".W", weight)]
        if bias is not None:
            inputs.append(self.const(hint + ".B", np.asarray(bias, np.float32).reshape(cin * mult)))
        y = self.op("Conv", inputs, hint, [None, cin * mult, oh, ow], kernel_shape=[kh, kw],
                    strides=list(strides), pads=[pt, pl, pb, pr], dilations=[1, 1], group=cin)
        return self.relu(y, hint + ".relu") if relu else y

    def separable_conv2d(self, x, depthwise, pointwise, bias, strides, padding, hint="sepconv"):
        """tf.separableConv2d: depthwise (strided, padded) then 1x1 pointwise, then bias."""
        d = self.depthwise_conv2d(x, depthwise, None, strides, padding, hint=hint + ".depthwise")
        return self.conv2d(d, pointwise, bias, (1, 1), "VALID", hint=hint + ".pointwise")

    def max_pool(self, x, ksize, strides, padding, hint="maxpool"):
        # ONNX MaxPool ignores padded cells, exactly like TF's SAME max pooling.
        _, c, h, w = self.shapes[x]
        (pt, pb), oh = tf_padding(h, ksize[0], strides[0], padding)
        (pl, pr), ow = tf_padding(w, ksize[1], strides[1], padding)
        return self.op("MaxPool", [x], hint, [None, c, oh, ow], kernel_shape=list(ksize),
                       strides=list(strides), pads=[pt, pl, pb, pr])

    def avg_pool_valid(self, x, ksize, strides, hint="avgpool"):
        _, c, h, w = self.shapes[x]
        _, oh = tf_padding(h, ksize[0], strides[0], "VALID")
        _, ow = tf_padding(w, ksize[1], strides[1], "VALID")
        return self.op("AveragePool", [x], hint, [None, c, oh, ow], kernel_shape=list(ksize),
                       strides=list(strides), pads=[0, 0, 0, 0])

    def relu(self, x, hint="relu"):
        return self.op("Relu", [x], hint, self.shapes[x])

    def add(self, a, b, hint="add"):
        if self.shapes[a] != self.shapes[b]:
            raise ValueError(f"{hint}: shapes differ {self.shapes[a]} vs {self.shapes[b]}")
        return self.op("Add", [a, b], hint, self.shapes[a])

    def pad_nchw(self, x, pads_tf_nhwc, hint="pad"):
        """tf.pad with zeros. ``pads_tf_nhwc``: [[n0,n1],[h0,h1],[w0,w1],[c0,c1]]."""
        (n0, n1), (h0, h1), (w0, w1), (c0, c1) = [tuple(int(v) for v in p) for p in pads_tf_nhwc]
        if n0 or n1:
            raise ValueError(f"{hint}: padding the batch axis is not supported")
        _, c, h, w = self.shapes[x]
        pads = self.const(hint + ".pads", np.array([0, c0, h0, w0, 0, c1, h1, w1], np.int64))
        return self.op("Pad", [x, pads], hint, [None, c + c0 + c1, h + h0 + h1, w + w0 + w1],
                       mode="constant")

    def nchw_to_nhwc(self, x, hint="to_nhwc"):
        n, c, h, w = self.shapes[x]
        return self.op("Transpose", [x], hint, [n, h, w, c], perm=[0, 2, 3, 1])

    # --- model ----------------------------------------------------------------------

    def build(self, inputs, outputs, doc, metadata):
        """``inputs``/``outputs``: lists of (name, elem_type, shape with 'N' for the batch)."""
        graph = helper.make_graph(
            self.nodes, self.name,
            [helper.make_tensor_value_info(n, t, s) for n, t, s in inputs],
            [helper.make_tensor_value_info(n, t, s) for n, t, s in outputs],
            initializer=self.initializers)
        model = helper.make_model(graph, producer_name="affect4j-model-conversion",
                                  producer_version="1", doc_string=doc,
                                  opset_imports=[helper.make_opsetid("", OPSET)])
        model.ir_version = IR_VERSION
        helper.set_model_props(model, metadata)
        onnx.checker.check_model(model, full_check=True)
        _check_inferred_outputs(model, outputs)
        return model


def _check_inferred_outputs(model, outputs):
    """Runs ONNX shape inference on a copy whose outputs carry no shape, and compares."""
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    for o in probe.graph.output:
        o.type.tensor_type.ClearField("shape")
    inferred = onnx.shape_inference.infer_shapes(probe, check_type=True, strict_mode=True)
    got_by_name = {o.name: o for o in inferred.graph.output}
    for name, _, shape in outputs:
        dims = got_by_name[name].type.tensor_type.shape.dim
        got = [d.dim_param if d.HasField("dim_param") else (d.dim_value if d.HasField("dim_value") else "?")
               for d in dims]
        want = [s if isinstance(s, int) else "?" for s in shape]
        got = [g if isinstance(g, int) else "?" for g in got]
        if got != want:
            raise ValueError(f"output {name}: declared {shape}, shape inference gives {got}")


def float_input(name, shape):
    return (name, TensorProto.FLOAT, shape)
