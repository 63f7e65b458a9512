package io.github.affect4j.discovery;

import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.DetectorConfig;
import io.github.affect4j.spi.DetectorProvider;
import io.github.affect4j.spi.FaceDetectorProvider;
import io.github.affect4j.spi.OptionSpec;
import io.github.affect4j.spi.VoiceDetectorProvider;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hand-written providers for the discovery tests, each a public class with a public no-argument
 * constructor as {@link java.util.ServiceLoader} requires. Every test class runs in a fresh JVM;
 * tests that check {@link #CREATED} clear it before each test method.
 */
public final class StubProviders {

    /** Simple names of the providers whose {@code create} was called, in call order. */
    static final List<String> CREATED = new CopyOnWriteArrayList<>();

    private StubProviders() {
    }

    /** What the model-backed stubs declare, like the onnx face provider. */
    static final List<OptionSpec> MODEL_OPTIONS = List.of(
            OptionSpec.choice("mode", List.of("accurate", "fast"), "accurate", "speed preset"),
            OptionSpec.integer("threads", 1, 64, 1, "intra-op threads"),
            OptionSpec.decimal("minConfidence", 0, 1, 0.5, "weaker detections are dropped"),
            OptionSpec.path("card", "model card"),
            OptionSpec.string("preset", null, "a built-in card instead of card"));

    /** What the heuristic stub declares, like the heuristic face provider. */
    static final List<OptionSpec> HEURISTIC_OPTIONS = List.of(
            OptionSpec.integer("minFaceSize", 1, 10_000, 40, "smaller faces are flagged"),
            OptionSpec.decimal("minConfidence", 0, 1, 0.35, "weaker detections are dropped"));

    abstract static class Face implements FaceDetectorProvider {
        private final String id;
        private final int priority;
        private final Availability availability;
        private final List<OptionSpec> options;

        Face(String id, int priority, Availability availability) {
            this(id, priority, availability, List.of());
        }

        Face(String id, int priority, Availability availability, List<OptionSpec> options) {
            this.id = id;
            this.priority = priority;
            this.availability = availability;
            this.options = options;
        }

        @Override
        public List<OptionSpec> options() {
            return options;
        }

        /** {@code card} and {@code preset} exclude each other, where both are declared. */
        @Override
        public void validate(DetectorConfig config) {
            if (options == MODEL_OPTIONS && config.isSet("card") && config.isSet("preset")) {
                throw new IllegalArgumentException("options card and preset exclude each other");
            }
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Availability availability(DetectorConfig config) {
            return availability;
        }

        @Override
        public FaceEmotionDetector create(DetectorConfig config) throws Exception {
            CREATED.add(getClass().getSimpleName());
            if (!availability.available()) {
                throw new AssertionError("create() called on unavailable provider " + id);
            }
            return new StubFaceDetector(id, getClass(), config);
        }
    }

    // --- well-behaved providers ---

    /** A model-backed provider whose model is present. */
    public static final class Model extends Face {
        public Model() {
            super("model", DetectorProvider.MODEL_PRIORITY, Availability.ready());
        }
    }

    /** The rule-based fallback. */
    public static final class Heuristic extends Face {
        public Heuristic() {
            super("heuristic", DetectorProvider.HEURISTIC_PRIORITY, Availability.ready());
        }
    }

    /** A model-backed provider whose model file is missing. */
    public static final class MissingModel extends Face {
        public MissingModel() {
            super("model", DetectorProvider.MODEL_PRIORITY,
                    Availability.unavailable("model file /nowhere/fer.onnx not found"));
        }
    }

    /** Like {@link Model}, declaring {@link #MODEL_OPTIONS}. */
    public static final class OptionModel extends Face {
        public OptionModel() {
            super("model", DetectorProvider.MODEL_PRIORITY, Availability.ready(), MODEL_OPTIONS);
        }
    }

    /** Like {@link MissingModel}, declaring {@link #MODEL_OPTIONS}. */
    public static final class OptionMissingModel extends Face {
        public OptionMissingModel() {
            super("model", DetectorProvider.MODEL_PRIORITY,
                    Availability.unavailable("model file /nowhere/fer.onnx not found"),
                    MODEL_OPTIONS);
        }
    }

    /** Like {@link Heuristic}, declaring {@link #HEURISTIC_OPTIONS}. */
    public static final class OptionHeuristic extends Face {
        public OptionHeuristic() {
            super("heuristic", DetectorProvider.HEURISTIC_PRIORITY, Availability.ready(),
                    HEURISTIC_OPTIONS);
        }
    }

    /** A fallback that is switched off. */
    public static final class DisabledHeuristic extends Face {
        public DisabledHeuristic() {
            super("heuristic", DetectorProvider.HEURISTIC_PRIORITY,
                    Availability.unavailable("disabled for this test"));
        }
    }

    /** Another provider claiming the id "heuristic", with a higher priority. */
    public static final class SecondHeuristic extends Face {
        public SecondHeuristic() {
            super("heuristic", 50, Availability.ready());
        }
    }

    /** Two providers of equal priority. */
    public static final class Alpha extends Face {
        public Alpha() {
            super("alpha", 30, Availability.ready());
        }
    }

    /** See {@link Alpha}. */
    public static final class Beta extends Face {
        public Beta() {
            super("beta", 30, Availability.ready());
        }
    }

    /** Available only when the option {@code modelPath} is set. */
    public static final class NeedsOption extends Face {
        public NeedsOption() {
            super("needs-option", 20, Availability.ready(),
                    List.of(OptionSpec.path("modelPath", "the model")));
        }

        @Override
        public Availability availability(DetectorConfig config) {
            return config.get("modelPath").isPresent() ? Availability.ready()
                    : Availability.unavailable("option modelPath is not set");
        }
    }

    // --- broken providers ---

    /** Fails in its constructor, as a provider whose native library is missing might. */
    public static final class ThrowingConstructor extends Face {
        public ThrowingConstructor() {
            super("throwing-constructor", 1_000, Availability.ready());
            throw new IllegalStateException("native library libfer.so missing");
        }
    }

    /** Fails when asked for its id. */
    public static final class ThrowingId extends Face {
        public ThrowingId() {
            super("never-seen", 1_000, Availability.ready());
        }

        @Override
        public String id() {
            throw new IllegalStateException("id() failed");
        }
    }

    /** Fails when asked for its priority. */
    public static final class ThrowingPriority extends Face {
        public ThrowingPriority() {
            super("throwing-priority", 1_000, Availability.ready());
        }

        @Override
        public int priority() {
            throw new UnsupportedOperationException("priority() failed");
        }
    }

    /** Fails when asked whether it is available. */
    public static final class ThrowingAvailability extends Face {
        public ThrowingAvailability() {
            super("throwing-availability", 1_000, Availability.ready());
        }

        @Override
        public Availability availability(DetectorConfig config) {
            throw new NoClassDefFoundError("ai/onnxruntime/OrtEnvironment");
        }
    }

    /** Answers null when asked whether it is available. */
    public static final class NullAvailability extends Face {
        public NullAvailability() {
            super("null-availability", 1_000, Availability.ready());
        }

        @Override
        public Availability availability(DetectorConfig config) {
            return null;
        }
    }

    /** Claims to be available, then cannot create a detector. */
    public static final class FailingCreate extends Face {
        public FailingCreate() {
            super("corrupt-model", 300, Availability.ready());
        }

        @Override
        public FaceEmotionDetector create(DetectorConfig config) throws IOException {
            CREATED.add(getClass().getSimpleName());
            throw new IOException("model file fer.onnx is corrupt");
        }
    }

    /** Fails to create a detector for want of a native library. */
    public static final class LinkageFailingCreate extends Face {
        public LinkageFailingCreate() {
            super("no-natives", 200, Availability.ready());
        }

        @Override
        public FaceEmotionDetector create(DetectorConfig config) {
            CREATED.add(getClass().getSimpleName());
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
        }
    }

    /** Fails with a bug of its own when asked to check options. */
    public static final class ThrowingValidate extends Face {
        public ThrowingValidate() {
            super("throwing-validate", 1_000, Availability.ready());
        }

        @Override
        public void validate(DetectorConfig config) {
            throw new IllegalStateException("validate() failed");
        }
    }

    /** Returns null from create. */
    public static final class NullCreate extends Face {
        public NullCreate() {
            super("null-create", 150, Availability.ready());
        }

        @Override
        public FaceEmotionDetector create(DetectorConfig config) {
            CREATED.add(getClass().getSimpleName());
            return null;
        }
    }

    /** Not a provider at all, listed by mistake. */
    public static final class NotAProvider {
        public NotAProvider() {
        }
    }

    // --- voice ---

    abstract static class Voice implements VoiceDetectorProvider {
        private final String id;
        private final int priority;
        private final Availability availability;

        Voice(String id, int priority, Availability availability) {
            this.id = id;
            this.priority = priority;
            this.availability = availability;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Availability availability(DetectorConfig config) {
            return availability;
        }

        @Override
        public VoiceEmotionDetector create(DetectorConfig config) {
            CREATED.add(getClass().getSimpleName());
            return new StubVoiceDetector(id);
        }
    }

    /** The rule-based voice fallback. */
    public static final class VoiceHeuristic extends Voice {
        public VoiceHeuristic() {
            super("heuristic", DetectorProvider.HEURISTIC_PRIORITY, Availability.ready());
        }
    }

    /** A model-backed voice provider without its model. */
    public static final class VoiceMissingModel extends Voice {
        public VoiceMissingModel() {
            super("model", DetectorProvider.MODEL_PRIORITY,
                    Availability.unavailable("model file /nowhere/ser.onnx not found"));
        }
    }
}
