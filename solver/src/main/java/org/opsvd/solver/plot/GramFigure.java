package org.opsvd.solver.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.opsvd.solver.eval.SampledFunctions;

/**
 * The normalised Gram matrix Ĉ_ij = ⟨ψ̂_i, ψ̂_j⟩_W / (‖ψ̂_i‖_W ‖ψ̂_j‖_W) of the L learned functions on the
 * evaluation quadrature: {@code gram.png} shows |Ĉ_ij| (XChart heat map with its colour bar, 0 … 1, row 0
 * at the top, values printed for L ≤ {@value #VALUES_UP_TO}); {@code gram.csv} holds the signed Ĉ (header
 * {@code psi0,…}, then L rows of L numbers).
 */
public final class GramFigure {

    /** Figure width in pixels. */
    public static final int WIDTH = 620;
    /** Figure height in pixels. */
    public static final int HEIGHT = 540;
    /** Largest L for which the values are printed in the cells. */
    public static final int VALUES_UP_TO = 10;

    private GramFigure() {
    }

    /** Ĉ of the learned functions. */
    public static DMatrixRMaj gram(RunData.Functions f) {
        return SampledFunctions.wrap(f.learned(), f.weights()).normalisedGram();
    }

    /** {@code gram.png} and {@code gram.csv}. */
    public static List<FigureFile> render(RunData.Functions f) {
        DMatrixRMaj c = gram(f);
        return List.of(new FigureFile("gram.png", Images.png(image(c))), new FigureFile("gram.csv", csv(c)));
    }

    static BufferedImage image(DMatrixRMaj c) {
        int l = c.numRows;
        double off = 0;
        for (int i = 0; i < l; i++) for (int j = 0; j < l; j++) if (i != j) off = Math.max(off, Math.abs(c.get(i, j)));
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "|⟨ψi, ψj⟩| of the normalised learned functions (max off-diagonal %.2e)", off))
                .xAxisTitle("j").yAxisTitle("i").build();
        var s = chart.getStyler();
        s.setMin(0);
        s.setMax(1);
        s.setRangeColors(ColorMap.SEQUENTIAL.colors(10));
        s.setShowValue(l <= VALUES_UP_TO);
        s.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setValueFontColor(Color.WHITE);
        s.setHeatMapValueDecimalPattern("0.000");
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotContentSize(1.0);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (int k = 0; k < l; k++) {
            xs.add(k);
            ys.add(l - 1 - k); // rows from the top: y category 0 is drawn at the bottom
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) cells.add(new Number[] {j, l - 1 - i, Math.abs(c.get(i, j))});
        }
        chart.addSeries("|C|", xs, ys, cells);
        return BitmapEncoder.getBufferedImage(chart);
    }

    static byte[] csv(DMatrixRMaj c) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < c.numCols; j++) b.append(j == 0 ? "" : ",").append("psi").append(j);
        b.append('\n');
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < c.numCols; j++) b.append(j == 0 ? "" : ",").append(c.get(i, j));
            b.append('\n');
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
