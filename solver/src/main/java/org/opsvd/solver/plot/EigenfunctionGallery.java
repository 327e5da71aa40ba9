package org.opsvd.solver.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The eigenfunction gallery: learned against reference functions, normalised and aligned within each
 * degenerate group ({@link GroupAlignment}).
 *
 * <ul>
 *   <li>d = 2: heatmaps laid out by degenerate shell as in the NeuralSVD paper — per shell a reference row
 *       above a learned row (shells wider than {@value #MAX_COLUMNS} wrap); modes of an incomplete last
 *       shell, which have no reference, follow as learned-only rows. Each reference/learned pair shares one
 *       symmetric colour scale ±max|ψ| (blue negative, white zero, red positive);</li>
 *   <li>d = 3: the same on the grid plane closest to z = 0;</li>
 *   <li>d = 1: one line plot per mode, reference dashed, learned solid;</li>
 *   <li>d &gt; 3, or points that are no tensor grid (Monte Carlo): no gallery, a note says why (a solve run
 *       evaluated by Monte Carlo in 2D or 3D is drawn from its gallery plane instead, {@link RunData#gallery()}).</li>
 * </ul>
 */
public final class EigenfunctionGallery {

    /** Heatmap panel size in pixels. */
    public static final int PANEL_WIDTH = 240;
    /** Heatmap panel height in pixels (title and a square-ish plot). */
    public static final int PANEL_HEIGHT = 250;
    /** Line panel size (d = 1) in pixels. */
    public static final int LINE_WIDTH = 320;
    /** Line panel height (d = 1) in pixels. */
    public static final int LINE_HEIGHT = 240;
    /** Height of the header (title, caption, colour bar) in pixels. */
    public static final int HEADER_HEIGHT = 50;
    /** Smallest figure width in pixels (room for the header). */
    public static final int MIN_WIDTH = 760;
    /** Most panels in a row. */
    public static final int MAX_COLUMNS = 8;
    /** Line panels per row (d = 1). */
    public static final int LINE_COLUMNS = 4;

    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private EigenfunctionGallery() {
    }

    /** One panel: mode {@code mode} of the reference ({@code reference}) or of the learned set. */
    private record Cell(int mode, boolean reference) {}

    /** The gallery, or empty with the reason added to {@code notes}. */
    public static Optional<BufferedImage> render(RunData.Functions f, String title, List<String> notes) {
        return render(f, f, title, notes);
    }

    /**
     * The gallery of {@code f} (a tensor grid, e.g. a run's gallery plane) with the learned functions aligned as on
     * {@code alignedOn} (the same functions on the run's whole evaluation quadrature): in 3D a plane alone cannot
     * tell a shell's members apart (one odd in z vanishes on z = 0), so the rotation and the printed cosines come
     * from the whole quadrature. Empty, with the reason added to {@code notes}, when nothing can be drawn.
     */
    public static Optional<BufferedImage> render(RunData.Functions f, RunData.Functions alignedOn, String title,
                                                 List<String> notes) {
        int d = f.dimension();
        if (d > 3) {
            notes.add("no eigenfunction gallery for d = " + d + " (only d ≤ 3 is drawn)");
            return Optional.empty();
        }
        Optional<TensorGrid> grid = TensorGrid.of(f.points(), f.size(), d);
        if (grid.isEmpty()) {
            notes.add("no eigenfunction gallery: the evaluation points are not a tensor grid");
            return Optional.empty();
        }
        Display display = Display.of(f, alignedOn);
        return Optional.of(d == 1 ? lines(f, display, grid.get(), title) : heatmaps(f, display, grid.get(), title));
    }

    /** Normalised (and, for the compared modes, aligned) learned functions and normalised references. */
    private record Display(DMatrixRMaj learned, DMatrixRMaj reference, double[] overlaps) {

        /** On a slice of {@code alignedOn} (f ≠ alignedOn), values keep the whole quadrature's unit norms. */
        static Display of(RunData.Functions f, RunData.Functions alignedOn) {
            boolean slice = alignedOn != f && alignedOn.learned().numCols == f.learned().numCols;
            DMatrixRMaj learned = slice ? GroupAlignment.scaled(f.learned(), alignedOn.learned(), alignedOn.weights())
                    : GroupAlignment.normalised(f.learned(), f.weights());
            if (f.reference() == null) return new Display(learned, null, null);
            boolean aligned = slice && alignedOn.reference() != null
                    && alignedOn.reference().numCols == f.reference().numCols;
            RunData.Functions on = aligned ? alignedOn : f;
            GroupAlignment a = GroupAlignment.align(on.learned(), on.reference(), on.weights(), on.groupStarts());
            org.ejml.dense.row.CommonOps_DDRM.insert(aligned ? a.applied(f.learned()) : a.learned(), learned, 0, 0);
            DMatrixRMaj reference = aligned ? GroupAlignment.scaled(f.reference(), on.reference(), on.weights())
                    : a.reference();
            return new Display(learned, reference, a.overlaps());
        }

        int compared() {
            return reference == null ? 0 : reference.numCols;
        }
    }

    /** Rows of cells: per shell, reference row then learned row; then learned-only modes. */
    static List<List<Cell>> layout(int[] groupStarts, int compared, int modes) {
        List<List<Cell>> rows = new ArrayList<>();
        List<List<Integer>> shells = new ArrayList<>();
        for (int g = 0; g < groupStarts.length && groupStarts[g] < Math.max(compared, 1); g++) {
            int end = g + 1 < groupStarts.length ? Math.min(groupStarts[g + 1], compared) : compared;
            if (compared == 0) break;
            List<Integer> shell = new ArrayList<>();
            for (int j = groupStarts[g]; j < end; j++) shell.add(j);
            shells.add(shell);
        }
        for (List<Integer> shell : shells) {
            for (int from = 0; from < shell.size(); from += MAX_COLUMNS) {
                List<Integer> chunk = shell.subList(from, Math.min(shell.size(), from + MAX_COLUMNS));
                rows.add(chunk.stream().map(j -> new Cell(j, true)).toList());
                rows.add(chunk.stream().map(j -> new Cell(j, false)).toList());
            }
        }
        int width = Math.max(5, rows.stream().mapToInt(List::size).max().orElse(0));
        for (int from = compared; from < modes; from += width) {
            List<Cell> row = new ArrayList<>();
            for (int j = from; j < Math.min(modes, from + width); j++) row.add(new Cell(j, false));
            rows.add(row);
        }
        return rows;
    }

    private static BufferedImage heatmaps(RunData.Functions f, Display display, TensorGrid grid, String title) {
        int d = f.dimension();
        int[] fixed = new int[d - 2];
        String slice = "";
        if (d == 3) {
            fixed[0] = grid.nearest(2, 0);
            slice = String.format(Locale.ROOT, " (plane z = %.3g)", grid.axis(2)[fixed[0]]);
        }
        List<List<Cell>> rows = layout(f.groupStarts(), display.compared(), f.modes());
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        BufferedImage img = Images.canvas(Math.max(columns * PANEL_WIDTH, MIN_WIDTH), HEADER_HEIGHT + rows.size() * PANEL_HEIGHT);
        Images.header(img, title + slice, caption(f, display, false));
        Images.colorBar(img, img.getWidth() - 150, 8, 100, 10, ColorMap.DIVERGING, -1, 1);
        double[] xAxis = grid.axis(0);
        double[] yAxis = grid.axis(1);
        Graphics2D g = img.createGraphics();
        try {
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Cell cell = rows.get(r).get(c);
                    double[][] field = plane(grid, cell.reference() ? display.reference() : display.learned(), cell.mode(), fixed);
                    double scale = maxAbs(field);
                    if (cell.mode() < display.compared()) {
                        double[][] other = plane(grid, cell.reference() ? display.learned() : display.reference(),
                                cell.mode(), fixed);
                        scale = Math.max(scale, maxAbs(other));
                    }
                    if (!(scale > 0)) scale = 1;
                    FieldPanel panel = new FieldPanel(cellTitle(f, display, cell), field, xAxis, yAxis, -scale, scale,
                            ColorMap.DIVERGING);
                    g.drawImage(panel.render(PANEL_WIDTH, PANEL_HEIGHT), c * PANEL_WIDTH,
                            HEADER_HEIGHT + r * PANEL_HEIGHT, null);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static BufferedImage lines(RunData.Functions f, Display display, TensorGrid grid, String title) {
        int modes = f.modes();
        int columns = Math.min(modes, LINE_COLUMNS);
        int rows = (modes + columns - 1) / columns;
        BufferedImage img = Images.canvas(Math.max(columns * LINE_WIDTH, MIN_WIDTH), HEADER_HEIGHT + rows * LINE_HEIGHT);
        Images.header(img, title, caption(f, display, true));
        double[] x = grid.axis(0);
        int n = x.length;
        int[] index = grid.indices(); // d = 1: index[i] is the position of point i along x
        Graphics2D g = img.createGraphics();
        try {
            for (int j = 0; j < modes; j++) {
                XYChart chart = new XYChartBuilder().width(LINE_WIDTH).height(LINE_HEIGHT)
                        .title(lineTitle(f, display, j)).xAxisTitle("x").build();
                style(chart);
                if (j < display.compared()) {
                    XYSeries ref = chart.addSeries(referenceName(f), x, sorted(display.reference(), j, index, n));
                    ref.setMarker(SeriesMarkers.NONE);
                    ref.setLineColor(Color.BLACK);
                    ref.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                }
                double[] y = sorted(display.learned(), j, index, n);
                XYSeries lrn = chart.addSeries("learned", x, y);
                lrn.setMarker(SeriesMarkers.NONE);
                lrn.setLineColor(new Color(0xd6604d));
                lrn.setLineWidth(1.5f);
                double top = 0;
                for (XYSeries series : chart.getSeriesMap().values()) {
                    for (double v : series.getYData()) top = Math.max(top, Math.abs(v));
                }
                Ticks.roundTicks(chart, x[0], x[n - 1], -top, top, false);
                g.drawImage(BitmapEncoder.getBufferedImage(chart), (j % columns) * LINE_WIDTH,
                        HEADER_HEIGHT + (j / columns) * LINE_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void style(XYChart chart) {
        var s = chart.getStyler();
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setLegendFont(LEGEND);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartPadding(4);
        s.setPlotGridLinesColor(new Color(0xe0e0e0));
        s.setXAxisDecimalPattern("0.#");
    }

    private static double[] sorted(DMatrixRMaj m, int column, int[] index, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[index[i]] = m.get(i, column);
        return out;
    }

    private static double[][] plane(TensorGrid grid, DMatrixRMaj m, int column, int[] fixed) {
        return grid.plane(m.data, m.numCols, column, fixed);
    }

    private static double maxAbs(double[][] field) {
        double m = 0;
        for (double[] row : field) for (double v : row) if (Math.abs(v) > m) m = Math.abs(v);
        return m;
    }

    private static String referenceName(RunData.Functions f) {
        return "exact".equals(f.referenceKind()) ? "exact" : "finite-diff.";
    }

    private static String cellTitle(RunData.Functions f, Display display, Cell cell) {
        int j = cell.mode();
        if (cell.reference()) {
            return "ψ" + j + " " + referenceName(f) + ", E=" + energy(f.referenceEnergies(), j);
        }
        String e = "ψ" + j + " learned, E=" + energy(f.energies(), j);
        return j < display.compared() ? e + String.format(Locale.ROOT, ", cos=%.4f", display.overlaps()[j]) : e;
    }

    private static String lineTitle(RunData.Functions f, Display display, int j) {
        String e = "ψ" + j + ": E=" + energy(f.energies(), j);
        return j < display.compared() ? e + " (" + referenceName(f) + " " + energy(f.referenceEnergies(), j) + ")"
                + String.format(Locale.ROOT, ", cos=%.4f", display.overlaps()[j]) : e;
    }

    private static String energy(double[] e, int j) {
        return j < e.length && Double.isFinite(e[j]) ? String.format(Locale.ROOT, "%.6g", e[j])
                .replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "") : "?";
    }

    private static String caption(RunData.Functions f, Display display, boolean lines) {
        if (display.compared() == 0) {
            return "learned ψ, L²-normalised (no reference functions in this run)";
        }
        String more = display.compared() < f.modes()
                ? "; modes " + display.compared() + "+ (incomplete shell): learned only" : "";
        if (lines) {
            return "learned (solid) vs " + referenceName(f) + " (dashed), L²-normalised, sign-aligned; cos = ⟨learned, "
                    + "reference⟩" + more;
        }
        return "per shell: " + referenceName(f) + " row, then learned row (Procrustes-aligned within the shell); "
                + "cos = ⟨learned, reference⟩; colour ±max|ψ| per pair" + more;
    }
}
