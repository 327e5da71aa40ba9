package org.opsvd.solver.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.action.Jet;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** The cusp factor J = Π_c exp(−κ_c r_c/(1+κ_c r_c)): its jet, Kato's condition at each centre, its JSON forms. */
class CuspFactorTest {

  /** H₂⁺-like: two centres on the z axis (κ = 1 and 2) and one off the axis, in 3D. */
  private static final CuspFactor THREE = new CuspFactor(List.of(new CuspFactor.Centre(new double[] {0, 0, 1}, 1.0),
      new CuspFactor.Centre(new double[] {0, 0, -1}, 2.0), new CuspFactor.Centre(new double[] {0.5, 0.7, 0}, 0.5)));

  /** Points at 0.05 and 1.5 bohr from each centre, along an oblique direction. */
  private static double[][] points(CuspFactor f) {
    double[] n = {0.48, -0.6, 0.64};
    double[][] x = new double[2 * f.centres().size()][3];
    for (int c = 0; c < f.centres().size(); c++) {
      double[] a = f.centres().get(c).atOrigin() ? new double[3] : f.centres().get(c).position();
      for (int j = 0; j < 3; j++) {
        x[2 * c][j] = a[j] + 0.05 * n[j];
        x[2 * c + 1][j] = a[j] + 1.5 * n[j];
      }
    }
    return x;
  }

  private static double value(CuspFactor f, double[] x) {
    return f.evaluate(x, new double[x.length], new double[1]);
  }

  /** Gradient and Laplacian against central differences (step h = 1e-4, float64): 1e-7 and 1e-5 relative. */
  @Test
  void gradientAndLaplacianMatchFiniteDifferencesNearAndAwayFromEachCentre() {
    for (CuspFactor f : List.of(THREE, CuspFactor.atOrigin(2.0))) {
      for (double[] x : points(f)) {
        double[] grad = new double[3];
        double[] lap = new double[1];
        double j0 = f.evaluate(x, grad, lap);
        double h = 1e-4;
        double fdLap = 0;
        for (int i = 0; i < 3; i++) {
          double[] p = x.clone();
          double[] m = x.clone();
          p[i] += h;
          m[i] -= h;
          double vp = value(f, p);
          double vm = value(f, m);
          assertEquals((vp - vm) / (2 * h), grad[i], 1e-7 * Math.abs(j0) * 20, "∂" + i + " at " + List.of(x[0], x[1], x[2]));
          fdLap += (vp - 2 * j0 + vm) / (h * h);
        }
        assertEquals(fdLap, lap[0], 1e-5 * Math.abs(lap[0]) + 1e-6, "Δ at " + List.of(x[0], x[1], x[2]));
      }
    }
  }

  /** The graph jet equals the Java evaluation (float64, 1e-13 relative). */
  @Test
  void graphJetEqualsTheJavaEvaluation() {
    double[][] pts = points(THREE);
    double[] flat = new double[pts.length * 3];
    for (int i = 0; i < pts.length; i++) System.arraycopy(pts[i], 0, flat, 3 * i, 3);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {pts.length, 3}, flat);
      Jet<TFloat64> jet = THREE.jet(tf, x, 3, true);
      List<double[]> r = TfTesting.fetch(g, tf, jet.value(), jet.gradient(), jet.laplacian(),
          THREE.jet(tf, x, 3, false).value());
      for (int i = 0; i < pts.length; i++) {
        double[] grad = new double[3];
        double[] lap = new double[1];
        double v = THREE.evaluate(pts[i], grad, lap);
        assertEquals(v, r.get(0)[i], 1e-13 * v);
        assertEquals(v, r.get(3)[i], 1e-13 * v);
        for (int j = 0; j < 3; j++) assertEquals(grad[j], r.get(1)[3 * i + j], 1e-13 * Math.abs(lap[0]));
        assertEquals(lap[0], r.get(2)[i], 1e-13 * Math.abs(lap[0]));
      }
    }
  }

  /**
   * Kato's condition at each centre for a network output ψ = MLP·J (3D, random weights): the spherical average of
   * ∂ψ/∂r_c at a_c is −κ_c ψ(a_c), estimated as (ψ̄(ε) − ψ(a_c))/ε over the 14 directions ±e_i, (±1,±1,±1)/√3
   * (odd terms cancel), ε = 1e-6: within 1e-4 relative. Without the factor the slope is 0.
   */
  @Test
  void katosCuspConditionHoldsAtEachCentre() {
    MlpSpec plain = MlpSpec.of(3, List.of(16, 16), 2).withFourier(4, 0.5);
    Mlp net = new Mlp(plain.withCusp(THREE), 7);
    Mlp smooth = new Mlp(plain, 7);
    double[][] dirs = new double[14][3];
    for (int i = 0; i < 3; i++) {
      dirs[2 * i][i] = 1;
      dirs[2 * i + 1][i] = -1;
    }
    for (int k = 0; k < 8; k++) {
      for (int j = 0; j < 3; j++) dirs[6 + k][j] = ((k >> j) & 1) == 0 ? 1 / Math.sqrt(3) : -1 / Math.sqrt(3);
    }
    double eps = 1e-6;
    for (CuspFactor.Centre c : THREE.centres()) {
      double[] a = c.position();
      double[] x = new double[15 * 3];
      System.arraycopy(a, 0, x, 0, 3);
      for (int k = 0; k < 14; k++) {
        for (int j = 0; j < 3; j++) x[3 * (k + 1) + j] = a[j] + eps * dirs[k][j];
      }
      double[][] slopes = {slopes(net, x, eps), slopes(smooth, x, eps)};
      for (int l = 0; l < 2; l++) {
        assertEquals(-c.kappa(), slopes[0][l], 1e-4 * c.kappa(), "centre " + c + ", output " + l);
        assertTrue(Math.abs(slopes[1][l]) < 1e-4, "without the factor: " + slopes[1][l]);
      }
    }
  }

  /** (ψ̄(ε) − ψ(a))/(ε ψ(a)) per output, from values at a (row 0) and at the 14 directions (rows 1..14). */
  private static double[] slopes(Mlp net, double[] x, double eps) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> xs = Precision.FLOAT64.constant(tf, new long[] {15, 3}, x);
      double[] v = TfTesting.fetch(g, tf, net.value(tf, xs, Networks.initialConstants(tf, net, Precision.FLOAT64)))
          .get(0);
      double[] out = new double[2];
      for (int l = 0; l < 2; l++) {
        double mean = 0;
        for (int k = 1; k <= 14; k++) mean += v[2 * k + l] / 14;
        out[l] = (mean - v[l]) / (eps * v[l]);
      }
      return out;
    }
  }

  /**
   * With κ_c = Z_c/(c(d−1)) the local energy (−cΔJ)/J + V of H₂⁺ (c = ½, Z = 1, d = 3: κ = 1) stays bounded at
   * both nuclei: it converges as r_c → 0 (1e-4 against 1e-7 bohr: within 1e-3); with κ off by 10 % it grows as
   * 0.1/r_c.
   */
  @Test
  void theLocalEnergyOfH2PlusStaysBoundedAtBothNuclei() {
    CuspFactor right = new CuspFactor(List.of(new CuspFactor.Centre(new double[] {0, 0, 1}, 1.0),
        new CuspFactor.Centre(new double[] {0, 0, -1}, 1.0)));
    CuspFactor wrong = new CuspFactor(List.of(new CuspFactor.Centre(new double[] {0, 0, 1}, 1.1),
        new CuspFactor.Centre(new double[] {0, 0, -1}, 1.1)));
    for (double z : new double[] {1, -1}) {
      double near = localEnergy(right, z, 1e-4);
      double nearer = localEnergy(right, z, 1e-7);
      assertEquals(near, nearer, 1e-3, "bounded at z = " + z);
      assertTrue(Math.abs(localEnergy(wrong, z, 1e-7)) > 1e5, "κ off by 10 %: " + localEnergy(wrong, z, 1e-7));
    }
  }

  /** (−½ΔJ)/J − 1/|x − a| − 1/|x + a| at distance ε from the nucleus at (0, 0, z), a = (0, 0, 1). */
  private static double localEnergy(CuspFactor f, double z, double eps) {
    double[] x = {0.6 * eps, 0, z + 0.8 * eps};
    double[] lap = new double[1];
    double j = f.evaluate(x, new double[3], lap);
    double rPlus = Math.sqrt(x[0] * x[0] + (x[2] - 1) * (x[2] - 1));
    double rMinus = Math.sqrt(x[0] * x[0] + (x[2] + 1) * (x[2] + 1));
    return -0.5 * lap[0] / j - 1 / rPlus - 1 / rMinus;
  }

  @Test
  void oneCentreAtTheOriginIsWrittenAsItsSlopeAndOthersAsAList() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals("2.0", mapper.writeValueAsString(CuspFactor.atOrigin(2.0)));
    assertEquals(CuspFactor.atOrigin(2.0), mapper.readValue("2.0", CuspFactor.class));
    assertEquals(CuspFactor.atOrigin(2.0), new CuspFactor(List.of(new CuspFactor.Centre(new double[3], 2.0))),
        "a zero position is the origin");
    String json = mapper.writeValueAsString(THREE);
    assertEquals("[{\"position\":[0.0,0.0,1.0],\"kappa\":1.0},{\"position\":[0.0,0.0,-1.0],\"kappa\":2.0},"
        + "{\"position\":[0.5,0.7,0.0],\"kappa\":0.5}]", json);
    assertEquals(THREE, mapper.readValue(json, CuspFactor.class));
  }

  @Test
  void refusesBadCentres() {
    assertEquals("cusp slope κ (--cusp) must be positive and finite, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> CuspFactor.atOrigin(-1)).getMessage());
    assertEquals("cusp centre [0.0, 0.0, 1.0] is not a point in 2D", assertThrows(IllegalArgumentException.class,
        () -> MlpSpec.of(2, List.of(4), 1).withCusp(THREE)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CuspFactor(List.of()));
  }
}
