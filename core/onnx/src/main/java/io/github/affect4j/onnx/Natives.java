package io.github.affect4j.onnx;

import ai.onnxruntime.OrtEnvironment;
import io.github.affect4j.spi.Availability;
import io.github.affect4j.spi.NativeLibraries;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's natives and its one environment, loaded once per JVM (once per class loader
 * that holds ONNX Runtime's classes).
 *
 * <p>Where the libraries come from, in this order:
 * <ol>
 *   <li>ONNX Runtime's own settings, when given: {@code onnxruntime.native.path} (a folder
 *       holding {@code libonnxruntime.so} and {@code libonnxruntime4j_jni.so}, or the
 *       platform's names) or {@code onnxruntime.native.<library>.path} (one file each);</li>
 *   <li>{@code affect4j.natives=system}: both libraries from {@code java.library.path};</li>
 *   <li>{@code affect4j.natives.dir}: the libraries of the onnxruntime jar unpacked once into
 *       {@code <dir>/onnxruntime-<version>-<os>-<arch>/} and loaded from there
 *       ({@link NativeLibraries});</li>
 *   <li>otherwise ONNX Runtime copies them into a fresh folder under {@code java.io.tmpdir} at
 *       every start.</li>
 * </ol>
 * For the two affect4j settings this class sets ONNX Runtime's properties just for the moment
 * ONNX Runtime reads them and removes them afterwards, so that a second class loader with its
 * own copy of ONNX Runtime can be pointed at its own files.
 *
 * <p>ONNX Runtime 1.23 creates an (empty) scratch folder under {@code java.io.tmpdir} when it
 * loads, whatever the source of its libraries: a read-only {@code java.io.tmpdir} therefore needs
 * {@code -Djava.io.tmpdir} pointing at a writable folder as well; the error message says so.
 */
public final class Natives {

    private static final Logger LOG = LoggerFactory.getLogger(Natives.class);
    private static final String NATIVE_PATH = "onnxruntime.native.path";
    private static final String RUNTIME = "onnxruntime";
    private static final String JNI = "onnxruntime4j_jni";
    private static final Object LOCK = new Object();
    /**
     * A lock every class loader's copy of this class shares: string literals are interned
     * JVM-wide. The ONNX Runtime properties set around its loading are JVM-wide too.
     */
    private static final String JVM_WIDE_LOCK = "io.github.affect4j.onnx.Natives";
    private static volatile OrtEnvironment environment;

    private Natives() {
    }

    /**
     * The JVM's ONNX Runtime environment, loading the natives on the first call.
     *
     * @return the shared environment (never closed: ONNX Runtime owns it)
     * @throws IllegalStateException if the natives cannot be loaded, naming the innermost cause,
     *     where the libraries were taken from and the setting that points elsewhere; ONNX
     *     Runtime cannot retry, so later calls fail the same way
     */
    public static OrtEnvironment environment() {
        OrtEnvironment ready = environment;
        if (ready != null) {
            return ready;
        }
        synchronized (LOCK) {
            if (environment == null) {
                environment = load();
            }
            return environment;
        }
    }

    private static OrtEnvironment load() {
        synchronized (JVM_WIDE_LOCK) {
            Map<String, String> settings = new LinkedHashMap<>();
            String source = chooseSource(settings);
            try {
                settings.forEach(System::setProperty);
                long start = System.nanoTime();
                OrtEnvironment loaded = OrtEnvironment.getEnvironment();
                LOG.debug("ONNX Runtime natives loaded from {} in {} ms", source,
                        (System.nanoTime() - start) / 1_000_000);
                return loaded;
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException(failure(e, source), e);
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }
        }
    }

    /**
     * Fills in the ONNX Runtime properties that the affect4j settings call for, unpacking the
     * libraries if asked to.
     *
     * @return where the libraries come from, for messages
     */
    private static String chooseSource(Map<String, String> settings) {
        for (String property : List.of(NATIVE_PATH, libraryProperty(RUNTIME),
                libraryProperty(JNI))) {
            String value = System.getProperty(property);
            if (value != null) {
                return "-D" + property + "=" + value;
            }
        }
        if (NativeLibraries.source() == NativeLibraries.Source.SYSTEM) {
            for (String library : List.of(RUNTIME, JNI)) {
                settings.put(libraryProperty(library),
                        NativeLibraries.findOnLibraryPath(library).toString());
            }
            return "java.library.path (-D" + NativeLibraries.SOURCE_PROPERTY + "=system): "
                    + settings.values();
        }
        if (NativeLibraries.directory().isPresent()) {
            String platform = platform();
            if (platform == null) {
                LOG.info("-D{} ignored for ONNX Runtime: no bundled libraries for {} {}",
                        NativeLibraries.DIRECTORY_PROPERTY, System.getProperty("os.name"),
                        System.getProperty("os.arch"));
            } else {
                Path folder = unpack(platform);
                settings.put(NATIVE_PATH, folder.toString());
                return folder + " (-D" + NativeLibraries.DIRECTORY_PROPERTY + ")";
            }
        }
        return "a folder onnxruntime-java* that ONNX Runtime unpacks them to in java.io.tmpdir";
    }

    private static Path unpack(String platform) {
        Map<String, URL> files = new LinkedHashMap<>();
        // The shared provider library exists only in GPU builds; ONNX Runtime loads it itself
        // from the same folder when it is there.
        for (String library : List.of(RUNTIME, JNI, "onnxruntime_providers_shared")) {
            String name = System.mapLibraryName(library).replace("jnilib", "dylib");
            URL resource = OrtEnvironment.class.getResource(
                    "/ai/onnxruntime/native/" + platform + "/" + name);
            if (resource != null) {
                files.put(name, resource);
            } else if (!library.startsWith("onnxruntime_providers")) {
                throw new IllegalStateException("the onnxruntime jar holds no " + name + " for "
                        + platform + " to unpack into -D" + NativeLibraries.DIRECTORY_PROPERTY
                        + " (a jar stripped of its natives: use -D"
                        + NativeLibraries.SOURCE_PROPERTY + "=system or -D" + NATIVE_PATH + ")");
            }
        }
        String version = Optional.ofNullable(OrtEnvironment.class.getPackage())
                .map(Package::getImplementationVersion).orElse("unknown");
        return NativeLibraries.unpack("onnxruntime-" + version + "-" + platform,
                OrtEnvironment.class.getClassLoader(), files);
    }

    /** ONNX Runtime's name for this platform's resource folder, or null if it ships none. */
    static String platform() {
        NativeLibraries.Platform platform = NativeLibraries.Platform.current().orElse(null);
        if (platform == null) {
            return null;
        }
        String arch = switch (platform.arch()) {
            case "x86_64" -> "x64";
            case "aarch64" -> "aarch64";
            default -> null;
        };
        String os = platform.os().equals("windows") ? "win" : platform.os();
        return arch == null ? null : os + "-" + arch;
    }

    private static String libraryProperty(String library) {
        return "onnxruntime.native." + library + ".path";
    }

    private static String failure(Throwable e, String source) {
        String cause = NativeLibraries.rootCause(e);
        StringBuilder message = new StringBuilder("ONNX Runtime natives could not be loaded from ")
                .append(source).append(" (").append(cause).append("): ");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(tmp) || !Files.isWritable(tmp)) {
            message.append("java.io.tmpdir (").append(tmp).append(") is not a writable folder,"
                    + " and ONNX Runtime creates a scratch folder there even when its libraries"
                    + " come from elsewhere: set -Djava.io.tmpdir to a writable folder, and -D")
                    .append(NativeLibraries.DIRECTORY_PROPERTY)
                    .append(" to a folder that allows execution if that one is mounted noexec");
        } else if (NativeLibraries.loadedByAnotherClassLoader(e)) {
            message.append("another class loader of this JVM has loaded these library files;"
                    + " use -D").append(NativeLibraries.DIRECTORY_PROPERTY)
                    .append(" instead of -D").append(NATIVE_PATH)
                    .append(" (each class loader then gets its own copy), or load affect4j and"
                            + " ONNX Runtime from one shared class loader");
        } else {
            message.append(NativeLibraries.ADVICE).append(" (ONNX Runtime's own setting: -D")
                    .append(NATIVE_PATH).append(", a folder holding the libraries of"
                            + " ai/onnxruntime/native/<os>-<arch>/ in the onnxruntime jar)");
        }
        return message.append("; ONNX Runtime does not retry in this JVM").toString();
    }

    /**
     * Whether ONNX Runtime's classes are on the class path, checked without loading them or the
     * natives: cheap enough for a provider's {@code availability}.
     *
     * @return ready, or unavailable naming the missing artifact and the failure
     */
    public static Availability classesPresent() {
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", false, Natives.class.getClassLoader());
            return Availability.ready();
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.unavailable("ONNX Runtime (com.microsoft.onnxruntime:onnxruntime)"
                    + " is not on the class path (" + e + ")");
        }
    }
}
