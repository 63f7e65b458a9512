package io.github.affect4j.heuristics.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native loading seen from child JVMs with a temp folder of their own: discovery must not load
 * natives, creation must, and a failed load must be reported, not crash.
 */
class FreshJvmTest {

    @Test
    void availabilityAndDiscoveryLoadNoNatives(@TempDir Path tmp) throws Exception {
        String out = run(tmp, List.of(), "availability");

        assertTrue(out.contains("available=true"), out);
        assertTrue(out.contains("heuristic"), out);
        assertTrue(out.contains("tmp=[]"), "discovery wrote to the temp folder: " + out);
    }

    @Test
    void createExtractsNativesAndCascadesIntoJavaIoTmpdirAndTheyGoAtExit(@TempDir Path tmp)
            throws Exception {
        String out = run(tmp, List.of(), "create");

        assertTrue(out.contains("created=heuristic"), out);
        String listing = out.substring(out.indexOf("tmp=["));
        assertTrue(listing.contains("opencv_openpnp"), out);
        assertTrue(listing.contains("affect4j-cascades"), out);
        assertEquals(List.of(), leftovers(tmp), "left in the temp folder after exit");
    }

    @Test
    void aNativeLibraryThatCannotBeLoadedIsReportedByDiscovery(@TempDir Path tmp)
            throws Exception {
        Path missing = tmp.resolve("no-such-libopencv_java490.so");

        String out = run(tmp, List.of("-D" + OpenCvNatives.LIBRARY_PROPERTY + "=" + missing),
                "create");

        assertTrue(out.contains("unavailable="), out);
        assertTrue(out.contains(OpenCvNatives.LIBRARY_PROPERTY) && out.contains(missing.toString()),
                out);
        assertTrue(out.contains("tmp=[]"), out);
    }

    private static List<String> leftovers(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static String run(Path tmp, List<String> jvmOptions, String probe) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FreshJvmProbe.class.getName());
        command.add(probe);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "child JVM did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
