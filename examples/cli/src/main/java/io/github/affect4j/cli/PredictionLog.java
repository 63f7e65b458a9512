package io.github.affect4j.cli;

import io.github.affect4j.Emotion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code --predictions FILE} of {@code evaluate}: one CSV row per sample, in the order the
 * samples were read, so that users can study the errors of a detector:
 *
 * <pre>
 * path,truth,predicted,top_probability,path_taken,assessable
 * faces/happy/a.jpg,happiness,happiness,0.9731,face,true
 * faces/sad/b.png,sadness,,,error,
 * </pre>
 *
 * <p>{@code truth} and {@code predicted} are the emotion names of {@link Emotion#label()};
 * {@code predicted} and {@code top_probability} are empty without a prediction (no speech, or
 * a file that could not be read). {@code path_taken} says how the sample was read: for images
 * {@code face} (the largest detected face), {@code crop-filled} (the detected face filled the
 * image, read whole as a face crop), {@code crop-small} (an image of at most 112 px, read
 * whole), {@code crop-no-face} (no face found in a small image, read
 * whole), {@code crop-given} ({@code --crops always}) or {@code whole-image} (the detector
 * returned no face, the whole image classified by {@code evaluate}); for audio {@code speech} or {@code no-speech}; {@code error} when the file
 * could not be read or analysed. {@code assessable} is the face's quality verdict, empty for
 * audio and errors. Fields holding a comma, quote or line break are quoted.
 */
final class PredictionLog implements AutoCloseable {

    static final String HEADER = "path,truth,predicted,top_probability,path_taken,assessable";

    private final BufferedWriter writer;

    private PredictionLog(BufferedWriter writer) {
        this.writer = writer;
    }

    /** Creates (or replaces) the file and writes the header. */
    static PredictionLog create(Path file) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        PredictionLog log = new PredictionLog(writer);
        log.line(HEADER);
        return log;
    }

    /** A sample that was read; {@code prediction} says what the detector made of it. */
    void predicted(LabelledDataset.Sample sample, SamplePredictor.Prediction prediction,
                   boolean image) {
        String predicted = prediction.emotion().map(Emotion::label).orElse("");
        String top = prediction.scores() == null || prediction.emotion().isEmpty() ? ""
                : String.format(Locale.ROOT, "%.4f",
                        prediction.scores().probability(prediction.emotion().get()));
        String taken = image ? prediction.path().label
                : (prediction.emotion().isPresent() ? "speech" : "no-speech");
        String assessable = image ? Boolean.toString(!prediction.notAssessable()) : "";
        row(sample, predicted, top, taken, assessable);
    }

    /** A sample that could not be read or analysed. */
    void failed(LabelledDataset.Sample sample) {
        row(sample, "", "", "error", "");
    }

    private void row(LabelledDataset.Sample sample, String predicted, String top, String taken,
                     String assessable) {
        line(String.join(",", field(sample.name()), sample.truth().label(), predicted, top, taken,
                assessable));
    }

    private void line(String text) {
        try {
            writer.write(text);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
