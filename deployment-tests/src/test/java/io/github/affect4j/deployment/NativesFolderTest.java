package io.github.affect4j.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the natives come from, seen from fresh JVMs: a configured folder ({@code
 * affect4j.natives.dir}), installed libraries ({@code affect4j.natives=system}), and the
 * messages when the temp folder is read-only or {@code noexec}. Which files were really loaded
 * is read from {@code /proc/self/maps} of the child JVM.
 */
class NativesFolderTest {

    private static final String ORT = "onnxruntime-1.23.2-linux-x64";
    private static final String OPENCV = "opencv-4.9.0-linux-x86_64";

    @TempDir
    Path tmp;

    @BeforeEach
    void linuxOnly() {
        ChildJvm.assumeLinuxX64();
    }

    @Test
    void theNativesAreUnpackedOnceIntoTheFolderAndLoadedFromThere() throws Exception {
        Path natives = tmp.resolve("natives");
        Path temp = Files.createDirectory(tmp.resolve("tmp"));
        List<String> options = List.of("-Djava.io.tmpdir=" + temp,
                "-Daffect4j.natives.dir=" + natives);

        ChildJvm.Result first = ChildJvm.onClassPath(options, "analyse");

        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.value("face.onnx").startsWith("1 face(s)"), first.output());
        assertTrue(first.value("face.heuristic").startsWith("1 face(s)"), first.output());
        assertEquals("[" + natives.resolve(ORT + "/libonnxruntime.so") + ", "
                + natives.resolve(ORT + "/libonnxruntime4j_jni.so") + ", "
                + natives.resolve(OPENCV + "/libopencv_java490.so") + "]",
                first.value("mapped"));
        Map<String, Object> files = fileKeys(natives);
        assertEquals(List.of("affect4j-cascades/haarcascade_eye.xml",
                "affect4j-cascades/haarcascade_frontalface_alt2.xml",
                "affect4j-cascades/haarcascade_smile.xml", ORT + "/libonnxruntime.so",
                ORT + "/libonnxruntime4j_jni.so", OPENCV + "/libopencv_java490.so"),
                new ArrayList<>(files.keySet()));
        assertEquals(List.of(), contents(temp), "nothing left in the temp folder");

        // A second start loads the same files: nothing is written again.
        ChildJvm.Result second = ChildJvm.onClassPath(options, "analyse");

        assertEquals(0, second.exitCode(), second.output());
        assertEquals(first.value("mapped"), second.value("mapped"));
        assertEquals(files, fileKeys(natives));
        assertFalse(second.output().contains("unpacked ["), second.output());
    }

    @Test
    void installedLibrariesAreLoadedFromJavaLibraryPath() throws Exception {
        Path lib = Files.createDirectory(tmp.resolve("lib"));
        unzip(ChildJvm.jar("onnxruntime-"), "ai/onnxruntime/native/linux-x64/", lib);
        unzip(ChildJvm.jar("opencv-"), "nu/pattern/opencv/linux/x86_64/", lib);

        ChildJvm.Result result = ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + tmp,
                "-Daffect4j.natives=system", "-Djava.library.path=" + lib), "analyse");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.value("face.onnx").startsWith("1 face(s)"), result.output());
        assertTrue(result.value("face.heuristic").startsWith("1 face(s)"), result.output());
        assertEquals("[" + lib.resolve("libonnxruntime.so") + ", "
                + lib.resolve("libonnxruntime4j_jni.so") + ", "
                + lib.resolve("libopencv_java490.so") + "]", result.value("mapped"));
    }

    @Test
    void missingInstalledLibrariesAreNamed() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));

        ChildJvm.Result result = ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + tmp,
                "-Daffect4j.natives=system", "-Djava.library.path=" + empty), "analyse");

        assertEquals(3, result.exitCode(), result.output());
        assertTrue(result.output().contains("-Daffect4j.natives=system: libonnxruntime.so is not"
                + " in any folder of java.library.path (" + empty + ")"), result.output());
        assertTrue(result.output().contains("-Daffect4j.natives=system: libopencv_java490.so is"
                + " not in any folder of java.library.path (" + empty + ")"), result.output());
        assertEquals("[]", result.value("mapped"));
    }

    @Test
    void aReadOnlyTempFolderIsReportedWithTheSettingsToUse() throws Exception {
        Path readOnly = TempFolders.readOnly(tmp.resolve("read-only"));
        try {
            ChildJvm.Result bare = ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + readOnly),
                    "analyse");

            assertEquals(3, bare.exitCode(), bare.output());
            assertTrue(bare.value("face.onnx.error").startsWith("io.github.affect4j"
                    + ".DetectorUnavailableException"), bare.output());
            assertTrue(bare.output().contains("java.io.tmpdir (" + readOnly + ") is not a"
                    + " writable folder, and ONNX Runtime creates a scratch folder there even"
                    + " when its libraries come from elsewhere: set -Djava.io.tmpdir to a"
                    + " writable folder, and -Daffect4j.natives.dir"), bare.output());
            assertTrue(bare.output().contains("cannot load the OpenCV native library from a"
                    + " folder opencv_openpnp* that org.openpnp:opencv unpacks it to in"
                    + " java.io.tmpdir (" + readOnly + ")"), bare.output());
            assertTrue(bare.output().contains("set -Daffect4j.natives.dir to a writable folder"
                    + " that allows execution"), bare.output());

            // The natives folder is enough for OpenCV and the cascades; ONNX Runtime 1.23 still
            // wants java.io.tmpdir, and says so.
            Path natives = tmp.resolve("natives");
            ChildJvm.Result withFolder = ChildJvm.onClassPath(List.of(
                    "-Djava.io.tmpdir=" + readOnly, "-Daffect4j.natives.dir=" + natives),
                    "analyse");

            assertTrue(withFolder.value("face.heuristic").startsWith("1 face(s)"),
                    withFolder.output());
            assertEquals("[" + natives.resolve(OPENCV + "/libopencv_java490.so") + "]",
                    withFolder.value("mapped"));
            assertTrue(withFolder.output().contains("ONNX Runtime natives could not be loaded"
                    + " from " + natives.resolve(ORT) + " (-Daffect4j.natives.dir)"),
                    withFolder.output());
            assertTrue(withFolder.output().contains("set -Djava.io.tmpdir to a writable folder"),
                    withFolder.output());
        } finally {
            TempFolders.release(tmp.resolve("read-only"));
        }
    }

    @Test
    void aNoexecTempFolderIsReportedAndTheNativesFolderAvoidsIt() throws Exception {
        Path noexec = tmp.resolve("noexec");
        Assumptions.assumeTrue(TempFolders.noexec(noexec),
                "mounting a noexec tmpfs needs root and a kernel that allows it here");
        try {
            ChildJvm.Result bare = ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + noexec),
                    "analyse");

            assertEquals(3, bare.exitCode(), bare.output());
            assertTrue(bare.output().contains("ONNX Runtime natives could not be loaded from a"
                    + " folder onnxruntime-java* that ONNX Runtime unpacks them to in"
                    + " java.io.tmpdir (UnsatisfiedLinkError: " + noexec), bare.output());
            assertTrue(bare.output().contains("failed to map segment from shared object): a"
                    + " read-only or noexec folder cannot hold native libraries: set"
                    + " -Daffect4j.natives.dir to a writable folder that allows execution"),
                    bare.output());
            assertTrue(bare.output().contains("cannot load the OpenCV native library from a"
                    + " folder opencv_openpnp*"), bare.output());

            ChildJvm.Result withFolder = ChildJvm.onClassPath(List.of(
                    "-Djava.io.tmpdir=" + noexec,
                    "-Daffect4j.natives.dir=" + tmp.resolve("natives")), "analyse");

            assertEquals(0, withFolder.exitCode(), withFolder.output());
            assertTrue(withFolder.value("face.onnx").startsWith("1 face(s)"),
                    withFolder.output());
            assertTrue(withFolder.value("face.heuristic").startsWith("1 face(s)"),
                    withFolder.output());
        } finally {
            TempFolders.release(noexec);
        }
    }

    /** Every file below the folder, by relative path, with its identity (inode on Linux). */
    private static Map<String, Object> fileKeys(Path folder) throws IOException {
        Map<String, Object> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                keys.put(folder.relativize(file).toString(), Files.readAttributes(file,
                        BasicFileAttributes.class).fileKey());
            }
        }
        return keys;
    }

    private static List<String> contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** Copies the libraries of one folder of a jar, as an installation would put them. */
    private static void unzip(Path jar, String folder, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var entry : zip.stream().filter(e -> e.getName().startsWith(folder)
                    && e.getName().endsWith(".so")).toList()) {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target.resolve(entry.getName().substring(folder.length())));
                }
            }
        }
    }
}
