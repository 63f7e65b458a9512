package io.github.affect4j.heuristics.face;

import io.github.affect4j.spi.NativeLibraries;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
 *       {@code libopencv_java490.so} unpacked when a container image was built);</li>
 *   <li>nothing, if the natives are already linked in this class loader (the application loaded
 *       them itself);</li>
 *   <li>{@code affect4j.natives=system}: {@code System.loadLibrary("opencv_java490")}, from
 *       {@code java.library.path};</li>
 *   <li>{@code affect4j.natives.dir}: the library of the {@code org.openpnp:opencv} jar unpacked
 *       once into {@code <dir>/opencv-4.9.0-<os>-<arch>/} and loaded from there
 *       ({@link NativeLibraries}; another class loader of the same JVM gets its own copy);</li>
 *   <li>otherwise {@code nu.pattern.OpenCV.loadLocally()} from {@code org.openpnp:opencv}: it
 *       copies the library for this platform (about 62 MB on Linux x86-64) into a new folder
 *       {@code opencv_openpnp*} under {@code java.io.tmpdir} and loads it from there. It does so on
 *       every JVM start; the folder is deleted at JVM exit (on Windows, old folders are deleted at
 *       the next start instead).</li>
 * </ol>
 *
 * <p>{@code org.opencv.core.Core} must not be touched before the library is loaded: its static
 * initialiser calls native methods, and a failed initialiser leaves the class unusable for the
 * life of the class loader. The probe therefore uses {@link Mat}, whose constructor links lazily.
 */
final class OpenCvNatives {

    /** System property naming an OpenCV 4.9 Java native library file to load instead of extracting one. */
    static final String LIBRARY_PROPERTY = "affect4j.opencv.library";

    /**
     * The library's short name. {@code Core.NATIVE_LIBRARY_NAME} says the same but is computed by
     * a native method: reading it before the library is loaded would break {@code Core}.
     */
    static final String LIBRARY_NAME = "opencv_java490";

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvNatives.class);
    private static final Object LOCK = new Object();
    private static volatile String version;

    private OpenCvNatives() {
    }

    /**
     * Makes sure the natives are loaded.
     *
     * @return the OpenCV version string, e.g. {@code "4.9.0"}
     * @throws IllegalStateException naming the cause and the setting to use when the library
     *     cannot be loaded; a later call tries again
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
        String source = "?";
        try {
            if (configured != null && !configured.isBlank()) {
                Path file = Path.of(configured.trim()).toAbsolutePath();
                source = file + " (-D" + LIBRARY_PROPERTY + ")";
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("OpenCV native library " + file + " named by -D"
                            + LIBRARY_PROPERTY + " is not a readable file");
                }
                System.load(file.toString());
            } else if (alreadyLinked()) {
                source = "the application (already linked in this class loader)";
            } else if (NativeLibraries.source() == NativeLibraries.Source.SYSTEM) {
                source = "java.library.path (-D" + NativeLibraries.SOURCE_PROPERTY + "=system): "
                        + NativeLibraries.findOnLibraryPath(LIBRARY_NAME);
                System.loadLibrary(LIBRARY_NAME);
            } else if (NativeLibraries.directory().isPresent() && bundledResource() != null) {
                Path folder = NativeLibraries.unpack("opencv-4.9.0-" + platform(),
                        Mat.class.getClassLoader(), Map.of(libraryFileName(), bundledResource()));
                Path file = folder.resolve(libraryFileName());
                source = file + " (-D" + NativeLibraries.DIRECTORY_PROPERTY + ")";
                System.load(file.toString());
            } else {
                source = "a folder opencv_openpnp* that org.openpnp:opencv unpacks it to in"
                        + " java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + ")";
                nu.pattern.OpenCV.loadLocally();
            }
            // Fails here, not later inside an analysis, if what was loaded is not OpenCV's Java
            // library.
            new Mat().release();
            LOG.debug("OpenCV natives loaded from {}", source);
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            String advice = NativeLibraries.loadedByAnotherClassLoader(e)
                    ? "another class loader of this JVM has loaded this file; use -D"
                            + NativeLibraries.DIRECTORY_PROPERTY + " instead of -D"
                            + LIBRARY_PROPERTY
                            + " (each class loader then gets its own copy), or load affect4j and"
                            + " OpenCV from one shared class loader"
                    : NativeLibraries.ADVICE + " (or -D" + LIBRARY_PROPERTY
                            + " to an installed libopencv_java490)";
            throw new IllegalStateException("cannot load the OpenCV native library from " + source
                    + " (" + NativeLibraries.rootCause(e) + "): " + advice, e);
        }
    }

    /** openpnp's folder for this platform with a dash for the slash, e.g. {@code linux-x86_64}. */
    static String platform() {
        return NativeLibraries.Platform.current().map(platform -> platform.os() + "-"
                + switch (platform.arch()) {
                    case "aarch64" -> "ARMv8";
                    case "arm" -> "ARMv7";
                    case "x86" -> "x86_32";
                    default -> platform.arch();
                }).orElse(null);
    }

    private static String libraryFileName() {
        return System.mapLibraryName(LIBRARY_NAME).replace("jnilib", "dylib");
    }

    /** The library in the openpnp jar for this platform, or null. */
    private static URL bundledResource() {
        String platform = platform();
        return platform == null ? null : Mat.class.getResource("/nu/pattern/opencv/"
                + platform.replace('-', '/') + "/" + libraryFileName());
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
