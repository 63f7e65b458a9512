package io.github.affect4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.affect4j.Emotion;
import io.github.affect4j.evaluation.ConfusionMatrix;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints an {@link EvaluationResult}: a readable summary with the confusion matrix, or one JSON
 * object on one line. The JSON field names are part of the CLI's contract (see the README).
 */
final class EvaluationReport {

    /** Heading of the confusion matrix column of clips without speech. */
    static final String NO_SPEECH = "no speech";

    private static final JsonFactory JSON = new JsonFactory();

    private EvaluationReport() {
    }

    /** The readable report. */
    static void writeTable(EvaluationResult result, PrintStream out) {
        ConfusionMatrix m = result.matrix();
        String noun = result.kind().plural;
        out.printf(Locale.ROOT, "evaluated %s: %d %s%n", result.source(), m.samples(), noun);
        if (result.detector() != null) {
            out.printf(Locale.ROOT, "detector: %s (%s; model %s)%n",
                    result.detector().providerId(), result.detector().description(),
                    result.detector().model());
        }
        out.printf(Locale.ROOT, "accuracy %s   UAR %s   %s ms per %s (detector calls only)%n",
                figure(m.accuracy()), figure(m.uar()), millis(result.msPerSample()),
                result.kind() == EvaluationResult.Kind.IMAGE ? "image" : "clip");
        if (result.kind() == EvaluationResult.Kind.IMAGE) {
            out.printf(Locale.ROOT, "no face found, whole image classified: %d; face not "
                    + "assessable, counted with its most probable label: %d%n",
                    result.wholeImageFallbacks(), result.notAssessable());
            out.printf(Locale.ROOT, "paths taken: %s%n", result.imagePaths().entrySet().stream()
                    .map(e -> e.getKey().label + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        } else {
            out.printf(Locale.ROOT, "no speech found (counted as a wrong answer, column '%s'): "
                    + "%d%n", NO_SPEECH, result.noSpeech());
        }
        if (result.errors() > 0) {
            out.printf(Locale.ROOT, "not evaluated: %d file%s that could not be read or analysed "
                    + "(reasons on stderr)%n", result.errors(), result.errors() == 1 ? "" : "s");
        }
        for (Map.Entry<String, Integer> unmapped : result.unmappedLabels().entrySet()) {
            out.printf(Locale.ROOT, "not evaluated: %d file%s labelled '%s', which is none of the "
                    + "eight emotions%n", unmapped.getValue(), unmapped.getValue() == 1 ? "" : "s",
                    unmapped.getKey());
        }
        if (result.unlabelled() > 0) {
            out.printf(Locale.ROOT, "not evaluated: %d file%s without a label%n",
                    result.unlabelled(), result.unlabelled() == 1 ? "" : "s");
        }
        out.println();
        out.print(m.toTable(NO_SPEECH));
        if (!result.neverScored().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "never given a probability above 0 by this detector, so "
                    + "never predicted: %s%n", labels(result.neverScored()));
            Set<Emotion> lost = EnumSet.noneOf(Emotion.class);
            lost.addAll(result.neverScored());
            lost.retainAll(m.truthClasses());
            if (!lost.isEmpty()) {
                out.printf(Locale.ROOT, "(the recall of %s is 0 whatever the samples)%n",
                        labels(lost));
            }
        }
        out.flush();
    }

    /**
     * One JSON object: {@code samples, accuracy, uar, perClass} (recall per class in the truth),
     * {@code confusion} (rows true classes, columns the classes seen, plus {@code "no speech"}
     * for audio), {@code msPerSample, detector, wholeImageFallbacks, paths} (images per path
     * taken: face, crop-filled, crop-small, crop-no-face, crop-given, whole-image; empty for audio), then
     * {@code kind, notAssessable, noSpeech, errors, unmappedLabels, unlabelled, neverScored, perClassPrecision}.
     * Undefined figures (no samples) are null.
     */
    static void writeJson(EvaluationResult result, PrintStream out) throws IOException {
        ConfusionMatrix m = result.matrix();
        boolean audio = result.kind() == EvaluationResult.Kind.AUDIO;
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("samples", m.samples());
            number(json, "accuracy", m.accuracy());
            number(json, "uar", m.uar());
            json.writeObjectFieldStart("perClass");
            for (Map.Entry<Emotion, Double> recall : m.recallPerClass().entrySet()) {
                json.writeNumberField(recall.getKey().label(), recall.getValue());
            }
            json.writeEndObject();
            Set<Emotion> columns = EnumSet.noneOf(Emotion.class);
            columns.addAll(m.truthClasses());
            columns.addAll(m.predictedClasses());
            json.writeObjectFieldStart("confusion");
            for (Emotion row : m.truthClasses()) {
                json.writeObjectFieldStart(row.label());
                for (Emotion column : columns) {
                    json.writeNumberField(column.label(), m.count(row, column));
                }
                if (audio) {
                    json.writeNumberField(NO_SPEECH, m.noPrediction(row));
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            // Math.round(NaN) is 0: round only real figures, so "no samples" stays null.
            double ms = result.msPerSample();
            number(json, "msPerSample", Double.isNaN(ms) ? ms : Math.round(ms * 1e3) / 1e3);
            if (result.detector() != null) {
                json.writeStringField("detector", result.detector().providerId());
            } else {
                json.writeNullField("detector");
            }
            json.writeNumberField("wholeImageFallbacks", result.wholeImageFallbacks());
            json.writeObjectFieldStart("paths");
            for (Map.Entry<ImagePath, Integer> path : result.imagePaths().entrySet()) {
                json.writeNumberField(path.getKey().label, path.getValue());
            }
            json.writeEndObject();
            json.writeStringField("kind", result.kind().label);
            json.writeNumberField("notAssessable", result.notAssessable());
            json.writeNumberField("noSpeech", result.noSpeech());
            json.writeNumberField("errors", result.errors());
            json.writeObjectFieldStart("unmappedLabels");
            for (Map.Entry<String, Integer> unmapped : result.unmappedLabels().entrySet()) {
                json.writeNumberField(unmapped.getKey(), unmapped.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("unlabelled", result.unlabelled());
            json.writeArrayFieldStart("neverScored");
            for (Emotion emotion : result.neverScored()) {
                json.writeString(emotion.label());
            }
            json.writeEndArray();
            json.writeObjectFieldStart("perClassPrecision");
            for (Map.Entry<Emotion, Double> precision : m.precisionPerClass().entrySet()) {
                json.writeNumberField(precision.getKey().label(), precision.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.println(text);
        out.flush();
    }

    /** NaN has no JSON form: undefined figures are written as null. */
    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String labels(Set<Emotion> emotions) {
        return emotions.stream().map(Emotion::label).collect(Collectors.joining(", "));
    }
}
