package org.opsvd.solver.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart 3.8 puts one tick at every data value when an axis's values are equally spaced (grid points, step
 * numbers), which crowds or blanks the axis; a hidden, unevenly spaced series inside the data's extent
 * makes it choose round ticks instead.
 */
final class Ticks {

    private Ticks() {
    }

    /** Adds the hidden series over [x0, x1] × [y0, y1] (y0, y1 &gt; 0 on a log axis: spaced geometrically). */
    static void roundTicks(XYChart chart, double x0, double x1, double y0, double y1, boolean logY) {
        double[] f = {0, 0.37, 1};
        double[] x = new double[3];
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            x[i] = x0 + f[i] * (x1 - x0);
            y[i] = logY ? y0 * Math.pow(y1 / y0, f[i]) : y0 + f[i] * (y1 - y0);
        }
        XYSeries s = chart.addSeries("\u200b", x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.NONE);
        s.setShowInLegend(false);
    }
}
