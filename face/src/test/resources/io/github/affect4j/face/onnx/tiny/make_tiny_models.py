#!/usr/bin/python3
"""Writes tiny ONNX classifiers with the input/output signatures of three public face-emotion
models, for affect4j's model-card tests (ModelCardTest.java).

Each model takes the per-channel mean of its input image and applies a fixed linear layer:
    logits = W @ mean_c(x) + b
so a test can feed a uniformly coloured face crop and predict the output exactly from the
model card (colour order, normalisation, layout, label order) without the real weights.
W and b are written to tiny-models.json beside the models.

Run:   /usr/bin/python3 make_tiny_models.py     (Debian python3-torch, python3-onnx)
Output is deterministic; the .onnx files are committed.
"""
import json
import os

import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (input name, output name, input shape, dynamic batch, classes, weight scale)
# (the FER+ model takes raw 0..255 values: smaller weights keep its logits in a useful range)
MODELS = {
    # ONNX model zoo emotion-ferplus-8: Input3 [1,1,64,64] gray 0..255, Plus692_Output_0 [1,8]
    "ferplus8_tiny": ("Input3", "Plus692_Output_0", (1, 1, 64, 64), False, 8, 0.02),
    # HSEmotion enet_b0_8: input [N,3,224,224] ImageNet-normalised RGB, 8 logits
    "hsemotion_enet_b0_8_tiny": ("input", "output", (1, 3, 224, 224), True, 8, 1.0),
    # OpenCV zoo facial_expression_recognition_mobilefacenet_2022july: data [1,3,112,112], label [1,7]
    "opencv_zoo_fer_tiny": ("data", "label", (1, 3, 112, 112), False, 7, 1.0),
}


class ChannelMeanLinear(torch.nn.Module):
    def __init__(self, channels, classes, seed, scale):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        # distinct, well separated weights so a swapped channel or label shows
        self.linear = torch.nn.Linear(channels, classes)
        with torch.no_grad():
            self.linear.weight.copy_(torch.randn(classes, channels, generator=g) * 0.8 * scale)
            self.linear.bias.copy_(torch.randn(classes, generator=g) * 0.5)

    def forward(self, x):
        return self.linear(x.mean(dim=(2, 3)))


def main():
    params = {}
    for seed, (name, (inp, out, shape, dynamic, classes, scale)) in enumerate(sorted(MODELS.items()), 1):
        model = ChannelMeanLinear(shape[1], classes, seed, scale).eval()
        # round the weights so the JSON holds exactly the weights of the file
        w = [[round(float(v), 6) for v in row] for row in model.linear.weight.detach()]
        b = [round(float(v), 6) for v in model.linear.bias.detach()]
        with torch.no_grad():
            model.linear.weight.copy_(torch.tensor(w))
            model.linear.bias.copy_(torch.tensor(b))
        path = os.path.join(HERE, name + ".onnx")
        torch.onnx.export(model, torch.zeros(shape), path, input_names=[inp], output_names=[out],
                          opset_version=13,
                          dynamic_axes={inp: {0: "N"}, out: {0: "N"}} if dynamic else None)
        onnx.checker.check_model(onnx.load(path))
        params[name] = {"input": inp, "output": out, "shape": list(shape),
                        "dynamicBatch": dynamic, "W": w, "b": b}
        print(name, os.path.getsize(path), "bytes")
    with open(os.path.join(HERE, "tiny-models.json"), "w") as f:
        json.dump(params, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
