package org.opsvd.solver.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Result files written atomically: to a temporary file in the same folder, then renamed over the target. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Creates a run directory (and its parents), checking that files can be written in it.
     *
     * @throws IllegalArgumentException naming the directory and the reason, when it cannot be created or written
     */
    public static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".opsvd-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
            throw new IllegalArgumentException("cannot write the run directory " + dir + " (" + reason + ")");
        }
    }

    /**
     * A new empty file {@code .NAME.RANDOM.tmp} in {@code dir}, to be renamed over its target. Created with the
     * default permissions (the umask, as every other file of a run), not the owner-only ones of
     * {@link Files#createTempFile}.
     */
    public static Path temporary(Path dir, String name) throws IOException {
        while (true) {
            Path p = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // drawn twice: draw again
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Writes {@code value} as indented JSON. */
    public static void writeJson(Object value, Path file) throws IOException {
        write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value));
    }

    /** Writes text (UTF-8). */
    public static void writeText(String text, Path file) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes (e.g. a PNG). */
    public static void writeBytes(byte[] bytes, Path file) throws IOException {
        write(file, bytes);
    }

    /** Writes a float64 array as NPY (C order, little-endian) with the given shape. */
    public static void writeNpy(Path file, double[] values, int[] shape) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = temporary(target.getParent(), target.getFileName().toString());
        try {
            org.jetbrains.bio.npy.NpyFile.write(tmp, values, shape);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = temporary(dir, target.getFileName().toString());
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
