package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;

/** The wall weight of grid eigenvectors: which reference states a box that only truncates R^d cuts off. */
class BoxTruncationTest {

  /** The Morse well D(e^{−2ax} − 2e^{−ax}), D = 1, a = ½, c = ½: λ = √(2D)/(a√(2c)) = 2√2. */
  private static final String MORSE = "exp(-x)-2*exp(-x/2)";

  /** Its three bound levels −(1 − (n + ½)/λ)², n = 0, 1, 2: −0.6777, −0.2206, −0.0135 (the last 0.0135 below 0). */
  private static double morse(int n) {
    double t = 1 - (n + 0.5) / (2 * Math.sqrt(2));
    return -t * t;
  }

  private static ReferenceSolution reference(String formula, int d, Double box, int k) {
    Problem p = OperatorCatalog.build(OperatorRequest.formula(formula, d, 0.5).withHalfWidth(box));
    return ReferenceSolver.solve(p, ReferenceOptions.defaults(d, k));
  }

  @Test
  void aWeaklyBoundStateCutByTheDefaultBoxIsNamedWithItsWeight() {
    ReferenceSolution onEight = reference(MORSE, 1, null, 3);
    String note = onEight.notes().stream().filter(n -> n.contains("truncates")).findFirst().orElse(null);
    assertTrue(note != null && note.contains("state 2 (E = ") && note.contains("--box 16"), onEight.notes().toString());
    double[] w = BoxTruncation.wallWeights(onEight.pairs(), 3);
    assertTrue(w[2] > 1e-2, "the n = 2 state reaches x ≈ 50: a large part of it lies within 1 bohr of x = 8: " + w[2]);
    assertTrue(w[1] > 1e-4 && w[0] < 1e-5, "n = 1 is cut too, the ground state only barely: " + w[0] + ", " + w[1]);
    assertTrue(onEight.eigenvalues()[2] - morse(2) > 0.05, "the wall pushes it far up: " + onEight.eigenvalues()[2]);
  }

  @Test
  void aStateAboveTheToleranceIsShiftedAndOnesBelowItAreNot() {
    // −2·exp(−x²) holds E₀ = −1.188 (κ = 1.54) and E₁ = −0.074 (κ = √(0.074/c) = 0.385, reaching x ≈ 20): on
    // [−8, 8] only E₁ is named (weight 5e-4; E₀: 7e-10), and only it differs from the level on [−40, 40], where nothing is named
    String well = "-2*exp(-x^2)";
    ReferenceSolution narrow = reference(well, 1, null, 2);
    ReferenceSolution wide = reference(well, 1, 40.0, 2);
    double[] w = BoxTruncation.wallWeights(narrow.pairs(), 2);
    assertTrue(w[0] < 1e-9 && w[1] > BoxTruncation.TOLERANCE, java.util.Arrays.toString(w));
    assertTrue(narrow.notes().stream().anyMatch(n -> n.contains("truncates a wanted state: state 1 (E = ")),
        narrow.notes().toString());
    assertTrue(wide.notes().stream().noneMatch(n -> n.contains("truncates")), wide.notes().toString());
    assertEquals(wide.eigenvalues()[0], narrow.eigenvalues()[0], 1e-9, "the ground state fits both boxes (ΔE ≲ 2c·w/δ² = 7e-10)");
    assertTrue(narrow.eigenvalues()[1] - wide.eigenvalues()[1] > 1e-4, "the wall raises the cut state: "
        + narrow.eigenvalues()[1] + " vs " + wide.eigenvalues()[1]);
  }

  @Test
  void statesWellInsideTheirBoxLeaveNoNote() {
    // the ten lowest states of two 2D wells on [−8, 8]²: wall weights below 1e-12
    for (String formula : new String[] {"0.5*x^2+0.5*y^2+0.2*x*y+0.05*x^4", "0.5*(x^2+4*y^2)"}) {
      ReferenceSolution s = reference(formula, 2, null, 10);
      double[] w = BoxTruncation.wallWeights(s.pairs(), 10);
      for (double wj : w) assertTrue(wj < 1e-12, formula + ": " + java.util.Arrays.toString(w));
      assertTrue(s.notes().stream().noneMatch(n -> n.contains("truncates")), s.notes().toString());
    }
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 2, 0.5));
    assertNull(BoxTruncation.note(box, ReferenceSolver.solve(box, ReferenceOptions.defaults(2, 4)).pairs(), 4),
        "the particle in a box: its walls are the operator's");
  }
}
