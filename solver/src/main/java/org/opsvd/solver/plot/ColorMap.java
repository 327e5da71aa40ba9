package org.opsvd.solver.plot;

import java.awt.Color;

/**
 * A colour map: colours at evenly spaced stops on [0, 1], linearly interpolated in RGB.
 * {@link #DIVERGING} (blue – white – red, after ColorBrewer RdBu) shows signed functions with 0 white;
 * {@link #SEQUENTIAL} (after matplotlib's viridis) shows magnitudes.
 */
public final class ColorMap {

    /** Blue (−1) – white (0) – red (+1). */
    public static final ColorMap DIVERGING = new ColorMap(0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0,
            0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f);
    /** Dark purple (0) – green – yellow (1). */
    public static final ColorMap SEQUENTIAL = new ColorMap(0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
            0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725);

    private final int[] stops;

    private ColorMap(int... stops) {
        this.stops = stops;
    }

    /** The RGB value (0xRRGGBB) at t ∈ [0, 1]; t outside is clamped, NaN is grey. */
    public int rgb(double t) {
        if (Double.isNaN(t)) return 0x808080;
        double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min((int) u, stops.length - 2);
        double f = u - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = mix(a >> 16, b >> 16, f);
        int g = mix(a >> 8, b >> 8, f);
        int bl = mix(a, b, f);
        return r << 16 | g << 8 | bl;
    }

    /** The colour at t ∈ [0, 1]. */
    public Color color(double t) {
        return new Color(rgb(t));
    }

    /** {@code n} ≥ 2 colours evenly spaced from 0 to 1 (e.g. for XChart's heat-map range colours). */
    public Color[] colors(int n) {
        Color[] c = new Color[n];
        for (int i = 0; i < n; i++) c[i] = color(i / (n - 1.0));
        return c;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }
}
