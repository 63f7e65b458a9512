package io.github.affect4j.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two class loaders of one JVM that each load every jar, as two web applications of one server:
 * both analyse the samples with the onnx and the heuristic face detectors and the onnx voice
 * detector. The JVM binds a native library file to one class loader, so each loader needs files
 * of its own; where a setting makes both use the same file, the second fails with a message that
 * says what to do.
 */
class TwoClassLoadersTest {

    @TempDir
    Path tmp;

    @Test
    void withTheLibrariesOwnExtractionEachLoaderUnpacksItsOwnCopy() throws Exception {
        ChildJvm.Result result = ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + tmp),
                "two-loaders");

        assertEquals(0, result.exitCode(), result.output());
        assertBothAnalysed(result);
    }

    @Test
    void withANativesFolderTheSecondLoaderGetsANumberedCopy() throws Exception {
        ChildJvm.assumeLinuxX64();
        Path natives = tmp.resolve("natives");

        ChildJvm.Result result = ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + tmp,
                "-Daffect4j.natives.dir=" + natives), "two-loaders");

        assertEquals(0, result.exitCode(), result.output());
        assertBothAnalysed(result);
        for (String library : List.of("onnxruntime-1.23.2-linux-x64/libonnxruntime4j_jni.so",
                "opencv-4.9.0-linux-x86_64/libopencv_java490.so")) {
            Path file = natives.resolve(library);
            Path copy = file.resolveSibling("loader-2").resolve(file.getFileName());
            assertTrue(Files.isRegularFile(file) && Files.isRegularFile(copy), library);
            assertTrue(result.value("mapped").contains(file.toString())
                    && result.value("mapped").contains(copy.toString()), result.output());
        }
    }

    @Test
    void oneFileNamedForBothLoadersFailsTheSecondClearly() throws Exception {
        ChildJvm.assumeLinuxX64();
        // Unpacked by a first JVM, then named directly, as an image built with them would.
        Path natives = tmp.resolve("natives");
        assertEquals(0, ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + tmp,
                "-Daffect4j.natives.dir=" + natives), "analyse").exitCode());

        ChildJvm.Result result = ChildJvm.onClassPath(List.of("-Djava.io.tmpdir=" + tmp,
                "-Donnxruntime.native.path=" + natives.resolve("onnxruntime-1.23.2-linux-x64"),
                "-Daffect4j.opencv.library=" + natives.resolve(
                        "opencv-4.9.0-linux-x86_64/libopencv_java490.so")), "two-loaders");

        assertEquals(3, result.exitCode(), result.output());
        assertTrue(result.value("loader1.face.onnx").startsWith("1 face(s)"), result.output());
        assertTrue(result.value("loader1.face.heuristic").startsWith("1 face(s)"),
                result.output());
        assertTrue(result.output().contains("already loaded in another classloader): another"
                + " class loader of this JVM has loaded these library files; use"
                + " -Daffect4j.natives.dir instead of -Donnxruntime.native.path"), result.output());
        assertTrue(result.output().contains("another class loader of this JVM has loaded this"
                + " file; use -Daffect4j.natives.dir instead of -Daffect4j.opencv.library"),
                result.output());
    }

    private static void assertBothAnalysed(ChildJvm.Result result) {
        for (String loader : List.of("loader1", "loader2")) {
            assertTrue(result.value(loader + ".face.onnx").startsWith("1 face(s)"),
                    result.output());
            assertTrue(result.value(loader + ".face.heuristic").startsWith("1 face(s)"),
                    result.output());
            assertTrue(result.values(loader + ".voice.onnx").size() == 1, result.output());
        }
    }
}
