package io.github.affect4j.server.detectors;

import io.github.affect4j.DetectorBuilder;
import io.github.affect4j.DetectorInfo;
import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The face and voice detectors this server runs, made once at start-up through
 * {@link EmotionDetectors} and shared by all request threads (affect4j detectors are
 * thread-safe). Either may be missing: the server then still starts, reports why in
 * {@code /health}, and answers the matching upload endpoint with 503.
 */
@Component
public class Detectors implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Detectors.class);

    private final Slot<FaceEmotionDetector> face;
    private final Slot<VoiceEmotionDetector> voice;

    Detectors(Affect4jProperties properties) {
        face = Slot.open("face", EmotionDetectors.faceBuilder()
                .provider(properties.detectors().faceProvider()), FaceEmotionDetector::info);
        voice = Slot.open("voice", EmotionDetectors.voiceBuilder()
                .provider(properties.detectors().voiceProvider()), VoiceEmotionDetector::info);
    }

    /**
     * The face detector.
     *
     * @throws ApiException 503 naming the reason when there is none
     */
    public FaceEmotionDetector face() {
        return face.require();
    }

    /**
     * The voice detector.
     *
     * @throws ApiException 503 naming the reason when there is none
     */
    public VoiceEmotionDetector voice() {
        return voice.require();
    }

    /** What runs for faces, or why nothing does. */
    public Status faceStatus() {
        return face.status();
    }

    /** What runs for voices, or why nothing does. */
    public Status voiceStatus() {
        return voice.status();
    }

    /** Says once, when the server is ready, what it analyses with. */
    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info("Ready. Faces: {}. Voices: {}.", describe(face.status()),
                describe(voice.status()));
    }

    private static String describe(Status status) {
        return status.available() ? status.provider() + " (model " + status.model() + ")"
                : "none, uploads refused (" + status.problem() + ")";
    }

    @Override
    public void destroy() {
        face.close();
        voice.close();
    }

    /**
     * One kind of detector as reported by {@code /health}.
     *
     * @param available whether a detector runs
     * @param provider the provider id, when available
     * @param description what the implementation does, when available
     * @param model the model in use ({@code "none"} for rule-based ones), when available
     * @param problem why none is available, otherwise absent
     * @param providers every provider discovery saw, best first
     */
    public record Status(boolean available, String provider, String description, String model,
                         String problem, List<ProviderStatus> providers) {
    }

    /** A detector, or the reason there is none. */
    private record Slot<D extends AutoCloseable>(String kind, D detector, Status status) {

        static <D extends AutoCloseable> Slot<D> open(String kind, DetectorBuilder<D> builder,
                                                      Function<D, DetectorInfo> info) {
            List<ProviderStatus> providers;
            try {
                providers = builder.providers();
            } catch (RuntimeException e) {
                // The listing only informs /health; building the detector below still decides.
                log.warn("Listing the {} emotion providers failed; /health will list none",
                        kind, e);
                providers = List.of();
            }
            try {
                D detector = builder.build();
                DetectorInfo about = info.apply(detector);
                log.info("{} emotion detector: {} ({}), model {}", kind, about.providerId(),
                        about.description(), about.model());
                return new Slot<>(kind, detector, new Status(true, about.providerId(),
                        about.description(), about.model(), null, providers));
            } catch (RuntimeException e) {
                // No provider (or a broken one): the server runs on without this kind.
                log.warn("No {} emotion detector; {} uploads will be refused: {}", kind, kind,
                        e.getMessage());
                return new Slot<>(kind, null, new Status(false, null, null, null,
                        String.valueOf(e.getMessage()), providers));
            }
        }

        D require() {
            return Optional.ofNullable(detector).orElseThrow(() -> ApiException.unavailable(
                    "No " + kind + " emotion detector is available on this server: "
                            + status.problem(), null));
        }

        void close() {
            if (detector != null) {
                try {
                    detector.close();
                } catch (Exception e) {
                    log.warn("Closing the {} detector failed", kind, e);
                }
            }
        }
    }
}
