package org.opsvd.solver.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Implied timescales t_k = −τ/ln σ_k against the lag τ, one curve per mode k = 1 … L: solid with markers from
 * the Ritz singular values, dashed from ‖f_k‖‖g_k‖. For Markovian dynamics the curves are flat at 1/|ν_k|; a rise
 * with τ at small lags is the usual sign of an estimate not yet converged in τ. Non-finite timescales (σ ∉ (0, 1))
 * are left out. One colour per mode, as in the training curves.
 */
public final class TimescaleFigure {

    private TimescaleFigure() {
    }

    /**
     * {@code implied_timescales.csv}: one row per lag and mode, columns {@code lag,k,t,ritz_t} (empty where
     * not finite or not known).
     *
     * @param lags the lags τ_i
     * @param t    per lag, t_k from ‖f‖‖g‖ (length L)
     * @param ritz per lag, t_k from the Ritz σ, or null
     */
    public static String csv(double[] lags, List<double[]> t, List<double[]> ritz) {
        StringBuilder s = new StringBuilder("lag,k,t,ritz_t\n");
        for (int i = 0; i < lags.length; i++) {
            for (int k = 0; k < t.get(i).length; k++) {
                s.append(String.format(Locale.ROOT, "%s,%d,%s,%s%n", lags[i], k + 1, cell(t.get(i)[k]),
                        ritz.get(i) == null ? "" : cell(ritz.get(i)[k])));
            }
        }
        return s.toString();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** {@code implied_timescales.png}: the same numbers as {@link #csv}. */
    public static byte[] png(double[] lags, List<double[]> t, List<double[]> ritz) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title("Implied timescales t_k = -τ/ln σ_k")
                .xAxisTitle("lag τ").yAxisTitle("t_k").build();
        var style = chart.getStyler();
        style.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        style.setLegendPosition(Styler.LegendPosition.OutsideE);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(0xe0e0e0));
        int modes = t.isEmpty() ? 0 : t.get(0).length;
        for (int k = 0; k < modes; k++) {
            XYSeries ritzSeries = series(chart, "k = " + (k + 1) + " (Ritz σ)", lags, ritz, k);
            Color colour = CurveFigures.MODE_COLOURS[k % CurveFigures.MODE_COLOURS.length];
            if (ritzSeries != null) {
                ritzSeries.setMarker(SeriesMarkers.CIRCLE);
                ritzSeries.setLineColor(colour);
                ritzSeries.setMarkerColor(colour);
            }
            XYSeries normSeries = series(chart, "k = " + (k + 1) + " (‖f‖‖g‖)", lags, t, k);
            if (normSeries != null) {
                normSeries.setLineStyle(SeriesLines.DASH_DASH);
                normSeries.setMarker(SeriesMarkers.NONE);
                normSeries.setLineColor(colour);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.setTitle(chart.getTitle() + " (no finite timescale)");
            chart.addSeries("none", new double[] {0, 1}, new double[] {0, 1}).setShowInLegend(false);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Mode k's finite timescales over the lags, or null when none (or no values at all). */
    private static XYSeries series(XYChart chart, String name, double[] lags, List<double[]> values, int k) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < lags.length; i++) {
            double[] v = values.get(i);
            if (v != null && Double.isFinite(v[k]) && v[k] > 0) {
                x.add(lags[i]);
                y.add(v[k]);
            }
        }
        return x.isEmpty() ? null : chart.addSeries(name, x, y);
    }
}
