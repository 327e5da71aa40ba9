package org.opsvd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.SolveConfig;

/**
 * A finished (or stopped) solve run given as {@code RUN_DIR} to {@code eval} and {@code export}: a directory
 * with its {@code config.json} and a {@code checkpoint.bin} to take the parameters from. Reading checks all
 * three, so that each refusal names what is missing.
 *
 * @param directory RUN_DIR
 * @param config    the run's configuration
 */
record SolveRunInput(Path directory, SolveConfig config) {

    /**
     * @throws IllegalArgumentException when RUN_DIR is not a directory, has no readable config.json, or has no
     *                                  checkpoint
     */
    static SolveRunInput read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("RUN_DIR " + dir + (Files.exists(dir) ? " is a file, not a run directory"
                    : ": no such directory"));
        }
        Path file = dir.resolve("config.json");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("RUN_DIR " + dir + " is not a solve run directory (no config.json)");
        }
        SolveConfig config;
        try {
            ObjectMapper mapper = new ObjectMapper();
            config = mapper.treeToValue(mapper.readTree(file.toFile()).get("config"), SolveConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("RUN_DIR " + file + " is not the configuration of a solve run ("
                    + Main.oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
        if (config == null) {
            throw new IllegalArgumentException("RUN_DIR " + file + " holds no \"config\"");
        }
        if (!Files.exists(dir.resolve(Checkpoint.FILE))) {
            throw new IllegalArgumentException("RUN_DIR " + dir + " has no " + Checkpoint.FILE
                    + " (the run stopped before its first checkpoint): there are no parameters to use");
        }
        return new SolveRunInput(dir, config);
    }
}
