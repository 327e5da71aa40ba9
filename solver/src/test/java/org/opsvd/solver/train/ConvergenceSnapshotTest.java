package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.operators.spectra.ExactEigenbasis;
import org.opsvd.solver.eval.EigenvalueInterval;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.eval.SpectralEstimate;
import org.opsvd.solver.loss.OperatorShift;

/**
 * What the stop rule reads of an evaluation ({@link NeuralSolver#snapshot}): on the 1D oscillator (E = ½, 3/2, 5/2)
 * with ψ_0 = φ_0 + 0.05φ_2 and ψ_1 = φ_1 + 0.05φ_3 on a fine grid (standard errors 0), mode 0 has Lehmann's interval
 * and the rule reads its width; mode 1 is the last, with Weinstein's first-order interval, and the rule reads the
 * second-order width ρ²/(β − θ) with β = b/a of the mapping — or Weinstein's when β is not above θ + ρ.
 */
class ConvergenceSnapshotTest {

  @Test
  void theLastClusterIsJudgedOnASecondOrderWidthFromTheMappingsLevelEstimate() {
    Problem p = OperatorCatalog.build(OperatorRequest.named("harmonic", 1, 0.5));
    ExactEigenbasis basis = p.exact().eigenbasis(4).orElseThrow();
    double[] e = basis.energies();
    int n = 4001;
    double h = 20.0 / (n - 1);
    DMatrixRMaj psi = new DMatrixRMaj(n, 2);
    DMatrixRMaj hpsi = new DMatrixRMaj(n, 2);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double[] x = {-10 + i * h};
      w[i] = h;
      for (int k = 0; k < 2; k++) {
        psi.set(i, k, basis.value(k, x) + 0.05 * basis.value(k + 2, x));
        hpsi.set(i, k, e[k] * basis.value(k, x) + 0.05 * e[k + 2] * basis.value(k + 2, x));
      }
    }
    SpectralEstimate spectral = SpectralEstimate.quadrature(SampledFunctions.wrap(psi, w),
        SampledFunctions.wrap(hpsi, w));
    List<EigenvalueInterval> intervals = EigenvalueInterval.of(spectral, EigenvalueInterval.DEFAULT_Z);
    NeuralSolver.Evaluation eval = new NeuralSolver.Evaluation(100, 1, new double[2], null, null, null, null, null,
        spectral, intervals, null);
    double theta = spectral.ritzValue(1).value();
    double rho = spectral.residualNorm(1).value();
    assertEquals(EigenvalueInterval.LowerBound.LEHMANN, intervals.get(0).lowerBound());
    assertEquals(EigenvalueInterval.LowerBound.WEINSTEIN, intervals.get(1).lowerBound());

    ConvergenceRule.Snapshot mapped = NeuralSolver.snapshot(p, eval, new OperatorShift(1, 2.5)); // b/a = E_2
    assertEquals(intervals.get(0).width(), mapped.widths()[0], 1e-15, "Lehmann's width as it is");
    assertEquals(rho * rho / (2.5 - theta), mapped.widths()[1], 1e-12, "second order with β = b/a");
    assertTrue(mapped.widths()[1] < 0.11 * intervals.get(1).width(), "ρ/(β − θ) ≈ 0.1 of Weinstein's width "
        + intervals.get(1).width() + ": " + mapped.widths()[1]);
    assertEquals(theta, mapped.ritz()[1], 1e-15);

    ConvergenceRule.Snapshot unmapped = NeuralSolver.snapshot(p, eval, OperatorShift.identity()); // b/a = 0 < θ
    assertEquals(intervals.get(1).width(), unmapped.widths()[1], 1e-15, "no level estimate above θ: Weinstein's");
  }
}
