package org.opsvd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.train.SolveDefaults;
import org.opsvd.solver.train.SvdDefaults;

/**
 * What a results table takes from each run's {@code summary.json}, by the command the runs are of: the metric
 * columns (name, label, where in the summary) and the method and batch size of a row's settings.
 */
enum RunMetrics {

    /**
     * {@code solve}: the paper's five metrics, with orthogonality in two readings: ‖Ĉ − I‖_F and the mean square
     * ‖Ĉ − I‖_F²/L². Only the second is of the size of the paper's reported values: the paper does not define its
     * orthogonality number; its values (≤ 1e-5 with angles of 5e-3) are second order in the functions' errors, as
     * the mean square is, while ‖Ĉ − I‖_F is first order (≈ 2e-2 for such runs), so the paper's value goes beside
     * the mean square.
     */
    SOLVE("solve", List.of(
            new Metric("rel_eigval_error", "rel. eigenvalue error", "rel_eigval_error", "/metrics/rel_eigval_error"),
            new Metric("angle_distance", "angle distance", "angle_distance", "/metrics/angle_distance"),
            new Metric("subspace_dist_avg", "subspace dist. (avg)", "subspace_dist_avg", "/metrics/subspace_dist_avg"),
            new Metric("subspace_dist_all", "subspace dist. (all)", "subspace_dist_all", "/metrics/subspace_dist_all"),
            new Metric("orthogonality", "orthogonality ‖Ĉ − I‖_F", null, "/metrics/orthogonality"),
            // summaries written before the key existed hold it among the details
            new Metric("orthogonality_mean_square", "orthogonality (mean sq.)", "orthogonality",
                    "/metrics/orthogonality_mean_square", "/metrics/details/orthogonalityMeanSquare")),
            List.of("rel_eigval_error", "subspace_dist_all")) {
        @Override
        String method(Map<String, String> settings) {
            return settings.getOrDefault("method", SolveDefaults.METHOD.toString());
        }

        @Override
        int batch(Map<String, String> settings) {
            String b = settings.get("batch");
            return b == null ? SolveDefaults.BATCH : Integer.parseInt(b);
        }
    },

    /** {@code svd}: the singular values' errors, and the metrics of the left (f) and right (g) functions. */
    SVD("svd", List.of(
            new Metric("rel_singular_value_error", "rel. singular-value error", null, "/metrics/rel_singular_value_error"),
            new Metric("rel_ritz_singular_value_error", "rel. Ritz σ error", null,
                    "/metrics/rel_ritz_singular_value_error"),
            new Metric("left_angle_distance", "angle distance (f)", null, "/metrics/left/angle_distance"),
            new Metric("right_angle_distance", "angle distance (g)", null, "/metrics/right/angle_distance"),
            new Metric("left_subspace_dist_all", "subspace dist. all (f)", null, "/metrics/left/subspace_dist_all"),
            new Metric("right_subspace_dist_all", "subspace dist. all (g)", null, "/metrics/right/subspace_dist_all"),
            new Metric("left_orthogonality", "orthogonality (f)", null, "/metrics/left/orthogonality"),
            new Metric("right_orthogonality", "orthogonality (g)", null, "/metrics/right/orthogonality")),
            List.of("rel_singular_value_error", "left_subspace_dist_all", "right_subspace_dist_all")) {
        @Override
        String method(Map<String, String> settings) {
            String nesting = settings.get("nesting");
            Nesting n = nesting == null ? SvdDefaults.NESTING : Nesting.parse(nesting);
            return n == Nesting.SEQUENTIAL ? "neuralsvd-seq" : "neuralsvd-joint"; // as solve's methods are named
        }

        @Override
        int batch(Map<String, String> settings) {
            String b = settings.get("batch");
            return b == null ? SvdDefaults.BATCH : Integer.parseInt(b);
        }
    };

    /**
     * A column of the table.
     *
     * @param column   its name in the CSV tables
     * @param label    its heading in results.md
     * @param paper    the paper-table column beside it, or null
     * @param pointers where its value is in summary.json (JSON pointers; the first present wins)
     */
    record Metric(String column, String label, String paper, List<String> pointers) {
        Metric(String column, String label, String paper, String... pointers) {
            this(column, label, paper, List.of(pointers));
        }

        /** Its value in {@code summary}, NaN where absent or null. */
        double value(JsonNode summary) {
            for (String p : pointers) {
                JsonNode v = summary.at(p);
                if (!v.isMissingNode()) return v.isNull() ? Double.NaN : v.asDouble();
            }
            return Double.NaN;
        }
    }

    private final String command;
    private final List<Metric> metrics;
    private final List<String> headline;

    /** @param headline the columns of the line printed as each run finishes */
    RunMetrics(String command, List<Metric> metrics, List<String> headline) {
        this.command = command;
        this.metrics = metrics;
        this.headline = headline;
    }

    /** The metrics of runs of {@code command}. */
    static RunMetrics of(String command) {
        for (RunMetrics m : values()) {
            if (m.command.equals(command)) return m;
        }
        throw new IllegalArgumentException("no results table for runs of '" + command + "' (expected solve or svd)");
    }

    /** The command's name. */
    String command() {
        return command;
    }

    List<Metric> metrics() {
        return metrics;
    }

    /** The headline metrics of a run's summary, as "rel. eigenvalue error 1.234e-04, subspace dist. (all) -". */
    String headline(JsonNode summary) {
        List<String> parts = new java.util.ArrayList<>();
        for (Metric m : metrics) {
            if (!headline.contains(m.column())) continue;
            double v = m.value(summary);
            parts.add(m.label() + " " + (Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.3e", v)));
        }
        return String.join(", ", parts);
    }

    /** The method of a row's settings, e.g. {@code neuralsvd-seq}. */
    abstract String method(Map<String, String> settings);

    /** The batch size of a row's settings. */
    abstract int batch(Map<String, String> settings);
}
