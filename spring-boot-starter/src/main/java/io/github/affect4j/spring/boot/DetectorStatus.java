package io.github.affect4j.spring.boot;

import io.github.affect4j.DetectorInfo;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.ProviderStatus;
import io.github.affect4j.VoiceEmotionDetector;
import java.util.List;
import java.util.Objects;

/**
 * What runs for one kind of detector, or why nothing does: the health indicator's details, and
 * what an application may check before preparing work for a detector (decoding an upload, say).
 *
 * @param kind {@code face} or {@code voice}
 * @param available whether a detector runs; when not, every call of the bean throws
 *     {@link io.github.affect4j.DetectorUnavailableException}
 * @param provider the provider id, when available
 * @param description what the implementation does, when available
 * @param model the model in use ({@code none} for rule-based ones), when available
 * @param problem why none is available (the discovery message listing every provider seen),
 *     otherwise null
 * @param providers every provider discovery saw at start-up, best first, with why each was not
 *     used; empty for a detector bean the application defined itself
 */
public record DetectorStatus(String kind, boolean available, String provider, String description,
                             String model, String problem, List<ProviderStatus> providers) {

    /**
     * Checks the status and copies the provider list.
     *
     * @param kind as the record component
     * @param available as the record component
     * @param provider as the record component
     * @param description as the record component
     * @param model as the record component
     * @param problem as the record component
     * @param providers as the record component (copied)
     * @throws NullPointerException if kind or providers is null, or a running detector lacks its
     *     provider, description or model, or a missing one its problem
     */
    public DetectorStatus {
        Objects.requireNonNull(kind, "kind");
        providers = List.copyOf(providers);
        if (available) {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(model, "model");
        } else {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** A detector that runs, as its {@link DetectorInfo} describes it. */
    static DetectorStatus running(String kind, DetectorInfo info, List<ProviderStatus> providers) {
        return new DetectorStatus(kind, true, info.providerId(), info.description(), info.model(),
                null, providers);
    }

    /** No detector: why, and what discovery saw. */
    static DetectorStatus missing(String kind, String problem, List<ProviderStatus> providers) {
        return new DetectorStatus(kind, false, null, null, null, problem, providers);
    }

    /**
     * The status of a face detector bean: as recorded at start-up for the one this starter
     * made, from {@link FaceEmotionDetector#info()} for one the application defined.
     *
     * @param detector a face detector bean
     * @return what runs, or why nothing does
     */
    public static DetectorStatus of(FaceEmotionDetector detector) {
        return detector instanceof ManagedDetector<?> managed ? managed.status()
                : running("face", detector.info(), List.of());
    }

    /**
     * The status of a voice detector bean: as recorded at start-up for the one this starter
     * made, from {@link VoiceEmotionDetector#info()} for one the application defined.
     *
     * @param detector a voice detector bean
     * @return what runs, or why nothing does
     */
    public static DetectorStatus of(VoiceEmotionDetector detector) {
        return detector instanceof ManagedDetector<?> managed ? managed.status()
                : running("voice", detector.info(), List.of());
    }
}
