package io.github.affect4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.affect4j.EmotionDetectors;
import io.github.affect4j.ProviderStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Option names as Spring properties and environment variables spell them reach the names the
 * providers declare; anything else is passed on for the builder to reject.
 */
class OptionNamesTest {

    @Test
    void namesMatchTheDeclaredOnesIgnoringCaseDashesAndUnderscores() {
        // The real declarations of the face providers on the class path (onnx, heuristic).
        List<ProviderStatus> providers = EmotionDetectors.faceBuilder().providers();
        Map<String, String> named = DetectorSlot.declaredNames(Map.of(
                "MINFACESIZE", "48",           // AFFECT4J_FACE_OPTION_MINFACESIZE
                "min-confidence", "0.5",       // kebab-case in application.yml
                "max_image_side", "800",
                "mode", "fast",                // already the declared name
                "treads", "2"), providers);    // no such option: left for build() to reject
        assertThat(named).containsOnly(entry("minFaceSize", "48"), entry("minConfidence", "0.5"),
                entry("maxImageSide", "800"), entry("mode", "fast"), entry("treads", "2"));
    }

    @Test
    void withoutDeclarationsNamesStayAsGiven() {
        assertThat(DetectorSlot.declaredNames(Map.of("min-confidence", "0.5"), List.of()))
                .containsOnly(entry("min-confidence", "0.5"));
    }
}
