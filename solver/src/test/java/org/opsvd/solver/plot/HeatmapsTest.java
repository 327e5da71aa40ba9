package org.opsvd.solver.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link Heatmaps#row}: K panels of the stated size, red where f &gt; 0, blue where f &lt; 0, the window honoured. */
class HeatmapsTest {

    private static final int N = 20;
    private static final int RED = ColorMap.DIVERGING.rgb(1);
    private static final int BLUE = ColorMap.DIVERGING.rgb(0);

    /** An N × N grid on [−6, 6]² with cell centres, listed x-major as the evaluation grids are. */
    private static double[] grid() {
        double h = 12.0 / N;
        double[] p = new double[2 * N * N];
        for (int ix = 0; ix < N; ix++) {
            for (int iy = 0; iy < N; iy++) {
                p[2 * (ix * N + iy)] = -6 + (ix + 0.5) * h;
                p[2 * (ix * N + iy) + 1] = -6 + (iy + 0.5) * h;
            }
        }
        return p;
    }

    private static double[] field(double[] points, java.util.function.DoubleBinaryOperator f) {
        double[] v = new double[points.length / 2];
        for (int i = 0; i < v.length; i++) v[i] = f.applyAsDouble(points[2 * i], points[2 * i + 1]);
        return v;
    }

    /** Pixels of colour {@code rgb} in panel k of width {@code pixels}. */
    private static int count(BufferedImage img, int k, int pixels, int rgb) {
        int c = 0;
        for (int x = k * pixels; x < (k + 1) * pixels; x++) {
            for (int y = 0; y < img.getHeight(); y++) if ((img.getRGB(x, y) & 0xffffff) == rgb) c++;
        }
        return c;
    }

    @Test
    void positiveIsRedNegativeIsBlueInPanelsOfTheStatedSize() {
        double[] p = grid();
        BufferedImage img = Heatmaps.row(p, List.of(field(p, (x, y) -> 3), field(p, (x, y) -> -0.2)),
                List.of("f = 3", "f = −0.2"), Double.POSITIVE_INFINITY, 150);
        assertEquals(300, img.getWidth());
        assertEquals(150, img.getHeight());
        int area = 150 * 150;
        // each constant field is its own ±max|f|: the whole plot area takes the end colour of its sign
        assertTrue(count(img, 0, 150, RED) > area / 3, "red pixels in panel 0: " + count(img, 0, 150, RED));
        assertEquals(0, count(img, 0, 150, BLUE));
        assertTrue(count(img, 1, 150, BLUE) > area / 3, "blue pixels in panel 1: " + count(img, 1, 150, BLUE));
        assertEquals(0, count(img, 1, 150, RED));
    }

    @Test
    void signsFollowTheFieldAcrossThePanelAndColumnsOfAMatrixAreFields() {
        double[] p = grid();
        // f = x: red on the right of the plot area, blue on the left; g = −y: blue on top (images run top-down)
        double[] fx = field(p, (x, y) -> x);
        double[] gy = field(p, (x, y) -> -y);
        DMatrixRMaj m = new DMatrixRMaj(N * N, 2);
        for (int i = 0; i < N * N; i++) {
            m.set(i, 0, fx[i]);
            m.set(i, 1, gy[i]);
        }
        int s = 200;
        BufferedImage img = Heatmaps.row(p, m, List.of("x", "−y"), Double.POSITIVE_INFINITY, s);
        assertEquals(2 * s, img.getWidth());
        int[] xs = extent(img, 0, s, true);
        int[] ys = extent(img, 1, s, false);
        int mid = s / 2;
        assertTrue(value(img.getRGB(xs[1] - 2, mid)) > 0.8, "right of f = x");
        assertTrue(value(img.getRGB(xs[0] + 2, mid)) < -0.8, "left of f = x");
        assertEquals(0, value(img.getRGB((xs[0] + xs[1]) / 2, mid)), 0.1, "middle of f = x");
        assertTrue(value(img.getRGB(s + mid, ys[0] + 2)) < -0.8, "top of −y");
        assertTrue(value(img.getRGB(s + mid, ys[1] - 2)) > 0.8, "bottom of −y");
    }

    @Test
    void theWindowShowsOnlyTheCentralSquareOnItsOwnScale() {
        double[] p = grid();
        // f = sin(πx/6): −1 at x = −3 (the window's left edge), ≈ 0 near x = −6 (the grid's left edge).
        // Panel 0 (f = x, coloured at both edges) locates the plot area; panel 1 has the same axes.
        List<double[]> fields = List.of(field(p, (x, y) -> x), field(p, (x, y) -> Math.sin(Math.PI * x / 6)));
        List<String> titles = List.of("x", "sin(πx/6)");
        int s = 200;
        BufferedImage all = Heatmaps.row(p, fields, titles, Double.POSITIVE_INFINITY, s);
        BufferedImage window = Heatmaps.row(p, fields, titles, 3, s);
        int[] a = extent(all, 0, s, true);
        int[] w = extent(window, 0, s, true);
        assertEquals(0, value(all.getRGB(s + a[0] + 1, s / 2)), 0.3, "sin(πx/6) at the grid's left edge");
        assertEquals(-1, value(all.getRGB(s + a[0] + (a[1] - a[0]) / 4, s / 2)), 0.1, "sin(πx/6) at x ≈ −3 of [−6, 6]");
        assertTrue(value(window.getRGB(s + w[0] + 2, s / 2)) < -0.8, "sin(πx/6) at the window's left edge x ≈ −3");
        assertEquals(-Math.sqrt(0.5), value(window.getRGB(s + w[0] + (w[1] - w[0]) / 4, s / 2)), 0.1,
                "sin(πx/6) at x ≈ −1.5 of [−3, 3]");
        double[] one = field(p, (x, y) -> 1);
        assertThrows(IllegalArgumentException.class,
                () -> Heatmaps.row(p, List.of(one), List.of("one"), 0.1, s), "no grid point in the window");
    }

    @Test
    void badShapesAreRefused() {
        double[] p = grid();
        double[] f = new double[N * N];
        assertThrows(IllegalArgumentException.class, () -> Heatmaps.row(p, List.of(f), List.of(), 1, 100));
        assertThrows(IllegalArgumentException.class, () -> Heatmaps.row(p, List.of(new double[7]), List.of("a"), 1, 100));
        double[] scattered = p.clone();
        scattered[0] = 0.123; // no longer a tensor grid
        assertThrows(IllegalArgumentException.class, () -> Heatmaps.row(scattered, List.of(f), List.of("a"), 1, 100));
    }

    /** f/max|f| that the colour of a pixel stands for: 2t − 1 for the nearest colour map entry t. */
    private static double value(int rgb) {
        double best = Double.MAX_VALUE;
        double at = Double.NaN;
        for (int k = 0; k <= 1000; k++) {
            int c = ColorMap.DIVERGING.rgb(k / 1000.0);
            double d = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                double diff = ((rgb >> shift) & 0xff) - ((c >> shift) & 0xff);
                d += diff * diff;
            }
            if (d < best) {
                best = d;
                at = k / 1000.0;
            }
        }
        return 2 * at - 1;
    }

    /** Whether a pixel is coloured (not white, grey or black): red and blue differ. */
    private static boolean coloured(int rgb) {
        return Math.abs(((rgb >> 16) & 0xff) - (rgb & 0xff)) > 20;
    }

    /**
     * First and last pixel of the coloured plot area of panel k along the middle row (horizontal) or the
     * middle column (vertical).
     */
    private static int[] extent(BufferedImage img, int k, int s, boolean horizontal) {
        int first = -1;
        int last = -1;
        for (int t = 0; t < s; t++) {
            int rgb = horizontal ? img.getRGB(k * s + t, s / 2 + 7) : img.getRGB(k * s + s / 2 + 7, t);
            if (coloured(rgb)) {
                if (first < 0) first = t;
                last = t;
            }
        }
        assertTrue(first >= 0 && last - first > s / 3, "a coloured plot area in panel " + k);
        return new int[] {first, last};
    }
}
