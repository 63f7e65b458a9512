package io.github.affect4j.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacking into {@code affect4j.natives.dir} with stand-in "libraries" (random bytes in a jar):
 * the real libraries are loaded by the deployment tests, each in a JVM of its own.
 */
class NativeLibrariesTest {

    private static final ClassLoader LOADER = NativeLibrariesTest.class.getClassLoader();

    @TempDir
    Path tmp;

    @AfterEach
    void clearSettings() {
        System.clearProperty(NativeLibraries.DIRECTORY_PROPERTY);
        System.clearProperty(NativeLibraries.SOURCE_PROPERTY);
    }

    @Test
    void theSourceIsBundledUnlessSystemIsAskedFor() {
        assertEquals(NativeLibraries.Source.BUNDLED, NativeLibraries.source());
        System.setProperty(NativeLibraries.SOURCE_PROPERTY, " System ");
        assertEquals(NativeLibraries.Source.SYSTEM, NativeLibraries.source());
        System.setProperty(NativeLibraries.SOURCE_PROPERTY, "bundled");
        assertEquals(NativeLibraries.Source.BUNDLED, NativeLibraries.source());

        System.setProperty(NativeLibraries.SOURCE_PROPERTY, "sistem");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                NativeLibraries::source);
        assertEquals("-Daffect4j.natives must be bundled or system, got 'sistem'", e.getMessage());
    }

    @Test
    void filesAreUnpackedOnceAndReusedWhileIdentical() throws Exception {
        byte[] library = randomBytes(300_000, 1);
        Map<String, URL> files = jar(Map.of("libdemo.so", library, "data.xml", new byte[] {1, 2}));
        Path natives = tmp.resolve("natives");
        System.setProperty(NativeLibraries.DIRECTORY_PROPERTY, natives.toString());

        Path folder = NativeLibraries.unpack("demo-1.0-linux-x64", LOADER, files);

        assertEquals(natives.resolve("demo-1.0-linux-x64"), folder);
        assertArrayEquals(library, Files.readAllBytes(folder.resolve("libdemo.so")));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(folder.resolve("data.xml")));
        assertEquals(List.of("data.xml", "libdemo.so"), listing(folder), "no .part file left");

        // A second start finds identical files and leaves them alone: same file, same time.
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(folder.resolve("libdemo.so"), old);
        Object identity = fileKey(folder.resolve("libdemo.so"));
        assertEquals(folder, NativeLibraries.unpack("demo-1.0-linux-x64", LOADER, files));
        assertEquals(old, Files.getLastModifiedTime(folder.resolve("libdemo.so")));
        assertEquals(identity, fileKey(folder.resolve("libdemo.so")));
    }

    @Test
    void aFileThatDiffersIsReplacedWhole() throws Exception {
        byte[] library = randomBytes(100_000, 2);
        Map<String, URL> files = jar(Map.of("libdemo.so", library));
        System.setProperty(NativeLibraries.DIRECTORY_PROPERTY, tmp.toString());
        Path file = NativeLibraries.unpack("demo", LOADER, files).resolve("libdemo.so");

        // Same size, other bytes (a different build of the library): the size alone would pass.
        Files.write(file, randomBytes(100_000, 3));
        Object before = fileKey(file);
        NativeLibraries.unpack("demo", LOADER, files);
        assertArrayEquals(library, Files.readAllBytes(file));
        assertNotEquals(before, fileKey(file), "replaced by a rename, not rewritten in place");

        // Truncated, as by a crash of an older version that wrote in place.
        Files.write(file, new byte[10]);
        NativeLibraries.unpack("demo", LOADER, files);
        assertArrayEquals(library, Files.readAllBytes(file));
        assertEquals(List.of("libdemo.so"), listing(file.getParent()));
    }

    @Test
    void resourcesOutsideJarsAreCompared() throws Exception {
        Path source = Files.write(tmp.resolve("libplain.so"), randomBytes(5_000, 4));
        System.setProperty(NativeLibraries.DIRECTORY_PROPERTY, tmp.resolve("natives").toString());

        Path folder = NativeLibraries.unpack("plain", LOADER,
                Map.of("libplain.so", source.toUri().toURL()));

        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(folder.resolve(
                "libplain.so")));
    }

    @Test
    void eachFurtherClassLoaderGetsACopyOfItsOwn() throws Exception {
        Map<String, URL> files = jar(Map.of("libdemo.so", randomBytes(1_000, 5)));
        System.setProperty(NativeLibraries.DIRECTORY_PROPERTY, tmp.toString());
        try (URLClassLoader second = new URLClassLoader(new URL[0], LOADER);
             URLClassLoader third = new URLClassLoader(new URL[0], LOADER)) {
            Path first = NativeLibraries.unpack("shared", LOADER, files);

            assertEquals(tmp.resolve("shared"), first);
            assertEquals(tmp.resolve("shared/loader-2"),
                    NativeLibraries.unpack("shared", second, files));
            assertEquals(tmp.resolve("shared/loader-3"),
                    NativeLibraries.unpack("shared", third, files));
            // Asking again gives each loader the folder it had.
            assertEquals(first, NativeLibraries.unpack("shared", LOADER, files));
            assertEquals(tmp.resolve("shared/loader-2"),
                    NativeLibraries.unpack("shared", second, files));
            assertTrue(Files.isRegularFile(tmp.resolve("shared/loader-3/libdemo.so")));
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheSetting() throws Exception {
        Map<String, URL> files = jar(Map.of("libdemo.so", randomBytes(10, 6)));
        // A regular file where the folder should be: unwritable even for root.
        Path blocked = Files.write(tmp.resolve("blocked"), new byte[1]);
        System.setProperty(NativeLibraries.DIRECTORY_PROPERTY, blocked.toString());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.unpack("demo", LOADER, files));

        assertTrue(e.getMessage().startsWith("cannot unpack [libdemo.so] into " + blocked
                + "/demo (-Daffect4j.natives.dir=" + blocked + "): "), e.getMessage());
    }

    @Test
    void withoutTheSettingThereIsNothingToUnpackInto() throws Exception {
        Map<String, URL> files = jar(Map.of("libdemo.so", randomBytes(10, 7)));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.unpack("demo", LOADER, files));

        assertEquals("-Daffect4j.natives.dir is not set: there is no folder to unpack demo into",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NativeLibraries.unpack("../escape", LOADER, files));
    }

    @Test
    void systemLibrariesAreFoundOnJavaLibraryPath() throws Exception {
        String saved = System.getProperty("java.library.path");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Path lib = Files.createDirectory(tmp.resolve("lib"));
        Files.write(lib.resolve(System.mapLibraryName("demo")), new byte[1]);
        try {
            System.setProperty("java.library.path", empty + java.io.File.pathSeparator + lib);
            assertEquals(lib.resolve(System.mapLibraryName("demo")),
                    NativeLibraries.findOnLibraryPath("demo"));

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> NativeLibraries.findOnLibraryPath("absent"));
            assertEquals("-Daffect4j.natives=system: " + System.mapLibraryName("absent")
                    + " is not in any folder of java.library.path (" + empty
                    + java.io.File.pathSeparator + lib + "); install it there or add its folder"
                    + " to -Djava.library.path", e.getMessage());
        } finally {
            System.setProperty("java.library.path", saved);
        }
    }

    @Test
    void thePlatformIsSpeltOneWayForEveryLibrary() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.name", "Linux");
            System.setProperty("os.arch", "amd64");
            assertEquals(java.util.Optional.of(new NativeLibraries.Platform("linux", "x86_64")),
                    NativeLibraries.Platform.current());
            System.setProperty("os.name", "Mac OS X");
            System.setProperty("os.arch", "aarch64");
            assertEquals(java.util.Optional.of(new NativeLibraries.Platform("osx", "aarch64")),
                    NativeLibraries.Platform.current());
            System.setProperty("os.name", "Windows 11");
            System.setProperty("os.arch", "x86");
            assertEquals(java.util.Optional.of(new NativeLibraries.Platform("windows", "x86")),
                    NativeLibraries.Platform.current());
            System.setProperty("os.arch", "riscv64");
            assertEquals(java.util.Optional.empty(), NativeLibraries.Platform.current());
        } finally {
            System.setProperty("os.name", os);
            System.setProperty("os.arch", arch);
        }
    }

    @Test
    void failuresAreNamedByTheirInnermostCause() {
        Throwable wrapped = new ExceptionInInitializerError(new UnsatisfiedLinkError(
                "no onnxruntime in /tmp/x"));
        assertEquals("UnsatisfiedLinkError: no onnxruntime in /tmp/x",
                NativeLibraries.rootCause(wrapped));
        assertEquals("IllegalStateException",
                NativeLibraries.rootCause(new IllegalStateException()));
        assertTrue(NativeLibraries.loadedByAnotherClassLoader(new ExceptionInInitializerError(
                new UnsatisfiedLinkError("Native Library /x/libonnxruntime.so already loaded in"
                        + " another classloader"))));
        assertFalse(NativeLibraries.loadedByAnotherClassLoader(wrapped));
    }

    /** A jar in the temp folder holding the entries; their jar: URLs by name. */
    private Map<String, URL> jar(Map<String, byte[]> entries) throws IOException {
        Path jar = Files.createTempFile(tmp, "natives", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry("native/" + entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Map<String, URL> urls = new LinkedHashMap<>();
        for (String name : entries.keySet()) {
            urls.put(name, java.net.URI.create("jar:" + jar.toUri() + "!/native/" + name).toURL());
        }
        return urls;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
