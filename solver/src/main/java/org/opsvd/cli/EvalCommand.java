package org.opsvd.cli;

import org.opsvd.operators.MemoryBudget;
import org.opsvd.operators.io.NumericTable;
import org.opsvd.solver.run.AtomicFiles;
import org.opsvd.solver.run.OutputPaths;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SolveConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code opsvd eval RUN_DIR --points FILE}: the learned eigenfunctions ψ_l = √p·f_l of a {@code solve} run
 * (its moving-average parameters from {@code checkpoint.bin}) at arbitrary points — anywhere in R^d, not
 * only on a grid — written as NPY [N, L], float64.
 */
@Command(name = "eval", sortOptions = false,
        description = "Evaluate the learned eigenfunctions of a solve run at arbitrary points (CSV or NPY in, NPY out). "
            + "Prints the output file only (no progress output, hence no --quiet).",
        footer = {"", "Examples:", "  opsvd eval runs/harmonic-2d-L15-... --points points.csv --out psi.npy",
            "  opsvd eval runs/hydrogen-2d-L9-... --points grid.npy"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by 'opsvd solve'.")
    Path run;

    @Option(names = "--points", paramLabel = "FILE", required = true,
            description = "Points as CSV (one point per row, d columns) or NPY [N, d].")
    Path points;

    @Option(names = "--out", paramLabel = "FILE", description = "Output NPY [N, L] (default: RUN_DIR/eval.npy).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        SolveConfig config = SolveRunInput.read(run).config();
        Path target = out != null ? out : run.resolve("eval.npy");
        OutputPaths.requireWritableFile(target, "--out");
        int d = config.dimension();
        double[] x = config.toSolve(readPoints(points, d)); // the network sees y = x − c
        int n = x.length / d;
        Checkpoint checkpoint = Checkpoint.read(run);
        Mlp network = NeuralSolver.network(config);
        int trained = network.outputs(); // L + G: the guards are evaluated, then dropped
        MemoryBudget.requireIndexable(MemoryBudget.times(n, trained), "--points " + points);
        MemoryBudget.require(MemoryBudget.times(MemoryBudget.times(n, trained), 32), "--points " + points
                + " (" + n + " points × " + trained + " functions)");
        SamplingDensity density = NeuralSolver.density(config);
        double[] f;
        try (NetworkEvaluator<?> evaluator = NetworkEvaluator.float64(network, false)) {
            f = evaluator.values(checkpoint.evaluated(network), x).values();
        }
        density.wavefunctions(x, f, trained);
        int l = config.outputs();
        double[] psi = l == trained ? f : CommonOps_DDRM.extract(DMatrixRMaj.wrap(n, trained, f), 0, n, 0, l).data;
        AtomicFiles.writeNpy(target, psi, new int[] {n, l});
        stdout.println("wrote ψ at " + n + " points (" + l + " functions, step " + checkpoint.step() + ") to " + target);
        return 0;
    }

    /** Points from CSV or NPY ({@link NumericTable}), checked against the run's dimension. */
    static double[] readPoints(Path file, int d) {
        return NumericTable.read(file, "--points").requireColumns(d, "--points", file, "the run is " + d
                + "-dimensional: each point").values();
    }
}
