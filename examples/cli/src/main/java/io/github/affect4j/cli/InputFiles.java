package io.github.affect4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the files named on the command line, with reasons a person can act on. */
final class InputFiles {

    /** Larger files are refused unread. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private InputFiles() {
    }

    /**
     * Checks that a path names a readable file.
     *
     * @throws IOException saying "is a folder", "not readable" or "no such file"
     */
    static void checkReadable(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a folder");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(Files.exists(file) ? "not readable" : "no such file");
        }
    }

    /**
     * A whole file, at most {@link #MAX_FILE_BYTES}.
     *
     * @throws IOException as {@link #checkReadable}, or naming the size over the limit
     */
    static byte[] read(Path file) throws IOException {
        checkReadable(file);
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException(size + " bytes is more than the limit of " + MAX_FILE_BYTES);
        }
        return Files.readAllBytes(file);
    }
}
