package org.opsvd.solver.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsvd.operators.kernels.SvdProblem;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.train.SvdConfig;
import org.opsvd.solver.train.SvdSolver;
import org.opsvd.solver.train.SvdTrainer;

/**
 * The run directory of an operator SVD, written by observing it ({@link SvdSolver.Observer}): the files of every
 * run ({@link RunWriter}) with singular values s0 … s(L−1) (and the Ritz values ritz0 …) in the logs, and at
 * {@link #finish} the summary ({@code summary.json}: singular values, exact values and errors, Ritz values, the
 * left and right metrics, the configuration). The layout is documented in {@code docs/outputs.md}.
 */
public final class SvdRunWriter extends RunWriter implements SvdSolver.Observer {

    private final SvdProblem problem;
    private final SvdConfig config;
    private final SvdSolver.Observer next;

    /**
     * Opens (creates, or after a resume cuts back) the run directory's files.
     *
     * @param resumeStep steps of the checkpoint the run resumes from, 0 for a new run
     * @param next       receives every event after it is written
     */
    public SvdRunWriter(Path directory, SvdProblem problem, SvdConfig config, int resumeStep, SvdSolver.Observer next)
            throws IOException {
        super(directory, config, resumeStep, header(config.outputs(), false), header(config.outputs(), true));
        this.problem = problem;
        this.config = config;
        this.next = next;
    }

    private static List<String> header(int modes, boolean evaluations) {
        List<String> all = new ArrayList<>(evaluations
                ? List.of("step", "seconds", "mean_rel_error", "mean_ritz_rel_error", "left_subspace_dist_all",
                        "right_subspace_dist_all")
                : List.of("step", "seconds", "learning_rate", "loss"));
        all.addAll(columns("s", modes));
        if (evaluations) all.addAll(columns("ritz", modes));
        return all;
    }

    @Override
    public void onStep(SvdTrainer.StepRecord s) {
        logStep(s.step() + 1, s.seconds(), s.learningRate(), s.loss(), s.singularValues());
        next.onStep(s);
    }

    @Override
    public void onEvaluation(SvdSolver.Evaluation e) {
        int l = e.singularValues().length;
        StringBuilder row = evaluationRow(e.step(), e.seconds()).append(',').append(e.meanRelativeError())
                .append(',').append(e.meanRitzError())
                .append(',').append(e.left() == null ? "" : Double.toString(e.left().subspaceDistanceAll()))
                .append(',').append(e.right() == null ? "" : Double.toString(e.right().subspaceDistanceAll()));
        logEvaluation(append(append(row, e.singularValues(), l), e.ritzValues(), l));
        next.onEvaluation(e);
    }

    @Override
    public void beforeCheckpoint(int steps) {
        flush();
        next.beforeCheckpoint(steps);
    }

    /** Writes {@code summary.json}; returns it (callers may add tables and write it again). */
    public Map<String, Object> finish(SvdSolver.Result result) throws IOException {
        Map<String, Object> summary = summary(problem, config, result, secondsBefore());
        writeSummary(summary);
        return summary;
    }

    /** The content of {@code summary.json}; {@code secondsBefore}: training time before a resume. */
    public static Map<String, Object> summary(SvdProblem problem, SvdConfig config, SvdSolver.Result r,
                                              double secondsBefore) {
        SvdSolver.Evaluation e = r.evaluation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", problem.name());
        m.put("description", problem.data().describe());
        m.put("constant_mode", problem.constantMode());
        m.put("singular_values", e.singularValues());
        m.put("exact", e.exact());
        m.put("rel_errors", e.relErrors());
        m.put("ritz_singular_values", e.ritzValues());
        m.put("ritz_rel_errors", e.ritzErrors());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rel_singular_value_error", e.relErrors() == null ? null : e.meanRelativeError());
        metrics.put("rel_ritz_singular_value_error", e.ritzErrors() == null ? null : e.meanRitzError());
        metrics.put("left", sideMetrics(e.left()));
        metrics.put("right", sideMetrics(e.right()));
        m.put("metrics", metrics);
        m.put("steps", r.outcome().steps());
        m.put("seconds", secondsBefore + r.outcome().seconds());
        m.put("stop_reason", r.outcome().stopReason());
        m.put("peak_rss_mb", PeakMemory.residentMegabytes());
        m.put("config", config);
        return m;
    }

    private static Map<String, Object> sideMetrics(MetricReport r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("angle_distance", r.meanAngle());
        m.put("subspace_dist_avg", r.meanGroupSubspaceDistance());
        m.put("subspace_dist_all", r.subspaceDistanceAll());
        m.put("orthogonality", r.orthogonality().frobenius());
        return m;
    }
}
