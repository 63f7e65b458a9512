package io.github.affect4j.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Temp folders as containers have them: read-only, or mounted {@code noexec}. Each made with
 * {@link #readOnly} or {@link #noexec} is undone with {@link #release}.
 */
final class TempFolders {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private TempFolders() {
    }

    /**
     * A folder nobody can write to: a read-only tmpfs mount where the tests run as root (root
     * ignores permission bits) and may mount, a folder without write permission for others, and
     * as a last resort a path below a regular file, which no one can create anything in either.
     *
     * @param folder where to make it
     * @return the folder to use as {@code java.io.tmpdir}
     */
    static Path readOnly(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        if (ROOT ? mount(folder, "ro") : folder.toFile().setWritable(false, false)) {
            if (!Files.isWritable(folder)) {
                return folder;
            }
            release(folder);
        }
        return Files.write(folder.resolveSibling(folder.getFileName() + ".file"), new byte[1])
                .resolve("tmp");
    }

    /**
     * Mounts a {@code noexec} tmpfs on {@code folder}.
     *
     * @return whether that worked (it needs root and a kernel that lets this process mount)
     */
    static boolean noexec(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        return ROOT && mount(folder, "noexec");
    }

    /** Undoes {@link #readOnly} or {@link #noexec}; does nothing where they did nothing. */
    static void release(Path folder) throws IOException, InterruptedException {
        if (ROOT) {
            run(List.of("umount", folder.toString()));
        } else {
            folder.toFile().setWritable(true, true);
        }
    }

    private static boolean mount(Path folder, String options) throws InterruptedException {
        return run(List.of("mount", "-t", "tmpfs", "-o", options + ",size=256m", "tmpfs",
                folder.toString())) == 0;
    }

    private static int run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1; // no such command
        }
    }
}
