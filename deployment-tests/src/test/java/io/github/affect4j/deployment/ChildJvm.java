package io.github.affect4j.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DeploymentProbe} in a JVM of its own: natives load once per JVM, so every
 * deployment choice needs a fresh one.
 */
final class ChildJvm {

    /** The samples folder, from the build. */
    static final Path SAMPLES = Path.of(System.getProperty("affect4j.samples.dir"));

    private ChildJvm() {
    }

    /** What a child JVM printed, and its exit code. */
    record Result(int exitCode, String output) {

        /** The lines starting with {@code key=}, without the key. */
        List<String> values(String key) {
            return output.lines().filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1)).toList();
        }

        /** The single line starting with {@code key=}, without the key; fails if absent. */
        String value(String key) {
            List<String> values = values(key);
            assertTrue(values.size() == 1, "expected one line " + key + "= in:\n" + output);
            return values.get(0);
        }
    }

    /**
     * The application's runtime jars (and the probe's classes), without JUnit and Surefire.
     *
     * @return the entries, in class path order
     */
    static List<String> runtimeClassPath() {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("affect4j.probe.classes"));
        entries.addAll(Arrays.asList(System.getProperty("affect4j.runtime.classpath")
                .split(File.pathSeparator)));
        return entries;
    }

    /** Skips a test that names the library files of Linux x86-64, the build machines' platform. */
    static void assumeLinuxX64() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name").startsWith("Linux")
                        && System.getProperty("os.arch").equals("amd64"),
                "the test names the Linux x86-64 library files");
    }

    /** The runtime jar whose file name starts with {@code prefix}. */
    static Path jar(String prefix) {
        return runtimeClassPath().stream().map(Path::of)
                .filter(entry -> entry.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "* jar on "
                        + runtimeClassPath()));
    }

    /** Runs {@code DeploymentProbe <probe> <samples>} on the class path. */
    static Result onClassPath(List<String> jvmOptions, String probe) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, runtimeClassPath()));
        command.add(DeploymentProbe.class.getName());
        return run(command, probe);
    }

    /** Runs {@code DeploymentProbe <probe> <samples>} as a module on the module path. */
    static Result onModulePath(List<String> jvmOptions, String probe) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(jvmOptions);
        command.add("--module-path");
        command.add(String.join(File.pathSeparator, runtimeClassPath()));
        command.add("-m");
        command.add("io.github.affect4j.deployment/" + DeploymentProbe.class.getName());
        return run(command, probe);
    }

    private static Result run(List<String> arguments, String probe) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        command.add(probe);
        command.add(SAMPLES.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "child JVM did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
