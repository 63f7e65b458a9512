package io.github.affect4j.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published jars on the module path: an application module that requires only
 * {@code io.github.affect4j.core} finds the detectors through {@code ServiceLoader} (the
 * {@code provides} clauses of the face, voice and heuristics modules; service binding resolves
 * them without {@code --add-modules}) and analyses the samples with each.
 */
class ModulePathTest {

    @Test
    void detectorsAreFoundAndRunAsNamedModules() throws Exception {
        // The voice model artifact holds resources only: nothing requires it, so it is added.
        ChildJvm.Result result = ChildJvm.onModulePath(
                List.of("--add-modules", "io.github.affect4j.voice.model.ravdess"), "analyse");

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("io.github.affect4j.deployment", result.value("module"));
        assertTrue(result.value("face.onnx").matches("1 face\\(s\\), \\w+, in module"
                + " io\\.github\\.affect4j\\.face"), result.output());
        assertTrue(result.value("face.heuristic").matches("1 face\\(s\\), \\w+, in module"
                + " io\\.github\\.affect4j\\.heuristics"), result.output());
        // The bundled RAVDESS model is found in its automatic module: the onnx provider serves.
        assertTrue(result.value("voice.onnx").endsWith(", in module io.github.affect4j.voice"),
                result.output());
    }

    @Test
    void onTheClassPathTheSameDetectorsRunInTheUnnamedModule() throws Exception {
        ChildJvm.Result result = ChildJvm.onClassPath(List.of(), "analyse");

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("null", result.value("module"));
        assertTrue(result.value("face.onnx").matches("1 face\\(s\\), \\w+, in module null"),
                result.output());
        assertTrue(result.value("face.heuristic").startsWith("1 face(s), "), result.output());
        assertTrue(result.value("voice.onnx").endsWith(", in module null"), result.output());
    }
}
