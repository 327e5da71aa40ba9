package org.opsvd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.opsvd.solver.train.SolveDefaults;

/**
 * The results of {@code opsvd reproduce}: one row per experiment file with the mean and (sample) standard
 * deviation over seeds of the five metrics and of the wall-clock time, next to the paper's numbers.
 */
final class ResultsTable {

    /** One run: its seed, metrics (NaN where not computed), training seconds, or the reason it failed. */
    private record Run(int seed, Map<String, Double> metrics, double seconds, int steps, String failure) {}

    private final Map<ConfigFile, List<Run>> runs = new LinkedHashMap<>();
    private final PaperTable paper;

    ResultsTable(List<ConfigFile> configs, int seeds, PaperTable paper) {
        for (ConfigFile c : configs) runs.put(c, new ArrayList<>());
        this.paper = paper;
    }

    /**
     * A completed run, from its summary.json. Its time is the summary's training seconds (a resumed run's include
     * the time before the resume), the same whether the run happened now or was taken from an earlier call.
     */
    void add(ConfigFile config, int seed, JsonNode summary) {
        Map<String, Double> m = new LinkedHashMap<>();
        JsonNode metrics = summary.get("metrics");
        for (String k : ReproduceCommand.METRICS) {
            JsonNode v = metrics.get(k);
            if (v == null && k.equals("orthogonality_mean_square")) {
                v = metrics.path("details").get("orthogonalityMeanSquare"); // summaries written before this key existed
            }
            m.put(k, v == null || v.isNull() ? Double.NaN : v.asDouble());
        }
        insert(config, new Run(seed, m, summary.get("seconds").asDouble(), summary.get("steps").asInt(), null));
    }

    void failure(ConfigFile config, int seed, String reason) {
        insert(config, new Run(seed, Map.of(), Double.NaN, 0, reason));
    }

    /** Runs in seed order, however they finished (an engine running several at once finishes them in any order). */
    private void insert(ConfigFile config, Run run) {
        List<Run> list = runs.get(config);
        int at = 0;
        while (at < list.size() && list.get(at).seed() <= run.seed()) at++;
        list.add(at, run);
    }

    /** One row per run. */
    String runsCsv() {
        StringBuilder b = new StringBuilder("file,experiment,method,batch,seed,status,steps,seconds,"
                + String.join(",", ReproduceCommand.METRICS) + "\n");
        runs.forEach((c, list) -> list.forEach(r -> {
            b.append(String.join(",", ReproduceCommand.stem(c.file()), nz(c.experiment()), method(c),
                    Integer.toString(batch(c)), Integer.toString(r.seed()), r.failure() == null ? "ok" : "failed",
                    Integer.toString(r.steps()), num(r.seconds())));
            for (String k : ReproduceCommand.METRICS) b.append(',').append(num(r.metrics().getOrDefault(k, Double.NaN)));
            b.append('\n');
        }));
        return b.toString();
    }

    /** One row per file: mean, std and the paper's value of each metric, and the seconds per run. */
    String csv() {
        StringBuilder b = new StringBuilder("file,experiment,method,batch,runs,failed,seconds_mean,seconds_std");
        for (String k : ReproduceCommand.METRICS) b.append(',').append(k).append("_mean,").append(k).append("_std,")
                .append(k).append("_paper");
        b.append('\n');
        runs.forEach((c, list) -> {
            StreamingStatistics t = stats(list, null);
            b.append(String.join(",", ReproduceCommand.stem(c.file()), nz(c.experiment()), method(c),
                    Integer.toString(batch(c)), Long.toString(t.getN()), Long.toString(failed(list)),
                    num(t.getMean()), num(t.getStandardDeviation())));
            for (String k : ReproduceCommand.METRICS) {
                StreamingStatistics s = stats(list, k);
                Double p = paperValue(c, k);
                b.append(',').append(num(s.getMean())).append(',').append(num(s.getStandardDeviation()))
                        .append(',').append(p == null ? "" : num(p));
            }
            b.append('\n');
        });
        return b.toString();
    }

    /** A Markdown table: ours (mean ± std over seeds) and, on the next row, the paper's numbers. */
    String markdown(String title, int done, int total) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(title).append("\n\n");
        b.append(String.format(Locale.ROOT, "%d of %d runs done%s. Mean ± standard deviation over seeds; "
                + "'paper' rows: the NeuralSVD paper's figure (means over 10 seeds, read to about ±5%%).%n%n",
                done, total, done < total ? " (in progress: this table is rewritten after every run)" : ""));
        b.append("| file | method | B | runs | rel. eigenvalue error | angle distance | subspace dist. (avg) "
                + "| subspace dist. (all) | orthogonality ‖Ĉ − I‖_F | orthogonality (mean sq.) | training s per run |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        runs.forEach((c, list) -> {
            StreamingStatistics t = stats(list, null);
            b.append("| ").append(ReproduceCommand.stem(c.file())).append(" | ").append(method(c)).append(" | ")
                    .append(batch(c)).append(" | ").append(t.getN())
                    .append(failed(list) > 0 ? " (+" + failed(list) + " failed)" : "").append(" |");
            for (String k : ReproduceCommand.METRICS) b.append(' ').append(meanStd(stats(list, k))).append(" |");
            b.append(' ').append(t.getN() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", t.getMean())).append(" |\n");
            if (ReproduceCommand.METRICS.stream().anyMatch(k -> paperValue(c, k) != null)) {
                b.append("| | paper | | |");
                for (String k : ReproduceCommand.METRICS) {
                    Double p = paperValue(c, k);
                    b.append(' ').append(p == null ? "-" : String.format(Locale.ROOT, "%.2g", p)).append(" |");
                }
                b.append(" |\n");
            }
        });
        List<String> failures = new ArrayList<>();
        runs.forEach((c, list) -> list.stream().filter(r -> r.failure() != null).forEach(r ->
                failures.add("- " + ReproduceCommand.stem(c.file()) + " seed " + r.seed() + ": " + r.failure())));
        if (!failures.isEmpty()) b.append("\nFailed runs:\n").append(String.join("\n", failures)).append('\n');
        return b.toString();
    }

    private Double paperValue(ConfigFile c, String metric) {
        String column = ReproduceCommand.paperColumn(metric);
        return c.experiment() == null || column == null ? null : paper.value(c.experiment(), method(c), batch(c), column);
    }

    private static StreamingStatistics stats(List<Run> list, String metric) {
        StreamingStatistics s = new StreamingStatistics();
        for (Run r : list) {
            if (r.failure() != null) continue;
            double v = metric == null ? r.seconds() : r.metrics().get(metric);
            if (!Double.isNaN(v)) s.addValue(v);
        }
        return s;
    }

    private static long failed(List<Run> list) {
        return list.stream().filter(r -> r.failure() != null).count();
    }

    private static String meanStd(StreamingStatistics s) {
        if (s.getN() == 0) return "-";
        return s.getN() == 1 ? String.format(Locale.ROOT, "%.3g", s.getMean())
                : String.format(Locale.ROOT, "%.3g ± %.2g", s.getMean(), s.getStandardDeviation());
    }

    private static String method(ConfigFile c) {
        return c.values().getOrDefault("method", "neuralsvd-seq");
    }

    private static int batch(ConfigFile c) {
        String b = c.values().get("batch");
        return b == null ? SolveDefaults.BATCH : Integer.parseInt(b);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
