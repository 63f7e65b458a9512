package io.github.affect4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.affect4j.BoundingBox;
import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceResult;
import io.github.affect4j.Prosody;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;

/**
 * One JSON object per file, one per line (JSON Lines). Field names are part of the CLI's contract;
 * see the README.
 */
final class JsonReport implements Report {

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;

    JsonReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(MediaAnalyzer.Outcome outcome) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("file", outcome.name());
            if (!outcome.ok()) {
                json.writeStringField("error", outcome.error());
            } else if (outcome.face() != null) {
                writeImage(json, outcome.face());
            } else {
                writeAudio(json, outcome.voice());
            }
            json.writeEndObject();
        }
        out.println(text);
        out.flush();
    }

    private static void writeImage(JsonGenerator json, FaceAnalysis analysis) throws IOException {
        json.writeStringField("kind", "image");
        json.writeStringField("detector", analysis.detector().providerId());
        json.writeNumberField("width", analysis.imageWidth());
        json.writeNumberField("height", analysis.imageHeight());
        json.writeArrayFieldStart("faces");
        for (FaceResult face : analysis.faces()) {
            json.writeStartObject();
            BoundingBox box = face.box();
            json.writeObjectFieldStart("box");
            json.writeNumberField("x", box.x());
            json.writeNumberField("y", box.y());
            json.writeNumberField("width", box.width());
            json.writeNumberField("height", box.height());
            json.writeEndObject();
            json.writeNumberField("confidence", round(face.confidence()));
            json.writeStringField("source", ImagePath.of(face.source()).label);
            json.writeStringField("dominant", face.dominant().label());
            writeScores(json, face.scores());
            json.writeBooleanField("assessable", face.assessable());
            json.writeArrayFieldStart("quality");
            for (var flag : face.quality().flags()) {
                json.writeString(flag.name().toLowerCase(java.util.Locale.ROOT));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeAudio(JsonGenerator json, VoiceAnalysis analysis) throws IOException {
        VoiceResult summary = analysis.summary();
        json.writeStringField("kind", "audio");
        json.writeStringField("detector", analysis.detector().providerId());
        json.writeNumberField("durationSeconds", round(summary.durationSeconds()));
        json.writeBooleanField("speech", summary.hasSpeech());
        json.writeNumberField("speechRatio", round(summary.speechRatio()));
        if (summary.affect().isPresent()) {
            VoiceAffect affect = summary.affect().get();
            json.writeStringField("dominant", affect.scores().dominant().label());
            writeScores(json, affect.scores());
            json.writeNumberField("valence", round(affect.valence()));
            json.writeNumberField("arousal", round(affect.arousal()));
        } else {
            json.writeNullField("dominant");
            json.writeObjectFieldStart("scores");
            json.writeEndObject();
            json.writeNullField("valence");
            json.writeNullField("arousal");
        }
        json.writeArrayFieldStart("flags");
        for (VoiceResult.Flag flag : summary.flags()) {
            json.writeString(flag.name().toLowerCase(java.util.Locale.ROOT));
        }
        json.writeEndArray();
        writeProsody(json, summary.prosody());
        json.writeNumberField("segments", analysis.segments().size());
    }

    private static void writeProsody(JsonGenerator json, Prosody prosody) throws IOException {
        json.writeObjectFieldStart("prosody");
        number(json, "pitchMedianHz", prosody.pitchMedianHz());
        number(json, "pitchRangeSemitones", prosody.pitchRangeSemitones());
        number(json, "voicedRatio", prosody.voicedRatio());
        number(json, "loudnessRangeDb", prosody.loudnessRangeDb());
        number(json, "speakingRate", prosody.speakingRate());
        number(json, "spectralCentroidHz", prosody.spectralCentroidHz());
        json.writeEndObject();
    }

    private static void writeScores(JsonGenerator json, EmotionScores scores) throws IOException {
        json.writeObjectFieldStart("scores");
        for (Emotion emotion : Emotion.values()) {
            json.writeNumberField(emotion.label(), round(scores.probability(emotion)));
        }
        json.writeEndObject();
    }

    /** NaN has no JSON form: unknown measurements are written as null. */
    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, round(value));
        } else {
            json.writeNullField(name);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
