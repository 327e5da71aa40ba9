package org.opsvd.solver.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A row of heatmaps of real fields f_k sampled at the points of one 2D tensor grid (e.g. an evaluation grid
 * of n × n points, in any order): one square {@link FieldPanel} of {@code pixels} × {@code pixels} per
 * field, so the image is K·pixels wide and {@code pixels} high. Each panel has its own symmetric scale
 * ±max|f_k| over the shown square, in {@link ColorMap#DIVERGING}: red f &gt; 0, white f = 0, blue f &lt; 0.
 */
public final class Heatmaps {

    private Heatmaps() {
    }

    /**
     * The fields {@code fields.get(k)}[i] = f_k(x_i) as a row of heatmaps.
     *
     * @param points    x_i, row-major [N, 2], a tensor grid
     * @param fields    K ≥ 1 fields of N values each
     * @param titles    K panel titles
     * @param halfWidth the panels show the grid points in the square [−halfWidth, halfWidth]²
     *                  ({@link Double#POSITIVE_INFINITY}: all)
     * @param pixels    panel size in pixels
     * @throws IllegalArgumentException if the shapes disagree, the points are no 2D tensor grid, or no grid
     *                                  point lies in the square
     */
    public static BufferedImage row(double[] points, List<double[]> fields, List<String> titles, double halfWidth,
                                    int pixels) {
        if (fields.isEmpty() || titles.size() != fields.size()) {
            throw new IllegalArgumentException(fields.size() + " fields and " + titles.size()
                    + " titles: need at least one field and one title per field");
        }
        int n = fields.get(0).length;
        for (double[] f : fields) {
            if (f.length != n) {
                throw new IllegalArgumentException("fields of " + n + " and " + f.length + " values");
            }
        }
        if (n == 0 || points.length != 2 * n) {
            throw new IllegalArgumentException(points.length + " coordinates are not " + n + " points in 2D");
        }
        if (pixels < 1) {
            throw new IllegalArgumentException("panel size must be positive, got " + pixels);
        }
        TensorGrid grid = TensorGrid.of(points, n, 2)
                .orElseThrow(() -> new IllegalArgumentException("the points are not a 2D tensor grid"));
        int[] xs = inside(grid.axis(0), halfWidth);
        int[] ys = inside(grid.axis(1), halfWidth);
        BufferedImage img = Images.canvas(fields.size() * pixels, pixels);
        Graphics2D g = img.createGraphics();
        try {
            for (int k = 0; k < fields.size(); k++) {
                double[][] field = crop(grid.plane(fields.get(k), 1, 0), xs, ys);
                double scale = 0;
                for (double[] r : field) for (double v : r) if (Math.abs(v) > scale) scale = Math.abs(v);
                if (!(scale > 0)) scale = 1;
                FieldPanel panel = new FieldPanel(titles.get(k), field, slice(grid.axis(0), xs), slice(grid.axis(1), ys),
                        -scale, scale, ColorMap.DIVERGING);
                g.drawImage(panel.render(pixels, pixels), k * pixels, 0, null);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** As {@link #row(double[], List, List, double, int)} with the columns of {@code values} [N, K] as fields. */
    public static BufferedImage row(double[] points, DMatrixRMaj values, List<String> titles, double halfWidth,
                                    int pixels) {
        List<double[]> fields = new ArrayList<>();
        for (int k = 0; k < values.numCols; k++) {
            double[] f = new double[values.numRows];
            for (int i = 0; i < f.length; i++) f[i] = values.get(i, k);
            fields.add(f);
        }
        return row(points, fields, titles, halfWidth, pixels);
    }

    /** First and last index (inclusive) of the coordinates in [−a, a]. */
    private static int[] inside(double[] axis, double a) {
        int first = 0;
        while (first < axis.length && axis[first] < -a) first++;
        int last = axis.length - 1;
        while (last >= 0 && axis[last] > a) last--;
        if (first > last) {
            throw new IllegalArgumentException("no grid point in [−" + a + ", " + a + "] (axis " + axis[0] + " … "
                    + axis[axis.length - 1] + ")");
        }
        return new int[] {first, last};
    }

    private static double[] slice(double[] axis, int[] range) {
        return java.util.Arrays.copyOfRange(axis, range[0], range[1] + 1);
    }

    private static double[][] crop(double[][] field, int[] xs, int[] ys) {
        double[][] out = new double[ys[1] - ys[0] + 1][];
        for (int iy = 0; iy < out.length; iy++) out[iy] = slice(field[ys[0] + iy], xs);
        return out;
    }
}
