package org.opsvd.solver.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves from {@code history.csv} and {@code evaluations.csv}, each figure two XChart panels side
 * by side — against the step and against the training wall time in seconds:
 * <ul>
 *   <li>{@code errors.png} (log y, legend on the right): the mean relative eigenvalue (singular-value) error
 *       of each evaluation ("mean rel. err."), the subspace distances of the evaluations, and, when the reference values are known (summary.json),
 *       the per-mode relative errors |E_l − E_l^ref|/|E_l^ref| of the noisy batch estimates in the history,
 *       averaged over blocks of steps so that at most {@value #POINTS} points are drawn per curve;</li>
 *   <li>{@code loss.png} (linear y, which the NeuralSVD loss needs: it is negative): the logged loss,
 *       block-averaged the same way; the y range leaves out the first 5 % of the steps (the initial
 *       transient) so that the converged part is readable.</li>
 * </ul>
 * Non-finite values, and non-positive ones on log axes, are left out.
 */
public final class CurveFigures {

    /** Width of one panel in pixels (a figure is two panels wide). */
    public static final int PANEL_WIDTH = 640;
    /** Height of a figure in pixels. */
    public static final int HEIGHT = 440;
    /** Most points drawn per history curve. */
    public static final int POINTS = 600;
    /** Per-mode curve colours (matplotlib's tab10). */
    static final Color[] MODE_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    /** Most per-mode curves that get a legend entry. */
    private static final int LEGEND_MODES = 8;

    private CurveFigures() {
    }

    /** {@code errors.png} and {@code loss.png}. */
    public static List<FigureFile> render(RunData run) {
        return List.of(new FigureFile("errors.png", Images.png(pair(run, true))),
                new FigureFile("loss.png", Images.png(pair(run, false))));
    }

    private static BufferedImage pair(RunData run, boolean errors) {
        BufferedImage img = Images.canvas(2 * PANEL_WIDTH, HEIGHT);
        Graphics2D g = img.createGraphics();
        try {
            for (int p = 0; p < 2; p++) {
                String x = p == 0 ? "step" : "seconds";
                XYChart chart = errors ? errors(run, x) : loss(run, x);
                g.drawImage(BitmapEncoder.getBufferedImage(chart), p * PANEL_WIDTH, 0, null);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static XYChart errors(RunData run, String x) {
        RunData.Kind kind = run.kind();
        XYChart chart = chart(run.title(45) + " — " + kind.quantity() + " error",
                x.equals("step") ? "step" : "training time (s)", "relative error / distance", true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        double[] reference = run.summary() == null ? new double[0]
                : RunData.doubles(run.summary().get(kind == RunData.Kind.SOLVE ? "reference" : "exact"));
        CsvTable h = run.history();
        List<String> modes = h.indexed(kind.prefix());
        int shown = 0;
        for (int l = 0; l < modes.size() && l < reference.length; l++) {
            double ref = reference[l];
            if (!(ref != 0) || !Double.isFinite(ref)) continue;
            double[] est = h.column(modes.get(l));
            double[] err = new double[est.length];
            for (int i = 0; i < est.length; i++) err[i] = Math.abs(est[i] - ref) / Math.abs(ref);
            XYSeries s = add(chart, kind.symbol() + l + " batch", blocks(h.column(x)), blocks(err), true);
            if (s != null) {
                s.setLineWidth(1f);
                s.setLineColor(MODE_COLOURS[l % MODE_COLOURS.length]);
                s.setShowInLegend(modes.size() <= LEGEND_MODES);
                shown++;
            }
        }
        CsvTable e = run.evaluations();
        double[] ex = e.column(x);
        XYSeries mean = add(chart, "mean rel. err.", ex, e.column("mean_rel_error"), true);
        if (mean != null) {
            mean.setLineColor(Color.BLACK);
            mean.setMarkerColor(Color.BLACK);
            mean.setMarker(SeriesMarkers.CIRCLE);
            mean.setLineWidth(2.5f);
        }
        String[][] distances = kind == RunData.Kind.SOLVE
                ? new String[][] {{"subspace_dist_all", "subspace dist."}}
                : new String[][] {{"left_subspace_dist_all", "left subsp. dist."},
                                  {"right_subspace_dist_all", "right subsp. dist."},
                                  {"mean_ritz_rel_error", "mean rel. err. (Ritz)"}};
        Color[] colours = {new Color(0x555555), new Color(0x999999), new Color(0x1F77B4)};
        for (int k = 0; k < distances.length; k++) {
            if (!e.has(distances[k][0])) continue;
            XYSeries s = add(chart, distances[k][1], ex, e.column(distances[k][0]), true);
            if (s != null) {
                s.setLineColor(colours[k]);
                s.setMarkerColor(colours[k]);
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        if (shown > LEGEND_MODES || shown > 0 && modes.size() > LEGEND_MODES) {
            chart.setTitle(chart.getTitle() + " (thin: " + shown + " per-mode batch errors)");
        }
        return finish(chart);
    }

    private static XYChart loss(RunData run, String x) {
        XYChart chart = chart(run.title(45) + " — loss", x.equals("step") ? "step" : "training time (s)", "loss", false);
        CsvTable h = run.history();
        double[] loss = h.column("loss");
        XYSeries s = add(chart, "loss (block mean)", blocks(h.column(x)), blocks(loss), false);
        if (s != null) {
            s.setLineColor(new Color(0x2166ac));
            s.setLineWidth(1.5f);
            double[] tail = Arrays.stream(loss, loss.length / 20, loss.length).filter(Double::isFinite).toArray();
            double[] all = Arrays.stream(blocks(loss)).filter(Double::isFinite).toArray();
            double lo = Arrays.stream(tail).min().orElse(0);
            double hi = Arrays.stream(tail).max().orElse(1);
            double blockLo = Arrays.stream(all).min().orElse(lo);
            lo = Math.min(lo, blockLo);
            double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-12, Math.abs(hi) * 0.05);
            double big = Math.max(Math.abs(lo), Math.abs(hi));
            chart.getStyler().setYAxisDecimalPattern(big >= 1e-2 && big < 1e5 ? "#,##0.####" : "0.##E0");
            chart.getStyler().setYAxisMin(lo - pad);
            chart.getStyler().setYAxisMax(hi + pad);
        }
        return finish(chart);
    }

    private static XYChart chart(String title, String xTitle, String yTitle, boolean log) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        var s = chart.getStyler();
        s.setYAxisLogarithmic(log);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xe0e0e0));
        s.setMarkerSize(5);
        s.setXAxisDecimalPattern("#,##0.##");
        s.setSeriesLines(new BasicStroke[] {SeriesLines.SOLID});
        s.setSeriesMarkers(new org.knowm.xchart.style.markers.Marker[] {SeriesMarkers.NONE});
        return chart;
    }

    /**
     * Round axis ticks ({@link Ticks}) over the data's extent; a chart without data keeps a placeholder
     * series so that XChart can draw its axes.
     */
    private static XYChart finish(XYChart chart) {
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] y = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : s.getXData()) {
                x[0] = Math.min(x[0], v);
                x[1] = Math.max(x[1], v);
            }
            for (double v : s.getYData()) {
                y[0] = Math.min(y[0], v);
                y[1] = Math.max(y[1], v);
            }
        }
        if (x[1] > x[0] && y[1] >= y[0]) {
            Ticks.roundTicks(chart, x[0], x[1], y[0], y[1], chart.getStyler().isYAxisLogarithmic());
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.getStyler().setYAxisLogarithmic(false);
            chart.setTitle(chart.getTitle() + " (no data yet)");
            XYSeries s = chart.addSeries("no data", new double[] {0, 1}, new double[] {0, 1});
            s.setLineStyle(SeriesLines.NONE);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        return chart;
    }

    /** Adds the finite (and, on log axes, positive) points; null when none are left. */
    private static XYSeries add(XYChart chart, String name, double[] x, double[] y, boolean log) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!log || y[i] > 0)) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        return xs.isEmpty() ? null : chart.addSeries(name, xs, ys);
    }

    /** Means over consecutive blocks so that at most {@link #POINTS} remain (NaNs ignored). */
    static double[] blocks(double[] v) {
        int size = Math.max(1, (v.length + POINTS - 1) / POINTS);
        if (size == 1) return v.clone();
        double[] out = new double[(v.length + size - 1) / size];
        for (int b = 0; b < out.length; b++) {
            double s = 0;
            int count = 0;
            for (int i = b * size; i < Math.min(v.length, (b + 1) * size); i++) {
                if (Double.isFinite(v[i])) {
                    s += v[i];
                    count++;
                }
            }
            out[b] = count == 0 ? Double.NaN : s / count;
        }
        return out;
    }
}
