// notebook: 03-custom-potential.ipynb
// Single-file program, and the source of notebooks/03-custom-potential.ipynb (notebooks/sync.py generates it).
// Run without Jupyter:  java -cp "solver/target/opsvd.jar:solver/target/lib/*" notebooks/java/CustomPotential.java
// %% [markdown]
// # A custom potential from an expression
//
// Any formula in x, y, z (or x1 … xd) and r = |x| is a potential (parsed by exp4j). Here a 2D double well,
// V = ½(x² − 2)² + ½y², whose two lowest states are the even and odd combinations of the states in the
// two wells: their energy difference is the tunnelling splitting. No exact spectrum is known, so the
// grid solution is the reference.
//
// **Budget.** `STEPS` in the cell marked *Budget* keeps the run short for CI; raise it for real use.
// %%
//! %jars ../solver/target/opsvd.jar ../solver/target/lib/*.jar
import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.operators.potentials.ExpressionPotential;
import org.opsvd.solver.classical.ReferenceOptions;
import org.opsvd.solver.classical.ReferenceSolution;
import org.opsvd.solver.classical.ReferenceSolver;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.train.SolveReference;
// %% end

public class CustomPotential {
  public static void main(String[] args) throws Exception {
    // %% [markdown]
    // ## The potential
    // `OperatorRequest.formula` gives the formula, the dimension and the kinetic coefficient c (½: atomic
    // units); `withHalfWidth` sets the box [−L, L]² that truncates R². A malformed formula fails at once, with
    // the position of the problem:
    // %%
    String FORMULA = "0.5*(x^2-2)^2 + 0.5*y^2";
    Problem problem = OperatorCatalog.build(OperatorRequest.formula(FORMULA, 2, 0.5).withHalfWidth(6.0));
    System.out.println(problem.hamiltonian().describe());
    try {
      new ExpressionPotential("0.5*(x^2-2", 2);
    } catch (IllegalArgumentException e) {
      System.out.println("a typo is caught early:\n" + e.getMessage());
    }
    // %% [markdown]
    // ## Grid reference
    // The potential is a smooth polynomial, neither separable nor central, so the automatic route takes the spectral
    // one: a sine discrete-variable representation (DVR), grown until two grids agree to 1e-10, with Chebyshev-
    // filtered Lanczos on the matrix-free Hamiltonian. The solve below evaluates on that grid.
    // %%
    ReferenceSolution fd = ReferenceSolver.solve(problem, ReferenceOptions.defaults(2, 4));
    System.out.printf(Locale.ROOT, "%s: %s in %.2f s%n", fd.route().cliName(), Arrays.toString(fd.eigenvalues()),
        fd.seconds());
    System.out.printf(Locale.ROOT, "tunnelling splitting E1 - E0 = %.6f%n", fd.eigenvalues()[1] - fd.eigenvalues()[0]);
    // %% [markdown]
    // ## NeuralSVD — **Budget**
    // %%
    int STEPS = 5000;            // e.g. 40_000 for real use
    int[] HIDDEN = {64, 64, 64};
    int L = 4;
    // %%
    SolveBuilder builder = SolveBuilder.of(problem).outputs(L).steps(STEPS).batch(256).hidden(HIDDEN)
        .learningRate(3e-3);
    SolveReference reference = builder.reference();
    NeuralSolver.Result result = builder.solve();
    NeuralSolver.Evaluation eval = result.evaluation();
    System.out.printf(Locale.ROOT, "reference: %s (%s); %d steps in %.1f s%n", reference.kind(),
        reference.fdDescription(), result.outcome().steps(), result.outcome().seconds());
    System.out.printf(Locale.ROOT, "%3s  %14s  %14s  %10s%n", "l", "finite diff.", "NeuralSVD", "rel. error");
    for (int l = 0; l < L; l++) {
      System.out.printf(Locale.ROOT, "%3d  %14.8f  %14.8f  %10.2e%n", l, reference.energies()[l], eval.rayleigh()[l],
          eval.relErrors()[l]);
    }
    System.out.printf(Locale.ROOT, "splitting: finite differences %.5f, NeuralSVD %.5f%n",
        reference.energies()[1] - reference.energies()[0], eval.rayleigh()[1] - eval.rayleigh()[0]);
    // %% [markdown]
    // ## The potential and the two lowest learned states along y = 0
    // ψ_0 is even and ψ_1 odd in x (each up to sign, normalised here on the slice).
    // %%
    int n = (int) Math.round(Math.sqrt(eval.psi().points()));
    double[] points = reference.points();
    double[] xs = new double[n];
    double[][] psi = new double[2][n];
    double[] v = new double[n];
    int iy = n / 2; // the grid row nearest to y = 0
    for (int ix = 0; ix < n; ix++) {
      int i = ix * n + iy;
      xs[ix] = points[2 * i];
      v[ix] = problem.hamiltonian().potential().value(new double[] {points[2 * i], points[2 * i + 1]});
      for (int l = 0; l < 2; l++) psi[l][ix] = eval.psi().value(i, l);
    }
    XYChart chart = new XYChartBuilder().width(640).height(360).title("V(x, 0) and the learned ψ0, ψ1")
        .xAxisTitle("x").yAxisTitle("").build();
    chart.addSeries("V / 4", xs, Arrays.stream(v).map(t -> Math.min(t, 4) / 4).toArray()).setMarker(SeriesMarkers.NONE)
        .setLineColor(Color.GRAY);
    for (int l = 0; l < 2; l++) {
      double max = Arrays.stream(psi[l]).map(Math::abs).max().orElse(1);
      final double s = max;
      chart.addSeries("ψ" + l, xs, Arrays.stream(psi[l]).map(t -> t / s).toArray()).setMarker(SeriesMarkers.NONE);
    }
    display(BitmapEncoder.getBufferedImage(chart));
    // %% end
  }

  /** Without Jupyter: images go to notebooks/target/figures, anything else is printed. */
  static int figures = 0;

  static void display(Object o) throws java.io.IOException {
    if (o instanceof java.awt.image.RenderedImage img) {
      java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("opsvd.figures", "notebooks/target/figures"));
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Path file = dir.resolve("custom-potential-" + (++figures) + ".png");
      javax.imageio.ImageIO.write(img, "png", file.toFile());
      System.out.println("[figure written to " + file + "]");
    } else {
      System.out.println(o);
    }
  }
}
