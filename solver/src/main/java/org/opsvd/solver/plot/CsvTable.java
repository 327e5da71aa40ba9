package org.opsvd.solver.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric CSV file with a header row ({@code history.csv}, {@code evaluations.csv}), stored by column.
 * Empty or unparsable fields read as NaN; a last row cut short (a run still writing) is dropped.
 * Immutable: arrays are copied out.
 *
 * @param header  column names
 * @param columns values, {@code columns[c][row]}
 */
public record CsvTable(List<String> header, double[][] columns) {

    public CsvTable {
        header = List.copyOf(header);
        if (columns.length != header.size()) {
            throw new IllegalArgumentException(header.size() + " column names but " + columns.length + " columns");
        }
        columns = columns.clone();
    }

    /** Reads {@code file}. */
    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IOException(file + " is empty (no header row)");
        }
        List<String> header = List.of(lines.get(0).trim().split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            if (f.length != header.size()) continue; // a row torn by a crash or still being written
            double[] row = new double[f.length];
            for (int c = 0; c < f.length; c++) row[c] = parse(f[c]);
            rows.add(row);
        }
        double[][] columns = new double[header.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) columns[c][r] = rows.get(r)[c];
        }
        return new CsvTable(header, columns);
    }

    private static double parse(String s) {
        try {
            return s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Number of data rows. */
    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** Whether a column of that name exists. */
    public boolean has(String name) {
        return header.contains(name);
    }

    /** A copy of the named column. */
    public double[] column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "' (columns: " + String.join(",", header) + ")");
        }
        return columns[c].clone();
    }

    /** The names of the columns {@code prefix0, prefix1, …} in order, e.g. E0 … E(L−1). */
    public List<String> indexed(String prefix) {
        List<String> out = new ArrayList<>();
        while (has(prefix + out.size())) out.add(prefix + out.size());
        return out;
    }
}
