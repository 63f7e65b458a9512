/**
 * Internal ONNX Runtime plumbing shared by affect4j-face and affect4j-voice: {@link
 * io.github.affect4j.onnx.Natives}, {@link io.github.affect4j.onnx.OnnxModel} (sessions, their
 * one set of options, shape checks, runs, closing, SHA-256), {@link
 * io.github.affect4j.onnx.ModelCardReader} and {@link io.github.affect4j.InvalidModelException}.
 * Not an API.
 */
package io.github.affect4j.onnx;
