package org.opsvd.solver.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * One heatmap panel of a 2D field on a tensor grid. XChart draws the frame, the axes, the ticks and the
 * title (an {@link XYChart} with a hidden series spanning the field's extent, see {@link Ticks}); the colour field is a
 * {@link BufferedImage} coloured here by a {@link ColorMap} (one pixel per grid cell, scaled bilinearly into
 * XChart's plot area), because XChart's own {@code HeatMapChart} draws every cell as a shape with a
 * categorical axis tick, which is slow and unreadable for 10⁴–10⁵ cells.
 *
 * @param title  panel title
 * @param field  values {@code field[iy][ix]} (NaN: grey)
 * @param xAxis  cell-centre x coordinates, ascending (length = columns)
 * @param yAxis  cell-centre y coordinates, ascending (length = rows)
 * @param low    value drawn with colour 0
 * @param high   value drawn with colour 1
 * @param colors the colour map
 */
public record FieldPanel(String title, double[][] field, double[] xAxis, double[] yAxis, double low, double high,
                         ColorMap colors) {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

    public FieldPanel {
        if (field.length != yAxis.length || field.length == 0 || field[0].length != xAxis.length) {
            throw new IllegalArgumentException("field of " + field.length + " rows does not match axes of "
                    + xAxis.length + " × " + yAxis.length + " points");
        }
        double[][] copy = new double[field.length][];
        for (int i = 0; i < field.length; i++) copy[i] = field[i].clone();
        field = copy;
        xAxis = xAxis.clone();
        yAxis = yAxis.clone();
    }

    /** The panel as an image of {@code width} × {@code height} pixels. */
    public BufferedImage render(int width, int height) {
        double[] xr = extent(xAxis);
        double[] yr = extent(yAxis);
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).build();
        var s = chart.getStyler();
        s.setLegendVisible(false);
        s.setChartTitleFont(TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setChartPadding(4);
        s.setChartTitlePadding(3);
        s.setPlotMargin(0);
        s.setPlotContentSize(1.0);
        s.setPlotGridLinesVisible(false);
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);
        s.setYAxisMin(yr[0]);
        s.setYAxisMax(yr[1]);
        s.setXAxisDecimalPattern("0.#");
        s.setYAxisDecimalPattern("0.#");
        Ticks.roundTicks(chart, xr[0], xr[1], yr[0], yr[1], false);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            chart.paint(g, width, height);
            int x0 = (int) Math.round(chart.getScreenXFromChart(xr[0]));
            int x1 = (int) Math.round(chart.getScreenXFromChart(xr[1]));
            int y0 = (int) Math.round(chart.getScreenYFromChart(yr[1]));
            int y1 = (int) Math.round(chart.getScreenYFromChart(yr[0]));
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image(), x0, y0, x1 - x0, y1 - y0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The field as an image, one pixel per cell, largest y on top. */
    BufferedImage image() {
        int rows = field.length;
        int cols = field[0].length;
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        double span = high - low;
        for (int iy = 0; iy < rows; iy++) {
            for (int ix = 0; ix < cols; ix++) {
                double v = field[iy][ix];
                img.setRGB(ix, rows - 1 - iy, colors.rgb(span > 0 ? (v - low) / span : 0.5));
            }
        }
        return img;
    }

    /** [first − h/2, last + h/2] for cell centres spaced h (a single point: ±½). */
    private static double[] extent(double[] axis) {
        int n = axis.length;
        double h = n > 1 ? (axis[n - 1] - axis[0]) / (n - 1) : 1;
        return new double[] {axis[0] - h / 2, axis[n - 1] + h / 2};
    }
}
