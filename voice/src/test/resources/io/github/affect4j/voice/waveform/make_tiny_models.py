#!/usr/bin/python3
"""Writes tiny ONNX models with the signatures of waveform speech-emotion models (wav2vec2-family
exports) and of Silero VAD v5, for affect4j's voice tests.

None has learnt weights: each output is a simple function of the input, so a test can compute
the expected output from the samples it feeds and check the whole path (model card, length
handling, normalisation, pooling, label and dimension mapping) exactly.

  categorical_dynamic.onnx  input_values [1, T] (T dynamic) -> logits [1, 4]
                            logits = [mean(x), 10 * mean(x^2), 5 * mean(|x|), max(x)]
  categorical_window.onnx   the same with a fixed T = 8000 (0.5 s windows)
  dimensional.onnx          input_values [1, T] -> values [1, 3] in 0..1, in the order
                            arousal, dominance, valence (the order of audeering's
                            w2v2-large-robust-12-ft-emotion-msp-dim export):
                            sigmoid([log10(mean(x^2)) + 2, 100 * mean(x), 10 * mean(|x|) - 1])
  silero_v5_like.onnx       Silero VAD v5 signature: input [B, 576] (64 context + 512 new samples),
                            state [2, B, 128], sr int64 [] -> output [B, 1], stateN [2, B, 128]
                            output = sigmoid(0.5 * (10 * log10(mean(x^2) + 1e-10) + 40))
                            (0.5 at -40 dBFS; 0 unless sr = 16000), stateN = state + 1 (counts the calls)

Run:   /usr/bin/python3 make_tiny_models.py     (Debian python3-torch, python3-onnx)
Output is deterministic; the .onnx files are committed.
"""
import os

import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


class Categorical(torch.nn.Module):
    def forward(self, x):
        return torch.stack([x.mean(dim=1), 10 * (x * x).mean(dim=1), 5 * x.abs().mean(dim=1),
                            x.max(dim=1).values], dim=1)


class Dimensional(torch.nn.Module):
    def forward(self, x):
        return torch.sigmoid(torch.stack([torch.log10((x * x).mean(dim=1)) + 2,
                                          100 * x.mean(dim=1),
                                          10 * x.abs().mean(dim=1) - 1], dim=1))


class SileroLike(torch.nn.Module):
    def forward(self, x, state, sr):
        db = 10 * torch.log10((x * x).mean(dim=1, keepdim=True) + 1e-10)
        # sr is used (as Silero uses it) so that the export keeps it as an input
        return torch.sigmoid(0.5 * (db + 40)) * (sr == 16000).float(), state + 1


def export(model, args, name, inputs, outputs, dynamic):
    path = os.path.join(HERE, name)
    torch.onnx.export(model, args, path, input_names=inputs, output_names=outputs,
                      opset_version=13, dynamic_axes=dynamic)
    onnx.checker.check_model(onnx.load(path))
    print(name, os.path.getsize(path), "bytes")


def main():
    x = torch.zeros(1, 8000)
    export(Categorical().eval(), (x,), "categorical_dynamic.onnx", ["input_values"], ["logits"],
           {"input_values": {1: "T"}})
    export(Categorical().eval(), (x,), "categorical_window.onnx", ["input_values"], ["logits"],
           None)
    export(Dimensional().eval(), (x,), "dimensional.onnx", ["input_values"], ["values"],
           {"input_values": {1: "T"}})
    export(SileroLike().eval(), (torch.zeros(1, 576), torch.zeros(2, 1, 128),
                                 torch.tensor(16000, dtype=torch.int64)),
           "silero_v5_like.onnx", ["input", "state", "sr"], ["output", "stateN"],
           {"input": {0: "B"}, "state": {1: "B"}, "output": {0: "B"}, "stateN": {1: "B"}})


if __name__ == "__main__":
    main()
