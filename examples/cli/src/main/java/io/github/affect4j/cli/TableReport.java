package io.github.affect4j.cli;

import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceResult;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** A readable report: a header line per file, then a line per face or speech segment. */
final class TableReport implements Report {

    private final PrintStream out;
    private final PrintStream err;

    TableReport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void write(MediaAnalyzer.Outcome outcome) {
        if (!outcome.ok()) {
            err.println(outcome.name() + ": error: " + outcome.error());
            return;
        }
        if (outcome.face() != null) {
            writeImage(outcome.name(), outcome.face());
        } else {
            writeAudio(outcome.name(), outcome.voice());
        }
        out.flush();
    }

    private void writeImage(String name, FaceAnalysis analysis) {
        out.printf(Locale.ROOT, "%s  image %dx%d  detector %s  %d face%s%n", name,
                analysis.imageWidth(), analysis.imageHeight(), analysis.detector().providerId(),
                analysis.faces().size(), analysis.faces().size() == 1 ? "" : "s");
        int index = 1;
        for (FaceResult face : analysis.faces()) {
            out.printf(Locale.ROOT, "  face %-2d at %d,%d size %dx%d  confidence %.2f  %s%s%s%n",
                    index++, face.box().x(), face.box().y(), face.box().width(),
                    face.box().height(), face.confidence(), scores(face.scores()),
                    face.source().wholeImage()
                            ? "  (whole image: " + ImagePath.of(face.source()).label + ")" : "",
                    face.assessable() ? "" : "  (not assessable: " + face.quality().flags() + ")");
        }
    }

    private void writeAudio(String name, VoiceAnalysis analysis) {
        VoiceResult summary = analysis.summary();
        out.printf(Locale.ROOT, "%s  audio %.2f s  detector %s  speech %.0f%%  %d segment%s%n",
                name, summary.durationSeconds(), analysis.detector().providerId(),
                100 * summary.speechRatio(), analysis.segments().size(),
                analysis.segments().size() == 1 ? "" : "s");
        out.println("  whole clip  " + affect(summary));
        for (VoiceResult segment : analysis.segments()) {
            out.printf(Locale.ROOT, "  %5.2f-%5.2f s  %s%n", segment.startSeconds(),
                    segment.endSeconds(), affect(segment));
        }
    }

    private static String affect(VoiceResult result) {
        String flags = result.flags().isEmpty() ? "" : "  " + result.flags();
        return result.affect()
                .map(a -> String.format(Locale.ROOT, "valence %+.2f  arousal %+.2f  %s",
                        a.valence(), a.arousal(), scores(a.scores())))
                .orElse("no speech") + flags;
    }

    private static String scores(EmotionScores scores) {
        return scores.topK(3).stream()
                .map(s -> String.format(Locale.ROOT, "%s %.2f", s.emotion().label(), s.probability()))
                .collect(Collectors.joining("  "));
    }
}
