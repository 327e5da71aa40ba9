// notebook: 01-tour.ipynb
// Single-file program, and the source of notebooks/01-tour.ipynb (notebooks/sync.py generates it).
// Run without Jupyter:  java -cp "solver/target/opsvd.jar:solver/target/lib/*" notebooks/java/Tour.java
// %% [markdown]
// # A tour of opsvd
//
// Define an operator, solve it with the classical grid reference and with NeuralSVD, compare, plot.
//
// The operator is the 2D harmonic oscillator H = −½Δ + ½|x|², whose exact levels are E = n + 1
// (n = 0, 1, 2, … with degeneracy n + 1). Everything here calls the opsvd Java API directly — the same
// calls `opsvd solve` makes.
//
// **Budget.** The cell marked *Budget* keeps the neural solve short (a few thousand steps, about 15 s on
// two CPU cores) so that the notebook runs in CI; raise `STEPS` (e.g. to 40 000) and `HIDDEN` for real use.
// %%
//! %jars ../solver/target/opsvd.jar ../solver/target/lib/*.jar
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.classical.ReferenceOptions;
import org.opsvd.solver.classical.ReferenceSolution;
import org.opsvd.solver.classical.ReferenceSolver;
import org.opsvd.solver.plot.EigenfunctionGallery;
import org.opsvd.solver.plot.RunData;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.train.SolveReference;
import org.opsvd.solver.train.Trainer;
// %% end

public class Tour {
  public static void main(String[] args) throws Exception {
    // %% [markdown]
    // ## 1. The operator
    // `OperatorCatalog` builds the built-in operators (and formula potentials, see the third notebook). A
    // `Problem` is the Hamiltonian −c·Δ + V, the box on which grids are laid, and the exact spectrum when known.
    // %%
    Problem problem = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
    System.out.println(problem.hamiltonian().describe() + " on [-" + problem.halfWidth() + ", "
        + problem.halfWidth() + "]^2");
    System.out.println("exact: " + Arrays.toString(problem.exact().eigenvalues(6)));
    // %% [markdown]
    // ## 2. The classical reference
    // `ReferenceSolver` picks a route (here Kronecker sums of 1D finite-difference problems, since the
    // potential is separable), rounds k up to complete degenerate shells and lines the result up with the
    // exact spectrum.
    // %%
    ReferenceSolution fd = ReferenceSolver.solve(problem, ReferenceOptions.defaults(2, 6));
    System.out.printf(Locale.ROOT, "%s, %d eigenvalues in %.2f s, max rel. error %.2e%n", fd.discretisation(),
        fd.count(), fd.seconds(), fd.maxRelativeError());
    fd.notes().forEach(n -> System.out.println("note: " + n));
    // %% [markdown]
    // ## 3. NeuralSVD
    // `SolveBuilder` resolves the same defaults as `opsvd solve` (sampler, operator mapping T = a(−H) + b,
    // evaluation grid) for everything left unset. **Budget** — raise these for real use:
    // %%
    int STEPS = 5000;          // e.g. 40_000 for a converged solve
    int[] HIDDEN = {64, 64, 64}; // opsvd solve's default is 128, 128, 128
    int L = 6;                 // shells n = 0, 1, 2
    // %%
    SolveBuilder builder = SolveBuilder.of(problem).outputs(L).steps(STEPS).batch(256).hidden(HIDDEN)
        .learningRate(3e-3).evalGrid(100);
    SolveReference reference = builder.reference();
    List<double[]> history = new java.util.ArrayList<>();
    NeuralSolver.Result result = builder.solve(new NeuralSolver.Observer() {
      public void onStep(Trainer.StepRecord step, double[] energies) {
        if (step.step() % 50 == 0) history.add(energies.clone());
      }

      public void onEvaluation(NeuralSolver.Evaluation e) {
      }
    });
    NeuralSolver.Evaluation eval = result.evaluation();
    System.out.printf(Locale.ROOT, "%d steps in %.1f s; mean relative eigenvalue error %.2e%n",
        result.outcome().steps(), result.outcome().seconds(), eval.meanRelativeError());
    if (eval.metrics() != null) {
      System.out.printf(Locale.ROOT, "subspace distance (all modes) %.2e, mean angle distance %.2e%n",
          eval.metrics().subspaceDistanceAll(), eval.metrics().meanAngle());
    }
    // %% [markdown]
    // ## 4. Compare
    // %%
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%3s  %10s  %14s  %14s  %10s  %10s%n",
        "l", "exact", "finite diff.", "NeuralSVD", "FD error", "NN error"));
    for (int l = 0; l < L; l++) {
      double exact = problem.exact().eigenvalues(L)[l];
      table.append(String.format(Locale.ROOT, "%3d  %10.6f  %14.10f  %14.10f  %10.2e  %10.2e%n", l, exact,
          fd.eigenvalues()[l], eval.rayleigh()[l], Math.abs(fd.eigenvalues()[l] - exact) / exact,
          eval.relErrors()[l]));
    }
    System.out.print(table);
    // %% [markdown]
    // ## 5. Plot
    // The energies the network reports while it trains (Rayleigh quotients of the batch, mapped back from T to
    // H) converge to the exact levels (dashed):
    // %%
    XYChart chart = new XYChartBuilder().width(640).height(360).title("NeuralSVD training, 2D oscillator")
        .xAxisTitle("step").yAxisTitle("E").build();
    double[] steps = new double[history.size()];
    for (int i = 0; i < steps.length; i++) steps[i] = 50.0 * i;
    for (int l = 0; l < L; l++) {
      final int k = l;
      double[] e = history.stream().mapToDouble(h -> Math.max(0, Math.min(5, h[k]))).toArray();
      chart.addSeries("E" + l, steps, e).setMarker(SeriesMarkers.NONE);
    }
    for (double level : new double[] {1, 2, 3}) {
      chart.addSeries("exact " + (int) level, new double[] {0, steps[steps.length - 1]}, new double[] {level, level})
          .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
          .setLineStyle(new java.awt.BasicStroke(1f, 0, 0, 1f, new float[] {4f, 4f}, 0f));
    }
    chart.getStyler().setYAxisMin(0.5).setYAxisMax(4.0);
    display(BitmapEncoder.getBufferedImage(chart));
    // %% [markdown]
    // The learned eigenfunctions on the evaluation grid, drawn by `opsvd plot`'s gallery straight from the
    // results in memory (`RunData.Functions.of`, the same values `opsvd solve` writes to a run directory). Per
    // degenerate shell, the exact functions are above the learned ones. Within a shell (l = 1, 2 and
    // l = 3, 4, 5) any rotation of the exact functions is as good (the subspace distance above measures exactly
    // that), so the gallery rotates the learned ones onto the exact ones (orthogonal Procrustes) before drawing;
    // cos is the overlap of each pair.
    // %%
    RunData.Functions functions = RunData.Functions.of(problem, reference, eval);
    List<String> notes = new java.util.ArrayList<>();
    display(EigenfunctionGallery.render(functions, "NeuralSVD vs exact, 2D oscillator", notes)
        .orElseThrow(() -> new IllegalStateException("no gallery: " + notes)));
    // %% end
  }

  /** Without Jupyter: images go to notebooks/target/figures, anything else is printed. */
  static int figures = 0;

  static void display(Object o) throws java.io.IOException {
    if (o instanceof java.awt.image.RenderedImage img) {
      java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("opsvd.figures", "notebooks/target/figures"));
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Path file = dir.resolve("tour-" + (++figures) + ".png");
      javax.imageio.ImageIO.write(img, "png", file.toFile());
      System.out.println("[figure written to " + file + "]");
    } else {
      System.out.println(o);
    }
  }
}
