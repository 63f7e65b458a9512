package io.github.affect4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmotionTest {

    @Test
    void labelsAreTheEightFerPlusCategoriesInDeclarationOrder() {
        List<String> labels = Arrays.stream(Emotion.values()).map(Emotion::label).toList();
        assertEquals(List.of("neutral", "happiness", "surprise", "sadness", "anger", "disgust",
                "fear", "contempt"), labels);
    }

    @ParameterizedTest
    @CsvSource({
        // FER-2013 / AffectNet style adjectives
        "happy, HAPPINESS", "angry, ANGER", "sad, SADNESS", "fearful, FEAR",
        "surprised, SURPRISE", "disgusted, DISGUST", "contemptuous, CONTEMPT",
        // CREMA-D codes
        "ANG, ANGER", "DIS, DISGUST", "FEA, FEAR", "HAP, HAPPINESS", "NEU, NEUTRAL", "SAD, SADNESS",
        // RAVDESS folds calm into neutral; TESS says pleasant surprise
        "calm, NEUTRAL", "pleasant_surprise, SURPRISE", "ps, SURPRISE",
        // case, blanks and separators are ignored
        "'  Happy ', HAPPINESS", "No_Emotion, NEUTRAL", "no-emotion, NEUTRAL", "JOY, HAPPINESS",
        "scared, FEAR", "afraid, FEAR", "mad, ANGER", "sorrow, SADNESS"
    })
    void mapsCommonLabelSets(String label, Emotion expected) {
        assertEquals(Optional.of(expected), Emotion.fromLabel(label));
        assertEquals(expected, Emotion.parse(label));
    }

    @ParameterizedTest
    @EnumSource(Emotion.class)
    void everyLabelAndConstantNameMapsToItself(Emotion emotion) {
        assertEquals(Optional.of(emotion), Emotion.fromLabel(emotion.label()));
        assertEquals(Optional.of(emotion), Emotion.fromLabel(emotion.name()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"boredom", "excited", "frustrated", "", "   ", "happyish"})
    void labelsWithoutCounterpartAreNotMapped(String label) {
        assertEquals(Optional.empty(), Emotion.fromLabel(label));
    }

    @Test
    void nullLabelIsRejected() {
        assertThrows(NullPointerException.class, () -> Emotion.fromLabel(null));
    }

    @Test
    void parseNamesTheUnknownLabelAndListsTheAcceptedOnesInOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Emotion.parse("boredom"));
        String message = e.getMessage();
        assertTrue(message.startsWith("unknown emotion label 'boredom'; expected one of ["),
                message);
        String list = message.substring(message.indexOf('[') + 1, message.lastIndexOf(']'));
        List<String> accepted = Arrays.asList(list.split(", "));
        assertTrue(accepted.containsAll(List.of("happiness", "happy", "ang", "calm", "contempt")),
                message);
        // A stable message: the same list in the same (sorted) order in every JVM.
        assertEquals(accepted.stream().sorted().toList(), accepted, message);
    }

    @Test
    void circumplexPositionsMatchTheDocumentedTable() {
        double[][] expected = {
            {0.0, 0.0}, {0.8, 0.5}, {0.2, 0.8}, {-0.7, -0.4}, {-0.6, 0.8}, {-0.7, 0.3}, {-0.6, 0.7},
            {-0.5, 0.2}
        };
        for (Emotion emotion : Emotion.values()) {
            assertEquals(expected[emotion.ordinal()][0], emotion.valence(), 0.0, emotion + " valence");
            assertEquals(expected[emotion.ordinal()][1], emotion.arousal(), 0.0, emotion + " arousal");
        }
    }
}
