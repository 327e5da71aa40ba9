package org.opsvd.solver.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opsvd.solver.train.Checkpoint;

/**
 * Output paths checked before any work and without creating anything, so that a refusal leaves the disk as
 * it was: the directory of a new run, or a file to be written. Each refusal is an
 * {@link IllegalArgumentException} naming the option and the path.
 */
public final class OutputPaths {

    /** Files whose presence marks a directory as holding a run. */
    private static final List<String> RUN_FILES = List.of("config.json", Checkpoint.FILE, "summary.json",
            "history.csv");

    private OutputPaths() {
    }

    /**
     * A directory for a new run: not empty as a name, not a file, not holding an earlier run (that one is
     * continued with {@code --resume}, never overwritten), and creatable: its nearest existing ancestor is a
     * writable directory.
     */
    public static void requireNewRunDirectory(Path dir, String option) {
        requireName(dir, option);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file, not a directory");
        }
        if (Files.isDirectory(dir)) {
            for (String f : RUN_FILES) {
                if (Files.exists(dir.resolve(f))) {
                    throw new IllegalArgumentException(option + " " + dir + " already holds a run (" + f
                            + "); choose a new directory, or continue that run with --resume " + dir);
                }
            }
        }
        requireCreatable(dir, option);
    }

    /** A file to (over)write: not a directory, and its directory exists or can be created, and is writable. */
    public static void requireWritableFile(Path file, String option) {
        requireName(file, option);
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a directory; give a file name");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": permission denied");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            requireCreatable(parent, option + " " + file + ":");
        }
    }

    /** A directory whose nearest existing ancestor is a writable directory. */
    private static void requireCreatable(Path dir, String option) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + dir + " cannot be created: " + existing
                    + " is a file, not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + " " + dir + " cannot be created: " + existing
                    + " is not writable");
        }
    }

    private static void requireName(Path path, String option) {
        if (path == null || path.toString().isBlank()) {
            throw new IllegalArgumentException(option + " is empty; give a path");
        }
    }
}
