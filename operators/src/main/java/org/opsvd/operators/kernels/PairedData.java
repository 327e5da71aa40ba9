package org.opsvd.operators.kernels;

import java.nio.file.Path;
import org.hipparchus.random.RandomGenerator;
import org.opsvd.operators.io.NumericTable;

/**
 * N paired samples (x_i, y_i) ~ p(x,y), x_i ∈ R^{dx}, y_i ∈ R^{dy}: the empirical joint distribution of a
 * canonical-dependence (CDK) problem (method.md §6.1), whose operator is (Tg)(x) = E[g(Y) | X = x].
 * Stored row-major [N, dx] and [N, dy]; immutable (accessors return copies).
 *
 * <p>Files: either two files of N rows each or one file whose first {@code split} columns are x and the
 * rest y, each CSV or NPY as its content says ({@link NumericTable}: the formats, and the refusals, which
 * name the option {@code --pairs}, the file, and the row and column).
 */
public final class PairedData {

    private static final String OPTION = "--pairs";

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

    /** Reads x and y from two files (CSV or NPY each) with one row per sample. */
    public static PairedData read(Path xFile, Path yFile) {
        NumericTable tx = NumericTable.read(xFile, OPTION);
        NumericTable ty = NumericTable.read(yFile, OPTION);
        if (tx.rows() != ty.rows()) {
            throw new IllegalArgumentException(OPTION + ": " + xFile + " has " + tx.rows() + " rows but " + yFile
                    + " has " + ty.rows() + " (one row per pair)");
        }
        return new PairedData(tx.values(), tx.columns(), ty.values(), ty.columns());
    }

    /** Reads one file (CSV or NPY) whose first {@code split} columns are x and the remaining columns y. */
    public static PairedData read(Path file, int split) {
        NumericTable t = NumericTable.read(file, OPTION);
        if (split < 1 || split >= t.columns()) {
            throw new IllegalArgumentException("--split " + split + " for " + OPTION + " " + file + " with "
                    + t.columns() + " column" + (t.columns() == 1 ? "" : "s") + ": must be between 1 and "
                    + (t.columns() - 1) + (t.columns() < 2 ? " (one file of pairs needs x and y columns)" : ""));
        }
        int dy = t.columns() - split;
        double[] xs = new double[t.rows() * split];
        double[] ys = new double[t.rows() * dy];
        for (int i = 0; i < t.rows(); i++) {
            System.arraycopy(t.values(), i * t.columns(), xs, i * split, split);
            System.arraycopy(t.values(), i * t.columns() + split, ys, i * dy, dy);
        }
        return new PairedData(xs, split, ys, dy);
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
}
