package org.opsvd.solver.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MlpSpecTest {
  private static void fails(String message, Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  @Test
  void rejectsBadArchitectures() {
    fails("input dimension must be >= 1, got 0", () -> MlpSpec.of(0, List.of(8), 1));
    fails("number of outputs must be >= 1, got 0", () -> MlpSpec.of(2, List.of(8), 0));
    fails("at least one hidden layer is required", () -> MlpSpec.of(2, List.of(), 1));
    fails("hidden widths must be >= 1, got [8, 0]", () -> MlpSpec.of(2, List.of(8, 0), 1));
    MlpSpec ok = MlpSpec.of(2, List.of(8), 1);
    fails("Fourier frequencies must be >= 1, got 0", () -> ok.withFourier(0, 1));
    fails("Fourier scale must be finite and > 0, got -1.0", () -> ok.withFourier(4, -1));
    fails("envelope scale must be finite and > 0, got 0.0", () -> ok.withEnvelope(0));
    fails("envelope smoothing must be finite and > 0, got NaN", () -> new MlpSpec.Envelope(1, Double.NaN));
    fails("box half-width must be finite and > 0, got -2.0", () -> ok.withBox(-2));
    fails("expected 4 parameter arrays, got 1", () -> new Mlp(ok, 0).withInitialValues(List.of(new double[16])));
    fails("parameter layer0/kernel: 3 initial values for shape [2, 8]",
        () -> new Mlp(ok, 0).withInitialValues(List.of(new double[3], new double[8], new double[8], new double[1])));
  }

  /**
   * The box mask's factor g(t) = (1−e^{t−ℓ})(1−e^{−t−ℓ}) has mean square n² on [−ℓ, ℓ] equal to Gauss–Legendre
   * quadrature of g²/(2ℓ) (1e-9 relative: the closed form cancels terms of order 1 at small ℓ) from a small box (ℓ = 0.1, n² = 4.4e-5) to a wide one (ℓ = 10, n² → 0.85).
   */
  @Test
  void boxMaskAxisMeanSquareIsTheQuadratureOfItsFactor() {
    IterativeLegendreGaussIntegrator quadrature = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-16);
    for (double ell : new double[] {0.1, 0.5, 1, 2, 10}) {
      double numeric = quadrature.integrate(100_000, t -> {
        double g = (1 - Math.exp(t - ell)) * (1 - Math.exp(-t - ell));
        return g * g;
      }, -ell, ell) / (2 * ell);
      double closed = new MlpSpec.BoxMask(ell).axisMeanSquare();
      assertEquals(numeric, closed, 1e-9 * numeric, "ℓ = " + ell);
    }
    assertEquals(0.08713023016828636, new MlpSpec.BoxMask(1).axisMeanSquare(), 1e-15);
  }

  /** The cosine mask's factor cos(πt/2ℓ) has mean square 1/2 on [−ℓ, ℓ] for every ℓ (Gauss–Legendre, 1e-12). */
  @Test
  void cosineMaskAxisMeanSquareIsOneHalf() {
    IterativeLegendreGaussIntegrator quadrature = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-16);
    for (double ell : new double[] {0.1, 1, 10}) {
      double numeric = quadrature.integrate(100_000, t -> Math.pow(Math.cos(Math.PI * t / (2 * ell)), 2), -ell, ell)
          / (2 * ell);
      assertEquals(numeric, new MlpSpec.BoxMask(ell, MaskShape.COSINE).axisMeanSquare(), 1e-12, "ℓ = " + ell);
    }
    assertThrows(NullPointerException.class, () -> new MlpSpec.BoxMask(1, null));
  }

  @Test
  void parsesNames() {
    assertEquals(Activation.GELU, Activation.parse("GeLU"));
    fails("unknown activation 'relu' (valid: softplus, tanh, sin, gelu)", () -> Activation.parse("relu"));
    assertEquals(Parametrisation.DISJOINT, Parametrisation.parse("disjoint"));
    fails("unknown parametrisation 'x' (valid: shared, disjoint)", () -> Parametrisation.parse("x"));
    MlpSpec s = MlpSpec.of(3, List.of(8), 2);
    assertEquals(Activation.SOFTPLUS, s.activation());
    assertEquals(Parametrisation.SHARED, s.parametrisation());
    assertEquals(3, s.featureDimension());
    assertEquals(32, s.withFourier(16, 1).featureDimension());
    assertEquals(1.0, s.withEnvelope(10).envelope().smoothing());
  }
}
