package org.opsvd.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.potentials.ExpressionPotential;

class PotentialAtInfinityTest {

  private static PotentialAtInfinity probe(String formula, int d) {
    return PotentialAtInfinity.probe(new ExpressionPotential(formula, d), 0);
  }

  @Test
  void potentialsFallingWithoutBoundAreFound() {
    assertTrue(probe("-x^2", 1).unboundedBelow());
    assertTrue(probe("-abs(x)", 1).unboundedBelow());
    assertTrue(probe("x*y", 2).unboundedBelow(), "a saddle falls along the diagonal (1, -1)");
    assertTrue(probe("0.5*(x^2+y^2)-0.1*z^3", 3).unboundedBelow(), "a cubic term wins along +z");
    assertTrue(probe("-exp(x)", 1).unboundedBelow(), "overflow to -infinity counts as falling");
    PotentialAtInfinity saddle = probe("x*y", 2);
    assertTrue(saddle.point()[0] * saddle.point()[1] < 0 && saddle.value() < -1e10, "the lowest ray is named");
  }

  @Test
  void confiningWellsAndCoulombTailsAreBoundedBelowWithTheirThreshold() {
    PotentialAtInfinity oscillator = probe("0.5*(x^2+y^2)", 2);
    assertFalse(oscillator.unboundedBelow());
    assertTrue(oscillator.threshold() > 1e11, "a confining potential has no continuum in reach: " + oscillator);
    PotentialAtInfinity well = probe("-2*exp(-x^2)", 1);
    assertFalse(well.unboundedBelow());
    assertEquals(0, well.threshold(), 1e-12, "a finite well levels off at 0");
    PotentialAtInfinity hydrogen = PotentialAtInfinity.probe(
        OperatorCatalog.build(OperatorRequest.named("hydrogen", 3, 0.5)).hamiltonian().potential(), 0);
    assertFalse(hydrogen.unboundedBelow(), "−1/r is singular at a point, not at infinity");
    assertEquals(0, hydrogen.threshold(), 1e-5, "its continuum starts at 0");
    PotentialAtInfinity h2plus = PotentialAtInfinity.probe(
        OperatorCatalog.build(OperatorRequest.named("h2plus", 3, 0.5)).hamiltonian().potential(), 0);
    assertFalse(h2plus.unboundedBelow(), "a ray through a nucleus (V = −∞ at r = 1) is not a fall at infinity");
    PotentialAtInfinity channel = probe("0.5*x^2", 2);
    assertEquals(0, channel.value(), 0, "free along y: V levels off at 0 along y");
    assertEquals(0.5, channel.threshold(), 1e-6, "the continuum starts at the zero-point energy ω/2 = ½ of x");
  }

  /** A Morse well along x, D(e^{−2a x} − 2e^{−a x}) with D = 1, a = ½: V → 0 as x → ∞. */
  private static final String MORSE = "exp(-x)-2*exp(-x/2)";

  @Test
  void aHarmonicTransverseDirectionAddsItsZeroPointEnergy() {
    // Morse along x plus ½y² (c = ½): levels −(1 − (n+½)/(2√2))² + ½; the continuum starts at 0 + ω_y/2 = ½
    PotentialAtInfinity morse = probe(MORSE + "+0.5*y^2", 2);
    assertFalse(morse.unboundedBelow());
    assertEquals(0, morse.value(), 1e-12, "V → 0 along +x");
    assertTrue(morse.point()[0] > 1e5 && Math.abs(morse.point()[1]) < 1e-6, "the channel is +x: " + morse);
    assertEquals(0.5, morse.threshold(), 1e-6, "Σ = ½, not V far out");
    assertEquals(0.5, morse.transverse(), 1e-6);
    // c = 1 (the NeuralSVD code's convention): ω_y = √(2c·k) = √2, Σ = ω_y/2
    PotentialAtInfinity unitKinetic = PotentialAtInfinity.probe(
        new Hamiltonian(1.0, new ExpressionPotential(MORSE + "+0.5*y^2", 2)), 0);
    assertEquals(Math.sqrt(2) / 2, unitKinetic.threshold(), 1e-6);
  }

  @Test
  void aQuarticTransverseDirectionGetsItsAnharmonicLevelNotAHarmonicOne() {
    // −½∂²_y + y⁴ has no curvature at its floor (a harmonic estimate would give 0); its lowest level, from a 1-D
    // finite-difference solve here, is 2^{−2/3}·1.0603620905 = 0.6679863 (the known −∂² + y⁴ level, scaled)
    double level = FiniteDifferences.lowest("y^4", 0.5, 5, 500);
    assertEquals(0.6679863, level, 1e-6, "the 1-D reference itself");
    PotentialAtInfinity quartic = probe(MORSE + "+y^4", 2);
    assertEquals(level, quartic.threshold(), 2e-6, "Σ = the transverse quartic level: " + quartic);
  }

  @Test
  void twoTransverseDirectionsAddTheirZeroPointEnergies() {
    // Morse along x, ½y² (ω_y = 1) and 2z² (ω_z = √(2c·4) = 2), c = ½: Σ = ½(ω_y + ω_z) = 1.5
    PotentialAtInfinity morse = probe(MORSE + "+0.5*y^2+2*z^2", 3);
    assertEquals(1.5, morse.threshold(), 1e-5, morse.toString());
    // the same valley turned by 30° in the (x, y) plane lies between the probe rays: it is followed
    double c = Math.cos(Math.PI / 6);
    double s = Math.sin(Math.PI / 6);
    String xr = "(" + c + "*x+" + s + "*y)";
    String yr = "(" + -s + "*x+" + c + "*y)";
    PotentialAtInfinity turned = probe("exp(-" + xr + ")-2*exp(-" + xr + "/2)+0.5*" + yr + "^2+2*z^2", 3);
    assertEquals(1.5, turned.threshold(), 1e-4, turned.toString());
  }

  @Test
  void inHigherDimensionsTheTransverseLevelsAdd() {
    // 6-D: x5 and x6 free, so the channel runs along one of them; across it a Morse well in x1 (level −0.6777, its
    // exponential wall e^{−x1} cut at the quadrature nodes), ½(x2² + x3² + x4²) (3 × ½) and the other free axis (0):
    // Σ = −0.6777 + 1.5 = 0.8223, the additive estimate of d − 1 = 5 > 3 transverse axes being exact here
    PotentialAtInfinity p = probe(MORSE.replace("-x", "-x1") + "+0.5*(x2^2+x3^2+x4^2)", 6);
    double morse = -Math.pow(1 - 0.5 / (2 * Math.sqrt(2)), 2);
    assertEquals(-1, p.value(), 1e-12, "the floor: the Morse minimum, V = −1 at x1 = 0");
    assertEquals(morse + 1.5, p.threshold(), 2e-6, "16 Hermite functions across the Morse well: 9e-7 high " + p);
  }

  @Test
  void potentialsLevellingOffInEveryDirectionKeepTheirValueFarOut() {
    PotentialAtInfinity well = probe("-2*exp(-x^2-y^2)", 2);
    assertEquals(0, well.threshold(), 1e-8, "a finite well: flat across every ray, no zero-point shift");
    PotentialAtInfinity tail = probe("-1/sqrt(1+r^2)", 3);
    assertEquals(0, tail.threshold(), 2e-6, "a Coulomb tail levels off at −1/r → 0");
    assertTrue(tail.transverse() < 1e-8, "flat across the ray: " + tail);
  }
}

/** A 1-D check level: −c∂² + V on [−ℓ, ℓ] by second-order finite differences, Richardson-extrapolated from h to h/2. */
final class FiniteDifferences {

  private FiniteDifferences() {
  }

  /** The extrapolated lowest level (4E_{h/2} − E_h)/3 of V(y) (a formula in y) with n and 2n interior points. */
  static double lowest(String formula, double c, double halfWidth, int n) {
    return (4 * lowestOnGrid(formula, c, halfWidth, 2 * n) - lowestOnGrid(formula, c, halfWidth, n)) / 3;
  }

  private static double lowestOnGrid(String formula, double c, double halfWidth, int n) {
    ExpressionPotential v = new ExpressionPotential(formula.replace("y", "x"), 1);
    double h = 2 * halfWidth / (n + 1);
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      m.set(i, i, 2 * c / (h * h) + v.value(new double[] {-halfWidth + (i + 1) * h}));
      if (i > 0) {
        m.set(i, i - 1, -c / (h * h));
        m.set(i - 1, i, -c / (h * h));
      }
    }
    var eig = DecompositionFactory_DDRM.eig(n, false, true);
    eig.decompose(m);
    double lowest = Double.POSITIVE_INFINITY;
    for (int k = 0; k < n; k++) lowest = Math.min(lowest, eig.getEigenvalue(k).real);
    return lowest;
  }
}
