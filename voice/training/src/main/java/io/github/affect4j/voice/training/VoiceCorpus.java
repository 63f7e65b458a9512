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
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labelled recordings found under a folder, and what was skipped and why.
 *
 * @param root the folder scanned
 * @param recordings the usable recordings, sorted by path
 * @param skipped counts of skipped files by reason, e.g. {@code "label 'boredom' has no category"}
 * @param trainOnly files among the recordings that only ever train: never in a cross-validation
 *     test part (e.g. RAVDESS calm read as neutral, when the figures are to be about neutral)
 */
public record VoiceCorpus(Path root, List<LabelledRecording> recordings,
                          Map<String, Integer> skipped, Set<Path> trainOnly) {

    /**
     * Copies the collections.
     *
     * @param root the folder scanned
     * @param recordings the usable recordings, sorted by path
     * @param skipped counts of skipped files by reason
     * @param trainOnly files among the recordings that only ever train
     */
    public VoiceCorpus {
        Objects.requireNonNull(root, "root");
        recordings = List.copyOf(recordings);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
        trainOnly = Set.copyOf(trainOnly);
    }

    /**
     * A corpus whose recordings all train and test.
     *
     * @param root the folder scanned
     * @param recordings the usable recordings, sorted by path
     * @param skipped counts of skipped files by reason
     */
    public VoiceCorpus(Path root, List<LabelledRecording> recordings, Map<String, Integer> skipped) {
        this(root, recordings, skipped, Set.of());
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
        return scan(root, scheme, speakerPattern, Set.of(), Set.of());
    }

    /**
     * As {@link #scan(Path, LabelScheme, Pattern)}, leaving out recordings whose label, as
     * written, is one of {@code leaveOut} (compared ignoring case), e.g. RAVDESS's {@code calm},
     * which {@link io.github.affect4j.Emotion#fromLabel} would otherwise file under neutral.
     *
     * Recordings whose label is one of {@code trainOnly} are kept for training but never
     * tested in cross-validation ({@link #trainOnly()}).
     *
     * @param root the folder
     * @param scheme how labels and speakers are read
     * @param speakerPattern a pattern for the speaker in file names, or null
     * @param leaveOut labels to leave out, counted in {@link #skipped()}
     * @param trainOnly labels whose recordings only train
     * @return the corpus
     * @throws IOException if the folder cannot be listed
     * @throws IllegalArgumentException if the folder does not exist or holds no usable recording
     */
    public static VoiceCorpus scan(Path root, LabelScheme scheme, Pattern speakerPattern,
                                   Set<String> leaveOut, Set<String> trainOnly)
            throws IOException {
        Set<String> left = new java.util.HashSet<>();
        leaveOut.forEach(l -> left.add(l.trim().toLowerCase(Locale.ROOT)));
        Set<String> trainLabels = new java.util.HashSet<>();
        trainOnly.forEach(l -> trainLabels.add(l.trim().toLowerCase(Locale.ROOT)));
        Set<Path> trainFiles = new java.util.HashSet<>();
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
            } else if (left.contains(parsed.get().label().toLowerCase(Locale.ROOT))) {
                skipped.merge("label '" + parsed.get().label() + "' left out", 1, Integer::sum);
            } else if (parsed.get().emotion().isEmpty()) {
                skipped.merge("label '" + parsed.get().label() + "' has no category", 1,
                        Integer::sum);
            } else {
                recordings.add(new LabelledRecording(file, parsed.get().emotion().get(),
                        parsed.get().speakerOrNull()));
                if (trainLabels.contains(parsed.get().label().toLowerCase(Locale.ROOT))) {
                    trainFiles.add(file);
                }
            }
        }
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("no labelled .wav file under " + root + " (scheme "
                    + scheme + ", " + files.size() + " .wav files, skipped " + skipped + ")");
        }
        return new VoiceCorpus(root, recordings, skipped, trainFiles);
    }

    /** {@return the number of distinct speakers; 0 when no recording names one} */
    public long speakerCount() {
        return recordings.stream().map(LabelledRecording::speaker).flatMap(Optional::stream)
                .distinct().count();
    }
}
