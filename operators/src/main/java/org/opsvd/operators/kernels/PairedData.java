package org.opsvd.operators.kernels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.jetbrains.bio.npy.NpyArray;
import org.jetbrains.bio.npy.NpyFile;

/**
 * N paired samples (x_i, y_i) ~ p(x,y), x_i ∈ R^{dx}, y_i ∈ R^{dy}: the empirical joint distribution of a
 * canonical-dependence (CDK) problem (method.md §6.1), whose operator is (Tg)(x) = E[g(Y) | X = x].
 * Stored row-major [N, dx] and [N, dy]; immutable (accessors return copies).
 *
 * <p>Files: CSV (comma-, semicolon- or whitespace-separated; blank lines and lines starting with '#'
 * skipped; a first line with no numeric cell is a header), either two files of N rows each or one file
 * whose first {@code split} columns are x and the rest y; or NPY (2D, C order, float64 or float32, read
 * with org.jetbrains.bio:npy, either byte order; 1D arrays are N×1; Fortran-order files are rejected by the
 * library with a clear message). Errors name the file, line and column.
 */
public final class PairedData {

    private final double[] x;
    private final double[] y;
    private final int size;
    private final int xDimension;
    private final int yDimension;

    private PairedData(double[] x, int xDimension, double[] y, int yDimension) {
        if (xDimension < 1 || yDimension < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + xDimension + ", " + yDimension);
        }
        if (x.length % xDimension != 0 || y.length % yDimension != 0) {
            throw new IllegalArgumentException("array lengths " + x.length + ", " + y.length
                    + " are not multiples of the dimensions " + xDimension + ", " + yDimension);
        }
        int nx = x.length / xDimension;
        int ny = y.length / yDimension;
        if (nx != ny) {
            throw new IllegalArgumentException("mismatched numbers of samples: " + nx + " x rows, " + ny + " y rows");
        }
        if (nx == 0) {
            throw new IllegalArgumentException("paired data is empty");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x row " + i / xDimension + " column " + i % xDimension
                        + " is not finite: " + x[i]);
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y row " + i / yDimension + " column " + i % yDimension
                        + " is not finite: " + y[i]);
            }
        }
        this.x = x;
        this.y = y;
        this.size = nx;
        this.xDimension = xDimension;
        this.yDimension = yDimension;
    }

    /** Pairs from row-major arrays x [N, dx] and y [N, dy] (copied). */
    public static PairedData of(double[] x, int xDimension, double[] y, int yDimension) {
        return new PairedData(x.clone(), xDimension, y.clone(), yDimension);
    }

    /** Reads x and y from two CSV files with one row per sample. */
    public static PairedData readCsv(Path xFile, Path yFile) {
        Table tx = readCsvTable(xFile);
        Table ty = readCsvTable(yFile);
        if (tx.rows != ty.rows) {
            throw new IllegalArgumentException("mismatched lengths: " + xFile + " has " + tx.rows + " rows, " + yFile
                    + " has " + ty.rows);
        }
        return new PairedData(tx.values, tx.columns, ty.values, ty.columns);
    }

    /** Reads one CSV file whose first {@code split} columns are x and the remaining columns y. */
    public static PairedData readCsv(Path file, int split) {
        Table t = readCsvTable(file);
        if (split < 1 || split >= t.columns) {
            throw new IllegalArgumentException("split must be between 1 and " + (t.columns - 1) + " for " + file
                    + " with " + t.columns + " columns, got " + split);
        }
        int dy = t.columns - split;
        double[] xs = new double[t.rows * split];
        double[] ys = new double[t.rows * dy];
        for (int i = 0; i < t.rows; i++) {
            System.arraycopy(t.values, i * t.columns, xs, i * split, split);
            System.arraycopy(t.values, i * t.columns + split, ys, i * dy, dy);
        }
        return new PairedData(xs, split, ys, dy);
    }

    /** Reads x and y from two NPY files (2D [N, d] or 1D [N], float64 or float32, C order). */
    public static PairedData readNpy(Path xFile, Path yFile) {
        Table tx = readNpyTable(xFile);
        Table ty = readNpyTable(yFile);
        if (tx.rows != ty.rows) {
            throw new IllegalArgumentException("mismatched lengths: " + xFile + " has " + tx.rows + " rows, " + yFile
                    + " has " + ty.rows);
        }
        return new PairedData(tx.values, tx.columns, ty.values, ty.columns);
    }

    /** Reads two files, NPY if both names end in ".npy", else CSV. */
    public static PairedData read(Path xFile, Path yFile) {
        boolean npy = xFile.toString().endsWith(".npy");
        if (npy != yFile.toString().endsWith(".npy")) {
            throw new IllegalArgumentException("x and y files must both be .npy or both CSV: " + xFile + ", " + yFile);
        }
        return npy ? readNpy(xFile, yFile) : readCsv(xFile, yFile);
    }

    /** The number of pairs N. */
    public int size() {
        return size;
    }

    /** dx. */
    public int xDimension() {
        return xDimension;
    }

    /** dy. */
    public int yDimension() {
        return yDimension;
    }

    /** A copy of x, row-major [N, dx]. */
    public double[] x() {
        return x.clone();
    }

    /** A copy of y, row-major [N, dy]. */
    public double[] y() {
        return y.clone();
    }

    /**
     * Draws {@code count} pairs uniformly with replacement into x [count, dx] and y [count, dy]; the same
     * row index i is used for both, so the pairing is kept.
     */
    public void sample(RandomGenerator rng, double[] xOut, double[] yOut, int count) {
        if (count < 0 || xOut.length < (long) count * xDimension || yOut.length < (long) count * yDimension) {
            throw new IllegalArgumentException("need count >= 0 and arrays of count·dx, count·dy values; got count "
                    + count + ", lengths " + xOut.length + ", " + yOut.length);
        }
        for (int j = 0; j < count; j++) {
            int i = rng.nextInt(size);
            System.arraycopy(x, i * xDimension, xOut, j * xDimension, xDimension);
            System.arraycopy(y, i * yDimension, yOut, j * yDimension, yDimension);
        }
    }

    @Override
    public String toString() {
        return "PairedData[N=" + size + ", dx=" + xDimension + ", dy=" + yDimension + "]";
    }

    private record Table(double[] values, int rows, int columns) {
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file not found: " + file);
        }
    }

    private static Table readCsvTable(Path file) {
        requireFile(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("data file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        boolean first = true;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(line.indexOf(',') >= 0 ? "\\s*,\\s*" : line.indexOf(';') >= 0 ? "\\s*;\\s*" : "\\s+");
            if (first) {
                first = false;
                if (noneNumeric(cells)) {
                    continue;
                }
            }
            if (columns < 0) {
                columns = cells.length;
            } else if (cells.length != columns) {
                throw new IllegalArgumentException(file + ":" + (ln + 1) + ": expected " + columns + " columns, found "
                        + cells.length);
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (ln + 1) + ": column " + (c + 1)
                            + " is not a number: '" + cells[c] + "'", e);
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no data rows in " + file);
        }
        double[] values = new double[rows.size() * columns];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * columns, columns);
        }
        return new Table(values, rows.size(), columns);
    }

    private static boolean noneNumeric(String[] cells) {
        for (String c : cells) {
            try {
                Double.parseDouble(c);
                return false;
            } catch (NumberFormatException e) {
                // a header cell
            }
        }
        return true;
    }

    private static Table readNpyTable(Path file) {
        requireFile(file);
        NpyArray array;
        try {
            array = NpyFile.read(file, Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read NPY file " + file + ": " + e.getMessage(), e);
        }
        int[] shape = array.getShape();
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException(file + ": expected a 1D or 2D array, got shape "
                    + java.util.Arrays.toString(shape));
        }
        Object data = array.getData();
        double[] values;
        if (data instanceof double[] d) {
            values = d;
        } else if (data instanceof float[] f) {
            values = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                values[i] = f[i];
            }
        } else {
            throw new IllegalArgumentException(file + ": expected float64 or float32 data, got "
                    + (data == null ? "null" : data.getClass().getSimpleName()));
        }
        int columns = shape.length == 2 ? shape[1] : 1;
        if (columns < 1) {
            throw new IllegalArgumentException(file + ": array has no columns, shape " + java.util.Arrays.toString(shape));
        }
        return new Table(values, shape[0], columns);
    }
}
