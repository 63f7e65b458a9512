package io.github.affect4j.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where providers with native code get their libraries from: the one setting family that every
 * affect4j native (ONNX Runtime, OpenCV) and the files they must read from disk (OpenCV's Haar
 * cascades) follow.
 *
 * <ul>
 *   <li>{@value #DIRECTORY_PROPERTY}{@code =<folder>}: the libraries bundled in the jars are
 *       unpacked into a subfolder per library and version of {@code <folder>} once, and loaded
 *       from there. A later start (or another JVM) reuses files whose size and CRC-32 match the
 *       jar's and replaces others; each file is written under a temporary name and moved into
 *       place atomically, so JVMs starting together never see half a file. The folder may be
 *       read-only when it already holds the files (unpacked at image build time).</li>
 *   <li>{@value #SOURCE_PROPERTY}{@code =system}: nothing is unpacked; the libraries are looked
 *       up on {@code java.library.path} (for example installed by the system package manager or
 *       into the image).</li>
 *   <li>neither: each library's own loader unpacks it into a fresh folder under
 *       {@code java.io.tmpdir} at every start. Containers whose temp folder is read-only or
 *       mounted {@code noexec} need one of the two settings above.</li>
 * </ul>
 *
 * <p>The settings are system properties, read when a provider first loads its natives (once per
 * JVM). In a container without access to the command line, {@code JAVA_TOOL_OPTIONS} carries
 * them. Settings of the libraries themselves ({@code onnxruntime.native.path},
 * {@code affect4j.opencv.library}) still work and win over these.
 *
 * <p><b>Several class loaders.</b> The JVM binds a native library file to the first class loader
 * that loads it; another class loader (a second web application, a test harness) cannot load the
 * same file. {@link #unpack} therefore gives the first class loader of a JVM the folder itself and
 * each further class loader a copy of its own in a numbered subfolder. Which class loader holds
 * which folder is recorded in system properties named {@code affect4j.natives.loader:<folder>},
 * the one table all class loaders of a JVM share.
 *
 * <p>All methods are thread-safe. Not meant for applications: they set the system properties;
 * providers call this class.
 */
public final class NativeLibraries {

    /** System property naming the folder the natives are unpacked into and loaded from. */
    public static final String DIRECTORY_PROPERTY = "affect4j.natives.dir";

    /**
     * System property choosing where natives come from: {@code bundled} (the default: from the
     * jars) or {@code system} (from {@code java.library.path}).
     */
    public static final String SOURCE_PROPERTY = "affect4j.natives";

    /**
     * What to tell a user whose natives failed to load: the settings that move them, and the
     * two container traps.
     */
    public static final String ADVICE = "a read-only or noexec folder cannot hold native"
            + " libraries: set -D" + DIRECTORY_PROPERTY + " to a writable folder that allows"
            + " execution (or one that already holds the unpacked libraries), or -D"
            + SOURCE_PROPERTY + "=system to load installed libraries from java.library.path";

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);
    private static final String CLAIM_PREFIX = "affect4j.natives.loader:";
    private static final int BUFFER = 1 << 16;

    /** Where native libraries come from. */
    public enum Source {
        /** From the jars that bundle them (the default). */
        BUNDLED,
        /** From {@code java.library.path}: installed libraries, nothing unpacked. */
        SYSTEM
    }

    /**
     * The operating system and processor the JVM runs on, in one spelling for all libraries;
     * each provider maps it onto the folder names of its library's jar.
     *
     * @param os {@code linux}, {@code osx} or {@code windows}
     * @param arch {@code x86_64}, {@code aarch64}, {@code arm} (32-bit) or {@code x86} (32-bit)
     */
    public record Platform(String os, String arch) {

        /**
         * The running platform, from {@code os.name} and {@code os.arch}.
         *
         * @return the platform, or empty for a system or processor no bundled library is made
         *     for
         */
        public static Optional<Platform> current() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            String osName = os.contains("mac") || os.contains("darwin") ? "osx"
                    : os.contains("win") ? "windows" : os.contains("nux") ? "linux" : null;
            String archName = switch (arch) {
                case "amd64", "x86_64" -> "x86_64";
                case "aarch64", "arm64" -> "aarch64";
                case "x86", "i386", "i686" -> "x86";
                default -> arch.startsWith("arm") ? "arm" : null;
            };
            return osName == null || archName == null ? Optional.empty()
                    : Optional.of(new Platform(osName, archName));
        }
    }

    private NativeLibraries() {
    }

    /**
     * The configured source of native libraries.
     *
     * @return {@link Source#SYSTEM} when {@value #SOURCE_PROPERTY} is {@code system},
     *     {@link Source#BUNDLED} when it is unset or {@code bundled}
     * @throws IllegalStateException if the property holds anything else, naming the value
     */
    public static Source source() {
        String value = System.getProperty(SOURCE_PROPERTY);
        if (value == null || value.isBlank()) {
            return Source.BUNDLED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "bundled" -> Source.BUNDLED;
            case "system" -> Source.SYSTEM;
            default -> throw new IllegalStateException("-D" + SOURCE_PROPERTY + " must be bundled"
                    + " or system, got '" + value + "'");
        };
    }

    /**
     * The folder named by {@value #DIRECTORY_PROPERTY}, made absolute.
     *
     * @return the folder, or empty when the property is unset or blank
     * @throws IllegalStateException if the value is not a valid path, naming it
     */
    public static Optional<Path> directory() {
        String value = System.getProperty(DIRECTORY_PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.trim()).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw new IllegalStateException("-D" + DIRECTORY_PROPERTY + " is not a valid path: '"
                    + value + "'", e);
        }
    }

    /**
     * Copies files bundled as resources into {@code <directory()>/<folderName>}, unless
     * identical copies (same size and CRC-32) are there already, and returns the folder the
     * calling class loader must load them from.
     *
     * <p>The first class loader of the JVM that asks for {@code folderName} gets that folder;
     * each other class loader gets {@code <folderName>/loader-<n>}, because the JVM lets only
     * one class loader load a given library file. The numbers are handed out in order, so a
     * restarted JVM reuses the same copies.
     *
     * @param folderName the subfolder, naming library, version and platform, e.g.
     *     {@code onnxruntime-1.23.2-linux-x64}
     * @param loader the class loader that will load the libraries (the one that defines the
     *     classes with the native methods)
     * @param files the resources to copy, by file name; look them up from the module that
     *     holds them (resources of named modules are not visible from here)
     * @return the folder holding every file
     * @throws IllegalStateException if {@value #DIRECTORY_PROPERTY} is not set, or the folder
     *     cannot be created or written, naming the folder, the property and the cause
     */
    public static Path unpack(String folderName, ClassLoader loader, Map<String, URL> files) {
        Objects.requireNonNull(loader, "loader");
        if (folderName.isBlank() || folderName.contains("/") || folderName.contains("\\")
                || folderName.startsWith(".")) {
            throw new IllegalArgumentException("folder name must be one plain name, got '"
                    + folderName + "'");
        }
        Path root = directory().orElseThrow(() -> new IllegalStateException("-D"
                + DIRECTORY_PROPERTY + " is not set: there is no folder to unpack "
                + folderName + " into"));
        Path folder = folderFor(root.resolve(folderName), loader);
        try {
            Files.createDirectories(folder);
            List<String> copied = new ArrayList<>();
            for (Map.Entry<String, URL> file : files.entrySet()) {
                if (unpackFile(Objects.requireNonNull(file.getValue(), file.getKey()),
                        folder.resolve(file.getKey()))) {
                    copied.add(file.getKey());
                }
            }
            if (copied.isEmpty()) {
                LOG.debug("{} already holds {} (-D{})", folder, files.keySet(), DIRECTORY_PROPERTY);
            } else {
                LOG.info("unpacked {} into {} (-D{})", copied, folder, DIRECTORY_PROPERTY);
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot unpack " + files.keySet() + " into " + folder
                    + " (-D" + DIRECTORY_PROPERTY + "=" + System.getProperty(DIRECTORY_PROPERTY)
                    + "): " + e + "; the folder must be writable, or already hold identical"
                    + " copies", e);
        }
    }

    /**
     * Finds a library on {@code java.library.path}, as {@link System#loadLibrary} would.
     *
     * @param name the library's short name, e.g. {@code onnxruntime} for
     *     {@code libonnxruntime.so}
     * @return the file, absolute
     * @throws IllegalStateException if no folder of {@code java.library.path} holds it, naming
     *     the file looked for and the path
     */
    public static Path findOnLibraryPath(String name) {
        String fileName = System.mapLibraryName(name);
        String path = System.getProperty("java.library.path", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(entry).resolve(fileName);
                if (Files.isRegularFile(candidate)) {
                    return candidate.toAbsolutePath();
                }
            } catch (InvalidPathException e) {
                LOG.debug("skipping java.library.path entry '{}': {}", entry, e.getMessage());
            }
        }
        throw new IllegalStateException("-D" + SOURCE_PROPERTY + "=system: " + fileName
                + " is not in any folder of java.library.path (" + path + "); install it there"
                + " or add its folder to -Djava.library.path");
    }

    /**
     * The innermost cause that has a message, as {@code "Type: message"}: class initialisation
     * errors wrap the real failure (an {@code UnsatisfiedLinkError} naming the library file).
     *
     * @param e a failure to load natives
     * @return its most telling cause, for a message
     */
    public static String rootCause(Throwable e) {
        Throwable best = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null) {
                best = t;
            }
        }
        return best.getClass().getSimpleName() + (best.getMessage() == null ? ""
                : ": " + best.getMessage());
    }

    /**
     * Whether a load failed because another class loader of this JVM has loaded the same
     * library file (the JVM binds a file to one class loader).
     *
     * @param e a failure to load natives
     * @return true if that is the reason
     */
    public static boolean loadedByAnotherClassLoader(Throwable e) {
        // The JDK's words: "Native Library <file> already loaded in another classloader".
        return rootCause(e).contains("already loaded in another classloader");
    }

    /**
     * The folder of this class loader: the base folder for the first loader that claims it, a
     * numbered copy for each other. The claims live in system properties, the one table every
     * class loader of a JVM shares.
     */
    private static Path folderFor(Path base, ClassLoader loader) {
        String id = loader.getClass().getName() + "@"
                + Integer.toHexString(System.identityHashCode(loader));
        for (int n = 1; ; n++) {
            Path folder = n == 1 ? base : base.resolve("loader-" + n);
            Object owner = System.getProperties().putIfAbsent(CLAIM_PREFIX + folder, id);
            if (owner == null || owner.equals(id)) {
                if (n > 1 && owner == null) {
                    LOG.info("{} belongs to another class loader of this JVM (the JVM lets one"
                            + " class loader load a native library file); this one ({}) uses its"
                            + " own copy in {}", base, id, folder);
                }
                return folder;
            }
        }
    }

    /** Copies one resource unless an identical file is there; whether it copied. */
    private static boolean unpackFile(URL resource, Path target) throws IOException {
        long[] expected = sizeAndCrc(resource);
        if (Files.isRegularFile(target) && Files.size(target) == expected[0]
                && crcOf(target) == expected[1]) {
            return false;
        }
        // A private name in the same folder, then one atomic rename: a JVM loading the file at
        // the same moment sees the old file or the new one, never half of one.
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            CRC32 crc = new CRC32();
            long size;
            try (InputStream in = open(resource);
                 OutputStream out = new CheckedOutputStream(Files.newOutputStream(part), crc)) {
                size = in.transferTo(out);
            }
            if (size != expected[0] || crc.getValue() != expected[1]) {
                throw new IOException(resource + " changed while it was copied");
            }
            part.toFile().setReadable(true, false);
            part.toFile().setExecutable(true, false);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Windows cannot replace a library another JVM has loaded: fine if that JVM
                // unpacked the same bytes.
                if (!(Files.isRegularFile(target) && Files.size(target) == expected[0]
                        && crcOf(target) == expected[1])) {
                    throw e;
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Size and CRC-32 of a resource: from the jar's directory when the resource is a jar entry
     * (no decompression), else by reading it.
     */
    private static long[] sizeAndCrc(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        // Only a jar file on disk is opened here; nested jars (Spring Boot) are read whole below.
        if (connection instanceof JarURLConnection jar
                && "file".equals(jar.getJarFileURL().getProtocol())) {
            try (JarFile file = new JarFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
                ZipEntry entry = file.getEntry(jar.getEntryName());
                if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) {
                    return new long[] {entry.getSize(), entry.getCrc()};
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                LOG.debug("reading {} whole: {}", resource, e.toString());
            }
        }
        try (CheckedInputStream in = new CheckedInputStream(open(resource), new CRC32())) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new long[] {size, in.getChecksum().getValue()};
        }
    }

    /** A resource's bytes, without leaving its jar open in the JVM-wide jar cache. */
    private static InputStream open(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    private static long crcOf(Path file) throws IOException {
        try (CheckedInputStream in = new CheckedInputStream(Files.newInputStream(file),
                new CRC32())) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.getChecksum().getValue();
        }
    }
}
