package io.github.affect4j.heuristics.face;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the OpenCV native library once per class loader, idempotently and thread-safely.
 *
 * <p>Where the library comes from, in this order:
 * <ol>
 *   <li>the file named by the system property {@value #LIBRARY_PROPERTY}, if set (for example a
 *       {@code libopencv_java490.so} installed by the system, for containers whose temp folder is
 *       read-only or mounted {@code noexec});</li>
 *   <li>nothing, if the natives are already linked in this class loader (the application loaded
 *       them itself);</li>
 *   <li>otherwise {@code nu.pattern.OpenCV.loadLocally()} from {@code org.openpnp:opencv}: it
 *       copies the library for this platform (about 62 MB on Linux x86-64) into a new folder
 *       {@code opencv_openpnp*} under {@code java.io.tmpdir} and loads it from there. It does so on
 *       every JVM start; the folder is deleted at JVM exit (on Windows, old folders are deleted at
 *       the next start instead). Set {@code -Djava.io.tmpdir} to move it.</li>
 * </ol>
 *
 * <p>{@code org.opencv.core.Core} must not be touched before the library is loaded: its static
 * initialiser calls native methods, and a failed initialiser leaves the class unusable for the
 * life of the class loader. The probe therefore uses {@link Mat}, whose constructor links lazily.
 */
final class OpenCvNatives {

    /** System property naming an OpenCV 4.9 Java native library file to load instead of extracting one. */
    static final String LIBRARY_PROPERTY = "affect4j.opencv.library";

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvNatives.class);
    private static final Object LOCK = new Object();
    private static volatile String version;

    private OpenCvNatives() {
    }

    /**
     * Makes sure the natives are loaded.
     *
     * @return the OpenCV version string, e.g. {@code "4.9.0"}
     * @throws IllegalStateException naming the cause when the library cannot be loaded; a later
     *     call tries again
     */
    static String load() {
        String loaded = version;
        if (loaded != null) {
            return loaded;
        }
        synchronized (LOCK) {
            if (version == null) {
                loadNow();
                version = Core.VERSION;
            }
            return version;
        }
    }

    private static void loadNow() {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        try {
            if (configured != null && !configured.isBlank()) {
                Path file = Path.of(configured.trim()).toAbsolutePath();
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("OpenCV native library " + file + " named by -D"
                            + LIBRARY_PROPERTY + " is not a readable file");
                }
                System.load(file.toString());
                LOG.debug("OpenCV natives loaded from {} (-D{})", file, LIBRARY_PROPERTY);
            } else if (alreadyLinked()) {
                LOG.debug("OpenCV natives were already loaded in this class loader");
            } else {
                long start = System.nanoTime();
                nu.pattern.OpenCV.loadLocally();
                LOG.debug("OpenCV natives extracted to {} and loaded in {} ms",
                        System.getProperty("java.io.tmpdir"), (System.nanoTime() - start) / 1_000_000);
            }
            // Fails here, not later inside an analysis, if what was loaded is not OpenCV's Java library.
            new Mat().release();
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot load the OpenCV native library ("
                    + (configured != null && !configured.isBlank()
                            ? "-D" + LIBRARY_PROPERTY + "=" + configured
                            : "extracted by org.openpnp:opencv into java.io.tmpdir="
                                    + System.getProperty("java.io.tmpdir")
                                    + "; a read-only or noexec temp folder prevents this: set -D"
                                    + LIBRARY_PROPERTY + " to an installed library or point"
                                    + " -Djava.io.tmpdir elsewhere")
                    + "): " + e, e);
        }
    }

    private static boolean alreadyLinked() {
        try {
            new Mat().release();
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
