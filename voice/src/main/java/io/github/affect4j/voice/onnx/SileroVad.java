package io.github.affect4j.voice.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import io.github.affect4j.AnalysisException;
import io.github.affect4j.InvalidModelException;
import io.github.affect4j.onnx.OnnxModel;
import io.github.affect4j.voice.features.VoiceActivityModel;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Silero VAD (v5 or v6, ONNX) as the speech detector of the voice pipeline
 * ({@link io.github.affect4j.voice.features.AcousticFeatureExtractor#withVoiceActivity}).
 *
 * <p>The model is not bundled: the copy in the npm package {@code @ricky0123/vad-web} carries no
 * statement of the model's licence (the package's own code is ISC). Load a copy you obtained under
 * a licence you accept, such as the MIT-licensed release of the Silero VAD project, with
 * {@link #load(Path)}, or name it with the voice detector's option {@code vadModel}.
 *
 * <p>Each 512-sample window of 16 kHz audio is fed with the 64 samples before it (the context
 * the v5 models expect, as Silero's own {@code OnnxWrapper} does) and the recurrent state
 * {@code float[2, 1, 128]} of the previous window, as inputs {@code input [1, 576]},
 * {@code state} and {@code sr} (16000); the output {@code output [1, 1]} is the speech
 * probability and {@code stateN} the next state. Speech starts at probability
 * {@value #ONSET} and continues down to {@value #OFFSET} (Silero's default threshold and its
 * default 0.15 hysteresis). The legacy v4 model (inputs {@code h} and {@code c}) is refused.
 *
 * <p>Thread-safe: one ONNX session serves every thread; each {@link Tracker} from
 * {@link #newTracker()} holds the state of one clip or stream. {@link #close()} must not be
 * called while a tracker runs (a voice detector that owns this model guards that itself).
 */
public final class SileroVad implements VoiceActivityModel, AutoCloseable {

    /** New samples per window at 16 kHz. */
    public static final int WINDOW = 512;

    /** Samples of the previous window fed in front of each window. */
    public static final int CONTEXT = 64;

    /** Probability at which speech starts. */
    public static final double ONSET = 0.5;

    /** Probability below which speech ends. */
    public static final double OFFSET = 0.35;

    private static final int STATE = 2 * 128;

    private final String file;
    private final OnnxModel model;

    private SileroVad(OnnxModel model) {
        this.file = model.name();
        this.model = model;
    }

    /**
     * Loads a Silero VAD v5 or v6 model with one intra-op thread.
     *
     * @param model the {@code .onnx} file
     * @return the loaded model, to be closed by the caller
     * @throws InvalidModelException naming the file when it is not such a model
     * @throws IOException if it cannot be read
     * @throws IllegalStateException if ONNX Runtime's natives cannot be loaded
     */
    public static SileroVad load(Path model) throws IOException {
        Objects.requireNonNull(model, "model");
        return load(Files.readAllBytes(model), model.getFileName().toString(), 1);
    }

    static SileroVad load(byte[] bytes, String name, int threads) throws InvalidModelException {
        OnnxModel.Signature silero = (in, out) -> {
            if (!in.equals(Set.of("input", "state", "sr"))
                    || !out.containsAll(Set.of("output", "stateN"))) {
                throw new InvalidModelException(name + ": not a Silero VAD v5/v6 model: inputs "
                        + in + " and outputs " + out + ", expected inputs "
                        + "[input, state, sr] and outputs [output, stateN] (the legacy v4 "
                        + "model with h and c is not supported)");
            }
        };
        return OnnxModel.load(bytes, name, threads, silero, "input", "output", model -> {
            long[] state = model.floatInputShape("state");
            if (state.length != 3 || state[0] != 2 || state[2] != 128) {
                throw new InvalidModelException(name + ": input 'state' has shape "
                        + Arrays.toString(state) + ", expected [2, batch, 128]");
            }
            return new SileroVad(model);
        });
    }

    @Override
    public Tracker newTracker() {
        return new SileroTracker();
    }

    @Override
    public double onsetThreshold() {
        return ONSET;
    }

    @Override
    public double offsetThreshold() {
        return OFFSET;
    }

    /** The file and its checksum. */
    @Override
    public String describe() {
        return "silero " + model;
    }

    /**
     * The speech probability of each 512-sample window of 16 kHz audio, in order; a trailing
     * partial window is not scored. For measurements and tests.
     *
     * @param samples mono samples at 16 kHz
     * @return one probability per whole window
     */
    public float[] probabilities(float[] samples) {
        SileroTracker tracker = new SileroTracker();
        float[] p = new float[samples.length / WINDOW];
        for (int i = 0; i < p.length; i++) {
            tracker.accept(Arrays.copyOfRange(samples, i * WINDOW, (i + 1) * WINDOW), WINDOW);
            p[i] = (float) tracker.speechProbability((long) (i + 1) * WINDOW);
        }
        return p;
    }

    @Override
    public void close() {
        model.close();
    }

    /** The state of one clip or stream: context, pending samples, recurrent state. */
    private final class SileroTracker implements Tracker {

        // Direct buffers in native order, reused for every window: ONNX Runtime reads them
        // without a copy while a tensor over them is open, and the tensor is closed in run().
        private final FloatBuffer input = OnnxModel.floatBuffer(CONTEXT + WINDOW);
        private final FloatBuffer state = OnnxModel.floatBuffer(STATE);
        private final float[] window = new float[CONTEXT + WINDOW];
        private int filled = CONTEXT;
        /** The probabilities of the latest windows, by window number modulo the length. */
        private final float[] recent = new float[64];
        private long windows;

        @Override
        public void accept(float[] samples, int count) {
            for (int i = 0; i < count; ) {
                int n = Math.min(count - i, window.length - filled);
                System.arraycopy(samples, i, window, filled, n);
                filled += n;
                i += n;
                if (filled == window.length) {
                    run();
                    System.arraycopy(window, WINDOW, window, 0, CONTEXT);
                    filled = CONTEXT;
                }
            }
        }

        @Override
        public double speechProbability(long endSample) {
            long window = endSample / WINDOW - 1;
            if (window < 0 || windows == 0) {
                return 0;
            }
            // Never ahead of what was computed, never older than what is remembered.
            window = Math.max(windows - recent.length, Math.min(windows - 1, window));
            return recent[(int) (window % recent.length)];
        }

        private void run() {
            input.clear();
            input.put(window).rewind();
            state.rewind();
            float probability = model.call("a VAD window", (env, session) -> {
                try (OnnxTensor x = OnnxTensor.createTensor(env, input, new long[] {1, window.length});
                     OnnxTensor h = OnnxTensor.createTensor(env, state, new long[] {2, 1, 128});
                     OnnxTensor sr = OnnxTensor.createTensor(env, 16_000L);
                     OrtSession.Result result = session.run(Map.of("input", x, "state", h, "sr", sr))) {
                    FloatBuffer p = ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer();
                    FloatBuffer next = ((OnnxTensor) result.get("stateN").orElseThrow())
                            .getFloatBuffer();
                    if (next.remaining() != STATE) {
                        throw new AnalysisException(file + ": stateN has " + next.remaining()
                                + " values, expected " + STATE);
                    }
                    // Copied before the result closes: the next window reads the state in place.
                    state.clear();
                    state.put(next).rewind();
                    return p.get(0);
                }
            });
            recent[(int) (windows % recent.length)] = probability;
            windows++;
        }
    }
}
