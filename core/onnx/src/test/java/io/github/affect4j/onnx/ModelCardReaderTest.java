package io.github.affect4j.onnx;

import io.github.affect4j.InvalidModelException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every typed getter of the one model-card reader, and the messages it gives. */
class ModelCardReaderTest {

    enum Pooling { MEAN_PROBABILITIES, MEAN_LOGITS }

    @TempDir
    Path temp;

    private static ModelCardReader card(String text) throws Exception {
        return ModelCardReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "test card");
    }

    private static String refusal(Runnable getter) {
        return assertThrows(IllegalArgumentException.class, getter::run).getMessage();
    }

    @Test
    void stringsAreTrimmedAndBlankCountsAsAbsent() throws Exception {
        ModelCardReader c = card("name =  my model  \nblank =   \n");
        assertEquals("my model", c.required("name"));
        assertEquals(Optional.empty(), c.optional("blank"));
        assertEquals("fallback", c.string("blank", "fallback"));
        assertEquals("fallback", c.string("absent", "fallback"));
        assertEquals("model card lacks 'blank'", refusal(() -> c.required("blank")));
        assertEquals("model card lacks 'absent'", refusal(() -> c.required("absent")));
        assertEquals(Set.of("name", "blank"), c.keys());
    }

    @Test
    void integers() throws Exception {
        ModelCardReader c = card("width = 64\nbad = sixty-four\n");
        assertEquals(64, c.integer("width"));
        assertEquals(7, c.integer("absent", 7));
        assertEquals("bad must be an integer, got 'sixty-four'", refusal(() -> c.integer("bad")));
        assertEquals("bad must be an integer, got 'sixty-four'", refusal(() -> c.integer("bad", 1)));
        assertEquals("model card lacks 'absent'", refusal(() -> c.integer("absent")));
    }

    @Test
    void numbersTakeFractionsAndMustBeFinite() throws Exception {
        ModelCardReader c = card("scale = 1/255\nmean = 0.485, 0.456 ,0.406\nnan = NaN\n"
                + "inf = 1/0\ntwo = 1, 2\nword = x\n");
        assertEquals(1 / 255.0, c.number("scale", 1), 1e-15);
        assertEquals(2.5, c.number("absent", 2.5));
        assertEquals(List.of(0.485, 0.456, 0.406), c.numbers("mean"));
        assertEquals(List.of(1.0), c.numbers("absent", List.of(1.0)));
        assertEquals("nan must be a finite number, got 'NaN'", refusal(() -> c.number("nan", 0)));
        assertEquals("inf must be finite numbers, got '1/0'", refusal(() -> c.numbers("inf")));
        assertEquals("two must be one number, got '1, 2'", refusal(() -> c.number("two", 0)));
        assertEquals("word must be a finite number, got 'x'", refusal(() -> c.numbers("word")));
    }

    @Test
    void listsDropBlankItems() throws Exception {
        ModelCardReader c = card("labels = a, b ,, c,\n");
        assertEquals(List.of("a", "b", "c"), c.list("labels"));
        assertEquals(List.of(), c.optionalList("absent"));
        assertEquals(List.of("a", "b", "c"), c.optionalList("labels"));
        assertEquals("model card lacks 'absent'", refusal(() -> c.list("absent")));
    }

    @Test
    void enumsAreWrittenInLowerCaseWithHyphensAndErrorsListTheChoices() throws Exception {
        ModelCardReader c = card("pooling = mean-logits\nshout = MEAN_PROBABILITIES\nbad = max\n");
        assertEquals(Pooling.MEAN_LOGITS, c.enumValue(Pooling.class, "pooling"));
        assertEquals(Pooling.MEAN_PROBABILITIES, c.enumValue(Pooling.class, "shout"));
        assertEquals(Pooling.MEAN_LOGITS, c.enumValue(Pooling.class, "absent", Pooling.MEAN_LOGITS));
        assertEquals("bad must be one of [mean-probabilities, mean-logits], got 'max'",
                refusal(() -> c.enumValue(Pooling.class, "bad")));
        assertEquals("model card lacks 'absent'", refusal(() -> c.enumValue(Pooling.class, "absent")));
    }

    @Test
    void emotionLabelsMustMapToDistinctCategories() throws Exception {
        assertEquals(List.of("angry", "happy", "neutral"),
                card("labels = angry, happy, neutral").emotionLabels("labels"));
        assertEquals(List.of(Emotion.ANGER, Emotion.HAPPINESS),
                ModelCardReader.requireEmotionLabels("labels", List.of("angry", "happy")));
        String unknown = refusal(() -> ModelCardReader.requireEmotionLabels("labels",
                List.of("happy", "boredom")));
        assertTrue(unknown.startsWith("labels: 'boredom' is not an emotion label (neutral, "),
                unknown);
        for (Emotion e : Emotion.values()) {
            assertTrue(unknown.contains(e.label()), "lists " + e.label() + ": " + unknown);
        }
        assertEquals("labels: two labels map to happiness: [happy, joy, sad]",
                refusal(() -> ModelCardReader.requireEmotionLabels("labels",
                        List.of("happy", "joy", "sad"))));
        assertEquals("labels: a classifier needs at least two, got [happy]",
                refusal(() -> ModelCardReader.requireEmotionLabels("labels", List.of("happy"))));
    }

    @Test
    void unknownFieldsAreRefusedByName() throws Exception {
        ModelCardReader c = card("name = x\ninput.channels = 1\n");
        assertEquals("unknown model card field 'input.channels'; known: [input.width, name]",
                refusal(() -> c.requireOnlyKnown(Set.of("name", "input.width"))));
        card("name = x").requireOnlyKnown(Set.of("name"));
    }

    @Test
    void fieldsWithAPrefix() throws Exception {
        assertEquals(Map.of("samples", "40", "uar", "0.95"),
                card("training.samples = 40\ntraining.uar = 0.95\nname = x\n").withPrefix("training."));
    }

    @Test
    void parseNamesTheSourceAndFilesAreReadAsUtf8() throws Exception {
        Path file = Files.writeString(temp.resolve("card.properties"), "name = émotion\nwidth = wide\n",
                StandardCharsets.UTF_8);
        ModelCardReader c = ModelCardReader.read(file);
        assertEquals("émotion", c.parse(r -> r.required("name")));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> c.parse(r -> r.integer("width")));
        assertEquals(file + ": width must be an integer, got 'wide'", e.getMessage());
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> ModelCardReader.read(temp.resolve("absent.properties")));
        assertTrue(missing.getMessage().contains("model card not found"), missing.getMessage());
    }

    @Test
    void propertiesAreCopied() {
        Properties p = new Properties();
        p.setProperty("name", "x");
        ModelCardReader c = ModelCardReader.of(p, "props");
        p.setProperty("name", "changed");
        assertEquals("x", c.required("name"));
        assertEquals("props", c.source());
        assertEquals("tensor must not be blank", refusal(() -> ModelCardReader.requireName(" ",
                "tensor")));
    }
}
