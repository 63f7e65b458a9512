"""Reads TensorFlow.js weight files (a weights manifest plus binary shards).

The TF.js format stores every weight back to back, in manifest order, in the
concatenation of the shard files listed under ``paths``. A weight may be
quantized: then it is stored as ``uint8``/``uint16`` and decodes to
``q * scale + min`` (affine quantization, as the TF.js weight decoder does it:
computed in double precision, then stored as float32).
"""

import json
import os

import numpy as np

_DTYPES = {"float32": np.float32, "int32": np.int32, "uint8": np.uint8,
           "uint16": np.uint16, "bool": np.bool_}


def read_weights(manifest_groups, base_dir):
    """Decodes all weight groups of a manifest into ``{name: float32/int32 ndarray}``.

    ``manifest_groups`` is the list found in a ``*-weights_manifest.json`` file or under
    ``weightsManifest`` in a TF.js ``model.json``.
    """
    weights = {}
    for group in manifest_groups:
        data = b"".join(_read_file(os.path.join(base_dir, p)) for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            name, shape = spec["name"], [int(d) for d in spec["shape"]]
            count = int(np.prod(shape, dtype=np.int64)) if shape else 1
            quant = spec.get("quantization")
            if quant:
                if quant["dtype"] not in ("uint8", "uint16"):
                    raise ValueError(f"{name}: {quant['dtype']} quantization is not supported")
                qtype = np.dtype(_DTYPES[quant["dtype"]])
                raw = np.frombuffer(data, dtype=qtype.newbyteorder("<"), count=count, offset=offset)
                offset += count * qtype.itemsize
                if "scale" not in quant:
                    raise ValueError(f"{name}: quantization without scale/min is not supported")
                values = (raw.astype(np.float64) * quant["scale"] + quant["min"]).astype(np.float32)
            else:
                dtype = np.dtype(_DTYPES[spec["dtype"]])
                values = np.frombuffer(data, dtype=dtype.newbyteorder("<"), count=count, offset=offset)
                offset += count * dtype.itemsize
                values = values.astype(dtype.newbyteorder("="))
            if name in weights:
                raise ValueError(f"duplicate weight {name}")
            weights[name] = values.reshape(shape)
        if offset != len(data):
            raise ValueError(f"{group['paths']}: decoded {offset} bytes but the shards hold {len(data)}")
    return weights


def read_manifest_file(manifest_path):
    with open(manifest_path, encoding="utf-8") as f:
        groups = json.load(f)
    return read_weights(groups, os.path.dirname(manifest_path))


def read_graph_model(model_json_path):
    """Returns ``(model_json, weights)`` for a TF.js graph model."""
    with open(model_json_path, encoding="utf-8") as f:
        model = json.load(f)
    if model.get("format") != "graph-model":
        raise ValueError(f"{model_json_path}: not a TF.js graph model (format={model.get('format')})")
    weights = read_weights(model["weightsManifest"], os.path.dirname(model_json_path))
    return model, weights


def _read_file(path):
    with open(path, "rb") as f:
        return f.read()
