package io.github.affect4j.cli;

import io.github.affect4j.Emotion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The labelled files of an evaluation, read from a folder ({@code DIR/<label>/<file>}) or a CSV
 * file of {@code path,label} rows. Labels are mapped with {@link Emotion#fromLabel}; files whose
 * label maps to no emotion are not samples but are counted per label, so a report can say what
 * was left out.
 *
 * @param samples the files with a known label, in a stable order
 * @param unmappedLabels files per label (as written) that maps to no emotion, sorted by label
 * @param unlabelled files with no label: directly inside DIR, or with an empty CSV label
 */
record LabelledDataset(List<Sample> samples, Map<String, Integer> unmappedLabels, int unlabelled) {

    /**
     * One labelled file.
     *
     * @param file the file
     * @param name how reports name it: the path as given on the command line or in the CSV
     * @param label the label as written
     * @param truth the emotion the label maps to
     */
    record Sample(Path file, String name, String label, Emotion truth) {
    }

    /** The dataset cannot be read as described: a usage error, not a bad sample. */
    static final class InvalidDatasetException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidDatasetException(String message) {
            super(message);
        }
    }

    LabelledDataset {
        samples = List.copyOf(samples);
        unmappedLabels = java.util.Collections.unmodifiableMap(new TreeMap<>(unmappedLabels));
    }

    /** The number of files that were left out for their label: unmapped or missing. */
    int skipped() {
        return unlabelled + unmappedLabels.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Reads {@code dir/<label>/...}: every regular file below a label folder, at any depth, is a
     * sample of that label. Names starting with a dot (.DS_Store, .git) are ignored.
     *
     * @throws InvalidDatasetException if {@code dir} is not a readable folder
     * @throws IOException if listing a folder fails
     */
    static LabelledDataset fromFolder(Path dir) throws InvalidDatasetException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDatasetException(dir + ": " + (Files.exists(dir) ? "not a folder"
                    : "no such folder"));
        }
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        int unlabelled = 0;
        for (Path entry : list(dir)) {
            if (hidden(entry)) {
                continue;
            }
            if (!Files.isDirectory(entry)) {
                if (Files.isRegularFile(entry)) {
                    unlabelled++;
                }
                continue;
            }
            String label = entry.getFileName().toString();
            Optional<Emotion> truth = Emotion.fromLabel(label);
            for (Path file : filesBelow(entry)) {
                if (truth.isPresent()) {
                    samples.add(new Sample(file, file.toString(), label, truth.get()));
                } else {
                    unmapped.merge(label, 1, Integer::sum);
                }
            }
        }
        return new LabelledDataset(samples, unmapped, unlabelled);
    }

    /**
     * Reads a CSV file of {@code path,label} rows: an optional {@code path,label} header, blank
     * lines and lines starting with {@code #} are skipped; fields may be quoted with {@code "}
     * (a path holding a comma); relative paths are resolved against the CSV's folder.
     *
     * @throws InvalidDatasetException if the CSV is missing, unreadable or has a malformed row
     *     (a path the file system cannot name, such as one holding a NUL character, included)
     */
    static LabelledDataset fromCsv(Path csv) throws InvalidDatasetException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidDatasetException(csv + ": " + (Files.exists(csv)
                    ? "cannot read it (" + e.getMessage() + ")" : "no such file"));
        }
        Path base = csv.toAbsolutePath().getParent();
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        int unlabelled = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? stripBom(lines.get(i)) : lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = csvFields(line);
            if (fields == null || fields.size() != 2 || fields.get(0).isBlank()) {
                throw new InvalidDatasetException(csv + ":" + (i + 1)
                        + ": expected a row path,label but got: " + line);
            }
            String path = fields.get(0).strip();
            String label = fields.get(1).strip();
            if (samples.isEmpty() && unmapped.isEmpty() && unlabelled == 0
                    && path.equalsIgnoreCase("path") && label.equalsIgnoreCase("label")) {
                continue;
            }
            if (label.isEmpty()) {
                unlabelled++;
                continue;
            }
            Optional<Emotion> truth = Emotion.fromLabel(label);
            if (truth.isEmpty()) {
                unmapped.merge(label, 1, Integer::sum);
                continue;
            }
            Path file;
            try {
                file = Path.of(path);
            } catch (InvalidPathException e) {
                // A NUL character, say: no file can have that name, so the row is malformed.
                throw new InvalidDatasetException(csv + ":" + (i + 1) + ": not a valid path ("
                        + e.getReason() + "): " + line);
            }
            samples.add(new Sample(file.isAbsolute() ? file : base.resolve(file), path, label,
                    truth.get()));
        }
        return new LabelledDataset(samples, unmapped, unlabelled);
    }

    /** Splits one CSV line; null when a quote is not closed. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    private static List<Path> filesBelow(Path labelDir) throws IOException {
        // Linked label folders and files are followed (datasets are often assembled from links);
        // a link cycle ends the walk with FileSystemLoopException, reported as the I/O error.
        try (Stream<Path> files = Files.walk(labelDir, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(file -> !hiddenBelow(labelDir, file))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether a name on the way from the label folder down to the file starts with a dot. */
    private static boolean hiddenBelow(Path labelDir, Path file) {
        for (Path name : labelDir.relativize(file)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
