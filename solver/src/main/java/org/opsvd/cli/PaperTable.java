package org.opsvd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's reported metrics ({@code experiments/paper-hydrogen-eval.csv}: problem, method, batch and the
 * five metrics; "≤x" values, read at the axis floor, are kept as x). Our method names map to the paper's:
 * {@code neuralef-unbiased} is the variant the paper's NeuralEF bars come from.
 */
record PaperTable(Map<String, Map<String, Double>> rows) {

    static final PaperTable EMPTY = new PaperTable(Map.of());

    /** The table, or {@link #EMPTY} when the file does not exist. */
    static PaperTable read(Path csv) throws IOException {
        if (!Files.exists(csv)) return EMPTY;
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        if (lines.isEmpty()) return EMPTY;
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, Double>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length != header.length) {
                throw new IllegalArgumentException(csv + ": row '" + line + "' has " + cells.length + " cells, the header "
                        + header.length);
            }
            Map<String, Double> metrics = new HashMap<>();
            for (int i = 3; i < cells.length; i++) {
                metrics.put(header[i], Double.parseDouble(cells[i].replace("<=", "")));
            }
            rows.put(key(cells[0], cells[1], Integer.parseInt(cells[2])), metrics);
        }
        return new PaperTable(Map.copyOf(rows));
    }

    /** The paper's value of {@code metric} for a problem, our method name and batch, or null. */
    Double value(String problem, String method, int batch, String metric) {
        Map<String, Double> row = rows.get(key(problem, paperMethod(method), batch));
        return row == null ? null : row.get(metric);
    }

    private static String paperMethod(String method) {
        return "neuralef-unbiased".equals(method) ? "neuralef" : method;
    }

    private static String key(String problem, String method, int batch) {
        return problem + "/" + method + "/" + batch;
    }
}
