// notebook: 02-hydrogen-2d.ipynb
// Single-file program, and the source of notebooks/02-hydrogen-2d.ipynb (notebooks/sync.py generates it).
// Run without Jupyter:  java -cp "solver/target/opsvd.jar:solver/target/lib/*" notebooks/java/Hydrogen2D.java
// %% [markdown]
// # 2D hydrogen, as in the NeuralSVD paper
//
// H = −½Δ − 1/|x| in two dimensions. The exact levels are E_n = −1/(2(n − ½)²), n = 1, 2, …, with
// degeneracy 2n − 1: −2, then −2/9 three times, then −2/25 five times. The Coulomb singularity and the slow
// decay of the excited states make this the hard case of the paper.
//
// **Budget.** The cell marked *Budget* keeps the solve at a few thousand steps (about 15 s) so the notebook
// runs in CI. At this budget the learned energies are off by several to tens of percent (the ground state's
// cusp at r = 0 is the hardest part) — this notebook shows the workflow, not a converged result. Raise
// `STEPS` (e.g. 60 000) and `HIDDEN` for real use; the project README lists what accuracy 2D hydrogen
// reaches so far.
// %%
//! %jars ../solver/target/opsvd.jar ../solver/target/lib/*.jar
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.classical.ReferenceOptions;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.classical.ReferenceSolution;
import org.opsvd.solver.classical.ReferenceSolver;
import org.opsvd.solver.plot.Heatmaps;
import org.opsvd.solver.plot.RunData;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SolveReference;
// %% end

public class Hydrogen2D {
  public static void main(String[] args) throws Exception {
    // %% [markdown]
    // ## The operator and its references
    // The box only truncates R²; 15 bohr holds the n = 1, 2 states (they decay like e^{−2r/(2n−1)}). The
    // classical reference is radial: one 1D finite-volume problem per angular momentum m, which resolves the
    // singularity far better than a Cartesian grid.
    // %%
    Problem problem = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5).withHalfWidth(15.0));
    ReferenceSolution fd = ReferenceSolver.solve(problem, ReferenceOptions.defaults(2, 4));
    System.out.println(problem.hamiltonian().describe());
    System.out.println("exact:  " + Arrays.toString(problem.exact().eigenvalues(4)));
    System.out.printf(Locale.ROOT, "radial: %s%n        (%s, max rel. error %.1e)%n", Arrays.toString(fd.eigenvalues()),
        fd.discretisation(), fd.maxRelativeError());
    // %% [markdown]
    // ## NeuralSVD — **Budget**
    // The Coulomb recipe (see `experiments/hydrogen2d-tuned/` and benchmarks/RESULTS.md): a cusp factor
    // exp(−2r/(1+2r)) on every output cancels the −1/r singularity of the local energy at the nucleus; a
    // mixture of Gaussians (std s/16, s/4, s) samples the nucleus and the outer shell; one small network per
    // eigenfunction (disjoint) lets Adam scale each function's updates separately.
    // %%
    int STEPS = 6000;            // e.g. 60_000 for real use
    int[] HIDDEN = {32, 32};     // per eigenfunction; the tuned L = 16 recipe uses 64, 64
    int L = 4;                   // shells n = 1 and n = 2
    // %%
    SolveBuilder builder = SolveBuilder.of(problem).outputs(L).steps(STEPS).batch(256).hidden(HIDDEN)
        .parametrisation(Parametrisation.DISJOINT).fourier(32, 0.2).cusp(2.0).sampler(SamplingDensity.Kind.MIXTURE, 8.0)
        .learningRate(2e-3).evalGrid(500);   // h = 0.06: the 1s cusp needs a fine quadrature
    SolveReference reference = builder.reference();
    NeuralSolver.Result result = builder.solve();
    NeuralSolver.Evaluation eval = result.evaluation();
    System.out.printf(Locale.ROOT, "%d steps in %.1f s, evaluated on %s%n", result.outcome().steps(),
        result.outcome().seconds(), reference.quadrature());
    System.out.printf(Locale.ROOT, "%3s  %10s  %12s  %12s  %10s%n", "l", "exact", "radial FD", "NeuralSVD", "NN error");
    for (int l = 0; l < L; l++) {
      System.out.printf(Locale.ROOT, "%3d  %10.6f  %12.8f  %12.6f  %10.2e%n", l, reference.exact()[l],
          fd.eigenvalues()[l], eval.rayleigh()[l], eval.relErrors()[l]);
    }
    if (eval.metrics() != null) {
      System.out.printf(Locale.ROOT, "subspace distance (all %d modes) %.2e%n", eval.metrics().modes(),
          eval.metrics().subspaceDistanceAll());
    }
    // %% [markdown]
    // ## The eigenfunctions
    // Top row: the learned ψ_0 … ψ_3 on the evaluation grid (central 18 × 18 bohr). Bottom row: the exact
    // ones (1s, then the n = 2 shell with m = −1, 0, 1) on the same grid, from the reference the solve was
    // checked against; within the n = 2 shell the network may return any rotation of them. `RunData.Functions`
    // holds the solve's functions in memory as `opsvd plot` reads them from a run directory; `Heatmaps.row`
    // draws fields on a 2D grid (red > 0, blue < 0, each panel on its own scale ±max|ψ|).
    // %%
    RunData.Functions functions = RunData.Functions.of(problem, reference, eval);
    List<String> learnedTitles = new java.util.ArrayList<>();
    List<String> exactTitles = new java.util.ArrayList<>();
    for (int l = 0; l < L; l++) {
      learnedTitles.add(String.format(Locale.ROOT, "ψ%d learned, E = %.4f", l, functions.energies()[l]));
      exactTitles.add(String.format(Locale.ROOT, "ψ%d exact, E = %.4f", l, functions.referenceEnergies()[l]));
    }
    display(Heatmaps.row(functions.points(), functions.learned(), learnedTitles, 9.0, 220));
    display(Heatmaps.row(functions.points(), functions.reference(), exactTitles, 9.0, 220));
    // %% end
  }

  /** Without Jupyter: images go to notebooks/target/figures, anything else is printed. */
  static int figures = 0;

  static void display(Object o) throws java.io.IOException {
    if (o instanceof java.awt.image.RenderedImage img) {
      java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("opsvd.figures", "notebooks/target/figures"));
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Path file = dir.resolve("hydrogen-2d-" + (++figures) + ".png");
      javax.imageio.ImageIO.write(img, "png", file.toFile());
      System.out.println("[figure written to " + file + "]");
    } else {
      System.out.println(o);
    }
  }
}
