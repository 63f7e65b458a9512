package io.github.affect4j.voice.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feature vectors already extracted, kept in a text file so that repeated training runs over the
 * same recordings skip extraction. An entry is keyed by the SHA-256 of the recording's bytes, the
 * feature-set version and the variant ({@code original} or an {@link Augmentation} copy), so a
 * changed file, a new feature set or another perturbation never reads a stale vector.
 *
 * <p>One line per entry: {@code key TAB speechSeconds TAB v1 v2 ...}, values as
 * {@link Double#toString} writes them (exact round trip, {@code NaN} included); a recording
 * without speech has speech seconds {@code -1} and no values. New entries are appended. Safe for
 * concurrent use within one JVM; not for two processes writing one file.
 */
final class FeatureCache {

    /** A cached vector; {@code valuesOrNull} is null when the recording had no speech. */
    record Entry(double speechSeconds, double[] valuesOrNull) {

        /** The vector, empty when the recording had no speech. */
        Optional<double[]> values() {
            return Optional.ofNullable(valuesOrNull);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private FeatureCache(Path file) {
        this.file = file;
    }

    /**
     * Opens a cache file, reading what it holds (a missing file is an empty cache).
     *
     * @throws IOException if the file exists but cannot be read or is malformed
     */
    static FeatureCache open(Path file) throws IOException {
        FeatureCache cache = new FeatureCache(file);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                try {
                    double seconds = Double.parseDouble(parts[1]);
                    double[] values = seconds < 0 ? null
                            : java.util.Arrays.stream(parts[2].split(" "))
                                    .mapToDouble(Double::parseDouble).toArray();
                    cache.entries.put(parts[0], new Entry(seconds, values));
                } catch (RuntimeException e) {
                    throw new IOException(file + ": line " + (n + 1) + " is not a cache entry");
                }
            }
        }
        return cache;
    }

    static String key(String sha256, String featureSetVersion, String variant) {
        return sha256 + "|" + featureSetVersion + "|" + variant;
    }

    Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, Entry entry) throws IOException {
        entries.put(key, entry);
        StringBuilder b = new StringBuilder(key).append('\t')
                .append(entry.values().isPresent() ? entry.speechSeconds() : -1).append('\t');
        entry.values().ifPresent(v -> {
            for (int i = 0; i < v.length; i++) {
                b.append(i == 0 ? "" : " ").append(v[i]);
            }
        });
        b.append('\n');
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(b.toString());
        }
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
