package org.opsvd.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opsvd.cli.Main;

/** Test helpers: tiny sweeps through the command line, and their tables. */
final class Sweeps {

    private Sweeps() {
    }

    /** The exit status, stdout and stderr of one {@code opsvd} command. */
    record Result(int status, String out, String err) {}

    static Result opsvd(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    /**
     * A sweep of two points (two learning rates) × {@code seeds} seeds of a 1D oscillator, L = 3, {@code steps} steps,
     * into {@code out}, with the engine options {@code engine}: a few seconds per run.
     */
    static Result tinySweep(Path out, int seeds, int steps, String... engine) {
        List<String> args = new ArrayList<>(List.of("sweep", "--set", "operator=harmonic", "--set", "dim=1", "--set", "L=3",
                "--set", "batch=128", "--set", "hidden=32,32", "--grid", "lr=1e-3,2e-3", "--seeds",
                Integer.toString(seeds), "--steps", Integer.toString(steps), "--out", out.toString(), "--quiet"));
        args.addAll(List.of(engine));
        return opsvd(args.toArray(String[]::new));
    }

    /**
     * A sweep of two points (two learning rates) × one seed of svd runs of the Volterra operator, L = 3, 40 steps,
     * into {@code out}, with the engine options {@code engine}: a second or two per run.
     */
    static Result tinySvdSweep(Path out, String... engine) {
        List<String> args = new ArrayList<>(List.of("sweep", "--command", "svd", "--set", "operator=volterra", "--set",
                "L=3", "--set", "hidden=16,16", "--set", "batch=64", "--set", "eval-points=400", "--grid", "lr=1e-3,2e-3",
                "--steps", "40", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(engine));
        return opsvd(args.toArray(String[]::new));
    }

    /** A local TCP port nothing listens on (one that was free a moment ago). */
    static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** runs.csv without its seconds column (wall-clock time differs between runs; everything else must not). */
    static List<String> runsWithoutSeconds(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("runs.csv"));
        int seconds = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            kept.add(String.join(",", cells));
        }
        return kept;
    }
}
