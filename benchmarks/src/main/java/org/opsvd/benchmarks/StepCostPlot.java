package org.opsvd.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figure and table of {@link DimensionScalingBenchmark} from its JMH JSON results (any number of files, e.g.
 * one per d): a PNG with two log–log panels against d — ms per step (mean ± one standard deviation of the
 * measurement iterations; JMH's 99.9 % half-width, in the table, is much wider with 3 iterations), and the ratios
 * autodiff/forward and fd/forward of the first file, with every file's ratio as a diamond — and, on standard output, the Markdown table of benchmarks/RESULTS.md.
 * Ratios divide scores of the same JSON file (the same JMH run), by mean and by the fastest iteration; where
 * several files hold a score, the figure takes the first in argument order and the table lists each.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.opsvd.benchmarks.StepCostPlot OUT.png IN.json...}
 */
public final class StepCostPlot {

  private static final String[] METHODS = {"forward", "autodiff", "fd"};
  private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

  /**
   * One JMH score (ms/step): mean, JMH's 99.9 % half-width, standard deviation and fastest of the iterations.
   */
  record Score(double mean, double error, double sd, double min) {}

  /** The scores of one JSON file (one JMH run): method → d → score. */
  record Run(String name, Map<String, TreeMap<Integer, Score>> scores) {
    Score get(String method, int d) {
      TreeMap<Integer, Score> byD = scores.get(method);
      return byD == null ? null : byD.get(d);
    }
  }

  private StepCostPlot() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) throw new IllegalArgumentException("usage: StepCostPlot OUT.png IN.json...");
    List<Run> runs = new ArrayList<>();
    for (int f = 1; f < args.length; f++) runs.add(read(new File(args[f])));
    TreeSet<Integer> dims = new TreeSet<>();
    runs.forEach(r -> r.scores().values().forEach(m -> dims.addAll(m.keySet())));
    XYChart time = chart("One training step (B = 512, float32, 128³ softplus, L = d + 1)", "ms / step");
    XYChart ratio = chart("Step cost relative to forward (same JMH run)", "ratio to forward");
    ratio.getStyler().setYAxisMin(1.0);
    time.getStyler().setErrorBarsColorSeriesColor(true);
    for (int k = 0; k < METHODS.length; k++) {
      String method = METHODS[k];
      List<Double> x = new ArrayList<>(), y = new ArrayList<>(), e = new ArrayList<>();
      List<Double> rx = new ArrayList<>(), ry = new ArrayList<>();
      for (int d : dims) {
        // the first file (in argument order) that has the score, and the first that has it with forward
        runs.stream().map(r -> r.get(method, d)).filter(s -> s != null).findFirst().ifPresent(s -> {
          x.add(log2(d));
          y.add(s.mean());
          e.add(Math.min(s.sd(), 0.95 * s.mean())); // log axis: stay above 0
        });
        if (k == 0) continue;
        runs.stream().filter(r -> r.get(method, d) != null && r.get("forward", d) != null).findFirst().ifPresent(r -> {
          rx.add(log2(d));
          ry.add(r.get(method, d).mean() / r.get("forward", d).mean());
        });
      }
      if (!x.isEmpty()) style(time.addSeries(method, x, y, e), COLOURS[k]);
      if (!rx.isEmpty()) style(ratio.addSeries(method + " / forward", rx, ry), COLOURS[k]);
      // every run's ratio as open markers, to show the spread between runs
      List<Double> ax = new ArrayList<>(), ay = new ArrayList<>();
      for (Run r : runs) {
        for (int d : dims) {
          if (k > 0 && r.get(method, d) != null && r.get("forward", d) != null) {
            ax.add(log2(d));
            ay.add(r.get(method, d).mean() / r.get("forward", d).mean());
          }
        }
      }
      if (ax.size() > rx.size()) {
        XYSeries all = ratio.addSeries(method + ", every run", ax, ay);
        all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        all.setMarker(SeriesMarkers.DIAMOND);
        all.setMarkerColor(COLOURS[k]);
      }
    }
    BufferedImage img = new BufferedImage(1280, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.drawImage(BitmapEncoder.getBufferedImage(time), 0, 0, null);
    g.drawImage(BitmapEncoder.getBufferedImage(ratio), 640, 0, null);
    g.dispose();
    File out = new File(args[0]);
    if (out.getParentFile() != null) out.getParentFile().mkdirs();
    ImageIO.write(img, "png", out);
    System.out.print(table(runs, dims));
  }

  private static Run read(File file) throws IOException {
    Map<String, TreeMap<Integer, Score>> scores = new TreeMap<>();
    for (JsonNode r : new ObjectMapper().readTree(file)) {
      if (!r.path("benchmark").asText().endsWith("DimensionScalingBenchmark.step")) continue;
      JsonNode m = r.path("primaryMetric");
      double min = Double.POSITIVE_INFINITY, sum = 0, sum2 = 0;
      int n = 0;
      for (JsonNode fork : m.path("rawData")) {
        for (JsonNode v : fork) {
          min = Math.min(min, v.asDouble());
          sum += v.asDouble();
          sum2 += v.asDouble() * v.asDouble();
          n++;
        }
      }
      double sd = n > 1 ? Math.sqrt(Math.max(0, (sum2 - sum * sum / n) / (n - 1))) : 0;
      scores.computeIfAbsent(r.path("params").path("laplacian").asText(), k -> new TreeMap<>())
          .put(r.path("params").path("dimension").asInt(),
              new Score(m.path("score").asDouble(), m.path("scoreError").asDouble(), sd, min));
    }
    return new Run(file.getName(), scores);
  }

  /**
   * Markdown, one row per d and file: ms/step as mean ± JMH 99.9 % half-width (sd) per method, then the ratios
   * to forward of the same file by mean and by fastest iteration.
   */
  static String table(List<Run> runs, TreeSet<Integer> dims) {
    StringBuilder b = new StringBuilder("| d | L | forward (ms) | autodiff (ms) | fd (ms) | autodiff / forward"
        + " (mean; min) | fd / forward (mean; min) | JSON |\n|---|---|---|---|---|---|---|---|\n");
    for (int d : dims) {
      for (Run run : runs) {
        if (run.scores().values().stream().noneMatch(m -> m.containsKey(d))) continue;
        b.append("| ").append(d).append(" | ").append(d + 1);
        for (String method : METHODS) {
          Score s = run.get(method, d);
          b.append(" | ").append(s == null ? "–" : String.format(Locale.ROOT, "%s ± %s (%s)", fmt(s.mean()),
              fmt(s.error()), fmt(s.sd())));
        }
        Score f = run.get("forward", d);
        for (String method : new String[] {"autodiff", "fd"}) {
          Score s = run.get(method, d);
          b.append(" | ").append(f == null || s == null ? "–" : String.format(Locale.ROOT, "%.1f; %.1f",
              s.mean() / f.mean(), s.min() / f.min()));
        }
        b.append(" | ").append(run.name()).append(" |\n");
      }
    }
    return b.toString();
  }

  private static String fmt(double v) {
    if (!Double.isFinite(v)) return "?";
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }

  private static XYChart chart(String title, String y) {
    XYChart c = new XYChartBuilder().width(640).height(480).title(title).xAxisTitle("dimension d").yAxisTitle(y)
        .build();
    // x = log2 d on a linear axis, labelled with d (XChart labels a log axis by decades only)
    c.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x - Math.rint(x)) < 1e-6 ? String.valueOf(1L << Math.round(x)) : "");
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    return c;
  }

  private static double log2(int d) {
    return Math.log(d) / Math.log(2);
  }

  private static void style(XYSeries s, Color colour) {
    s.setLineColor(colour);
    s.setMarkerColor(colour);
    s.setMarker(SeriesMarkers.CIRCLE);
  }
}
