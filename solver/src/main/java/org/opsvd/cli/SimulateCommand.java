package org.opsvd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.MemoryBudget;
import org.opsvd.operators.dynamics.CentralDifferences;
import org.opsvd.operators.dynamics.OverdampedLangevin;
import org.opsvd.operators.potentials.ExpressionPotential;
import org.opsvd.solver.NumericalFailure;
import org.opsvd.solver.run.AtomicFiles;
import org.opsvd.solver.run.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd simulate}: trajectories of overdamped Langevin dynamics dX = −∇U dt + √(2/β) dW for a formula U
 * (Euler–Maruyama, seeded), written as NPY [M, N/k + 1, d] (M &gt; 1) or [N/k + 1, d], or CSV (one trajectory),
 * for {@code opsvd svd --trajectory}.
 */
@Command(name = "simulate", sortOptions = false,
        description = "Simulate overdamped Langevin dynamics dX = -grad U dt + sqrt(2/beta) dW (Euler-Maruyama). "
                + "Prints one line when done (no progress output, hence no --quiet).",
        footer = {"", "The frames are X_0, X_k, X_2k, ... (k = --save-every), k*dt apart: pass that interval as svd's --dt.",
            "", "Examples:",
            "  opsvd simulate --energy \"x^2/2\" --dt 0.01 --steps 1000000 --save-every 10 --out ou.npy",
            "  opsvd svd --trajectory ou.npy --dt 0.1 --lag 0.5 --L 4"})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--energy", required = true, paramLabel = "EXPR",
            description = "Potential energy U in x, y, z (d <= 3) or x1..xd, r; its gradient by central differences.")
    String energy;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "1", description = "Dimension d (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--dt", required = true, paramLabel = "H", description = "Euler-Maruyama time step h.")
    double timeStep;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Steps per trajectory.")
    long steps;

    @Option(names = "--trajectories", paramLabel = "M", defaultValue = "1",
            description = "Independent trajectories, one after the other from one seeded stream (default: ${DEFAULT-VALUE}).")
    int trajectories;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "1", description = "Inverse temperature beta (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save-every", paramLabel = "K", defaultValue = "1",
            description = "Keep every K-th state; N must be a multiple of K (default: ${DEFAULT-VALUE}).")
    int saveEvery;

    @Option(names = "--start", split = ",", paramLabel = "X",
            description = "Initial state, d values (default: the origin).")
    List<Double> start;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Output: .npy (float64) or .csv (one trajectory; columns x1..xd).")
    Path out;

    @Override
    public Integer call() throws Exception {
        boolean csv = out.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        if (!csv && !out.toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            throw new IllegalArgumentException("--out " + out + ": the name must end in .npy or .csv");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("--dim must be at least 1, got " + dimension);
        }
        if (trajectories < 1) {
            throw new IllegalArgumentException("--trajectories must be at least 1, got " + trajectories);
        }
        if (csv && trajectories > 1) {
            throw new IllegalArgumentException("--out " + out + ": a CSV file holds one trajectory; write --trajectories "
                    + trajectories + " to .npy");
        }
        if (steps < 1 || saveEvery < 1 || steps % saveEvery != 0) {
            throw new IllegalArgumentException("--steps " + steps + " must be a positive multiple of --save-every "
                    + saveEvery);
        }
        double[] x0 = new double[dimension];
        if (start != null) {
            if (start.size() != dimension) {
                throw new IllegalArgumentException("--start has " + start.size() + " values; --dim is " + dimension);
            }
            for (int j = 0; j < dimension; j++) x0[j] = start.get(j);
        }
        OverdampedLangevin dynamics = new OverdampedLangevin(
                new CentralDifferences(new ExpressionPotential(energy, dimension, "energy")), beta, timeStep);
        long frames = steps / saveEvery + 1;
        long values = MemoryBudget.times(MemoryBudget.times(frames, dimension), trajectories);
        MemoryBudget.requireIndexable(values, "--out " + out);
        MemoryBudget.require(MemoryBudget.times(values, 16), "--out " + out + " (" + trajectories + " × " + frames
                + " frames × " + dimension + ")");
        if (!Double.isFinite(dynamics.energy().value(x0))) {
            throw new IllegalArgumentException("--energy " + energy + " is not finite at the start " + java.util.Arrays.toString(x0));
        }
        OutputPaths.requireWritableFile(out, "--out");

        Well19937c rng = new Well19937c(seed);
        double[] all = new double[(int) values];
        int perTrajectory = (int) (frames * dimension);
        long started = System.nanoTime();
        for (int m = 0; m < trajectories; m++) {
            double[] t;
            try {
                t = dynamics.trajectory(x0, steps, saveEvery, rng);
            } catch (ArithmeticException e) {
                throw new NumericalFailure("trajectory " + (m + 1) + ": " + e.getMessage());
            }
            System.arraycopy(t, 0, all, m * perTrajectory, perTrajectory);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (csv) {
            AtomicFiles.writeText(csvText(all, dimension), out);
        } else {
            int[] shape = trajectories == 1 ? new int[] {(int) frames, dimension}
                    : new int[] {trajectories, (int) frames, dimension};
            AtomicFiles.writeNpy(out, all, shape);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%d trajector%s × %d steps of h = %s (%d frames, %s apart) in %.1f s: %s%n", trajectories,
                trajectories == 1 ? "y" : "ies", steps, timeStep, frames, saveEvery * timeStep, seconds, out);
        return 0;
    }

    private static String csvText(double[] values, int d) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < d; j++) s.append(j == 0 ? "" : ",").append("x").append(j + 1);
        s.append('\n');
        for (int i = 0; i < values.length; i++) {
            s.append(values[i]).append((i + 1) % d == 0 ? '\n' : ',');
        }
        return s.toString();
    }
}
