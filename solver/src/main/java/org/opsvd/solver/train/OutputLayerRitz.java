package org.opsvd.solver.train;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.eval.RayleighRitz;
import org.opsvd.solver.eval.SpanRitz;
import org.opsvd.solver.loss.OperatorShift;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.neural.Precision;

/**
 * The output layer set by Rayleigh–Ritz after training: the network's outputs are f = φ·C, φ the W + 1 functions of
 * its last hidden layer ({@link Mlp#outputFeatures}), so the best L + G functions it can form from the features it has
 * learned are the Ritz functions of H in span(φ) that T = a(−H) + b ranks highest (the lowest energies for a &gt; 0).
 * Stochastic training leaves the output layer short of them: on the 5-D box (cosine mask, 60 000 steps) the
 * features held the ground state to 6e-13 and the five-fold level to 3e-7–1.3e-6, where the trained layer read 1.5e-7
 * and 2.4e-6–6.0e-6.
 *
 * <p>C = ⟨φ, φ⟩ and A = Σ w φ(Hφ)ᵀ are integrated on a fit quadrature ({@link SolveReference#refitRules}: of the
 * evaluation's kind, on other nodes, so the final evaluation never sees the points the layer was fitted on); the
 * unsymmetrised pencil ({@link SpanRitz}, exact for eigenfunctions in the span whatever the points) chooses the L + G
 * dimensional span, symmetric Rayleigh–Ritz inside it ({@link RayleighRitz}) makes the functions orthonormal on the
 * fit rule, and the new layer is kept only if the sum of the L + G Ritz values on a second, held-out quadrature
 * is below the trained layer's (a Ritz value is variational on any quadrature accurate for the functions, so a fit
 * that learned the fit rule's errors rather than H shows up there: 129 features fitted on 2·10⁵ uniform points of
 * the 5-D box read 1.4e-3 below the exact ground state on their own points and 1.7e-3 above it elsewhere).
 * Each Ritz function takes the norm and the sign of the trained output it replaces (on the fit quadrature), so a
 * NeuralSVD output's squared norm still estimates T's eigenvalue as trained, and a plot of it keeps its sign.
 */
public final class OutputLayerRitz {

  /** Points per evaluation call: the W + 1 features' values, gradients and Laplacians at this many points at once. */
  static final int CHUNK = NetworkEvaluator.CHUNK;

  /**
   * What the refinement did.
   *
   * @param parameters the network's parameters with the refined output layer if kept, else the trained ones
   * @param kept       the refined layer was kept
   * @param trainedSum Σ of the trained layer's L + G Ritz values on the held-out quadrature (T's order reversed for a
   *                   &lt; 0: the sum of T's top values, in H's units)
   * @param refinedSum the same for the refined layer
   * @param note       a sentence for the run's notes
   */
  public record Outcome(List<double[]> parameters, boolean kept, double trainedSum, double refinedSum, String note) {}

  private OutputLayerRitz() {
  }

  /**
   * Refines {@code parameters}' output layer (see the class comment). A network without shared features ({@link
   * Mlp#outputFeatures}: disjoint, or envelope scales that training moved apart), or whose features cannot be fitted
   * (non-finite values, a failed decomposition), keeps its layer, with a note saying why.
   *
   * @param rules the fit and held-out quadratures
   */
  static Outcome refine(Mlp network, List<double[]> parameters, LocalOperator operator, SamplingDensity density,
      SolveReference.Quadrature[] rules, OperatorShift shift, Precision precision) {
    try {
      return fit(network, parameters, operator, density, rules, shift, precision);
    } catch (IllegalArgumentException | IllegalStateException failed) {
      // no shared features (envelope scales that training moved apart), non-finite features, a failed decomposition:
      // the trained layer stands, and the solve's results are evaluated from it as without the refinement
      return new Outcome(parameters, false, Double.NaN, Double.NaN, "output layer not refined: " + failed.getMessage());
    }
  }

  private static Outcome fit(Mlp network, List<double[]> parameters, LocalOperator operator, SamplingDensity density,
      SolveReference.Quadrature[] rules, OperatorShift shift, Precision precision) {
    long start = System.nanoTime();
    Mlp features = network.outputFeatures(parameters);
    List<double[]> featureValues = features.parameters().stream().map(p -> p.initial()).toList();
    int n = features.outputs();
    int l = network.outputs();
    DMatrixRMaj[] cq;
    try (LearnedEigenfunctions phi = new LearnedEigenfunctions(features, precision)) {
      cq = grams(phi, featureValues, rules[0], density, operator);
    }
    SpanRitz ritz = SpanRitz.of(cq[0], cq[1]);
    int k = ritz.values().length;
    if (k < l) {
      return new Outcome(parameters, false, Double.NaN, Double.NaN, "output layer not refined: its " + n
          + " features span only " + k + " independent functions on the fit quadrature, fewer than the " + l
          + " outputs");
    }
    boolean lowest = shift.scale() > 0; // T ranks the lowest energies highest
    DMatrixRMaj trained = DMatrixRMaj.wrap(n, l, network.outputLayer(parameters));
    DMatrixRMaj chosen = new DMatrixRMaj(n, l);
    for (int j = 0; j < l; j++) {
      int column = lowest ? j : k - 1 - j;
      for (int i = 0; i < n; i++) chosen.set(i, j, ritz.coefficients().get(i, column));
    }
    // the pencil chose the span; symmetric Rayleigh–Ritz inside it makes the functions orthonormal on the fit rule
    DMatrixRMaj ritzLayer = new DMatrixRMaj(n, l);
    CommonOps_DDRM.mult(chosen, RayleighRitz.of(congruence(chosen, cq[0]), congruence(chosen, cq[1])).rotation(),
        ritzLayer);
    // each Ritz function (unit norm) takes the trained output's norm and sign: NeuralSVD's norms estimate T's eigenvalues
    DMatrixRMaj gramTrained = new DMatrixRMaj(n, l);
    CommonOps_DDRM.mult(cq[0], trained, gramTrained);
    DMatrixRMaj norms = new DMatrixRMaj(l, l);
    DMatrixRMaj overlaps = new DMatrixRMaj(l, l);
    CommonOps_DDRM.multTransA(trained, gramTrained, norms);
    CommonOps_DDRM.multTransA(ritzLayer, gramTrained, overlaps);
    double[] coefficients = new double[n * l];
    for (int j = 0; j < l; j++) {
      double factor = Math.copySign(Math.sqrt(Math.max(norms.get(j, j), 0)), overlaps.get(j, j));
      for (int i = 0; i < n; i++) coefficients[i * l + j] = factor * ritzLayer.get(i, j);
    }
    List<double[]> refined = network.withOutputLayer(parameters, coefficients);
    SolveReference.Quadrature heldOut = rules[1];
    double before;
    double after;
    try (LearnedEigenfunctions f = new LearnedEigenfunctions(network, precision)) {
      before = ritzSum(grams(f, parameters, heldOut, density, operator));
      after = ritzSum(grams(f, refined, heldOut, density, operator));
    }
    boolean kept = lowest ? after < before : after > before;
    String sums = String.format(java.util.Locale.ROOT, "the sum of the %d Ritz values on %s went %.10g → %.10g; %.0f s",
        l, heldOut.description(), before, after, (System.nanoTime() - start) / 1e9);
    String note = kept
        ? "output layer refined by Rayleigh–Ritz over its " + n + " features on " + rules[0].description() + "; " + sums
        : "output layer kept as trained: Rayleigh–Ritz over its " + n + " features on " + rules[0].description()
            + " did not improve it on points it did not see (" + sums + ")";
    return new Outcome(kept ? refined : parameters, kept, before, after, note);
  }

  /** C = ⟨ψ, ψ⟩ and Q = ⟨ψ, Hψ⟩ of {@code f}'s outputs on a quadrature, summed over chunks of {@value #CHUNK} points. */
  private static DMatrixRMaj[] grams(LearnedEigenfunctions f, List<double[]> parameters,
      SolveReference.Quadrature rule, SamplingDensity density, LocalOperator operator) {
    int d = operator.dimension();
    DMatrixRMaj c = null;
    DMatrixRMaj q = null;
    for (int start = 0; start < rule.weights().length; start += CHUNK) {
      int end = Math.min(start + CHUNK, rule.weights().length);
      LearnedEigenfunctions.Sampled s = f.sample(parameters, Arrays.copyOfRange(rule.points(), start * d, end * d),
          Arrays.copyOfRange(rule.weights(), start, end), density, operator);
      DMatrixRMaj chunkC = s.psi().gram();
      DMatrixRMaj chunkQ = s.psi().crossGram(s.hamiltonianPsi());
      if (c == null) {
        c = chunkC;
        q = chunkQ;
      } else {
        CommonOps_DDRM.addEquals(c, chunkC);
        CommonOps_DDRM.addEquals(q, chunkQ);
      }
    }
    return new DMatrixRMaj[] {c, q};
  }

  /** VᵀMV. */
  private static DMatrixRMaj congruence(DMatrixRMaj v, DMatrixRMaj m) {
    DMatrixRMaj mv = new DMatrixRMaj(m.numRows, v.numCols);
    DMatrixRMaj out = new DMatrixRMaj(v.numCols, v.numCols);
    CommonOps_DDRM.mult(m, v, mv);
    CommonOps_DDRM.multTransA(v, mv, out);
    return out;
  }

  private static double ritzSum(DMatrixRMaj[] cq) {
    double sum = 0;
    for (double v : RayleighRitz.of(cq[0], cq[1]).ritzValues()) sum += v;
    return sum;
  }
}
