package org.opsvd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * The results of {@code opsvd reproduce} or {@code opsvd sweep}: one row per experiment file (or grid point) with
 * the mean and (sample) standard deviation over seeds of the metrics ({@link RunMetrics}: solve's five, or svd's)
 * and of the wall-clock time, next to the paper's numbers.
 */
final class ResultsTable {

    /** One run: its seed, metrics (NaN where not computed), training seconds, or the reason it failed. */
    private record Run(int seed, Map<String, Double> metrics, double seconds, int steps, String failure) {}

    private final Map<ConfigFile, List<Run>> runs = new LinkedHashMap<>();
    private final RunMetrics kind;
    private final PaperTable paper;

    ResultsTable(RunMetrics kind, List<ConfigFile> configs, PaperTable paper) {
        for (ConfigFile c : configs) runs.put(c, new ArrayList<>());
        this.kind = kind;
        this.paper = paper;
    }

    /**
     * A completed run, from its summary.json. Its time is the summary's training seconds (a resumed run's include
     * the time before the resume), the same whether the run happened now or was taken from an earlier call.
     */
    void add(ConfigFile config, int seed, JsonNode summary) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (RunMetrics.Metric k : kind.metrics()) m.put(k.column(), k.value(summary));
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
                + String.join(",", columns()) + "\n");
        runs.forEach((c, list) -> list.forEach(r -> {
            b.append(String.join(",", ReproduceCommand.stem(c.file()), nz(c.experiment()), method(c),
                    Integer.toString(batch(c)), Integer.toString(r.seed()), r.failure() == null ? "ok" : "failed",
                    Integer.toString(r.steps()), num(r.seconds())));
            for (String k : columns()) b.append(',').append(num(r.metrics().getOrDefault(k, Double.NaN)));
            b.append('\n');
        }));
        return b.toString();
    }

    /** One row per file: mean, std and the paper's value of each metric, and the seconds per run. */
    String csv() {
        StringBuilder b = new StringBuilder("file,experiment,method,batch,runs,failed,seconds_mean,seconds_std");
        for (String k : columns()) b.append(',').append(k).append("_mean,").append(k).append("_std,")
                .append(k).append("_paper");
        b.append('\n');
        runs.forEach((c, list) -> {
            StreamingStatistics t = stats(list, null);
            b.append(String.join(",", ReproduceCommand.stem(c.file()), nz(c.experiment()), method(c),
                    Integer.toString(batch(c)), Long.toString(t.getN()), Long.toString(failed(list)),
                    num(t.getMean()), num(t.getStandardDeviation())));
            for (RunMetrics.Metric k : kind.metrics()) {
                StreamingStatistics s = stats(list, k.column());
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
        b.append("| file | method | B | runs |");
        kind.metrics().forEach(k -> b.append(' ').append(k.label()).append(" |"));
        b.append(" training s per run |\n").append("|---".repeat(kind.metrics().size() + 5)).append("|\n");
        runs.forEach((c, list) -> {
            StreamingStatistics t = stats(list, null);
            b.append("| ").append(ReproduceCommand.stem(c.file())).append(" | ").append(method(c)).append(" | ")
                    .append(batch(c)).append(" | ").append(t.getN())
                    .append(failed(list) > 0 ? " (+" + failed(list) + " failed)" : "").append(" |");
            for (String k : columns()) b.append(' ').append(meanStd(stats(list, k))).append(" |");
            b.append(' ').append(t.getN() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", t.getMean())).append(" |\n");
            if (kind.metrics().stream().anyMatch(k -> paperValue(c, k) != null)) {
                b.append("| | paper | | |");
                for (RunMetrics.Metric k : kind.metrics()) {
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

    private Double paperValue(ConfigFile c, RunMetrics.Metric metric) {
        String column = metric.paper();
        return c.experiment() == null || column == null ? null : paper.value(c.experiment(), method(c), batch(c), column);
    }

    private List<String> columns() {
        return kind.metrics().stream().map(RunMetrics.Metric::column).toList();
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

    private String method(ConfigFile c) {
        return kind.method(c.values());
    }

    private int batch(ConfigFile c) {
        return kind.batch(c.values());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
