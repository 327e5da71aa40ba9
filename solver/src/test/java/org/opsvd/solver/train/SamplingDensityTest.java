package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The closed-form importance terms ∇log p and Δ√p/√p match central finite differences of √p, and
 * the densities are normalised and sample what they say.
 */
class SamplingDensityTest {

  @Test
  void gaussianDriftAndCurvatureMatchFiniteDifferencesOfSqrtP() {
    SamplingDensity p = new SamplingDensity.Gaussian(3, 1.7);
    double[] x = {0.4, -1.1, 2.0};
    double h = 1e-4;
    double s0 = p.sqrtDensity(x);
    double[] drift = new double[3];
    p.drift(x, drift);
    double lap = 0;
    for (int i = 0; i < 3; i++) {
      double[] up = x.clone();
      double[] dn = x.clone();
      up[i] += h;
      dn[i] -= h;
      double su = p.sqrtDensity(up);
      double sd = p.sqrtDensity(dn);
      // ∇log p = 2∇√p/√p
      assertEquals(2 * (su - sd) / (2 * h) / s0, drift[i], 1e-7, "drift " + i);
      lap += (su - 2 * s0 + sd) / (h * h);
    }
    assertEquals(lap / s0, p.curvature(x), 1e-6);
  }

  @Test
  void gaussianIsNormalisedAndHasTheRequestedSpread() {
    SamplingDensity p = new SamplingDensity.Gaussian(1, 2.0);
    // ∫ p dx by the trapezoid rule on [-20, 20]
    double sum = 0;
    double h = 1e-3;
    for (double x = -20; x <= 20; x += h) {
      double s = p.sqrtDensity(new double[] {x});
      sum += s * s * h;
    }
    assertEquals(1.0, sum, 1e-9);
    double[] xs = new double[100_000];
    p.sample(new Well19937c(1), xs, xs.length);
    double var = 0;
    for (double v : xs) var += v * v;
    assertEquals(4.0, var / xs.length, 0.05);
  }

  @Test
  void uniformBoxHasNoImportanceTermsAndStaysInside() {
    SamplingDensity p = new SamplingDensity.UniformBox(2, 3.0);
    double[] xs = new double[20_000];
    p.sample(new Well19937c(2), xs, 10_000);
    for (double v : xs) assertTrue(Math.abs(v) <= 3.0);
    assertEquals(1 / 6.0, p.sqrtDensity(new double[] {0.5, -2.9}), 1e-15);
    assertEquals(0.0, p.curvature(new double[] {0.5, 1}), 0.0);
  }

  @Test
  void badInputIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> SamplingDensity.of("laplace", 2, 1));
    assertTrue(e.getMessage().contains("laplace"));
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.Gaussian(2, -1));
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.UniformBox(0, 1));
  }
}
