package org.opsvd.solver.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsvd.operators.Problem;
import org.opsvd.operators.grid.Grid;

/**
 * How much of each grid eigenvector lies next to the walls of a box that only truncates R^d: the weight
 * w_j = Σ_{i in the layer} v_j[i]² (‖v_j‖₂ = 1) over the grid points within δ = ℓ/{@value #LAYER_FRACTION} of a wall
 * of [−ℓ, ℓ]^d (1 bohr on [−8, 8]^d).
 *
 * <p>A state decaying as e^{−κs} toward a wall at distance D is raised by the Dirichlet wall by about
 * 2cκ·A²·e^{−2κD}, while its layer weight is about A²·e^{−2κ(D−δ)}/(2κ) (κδ ≳ 1) or A²·δ (κδ ≲ 1); in either case
 * the energy error is at most about ΔE ≈ 2c·w/δ² (hartree; c the kinetic coefficient). A weight above {@value
 * #TOLERANCE} can thus shift the level by more than about 1e-6 hartree on [−8, 8]^d with c = ½, past the errors
 * that the grid routes resolve and that learned solutions reach: the state is truncated by the box and its reference
 * is not the operator's on R^d. A well-contained state's weight is exponentially small (the 2D oscillator's n = 4
 * state on [−7, 7]²: about 1e-15).
 */
public final class BoxTruncation {

  /** The layer is the outer ℓ/LAYER_FRACTION of the box along each axis. */
  public static final double LAYER_FRACTION = 8;

  /** Wall weight above which a state counts as truncated. */
  public static final double TOLERANCE = 1e-6;

  private BoxTruncation() {
  }

  /** w_j for the first {@code count} eigenvectors of {@code pairs} (fewer if fewer were computed). */
  public static double[] wallWeights(GridEigenpairs pairs, int count) {
    Grid grid = pairs.grid();
    int n = Math.min(count, pairs.count());
    double[] w = new double[n];
    if (pairs.eigenvectors() == null) return w;
    double edge = grid.halfWidth() * (1 - 1 / LAYER_FRACTION);
    double[] x = new double[grid.dimension()];
    for (int i = 0; i < grid.size(); i++) {
      grid.point(i, x);
      boolean layer = false;
      for (double xi : x) layer |= Math.abs(xi) > edge;
      if (!layer) continue;
      for (int j = 0; j < n; j++) {
        double v = pairs.eigenvectors().unsafe_get(i, j);
        w[j] += v * v;
      }
    }
    return w;
  }

  /**
   * A note naming the states among the first {@code count} whose wall weight exceeds {@link #TOLERANCE}, with their
   * weights and the way out, or null when all fit (or the walls are the operator's, or there are no vectors).
   */
  public static String note(Problem problem, GridEigenpairs pairs, int count) {
    if (problem.boxIsPhysical() || pairs == null || pairs.eigenvectors() == null) return null;
    double[] w = wallWeights(pairs, count);
    List<String> truncated = new ArrayList<>();
    for (int j = 0; j < w.length; j++) {
      if (w[j] > TOLERANCE) {
        truncated.add(String.format(Locale.ROOT, "state %d (E = %.6g, weight %.2g)", j, pairs.eigenvalue(j), w[j]));
      }
    }
    if (truncated.isEmpty()) return null;
    double l = problem.halfWidth();
    return String.format(Locale.ROOT, "the box [%.3g, %.3g]^%d truncates %s: %s within %.3g bohr of the walls (above"
        + " %.0e), so %s reference level%s and function%s are those of the box, not of H on R^%d, and too high; a"
        + " larger --box (e.g. --box %.3g) moves the walls out", -l, l, problem.dimension(),
        truncated.size() == 1 ? "a wanted state" : truncated.size() + " wanted states", String.join(", ", truncated),
        l / LAYER_FRACTION, TOLERANCE, truncated.size() == 1 ? "its" : "their", truncated.size() == 1 ? "" : "s",
        truncated.size() == 1 ? "" : "s", problem.dimension(), 2 * l);
  }
}
