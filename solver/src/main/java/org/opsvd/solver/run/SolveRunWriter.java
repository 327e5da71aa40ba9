package org.opsvd.solver.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsvd.operators.Problem;
import org.opsvd.solver.eval.EigenvalueInterval;
import org.opsvd.solver.eval.Estimate;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.eval.SpectralEstimate;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.SolveConfig;
import org.opsvd.solver.train.SolveReference;
import org.opsvd.solver.train.Trainer;

/**
 * The run directory of an eigen solve, written by observing it ({@link NeuralSolver.Observer}): the files of
 * every run ({@link RunWriter}) with energies E0 … E(L−1) in the logs, and at {@link #finish} the summary
 * ({@code summary.json}: eigenvalues, references, errors, the five metrics, the configuration) and the functions
 * on the evaluation quadrature as float64 NPY: {@code points.npy} [N, d], {@code weights.npy} [N],
 * {@code eigenfunctions.npy} [N, L] (ψ_l(x_i) = √p·f_l, unnormalised) and, when the reference has functions,
 * {@code reference_eigenfunctions.npy} [N, L′] (its first L′ ≤ L modes, complete shells, unit L² norm on the
 * quadrature up to discretisation); for Monte Carlo points in d ≤ 3 also the functions on a plane for the
 * gallery ({@link GalleryPlane}). The layout is documented in {@code docs/outputs.md}.
 */
public final class SolveRunWriter extends RunWriter implements NeuralSolver.Observer {

    private final Problem problem;
    private final SolveConfig config;
    private final SolveReference reference;
    private final NeuralSolver.Observer next;

    /**
     * Opens (creates, or after a resume cuts back) the run directory's files.
     *
     * @param resumeStep steps of the checkpoint the run resumes from, 0 for a new run
     * @param next       receives every event after it is written (progress display, a caller's observer)
     */
    public SolveRunWriter(Path directory, Problem problem, SolveConfig config, SolveReference reference,
                          int resumeStep, NeuralSolver.Observer next) throws IOException {
        super(directory, config, resumeStep, header(List.of("step", "seconds", "learning_rate", "loss"),
                        "E", config.outputs()),
                header(List.of("step", "seconds", "mean_rel_error", "subspace_dist_all", "subspace_dist_avg",
                        "angle_distance"), "E", config.outputs()));
        this.problem = problem;
        this.config = config;
        this.reference = reference;
        this.next = next;
    }

    private static List<String> header(List<String> first, String prefix, int modes) {
        List<String> all = new ArrayList<>(first);
        all.addAll(columns(prefix, modes));
        return all;
    }

    @Override
    public void onStep(Trainer.StepRecord s, double[] energies) {
        logStep(s.step() + 1, s.seconds(), s.learningRate(), s.loss(), energies);
        next.onStep(s, energies);
    }

    @Override
    public void onEvaluation(NeuralSolver.Evaluation e) {
        MetricReport m = e.metrics();
        StringBuilder row = evaluationRow(e.step(), e.seconds()).append(',').append(e.meanRelativeError())
                .append(',').append(m == null ? "" : Double.toString(m.subspaceDistanceAll()))
                .append(',').append(m == null ? "" : Double.toString(m.meanGroupSubspaceDistance()))
                .append(',').append(m == null ? "" : Double.toString(m.meanAngle()));
        logEvaluation(append(row, e.rayleigh(), e.rayleigh().length));
        next.onEvaluation(e);
    }

    @Override
    public void beforeCheckpoint(int steps) {
        flush();
        next.beforeCheckpoint(steps);
    }

    /** Writes {@code summary.json} and the NPY files of the final evaluation; returns the summary. */
    public Map<String, Object> finish(NeuralSolver.Result result) throws IOException {
        Map<String, Object> summary = summary(problem, config, reference, result, secondsBefore());
        writeSummary(summary);
        writeFunctions(result.evaluation());
        SolveReference on = result.evaluation().evaluatedOn();
        boolean scattered = on.monteCarlo() || on.checkPoints() != null; // no uniform grid to draw heatmaps from
        if (scattered && problem.dimension() >= 2 && problem.dimension() <= 3) {
            GalleryPlane.write(directory, problem, config, result.evaluation().psi(), on.points(), result.network(),
                    result.parameters(), NeuralSolver.density(config), on.comparable());
        }
        return summary;
    }

    /**
     * Monte Carlo points written at most. The points are i.i.d., so the first m of N with weights scaled by N/m are a
     * Monte Carlo rule of their own; the final evaluation's 2^18 points would make the files 4× larger (≈ 400 MB in
     * 64-D with L = 65) for no use a plot needs.
     */
    static final int EXPORTED_MONTE_CARLO_POINTS = 1 << 16;

    private void writeFunctions(NeuralSolver.Evaluation e) throws IOException {
        SolveReference reference = e.evaluatedOn(); // the solve's, or Monte Carlo points of an adapted density
        int total = reference.weights().length;
        int d = reference.points().length / total;
        int n = reference.monteCarlo() ? Math.min(total, EXPORTED_MONTE_CARLO_POINTS) : total;
        double[] weights = java.util.Arrays.copyOf(reference.weights(), n);
        for (int i = 0; i < n; i++) weights[i] *= (double) total / n;
        var psi = e.psi().valuesCopy();
        AtomicFiles.writeNpy(directory.resolve("points.npy"),
                config.toOriginal(java.util.Arrays.copyOf(reference.points(), n * d)), new int[] {n, d});
        AtomicFiles.writeNpy(directory.resolve("weights.npy"), weights, new int[] {n});
        AtomicFiles.writeNpy(directory.resolve("eigenfunctions.npy"), java.util.Arrays.copyOf(psi.data, n * psi.numCols),
                new int[] {n, psi.numCols});
        if (reference.functions() != null) {
            var ref = reference.functions().valuesCopy();
            AtomicFiles.writeNpy(directory.resolve("reference_eigenfunctions.npy"),
                    java.util.Arrays.copyOf(ref.data, n * ref.numCols), new int[] {n, ref.numCols});
        }
    }

    private static double[] values(List<Estimate> estimates) {
        return estimates.stream().mapToDouble(Estimate::value).toArray();
    }

    private static double[] errors(List<Estimate> estimates) {
        return estimates.stream().mapToDouble(Estimate::standardError).toArray();
    }

    /** The content of {@code summary.json}; {@code secondsBefore}: training time before a resume. */
    public static Map<String, Object> summary(Problem problem, SolveConfig config, SolveReference reference,
                                              NeuralSolver.Result result, double secondsBefore) {
        NeuralSolver.Evaluation e = result.evaluation();
        int l = config.outputs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", problem.name());
        m.put("hamiltonian", problem.hamiltonian().describe());
        if (problem.operator() != problem.hamiltonian()) m.put("learned_operator", problem.operator().describe());
        m.put("eigenvalues", e.rayleigh());
        m.put("eigenvalues_from_norms", e.normEnergies());
        m.put("reference", reference.hasEnergies()
                ? NeuralSolver.reported(problem, Arrays.copyOf(reference.energies(), l)) : null);
        m.put("reference_kind", reference.kind());
        m.put("exact", reference.exact() == null ? null
                : NeuralSolver.reported(problem, Arrays.copyOf(reference.exact(), l)));
        m.put("finite_difference", reference.finiteDifference() == null ? null : NeuralSolver.reported(problem,
                Arrays.copyOf(reference.finiteDifference(), Math.min(l, reference.finiteDifference().length))));
        m.put("rel_errors", e.relErrors());
        m.put("abs_errors", e.absErrors());
        SpectralEstimate sp = e.spectral();
        m.put("eigenvalue_std_errors", sp == null ? null : errors(sp.rayleighQuotients()));
        m.put("ritz_values", sp == null ? null : NeuralSolver.reported(problem, values(sp.ritzValues())));
        m.put("ritz_std_errors", sp == null ? null : errors(sp.ritzValues()));
        m.put("residual_norms", sp == null ? null : values(sp.residualNorms()));
        m.put("residual_norm_std_errors", sp == null ? null : errors(sp.residualNorms()));
        m.put("local_energy_variance", sp == null ? null : values(sp.localEnergyVariances()));
        m.put("eigenvalue_intervals", e.intervals() == null ? null
                : e.intervals().stream().map(i -> new double[] {i.lower(), i.upper()}).toList());
        m.put("eigenvalue_interval_bounds", e.intervals() == null ? null
                : e.intervals().stream().map(i -> i.lowerBound().toString().toLowerCase(java.util.Locale.ROOT)).toList());
        m.put("interval_confidence", EigenvalueInterval.confidence(EigenvalueInterval.DEFAULT_Z));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rel_eigval_error", e.meanRelativeError());
        metrics.put("abs_eigval_error", e.meanAbsoluteError());
        MetricReport r = e.metrics();
        metrics.put("angle_distance", r == null ? null : r.meanAngle());
        metrics.put("subspace_dist_avg", r == null ? null : r.meanGroupSubspaceDistance());
        metrics.put("subspace_dist_all", r == null ? null : r.subspaceDistanceAll());
        metrics.put("orthogonality", r == null ? null : r.orthogonality().frobenius());
        metrics.put("orthogonality_mean_square", r == null ? null : r.orthogonality().meanSquare());
        metrics.put("modes_compared", reference.comparable());
        metrics.put("details", r == null ? null : r.toMap());
        m.put("metrics", metrics);
        m.put("steps", result.outcome().steps());
        m.put("seconds", secondsBefore + result.outcome().seconds());
        m.put("stop_reason", result.outcome().stopReason());
        m.put("operator_scale", result.shift().scale());
        m.put("operator_shift", result.shift().shift());
        m.put("evaluation_quadrature", result.evaluation().evaluatedOn().quadrature());
        m.put("training_density", result.sampler());
        m.put("peak_rss_mb", PeakMemory.residentMegabytes());
        List<String> notes = new ArrayList<>(reference.notes());
        if (result.refinement() != null) {
            notes.add(result.refinement().note());
            Map<String, Object> ritz = new LinkedHashMap<>();
            ritz.put("kept", result.refinement().kept());
            double trained = result.refinement().trainedSum();
            double refined = result.refinement().refinedSum();
            ritz.put("held_out_ritz_sum_trained", Double.isNaN(trained) ? null : trained); // NaN: not fitted
            ritz.put("held_out_ritz_sum_refined", Double.isNaN(refined) ? null : refined);
            m.put("output_ritz", ritz);
        }
        m.put("notes", notes);
        m.put("config", config);
        return m;
    }
}
