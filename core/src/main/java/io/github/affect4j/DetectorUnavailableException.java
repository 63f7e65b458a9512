package io.github.affect4j;

import java.util.List;

/**
 * No provider could make the requested detector. The message, and {@link #rejections()}, list
 * every provider discovery saw and why each was not used.
 */
public class DetectorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ProviderStatus> rejections;

    /**
     * @param kind {@code "face"} or {@code "voice"}
     * @param wanted the provider id that was asked for, or null for the automatic choice
     * @param rejections each provider seen, with the reason it was not used
     */
    public DetectorUnavailableException(String kind, String wanted, List<ProviderStatus> rejections) {
        super(message(kind, wanted, rejections));
        this.rejections = List.copyOf(rejections);
    }

    /** {@return every provider seen, with the reason it was not used} */
    public List<ProviderStatus> rejections() {
        return rejections;
    }

    private static String message(String kind, String wanted, List<ProviderStatus> rejections) {
        StringBuilder text = new StringBuilder("No ").append(kind).append(" emotion detector");
        if (wanted != null) {
            text.append(" with provider id '").append(wanted).append('\'');
        }
        text.append(" is available.");
        if (rejections.isEmpty()) {
            text.append(" No ").append(kind).append(" detector provider is on the class path:"
                    + " add affect4j-heuristics (rule-based) or the model-backed module.");
        } else {
            text.append(" Providers seen:");
            for (ProviderStatus status : rejections) {
                text.append("\n  - ").append(status.id())
                        .append(" (priority ").append(status.priority()).append("): ")
                        .append(status.reason());
            }
        }
        return text.toString();
    }
}
