package io.github.affect4j.voice.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labelled recordings found under a folder, and what was skipped and why.
 *
 * @param root the folder scanned
 * @param recordings the usable recordings, sorted by path
 * @param skipped counts of skipped files by reason, e.g. {@code "label 'boredom' has no category"}
 */
public record VoiceCorpus(Path root, List<LabelledRecording> recordings,
                          Map<String, Integer> skipped) {

    /**
     * Copies the lists.
     *
     * @param root the folder scanned
     * @param recordings the usable recordings, sorted by path
     * @param skipped counts of skipped files by reason, e.g. {@code "label 'boredom' has no category"}
     */
    public VoiceCorpus {
        Objects.requireNonNull(root, "root");
        recordings = List.copyOf(recordings);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    /**
     * Finds the {@code .wav} files under a folder (recursively) and reads their labels and
     * speakers.
     *
     * @param root the folder
     * @param scheme how labels and speakers are read
     * @param speakerPattern a pattern for the speaker in file names, or null
     * @return the corpus
     * @throws IOException if the folder cannot be listed
     * @throws IllegalArgumentException if the folder does not exist or holds no usable recording
     */
    public static VoiceCorpus scan(Path root, LabelScheme scheme, Pattern speakerPattern)
            throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<LabelledRecording> recordings = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Path file : files) {
            Optional<LabelScheme.Parsed> parsed = scheme.parse(file, speakerPattern);
            if (parsed.isEmpty()) {
                skipped.merge("no label in the path (scheme " + scheme + ")", 1, Integer::sum);
            } else if (parsed.get().emotion().isEmpty()) {
                skipped.merge("label '" + parsed.get().label() + "' has no category", 1,
                        Integer::sum);
            } else {
                recordings.add(new LabelledRecording(file, parsed.get().emotion().get(),
                        parsed.get().speaker()));
            }
        }
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("no labelled .wav file under " + root + " (scheme "
                    + scheme + ", " + files.size() + " .wav files, skipped " + skipped + ")");
        }
        return new VoiceCorpus(root, recordings, skipped);
    }

    /** {@return the number of distinct speakers; 0 when no recording names one} */
    public long speakerCount() {
        return recordings.stream().map(LabelledRecording::speaker).flatMap(Optional::stream)
                .distinct().count();
    }
}
