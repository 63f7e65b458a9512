/**
 * Internal: the ONNX Runtime plumbing of affect4j, written once for the face and the voice
 * providers. Loading the natives, opening a session with affect4j's one set of session options,
 * checking its tensors, running it and closing it; the SHA-256 of model bytes; reading model
 * cards. Loading failures are core's {@link io.github.affect4j.InvalidModelException}.
 *
 * <p>Not an API: the package is exported to {@code io.github.affect4j.face} and
 * {@code io.github.affect4j.voice} only, and may change in any release.
 */
module io.github.affect4j.onnx {
    requires transitive io.github.affect4j.core;
    requires transitive com.microsoft.onnxruntime;
    requires org.slf4j;

    exports io.github.affect4j.onnx to io.github.affect4j.face, io.github.affect4j.voice;
}
