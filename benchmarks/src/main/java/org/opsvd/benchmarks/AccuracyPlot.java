package org.opsvd.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy against dimension (issue 14, item 4) from finished solve run directories: a log–log PNG of the mean
 * relative eigenvalue error and the subspace distance (all) against d, and on standard output the Markdown table of
 * benchmarks/RESULTS.md (d, L, steps, seconds, both metrics, exact levels inside their intervals).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.opsvd.benchmarks.AccuracyPlot OUT.png RUN_DIR...}
 */
public final class AccuracyPlot {

  /** One run's numbers from its {@code summary.json}. */
  record Row(int d, int l, int steps, double seconds, double error, double subspace, int inside, int modes) {}

  private AccuracyPlot() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) throw new IllegalArgumentException("usage: AccuracyPlot OUT.png RUN_DIR...");
    List<Row> rows = new ArrayList<>();
    for (int k = 1; k < args.length; k++) rows.add(read(new File(args[k], "summary.json")));
    rows.sort(Comparator.comparingInt(Row::d));
    System.out.println("| d | L | steps | s | mean rel. eigenvalue error | subspace distance (all) | exact levels inside "
        + "their intervals |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f | %.2e | %.2e | %d/%d |%n", r.d(), r.l(), r.steps(),
          r.seconds(), r.error(), r.subspace(), r.inside(), r.modes());
    }
    XYChart c = new XYChartBuilder().width(640).height(480).title("accuracy against dimension (defaults)")
        .xAxisTitle("dimension d").yAxisTitle("error").build();
    c.getStyler().setXAxisLogarithmic(true);
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    double[] x = rows.stream().mapToDouble(Row::d).toArray();
    style(c.addSeries("mean relative eigenvalue error", x, rows.stream().mapToDouble(Row::error).toArray()),
        new Color(0x1f77b4));
    style(c.addSeries("subspace distance (all)", x, rows.stream().mapToDouble(Row::subspace).toArray()),
        new Color(0xd62728));
    BitmapEncoder.saveBitmap(c, args[0].replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void style(XYSeries s, Color colour) {
    s.setLineColor(colour);
    s.setMarkerColor(colour);
    s.setMarker(SeriesMarkers.CIRCLE);
  }

  static Row read(File summary) throws IOException {
    JsonNode s = new ObjectMapper().readTree(summary);
    JsonNode config = s.get("config");
    JsonNode exact = s.get("exact");
    JsonNode intervals = s.get("eigenvalue_intervals");
    int modes = config.get("outputs").asInt();
    int inside = 0;
    for (int k = 0; k < modes && exact != null && exact.size() > k && intervals.size() > k; k++) {
      double e = exact.get(k).asDouble();
      if (intervals.get(k).get(0).asDouble() <= e && e <= intervals.get(k).get(1).asDouble()) inside++;
    }
    JsonNode metrics = s.get("metrics");
    return new Row(config.get("dimension").asInt(), modes, s.get("steps").asInt(), s.get("seconds").asDouble(),
        metrics.get("rel_eigval_error").asDouble(), metrics.get("subspace_dist_all").asDouble(), inside, modes);
  }
}
