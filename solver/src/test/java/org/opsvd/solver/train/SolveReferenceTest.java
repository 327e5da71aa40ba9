package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.operators.spectra.ExactEigenbasis;

/**
 * Where a solve's learned functions are integrated: a uniform grid with its offset copy in d ≤ 3 (carrying the
 * exact eigenbasis or the interpolated DVR eigenvectors), Monte Carlo for 2D (unless a grid is asked for) and 3D Coulomb
 * problems and d &gt; 3.
 */
class SolveReferenceTest {

  private static Problem formula(String v, int d) {
    return OperatorCatalog.build(OperatorRequest.formula(v, d, 0.5));
  }

  @Test
  void aReferenceStateCutOffByTheBoxIsNamedInTheNotes() {
    // the 1-D Morse well exp(−x) − 2exp(−x/2): its n = 2 level, 0.0135 below the continuum, reaches x ≈ 50, far
    // past the default box [−8, 8]; the harmonic well's states fit it and leave no such note
    SolveReference morse = SolveReference.compute(formula("exp(-x)-2*exp(-x/2)", 1), 3, 400,
        new SamplingDensity.Gaussian(1, 1.0), 0);
    assertTrue(morse.notes().stream().anyMatch(n -> n.startsWith("the box [-8.00, 8.00]^1 truncates")
        && n.contains("state 2 (E = ")), morse.notes().toString());
    SolveReference oscillator = SolveReference.compute(formula("0.5*(x^2+4*y^2)", 2), 6, 60,
        new SamplingDensity.Gaussian(2, 1.5), 0);
    assertTrue(oscillator.notes().stream().noneMatch(n -> n.contains("truncates")), oscillator.notes().toString());
  }

  @Test
  void aDvrReferenceIsInterpolatedOntoTheUniformEvaluationGrid() {
    // 0.5(x² + 4y²) as a formula (no exact spectrum known to the solver): the DVR eigenvectors on the 60² grid must
    // be the oscillator's states e.g. ψ_0 = (ω_x ω_y/π²)^{1/4} e^{−(x² + 2y²)/2}, ω = (1, 2), up to sign
    Problem p = formula("0.5*(x^2+4*y^2)", 2);
    SolveReference r = SolveReference.compute(p, 3, 60, new SamplingDensity.Gaussian(2, 1.5), 0);
    assertEquals("dvr", r.kind());
    assertTrue(r.quadrature().startsWith("uniform grid 60^2") && r.quadrature().contains("interpolated"),
        r.quadrature());
    assertEquals(3600, r.weights().length);
    assertNotNull(r.functions());
    DMatrixRMaj gram = r.functions().gram();
    for (int i = 0; i < r.comparable(); i++) {
      for (int j = 0; j < r.comparable(); j++) {
        assertEquals(i == j ? 1 : 0, gram.get(i, j), 1e-9, "orthonormal on the evaluation grid: C_" + i + j);
      }
    }
    ExactEigenbasis exact = OperatorCatalog.build(new OperatorRequest("harmonic", null, 2, 0.5, null,
        new double[] {1, 2}, null, null, null)).exact().eigenbasis(1).orElseThrow();
    double worst = 0;
    double sign = Math.signum(r.functions().value(1830, 0));
    for (int i = 0; i < r.weights().length; i++) {
      double[] x = {r.points()[2 * i], r.points()[2 * i + 1]};
      worst = Math.max(worst, Math.abs(sign * r.functions().value(i, 0) - exact.value(0, x)));
    }
    assertTrue(worst < 1e-8, "interpolated ground state off by " + worst);
    assertFalse(r.monteCarlo());
    double h = 16.0 / 61; // [-8, 8] with 60 interior points
    assertEquals(r.points()[0] + h / 2, r.offsetPoints()[0], 1e-9 * h, "the offset copy is shifted by h/2");
    assertEquals(r.points()[1] + h / 2, r.offsetPoints()[1], 1e-9 * h);
  }

  @Test
  void threeDimensionalCoulombProblemsAndHighDimensionsAreIntegratedByMonteCarlo() {
    Problem hydrogen = OperatorCatalog.build(OperatorRequest.named("hydrogen", 3, 0.5));
    SolveReference r = SolveReference.compute(hydrogen, 1, 48, new SamplingDensity.Gaussian(3, 4), 0);
    assertTrue(r.monteCarlo(), r.quadrature());
    assertNull(r.offsetPoints());
    assertEquals(SolveReference.MONTE_CARLO_POINTS, r.weights().length);
    assertTrue(SolveReference.monteCarlo(formula("0.5*(x1^2+x2^2+x3^2+x4^2)", 4), false));
    assertFalse(SolveReference.monteCarlo(formula("0.5*(x^2+y^2+z^2)", 3), false), "a smooth 3D problem keeps its grid");
  }

  /**
   * A 2D Coulomb problem is integrated by Monte Carlo unless a grid is asked for: the exact states (1s and the
   * n = 2 shell, widths 0.5 and 1.5) sampled from a density of std 4 are orthonormal to Monte Carlo accuracy
   * (65 536 points: tolerance 0.05, the measured largest |C − I| is 0.016); an explicit grid is kept, and a
   * smooth 2D problem keeps its grid.
   */
  @Test
  void twoDimensionalCoulombProblemsAreIntegratedByMonteCarloUnlessAGridIsAsked() {
    Problem hydrogen = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5));
    SamplingDensity density = new SamplingDensity.Gaussian(2, 4);
    SolveReference r = SolveReference.compute(hydrogen, 4, 400, false, density, 0, ReferenceMode.AUTO);
    assertTrue(r.monteCarlo(), r.quadrature());
    assertEquals(SolveReference.MONTE_CARLO_POINTS, r.weights().length);
    DMatrixRMaj c = r.functions().gram();
    for (int i = 0; i < c.numRows; i++) {
      for (int j = 0; j < c.numCols; j++) {
        assertEquals(i == j ? 1 : 0, c.get(i, j), 0.05, "exact states' Gram (" + i + ", " + j + ")");
      }
    }
    assertFalse(SolveReference.compute(hydrogen, 4, 100, density, 0).monteCarlo(), "an explicit grid is kept");
    assertFalse(SolveReference.monteCarlo(formula("0.5*(x^2+y^2)", 2), false), "a smooth 2D problem keeps its grid");
  }

  /**
   * The final evaluation's larger Monte Carlo sample extends the stream of the evaluations during training (so their
   * points are its first ones), carries the exact eigenfunctions at the new points, and halves the standard errors of
   * 4× the points: checked on the 4D oscillator's exact states perturbed by ε = 0.05 of the next level.
   */
  @Test
  void theFinalEvaluationExtendsTheMonteCarloSampleAndShrinksItsErrors() {
    Problem p = OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5));
    SamplingDensity density = new SamplingDensity.Gaussian(4, 1.0);
    SolveReference r = SolveReference.compute(p, 5, 48, density, 3);
    SolveReference big = r.withMonteCarloPoints(4 * SolveReference.MONTE_CARLO_POINTS, p, density, 3);
    int n = SolveReference.MONTE_CARLO_POINTS;
    assertEquals(4 * n, big.weights().length);
    assertTrue(big.monteCarlo() && big.quadrature().contains(String.valueOf(4 * n)), big.quadrature());
    for (int i = 0; i < 4 * n; i += 997) {
      assertEquals(r.points()[i], big.points()[i], 0.0, "the same stream, extended: coordinate " + i);
    }
    assertEquals(r.weights()[5] / 4, big.weights()[5], 1e-15 * r.weights()[5], "weights 1/(N·p)");
    ExactEigenbasis exact = p.exact().eigenbasis(6).orElseThrow();
    double[] x = java.util.Arrays.copyOfRange(big.points(), 4 * 12345, 4 * 12346);
    assertEquals(exact.value(2, x), big.functions().value(12345, 2), 1e-14, "exact states at the new points");
    assertEquals(r, r.withMonteCarloPoints(n, p, density, 3), "the same count: the same reference");
    double small = groundStateError(r, exact);
    double large = groundStateError(big, exact);
    assertEquals(2, small / large, 0.35, "standard errors shrink as N^(-1/2): " + small + " vs " + large);
  }

  /** The standard error of the ground state's Ritz value for ψ = φ_0 + 0.05·φ_5 on the reference's points. */
  private static double groundStateError(SolveReference r, ExactEigenbasis exact) {
    int n = r.weights().length;
    DMatrixRMaj psi = new DMatrixRMaj(n, 1);
    DMatrixRMaj hpsi = new DMatrixRMaj(n, 1);
    double[] x = new double[4];
    double[] e = exact.energies();
    for (int i = 0; i < n; i++) {
      System.arraycopy(r.points(), 4 * i, x, 0, 4);
      double a = exact.value(0, x);
      double b = exact.value(5, x);
      psi.set(i, 0, a + 0.05 * b);
      hpsi.set(i, 0, e[0] * a + 0.05 * e[5] * b);
    }
    return org.opsvd.solver.eval.SpectralEstimate.monteCarlo(org.opsvd.solver.eval.SampledFunctions.wrap(psi,
        r.weights()), org.opsvd.solver.eval.SampledFunctions.wrap(hpsi, r.weights())).ritzValue(0).standardError();
  }

  /**
   * 3D h2plus has an exact spectrum (prolate spheroidal separation) but no exact eigenfunctions: the reference is
   * "exact" (1sσg, 2pσu and the 2pπu shell above L = 2), compared by eigenvalues only, on Monte Carlo points, with
   * no "uncertain grid reference" note any more (the 40³ grid, E₀ = −0.983, stays as the finite-difference column).
   */
  @Test
  void h2plusIsComparedWithItsExactLevelsByEigenvaluesOnly() {
    Problem ion = OperatorCatalog.build(OperatorRequest.named("h2plus", 3, 0.5));
    SolveReference r = SolveReference.compute(ion, 2, 48, new SamplingDensity.Gaussian(3, 1.8), 0);
    assertEquals("exact", r.kind());
    assertEquals(-1.1026342144949, r.energies()[0], 1e-9);
    assertEquals(-0.6675343922023, r.energies()[1], 1e-9);
    assertEquals(4, r.energies().length);
    assertTrue(r.monteCarlo(), r.quadrature());
    assertNull(r.functions());
    assertEquals(0, r.comparable());
    assertTrue(r.notes().stream().noneMatch(n -> n.contains("uncertain")), r.notes().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("only eigenvalues are compared")), r.notes().toString());
    assertEquals(-0.983, r.finiteDifference()[0], 1e-3);
  }

  /**
   * Monte Carlo from a density adapted to the wanted states (8D oscillator, ground state and first shell, under a
   * sampler 1.5× too wide): the exact eigenfunctions on the drawn quadrature are orthonormal to well within the
   * fixed sampler's error (measured: max |C − I| 0.032 fixed, 0.009 adapted), because the weights 1/(N·q) are exact
   * and q covers where the states live.
   */
  @Test
  void monteCarloPointsDrawnFromAnAdaptedDensityIntegrateTheStatesMoreAccurately() {
    int d = 8;
    Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", d, 0.5));
    SamplingDensity wide = new SamplingDensity.Gaussian(d, 1.5);
    SolveReference fixed = SolveReference.compute(oscillator, d + 1, 2, wide, 0);
    AdaptiveDensity q = new AdaptiveDensity(wide);
    int n = 8192;
    double[] x = new double[n * d];
    double[] f = new double[n * (d + 1)];
    ExactEigenbasis basis = oscillator.exact().eigenbasis(d + 1).orElseThrow();
    for (int round = 0; round < 2; round++) { // the second fit reads the first's own points
      q.sample(new org.hipparchus.random.Well19937c(round), x, n);
      double[] point = new double[d];
      for (int i = 0; i < n; i++) {
        System.arraycopy(x, i * d, point, 0, d);
        for (int l = 0; l <= d; l++) f[i * (d + 1) + l] = basis.value(l, point) / wide.sqrtDensity(point);
      }
      assertTrue(q.fit(x, f, d + 1, n));
    }
    SolveReference drawn = fixed.drawnFrom(q, oscillator, 0, 1000);
    assertTrue(drawn.monteCarlo() && drawn.quadrature().startsWith("Monte Carlo, 65536 points from adaptive("),
        drawn.quadrature());
    assertEquals(fixed.energies()[d], drawn.energies()[d]);
    double fixedError = offIdentity(fixed.functions().gram());
    double drawnError = offIdentity(drawn.functions().gram());
    assertTrue(drawnError < 0.02 && drawnError < fixedError / 2.5, "max |C − I|: fixed " + fixedError
        + ", adapted " + drawnError);
    assertEquals(fixed, fixed.drawnFrom(new AdaptiveDensity(wide), oscillator, 0, 1000), "not fitted: unchanged");
  }

  /**
   * The 3-D Dirichlet box (ℓ = 1, E = (π²/8)Σk_j²) is integrated by Gauss–Legendre too, 40³ nodes during training and
   * 64³ (the most per axis) at the end, with their 38³ and 62³ check rules: its exact states are orthonormal there
   * to 1e-12. A uniform grid asked for with {@code --eval-grid} stays, with its offset copy.
   */
  @Test
  void theThreeDimensionalBoxIsIntegratedByGaussLegendreUnlessAGridIsAsked() {
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 3, 0.5));
    SamplingDensity uniform = new SamplingDensity.UniformBox(3, 1.0);
    assertTrue(SolveReference.gaussLegendre(box, false));
    assertFalse(SolveReference.gaussLegendre(box, true));
    SolveReference training = SolveReference.compute(box, 4, 48, false, uniform, 0, ReferenceMode.AUTO);
    assertTrue(training.quadrature().startsWith("Gauss–Legendre 40^3"), training.quadrature());
    assertEquals(38 * 38 * 38, training.checkWeights().length);
    assertNull(training.offsetPoints());
    SolveReference last = training.withMonteCarloPoints(SolveReference.FINAL_GAUSS_LEGENDRE_POINTS, box, uniform, 0);
    assertTrue(last.quadrature().startsWith("Gauss–Legendre 64^3"), last.quadrature());
    assertEquals(62 * 62 * 62, last.checkWeights().length);
    for (SolveReference r : new SolveReference[] {training, last}) {
      assertEquals(4, r.comparable());
      assertTrue(offIdentity(r.functions().gram()) < 1e-12, "Gram − I " + offIdentity(r.functions().gram()));
    }
    SolveReference grid = SolveReference.compute(box, 4, 48, true, uniform, 0, ReferenceMode.AUTO);
    assertTrue(grid.quadrature().startsWith("uniform grid"), grid.quadrature());
    assertNotNull(grid.offsetPoints());
  }

  /**
   * The 5-D Dirichlet box (ℓ = 1, −½Δ, E = (π²/8)Σk_j²: 6.1685 and the five-fold 9.8696) is integrated by the
   * tensor-product Gauss–Legendre rule, 9^5 nodes during training and 12^5 at the end, each with its (n − 2)^5
   * check rule. On the 12^5 rule the exact states ψ = Π_j sin(k_jπ(x_j + 1)/2) are orthonormal and their kinetic
   * Rayleigh quotients ½Σw|∇ψ|²/Σwψ² (a different integrand, cos² factors) are the exact levels, both to 1e-10
   * (the rule's 1-D error on sin²(2πt) is 1.5e-12); on the 9^5 rule to 1e-6 (1-D error 1.3e-7).
   */
  @Test
  void theFiveDimensionalBoxIsIntegratedByGaussLegendreToTheExactLevels() {
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5));
    SamplingDensity uniform = new SamplingDensity.UniformBox(5, 1.0);
    assertTrue(SolveReference.gaussLegendre(box, false));
    assertTrue(SolveReference.gaussLegendre(box, true), "in d ≥ 4 there is no grid to ask for");
    assertFalse(SolveReference.monteCarlo(box, false));
    assertFalse(SolveReference.gaussLegendre(OperatorCatalog.build(OperatorRequest.named("box", 7, 0.5)), false),
        "d = 7 affords 4 points per axis: Monte Carlo");
    assertEquals(9, SolveReference.gaussLegendrePoints(5, SolveReference.MONTE_CARLO_POINTS));
    assertEquals(12, SolveReference.gaussLegendrePoints(5, SolveReference.FINAL_MONTE_CARLO_POINTS));
    assertEquals(16, SolveReference.gaussLegendrePoints(4, 1 << 16), "16^4 = 2^16 exactly");
    SolveReference training = SolveReference.compute(box, 6, 2, uniform, 0);
    assertTrue(training.quadrature().startsWith("Gauss–Legendre 9^5"), training.quadrature());
    assertFalse(training.monteCarlo());
    assertNull(training.offsetPoints());
    assertEquals(59049, training.weights().length);
    assertEquals(16807, training.checkWeights().length);
    SolveReference last = training.withMonteCarloPoints(SolveReference.FINAL_MONTE_CARLO_POINTS, box, uniform, 0);
    assertEquals(248832, last.weights().length);
    assertEquals(100000, last.checkWeights().length);
    assertEquals(6, last.comparable());
    double volume = 0;
    for (double w : last.weights()) volume += w;
    assertEquals(32, volume, 1e-11, "the weights sum to the box's volume 2^5");
    var basis = (org.opsvd.operators.spectra.BoxEigenbasis) box.exact().eigenbasis(6).orElseThrow();
    double[] levels = {6.168502750680849, 9.869604401089358, 9.869604401089358, 9.869604401089358,
        9.869604401089358, 9.869604401089358};
    for (SolveReference r : new SolveReference[] {last, training}) {
      double tolerance = r == last ? 1e-10 : 1e-6;
      assertTrue(offIdentity(r.functions().gram()) < tolerance, "Gram − I " + offIdentity(r.functions().gram()));
      for (int k = 0; k < 6; k++) {
        int[] q = basis.quantumNumbers(k);
        double kinetic = 0;
        double norm = 0;
        for (int i = 0; i < r.weights().length; i++) {
          double[] s = new double[5];
          double[] c = new double[5];
          for (int j = 0; j < 5; j++) {
            double a = q[j] * Math.PI / 2;
            s[j] = Math.sin(a * (r.points()[5 * i + j] + 1));
            c[j] = a * Math.cos(a * (r.points()[5 * i + j] + 1));
          }
          double value = 1;
          for (int j = 0; j < 5; j++) value *= s[j];
          double gradient = 0;
          for (int j = 0; j < 5; j++) {
            double g = c[j];
            for (int m = 0; m < 5; m++) if (m != j) g *= s[m];
            gradient += g * g;
          }
          kinetic += r.weights()[i] * 0.5 * gradient;
          norm += r.weights()[i] * value * value;
        }
        assertEquals(levels[k], kinetic / norm, tolerance * levels[k], "kinetic Rayleigh quotient of state " + k);
      }
    }
  }

  /**
   * A perturbed 5-D box state ψ = Π_j u(x_j), u(t) = cos(πt/2)·(1 + ε/(1 + t²)) with ε = 0.3 (poles at ±i, so the
   * Gauss–Legendre rule converges only like 2.4^{−2n}; 1-D error of ∫u² 8.6e-9 relative at n = 12): its Rayleigh
   * quotient ⟨ψ, −½Δψ⟩/⟨ψ, ψ⟩ = 5·∫(−½u u'')/∫u² = 6.19831 from 1-D integrals (Hipparchus' iterative Legendre–Gauss
   * integrator to 1e-14, independent of the 5-D rule) matches the 12^5 rule's value within its error estimate
   * |q_12 − q_10|, which is neither 0 nor loose by more than 100×: measured error −2.6e-6 (4.1e-7 relative), estimate
   * 5.2e-5.
   */
  @Test
  void aPerturbedBoxStateHasTheRayleighQuotientOfItsOneDimensionalIntegralsWithinTheCheckRulesError() {
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5));
    SamplingDensity uniform = new SamplingDensity.UniformBox(5, 1.0);
    SolveReference r = SolveReference.compute(box, 6, 2, uniform, 0)
        .withMonteCarloPoints(SolveReference.FINAL_MONTE_CARLO_POINTS, box, uniform, 0);
    double eps = 0.3;
    double a2 = 1;
    java.util.function.DoubleUnaryOperator u = t -> Math.cos(Math.PI * t / 2) * (1 + eps / (a2 + t * t));
    java.util.function.DoubleUnaryOperator u2 = t -> { // u''
      double c = Math.cos(Math.PI * t / 2);
      double s = Math.sin(Math.PI * t / 2);
      double q = a2 + t * t;
      double g = 1 + eps / q;
      double g1 = -2 * eps * t / (q * q);
      double g2 = eps * (6 * t * t - 2 * a2) / (q * q * q);
      return -Math.PI * Math.PI / 4 * c * g - Math.PI * s * g1 + c * g2;
    };
    var integrator = new org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator(16, 1e-14, 1e-15);
    double uu = integrator.integrate(100000, t -> u.applyAsDouble(t) * u.applyAsDouble(t), -1, 1);
    double uhu = integrator.integrate(100000, t -> -0.5 * u.applyAsDouble(t) * u2.applyAsDouble(t), -1, 1);
    double exact = 5 * uhu / uu;
    org.opsvd.solver.eval.SpectralEstimate est = perturbed(r, u, u2);
    double q = est.rayleighQuotient(0).value();
    double se = est.rayleighQuotient(0).standardError();
    assertTrue(Math.abs(q - exact) <= se && se < 100 * Math.abs(q - exact) + 1e-13,
        "q_12 = " + q + ", exact " + exact + ", error " + (q - exact) + ", estimate " + se);
    assertTrue(Math.abs(q - exact) < 1e-6 * exact, "relative error " + (q - exact) / exact);
    assertTrue(exact > 5 * Math.PI * Math.PI / 8 + 0.02, "the perturbation is visible: " + exact);
  }

  /** ψ = Π u(x_j) and −½Δψ on the reference's rule and on its check rule, as one function. */
  private static org.opsvd.solver.eval.SpectralEstimate perturbed(SolveReference r,
      java.util.function.DoubleUnaryOperator u, java.util.function.DoubleUnaryOperator u2) {
    org.opsvd.solver.eval.SampledFunctions[] fine = sampleProduct(r.points(), r.weights(), u, u2);
    org.opsvd.solver.eval.SampledFunctions[] check = sampleProduct(r.checkPoints(), r.checkWeights(), u, u2);
    return org.opsvd.solver.eval.SpectralEstimate.againstCoarserRule(fine[0], fine[1], check[0], check[1]);
  }

  private static org.opsvd.solver.eval.SampledFunctions[] sampleProduct(double[] x, double[] w,
      java.util.function.DoubleUnaryOperator u, java.util.function.DoubleUnaryOperator u2) {
    int n = w.length;
    DMatrixRMaj psi = new DMatrixRMaj(n, 1);
    DMatrixRMaj hpsi = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      double[] v = new double[5];
      double[] v2 = new double[5];
      double value = 1;
      for (int j = 0; j < 5; j++) {
        v[j] = u.applyAsDouble(x[5 * i + j]);
        v2[j] = u2.applyAsDouble(x[5 * i + j]);
        value *= v[j];
      }
      double lap = 0;
      for (int j = 0; j < 5; j++) {
        double term = v2[j];
        for (int m = 0; m < 5; m++) if (m != j) term *= v[m];
        lap += term;
      }
      psi.set(i, 0, value);
      hpsi.set(i, 0, -0.5 * lap);
    }
    return new org.opsvd.solver.eval.SampledFunctions[] {org.opsvd.solver.eval.SampledFunctions.wrap(psi, w),
        org.opsvd.solver.eval.SampledFunctions.wrap(hpsi, w)};
  }

  private static double offIdentity(DMatrixRMaj c) {
    double worst = 0;
    for (int i = 0; i < c.numRows; i++) {
      for (int j = 0; j < c.numCols; j++) worst = Math.max(worst, Math.abs(c.get(i, j) - (i == j ? 1 : 0)));
    }
    return worst;
  }

  @Test
  void periodicProblemsAreEvaluatedOnAPeriodicGrid() {
    Problem cosine = OperatorCatalog.build(OperatorRequest.named("cosine", 1, 0.5));
    SolveReference r = SolveReference.compute(cosine, 2, 64, new SamplingDensity.Gaussian(1, 1), 0);
    assertTrue(r.quadrature().contains("periodic"), r.quadrature());
    assertEquals(-Math.PI, r.points()[0], 1e-12, "the torus grid starts at −π");
    assertEquals(2 * Math.PI, 64 * r.weights()[0], 1e-12, "and its weights add up to the period");
  }
}
