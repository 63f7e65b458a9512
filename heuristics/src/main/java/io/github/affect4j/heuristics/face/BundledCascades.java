package io.github.affect4j.heuristics.face;

import io.github.affect4j.spi.NativeLibraries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Haar cascade files the detector uses, as files on disk.
 *
 * <p>OpenCV's Java API loads a cascade only from a file path, so the copies bundled in this jar
 * (from Debian's {@code opencv-data} 4.6.0, see {@code NOTICE-cascades.md}) are extracted once per
 * class loader into a private folder {@code affect4j-cascades*} under {@code java.io.tmpdir}
 * (about 1 MB), which is deleted at JVM exit. The extraction is repeated if a temp-folder
 * cleaner removed the files in the meantime. With {@code affect4j.natives.dir} set they go to
 * {@code <dir>/affect4j-cascades/} instead, beside the OpenCV library, once for all JVM starts
 * ({@link NativeLibraries#unpack}). Users who want neither set the provider option
 * {@code cascadeDirectory} to a folder holding files of the same names; nothing is extracted
 * then.
 */
final class BundledCascades {

    /** Frontal face detector (Rainer Lienhart, Intel licence). */
    static final String FACE = "haarcascade_frontalface_alt2.xml";
    /** Open-eye detector (Shameem Hameed, Intel licence). */
    static final String EYE = "haarcascade_eye.xml";
    /** Smile detector (Oscar Deniz Suarez, Castrillon-Santana, 3-clause BSD licence). */
    static final String SMILE = "haarcascade_smile.xml";

    /** All cascades, in the order they are loaded. */
    static final List<String> NAMES = List.of(FACE, EYE, SMILE);

    private static final Logger LOG = LoggerFactory.getLogger(BundledCascades.class);
    private static final Object LOCK = new Object();
    private static Path extracted;

    private BundledCascades() {
    }

    /**
     * The folder holding the bundled cascades, extracting them first if needed.
     *
     * @throws UncheckedIOException naming the folder if extraction fails
     * @throws IllegalStateException naming the folder if extraction into
     *     {@code affect4j.natives.dir} fails
     */
    static Path directory() {
        synchronized (LOCK) {
            if (extracted == null || !complete(extracted)) {
                extracted = extract();
            }
            return extracted;
        }
    }

    /** Whether a folder holds every cascade as a non-empty regular file. */
    static boolean complete(Path directory) {
        for (String name : NAMES) {
            Path file = directory.resolve(name);
            try {
                if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static Path extract() {
        if (NativeLibraries.directory().isPresent()) {
            Map<String, URL> files = new LinkedHashMap<>();
            for (String name : NAMES) {
                URL resource = BundledCascades.class.getResource(name);
                if (resource == null) {
                    throw new IllegalStateException("resource " + name
                            + " is missing from the jar");
                }
                files.put(name, resource);
            }
            return NativeLibraries.unpack("affect4j-cascades",
                    BundledCascades.class.getClassLoader(), files);
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("affect4j-cascades");
            directory.toFile().deleteOnExit();
            for (String name : NAMES) {
                Path target = directory.resolve(name);
                try (InputStream in = BundledCascades.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("resource " + name + " is missing from the jar");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // Registered after the folder, so it is deleted before the folder at exit.
                target.toFile().deleteOnExit();
            }
            LOG.debug("Haar cascades extracted to {}", directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled Haar cascades to "
                    + (directory != null ? directory : "java.io.tmpdir="
                            + System.getProperty("java.io.tmpdir"))
                    + " (set the option cascadeDirectory to a folder holding " + NAMES
                    + " instead): " + e.getMessage(), e);
        }
    }
}
