package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.Parameter;
import org.opsvd.solver.neural.Precision;
import org.opsvd.operators.Problem;

/**
 * A float32 evaluation agrees with float64 where the local energy is a cancellation: next to a Coulomb centre
 * (r = 1e-7 bohr) the cusp factor's −½ΔJ/J ≈ 1e7 cancels V ≈ −1e7, and float32's error in Δf alone would be about 1
 * there. Within rounding of the centre (r = 1e-13) the point counts as singular in either precision, as a node exactly
 * on it does, and both take Hψ from 1e-6 away: with the cusp factor Hψ is continuous there, so a node on the nucleus
 * keeps its weight.
 */
class LearnedEigenfunctionsTest {

  @Test
  void aFloat32EvaluationNextToACoulombCentreMatchesFloat64() {
    Problem hydrogen = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5));
    SolveConfig config = SolveBuilder.of(hydrogen).outputs(3).steps(10).referenceMode(ReferenceMode.NONE).config();
    Mlp network = NeuralSolver.network(config);
    List<double[]> params = network.parameters().stream().map(Parameter::initial).toList();
    double[] points = {1e-7, 0, 0.3, -0.2, 2.0, 1.0, 0, 1e-13, 0, 0, 1e-6, 0};
    double[] weights = {0.2, 0.2, 0.2, 0.2, 0.2, 0.2};
    SamplingDensity density = SamplingDensity.GaussianMixture.threeScale(2, 16);
    try (LearnedEigenfunctions f64 = new LearnedEigenfunctions(network, Precision.FLOAT64);
         LearnedEigenfunctions f32 = new LearnedEigenfunctions(network, Precision.FLOAT32)) {
      LearnedEigenfunctions.Sampled a = f64.sample(params, points, weights, density, hydrogen.operator());
      LearnedEigenfunctions.Sampled b = f32.sample(params, points, weights, density, hydrogen.operator());
      for (int i = 0; i < 6; i++) {
        for (int k = 0; k < 3; k++) {
          double exact = a.hamiltonianPsi().value(i, k);
          assertEquals(exact, b.hamiltonianPsi().value(i, k), 1e-4 * Math.max(1, Math.abs(exact)),
              "Hψ_" + k + " at point " + i);
        }
      }
      for (int k = 0; k < 3; k++) {
        double limit = a.hamiltonianPsi().value(5, k);
        assertNotEquals(0, limit);
        assertEquals(limit, a.hamiltonianPsi().value(3, k), 1e-4 * Math.abs(limit), "r = 1e-13: the limit");
        assertEquals(limit, a.hamiltonianPsi().value(4, k), 1e-4 * Math.abs(limit), "the centre itself: the limit");
      }
    }
  }
}
