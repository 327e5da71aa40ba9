package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.Problem;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.operators.grid.DvrInterpolation;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.spectra.DegeneracyGroups;
import org.opsvd.operators.spectra.ExactEigenbasis;
import org.opsvd.solver.classical.BoxTruncation;
import org.opsvd.solver.classical.GridEigenpairs;
import org.opsvd.solver.classical.ReferenceOptions;
import org.opsvd.solver.classical.ReferenceSolution;
import org.opsvd.solver.classical.ReferenceSolver;
import org.opsvd.solver.classical.Route;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.eval.SpectralEstimate;
import org.opsvd.solver.eval.SpectralMetrics;

/**
 * What a neural solve is checked against: reference energies (exact when known, else finite
 * differences), the finite-difference energies themselves (d ≤ 3), the degenerate groups, and the
 * reference eigenfunctions on an evaluation quadrature.
 *
 * <p><b>The evaluation quadrature</b> (where the learned functions are integrated):
 * <ul>
 *   <li>d ≤ 3: the uniform evaluation grid ({@code evalGrid} points per axis on the problem's box, with its
 *       boundary), carrying the exact eigenbasis when closed forms exist, else the DVR eigenvectors interpolated
 *       onto it by the DVR's own cardinal functions ({@link DvrInterpolation}, spectrally exact). Only a
 *       finite-difference reference (non-smooth potentials) keeps its own grid, as its vectors have no exact
 *       interpolant. Every grid comes with its copy offset by h/2 along each axis, so the spectral estimates and
 *       intervals carry the grid's discretisation error ({@link SpectralEstimate#interleaved}); a coarse grid
 *       such as a 58² DVR grid of h = 0.27 put learned Ritz values 6e-4 below the exact levels before;</li>
 *   <li>d = 2 and 3 with a Coulomb centre (in 2D unless a grid is asked for), and d &gt; 3 but for the box below:
 *       Monte Carlo,
 *       {@value #MONTE_CARLO_POINTS} points from the training density with weights 1/(N·p), whose estimates carry
 *       standard errors. A uniform grid cannot resolve a cusp: the 48³ grid of [−40, 40]³ (h = 1.6) that 3D
 *       hydrogen used before put several Ritz values below the exact levels, and the 400² grid of [−40, 40]² (h =
 *       0.2) put 2D hydrogen's ground-state Ritz value at −2.07 ± 0.10 (exact −2), the grid and its offset copy
 *       disagreeing by that much at the nucleus. With the cusp factor the local energy Hψ/ψ stays bounded at a
 *       centre, so these estimates have finite variance (without it, 1/r under a density finite at the centre
 *       gives a variance diverging as log N in 2D). The final evaluation draws more points ({@link #withMonteCarloPoints}, default
 *       {@value #FINAL_MONTE_CARLO_POINTS}): standard errors shrink as N^{−½}, and the reported numbers are the
 *       final ones, while the evaluations during training only follow progress.</li>
 *   <li>a Dirichlet box whose walls belong to the operator ({@link #gaussLegendre(Problem, boolean)}: {@code box},
 *       smooth states vanishing on the walls), in d ≤ 3 unless {@code --eval-grid} asks for the uniform grid, and in
 *       4 ≤ d ≤ 6: the tensor-product Gauss–Legendre rule with n points per axis on [−ℓ, ℓ]^d (Hipparchus' nodes and
 *       weights), n = ⌊N^{1/d}⌋ the most that the point budget N affords, at most {@value #MAX_GAUSS_LEGENDRE_POINTS}
 *       in d ≥ 3, 128 in 2-D, 256 in 1-D ({@value #MONTE_CARLO_POINTS} during training, {@value
 *       #FINAL_GAUSS_LEGENDRE_POINTS} or {@code --eval-points} at the end: 9 and 16 per axis in 5-D, 40 and 64 in 3-D). The n-point rule is exact for
 *       polynomials of degree 2n − 1 per axis and converges geometrically for the box's analytic states: on
 *       sin²(kπ(x + ℓ)/2ℓ) its 1-D error is 1.5e-12 (k = 2) and 1.5e-8 (k = 3) at n = 12. Its error estimate comes
 *       from the coarser rule with n − 2 points per axis, integrated too ({@link SpectralEstimate#againstCoarserRule}:
 *       standard error |f_n − f_{n−2}|, which for errors falling as ρ^{−2n} overstates the n-rule's by about ρ⁴; on a
 *       learned 5-D run it covered the 12-rule's error in every mode, by 1.6–49×, the 16-rule read as the truth), so
 *       the intervals (z = 3) stay honest. The uniform Monte Carlo it replaces in 5-D had standard errors of 4.5e-4
 *       relative on the second level (2^16 points). In 3-D the uniform 48³ grid it replaces put a learned Ritz value
 *       1.4e-4 below the exact level (which exact integrals never do), its offset copy under-estimating that error
 *       about 3.5×, and the offset copy reaches h/2 past the walls.</li>
 * </ul>
 *
 * @param energies         reference energies, ascending, complete shells, at least L + 1 of them; null without a
 *                         reference ({@link ReferenceMode#NONE})
 * @param kind             {@code exact}, {@code finite-difference}, {@code dvr} (the spectral grid route) or
 *                         {@code none}
 * @param exact            exact energies (same length) or null
 * @param finiteDifference finite-difference energies or null (d &gt; 3, or when not computed)
 * @param fdDescription    how the finite-difference reference was computed, or null
 * @param groups           degenerate groups of {@code energies} (null without energies)
 * @param points           evaluation points, row-major [N, d]
 * @param weights          quadrature weights [N]
 * @param quadrature       a description of the evaluation quadrature
 * @param functions        reference eigenfunctions on the quadrature for the first {@code comparable} modes, or null
 * @param comparable       number of modes (≤ L, ending a shell) that metrics compare
 * @param notes            remarks for the user
 * @param monteCarlo       the quadrature is Monte Carlo (points drawn from the training density): estimates on it
 *                         carry standard errors
 * @param offsetPoints     for a grid quadrature, the same grid offset by h/2 along every axis (row-major [N, d],
 *                         same weights); null for Monte Carlo and Gauss–Legendre
 * @param checkPoints      for a Gauss–Legendre quadrature, the coarser check rule's points (n − 2 per axis, row-major
 *                         [N_c, d]); null otherwise
 * @param checkWeights     the check rule's weights [N_c]; null otherwise
 */
public record SolveReference(double[] energies, String kind, double[] exact, double[] finiteDifference,
    String fdDescription, DegeneracyGroups groups, double[] points, double[] weights, String quadrature,
    SampledFunctions functions, int comparable, List<String> notes, boolean monteCarlo, double[] offsetPoints,
    double[] checkPoints, double[] checkWeights) {

  /** Monte Carlo evaluation points (d &gt; 3, or a Coulomb centre in 2D and 3D). */
  static final int MONTE_CARLO_POINTS = 1 << 16;

  /** Monte Carlo points of the final evaluation by default (--eval-points). */
  public static final int FINAL_MONTE_CARLO_POINTS = 1 << 18;

  /**
   * Point budget of the final Gauss–Legendre evaluation by default (--eval-points): 16 per axis in 5-D. The learned
   * functions are far rougher than the box's states (a network's complex singularities lie near the real box), so
   * their rule converges slowly: on the 5-D box after 60 000 steps the 12^5 rule put the Ritz values up to 7e-4 hartree
   * (7e-5 relative) off the 16^5 rule's (and its check rule said 1.4e-2), while 16^5 against 14^5 differ by ≤ 2.3e-4.
   */
  public static final int FINAL_GAUSS_LEGENDRE_POINTS = 1 << 20;

  /** Fewest Gauss–Legendre points per axis (at the training budget) for which a box is integrated by the rule. */
  static final int MIN_GAUSS_LEGENDRE_POINTS = 6;

  /**
   * Most Gauss–Legendre points per axis in d ≥ 3 (in 2D twice, in 1D four times as many): a learned function is
   * far rougher than the box's states (on the 1-D box with L = 10 the 64-point rule and its 62-point check differed
   * by 7.5e-3 on the highest Ritz value), while the rule's cost grows as n³ (0.6 s at n = 256) and the evaluation's
   * as n^d.
   */
  static final int MAX_GAUSS_LEGENDRE_POINTS = 64;

  /** Points per axis of the coarser rule that checks the Gauss–Legendre rule: n − {@value}. */
  static final int CHECK_RULE_OFFSET = 2;

  /**
   * Builds the reference for learning the lowest {@code outputs} states.
   *
   * @param evalGrid points per axis of the uniform evaluation grid (d ≤ 3), asked for (a 2D Coulomb problem is
   *                 integrated on it, not by Monte Carlo)
   * @param density  training density (Monte Carlo evaluation)
   * @param seed     seed of Monte Carlo points
   */
  public static SolveReference compute(Problem problem, int outputs, int evalGrid, SamplingDensity density,
      long seed) {
    return compute(problem, outputs, evalGrid, true, density, seed, ReferenceMode.AUTO);
  }

  /** As {@link #compute(Problem, int, int, boolean, SamplingDensity, long, ReferenceMode)} with the grid asked for. */
  public static SolveReference compute(Problem problem, int outputs, int evalGrid, SamplingDensity density,
      long seed, ReferenceMode mode) {
    return compute(problem, outputs, evalGrid, true, density, seed, mode);
  }

  /**
   * As {@link #compute(Problem, int, int, SamplingDensity, long)} with the reference chosen by {@code mode}; with
   * none (asked for, or {@code auto} in d &gt; 3 without a known spectrum) only the evaluation quadrature is built
   * and {@link #energies()} is null.
   *
   * @param gridAsked the user chose {@code evalGrid} (else it is the default, and {@link #monteCarlo(Problem,
   *                  boolean)} may replace the grid)
   * @throws IllegalArgumentException when {@code mode} asks for a reference this problem does not have
   */
  public static SolveReference compute(Problem problem, int outputs, int evalGrid, boolean gridAsked,
      SamplingDensity density, long seed, ReferenceMode mode) {
    int d = problem.dimension();
    List<String> notes = new ArrayList<>();
    if (mode == ReferenceMode.EXACT && problem.exact() == null) {
      throw new IllegalArgumentException("--reference exact: no exact spectrum is known for " + problem.name()
          + " (use --reference fd for d <= 3, or none)");
    }
    if (mode == ReferenceMode.FD && d > 3) {
      throw new IllegalArgumentException("--reference fd: finite-difference grids stop at d = 3, this problem has d = "
          + d + " (use --reference exact when the spectrum is known, or none)");
    }
    boolean useExact = problem.exact() != null && (mode == ReferenceMode.AUTO || mode == ReferenceMode.EXACT);
    boolean useFd = d <= 3 && (mode == ReferenceMode.FD || (mode == ReferenceMode.AUTO && problem.exact() == null)
        || useExact);
    double[] exact = useExact ? exactLevels(problem, outputs) : null;
    ReferenceSolution fd = useFd ? ReferenceSolver.solve(problem, ReferenceOptions.defaults(d, outputs + 1)) : null;
    if (exact == null && fd == null) {
      if (mode == ReferenceMode.AUTO) {
        notes.add("no reference: a " + d + "-dimensional operator without a known spectrum (grids stop at d = 3)");
      }
      return unreferenced(problem, evalGrid, gridAsked, density, seed, notes);
    }
    double[] fdEnergies = fd == null ? null : fd.eigenvalues();
    if (exact == null && fd.errorEstimates() != null) {
      double worst = 0;
      for (int k = 0; k < Math.min(outputs, fdEnergies.length); k++) {
        worst = Math.max(worst, fd.errorEstimates()[k] / Math.max(Math.abs(fdEnergies[k]), 1e-300));
      }
      if (worst > 1e-4) {
        notes.add(String.format(java.util.Locale.ROOT, "the grid reference is uncertain by up to %.2g relative"
            + " (its error estimate): errors below that are not resolved", worst));
      }
    }
    String truncated = exact == null ? BoxTruncation.note(problem, fd.pairs(), outputs) : null;
    if (truncated != null) notes.add(truncated);
    double[] energies = exact != null ? exact : fdEnergies;
    String kind = exact != null ? "exact" : fd.route() == Route.DVR ? "dvr" : "finite-difference";
    DegeneracyGroups groups = exact != null ? SpectralMetrics.groups(problem.exact().levels(exact.length))
        : numericGroups(fd);
    int comparable = shellPrefix(groups, outputs);
    if (comparable < outputs) {
      notes.add("L = " + outputs + " splits a degenerate shell; subspace metrics use the first " + comparable
          + " modes (complete shells)");
    }
    Optional<ExactEigenbasis> basis = problem.exact() == null || comparable == 0 ? Optional.empty()
        : problem.exact().eigenbasis(comparable);
    Quadrature q;
    SampledFunctions functions = null;
    GridEigenpairs pairs = fd == null ? null : fd.pairs();
    if (gaussLegendre(problem, gridAsked)) {
      q = Quadrature.gaussLegendre(d, problem.halfWidth(), gaussLegendrePoints(d, MONTE_CARLO_POINTS));
      if (basis.isPresent()) functions = SampledFunctions.of(sample(basis.get(), q.points(), d, comparable), q.weights());
    } else if (monteCarlo(problem, gridAsked)) {
      q = Quadrature.monteCarlo(density, seed);
      if (basis.isPresent()) functions = SampledFunctions.of(sample(basis.get(), q.points(), d, comparable), q.weights());
    } else if (basis.isPresent() || pairs == null || fd.route() == Route.DVR) {
      Grid grid = evaluationGrid(problem, evalGrid);
      q = Quadrature.grid(grid, "uniform grid ");
      if (basis.isPresent()) {
        functions = SampledFunctions.of(basis.get(), grid, comparable);
      } else if (pairs != null && comparable > 0) {
        functions = SampledFunctions.of(DvrInterpolation.onGrid(pairs.grid(),
            SampledFunctions.of(pairs).leading(comparable).valuesCopy(), grid), q.weights());
        q = q.described(q.description() + " (DVR eigenvectors interpolated onto it)");
      }
    } else {
      q = Quadrature.grid(pairs.grid(), "finite-difference grid ");
      if (comparable > 0) functions = SampledFunctions.of(pairs).leading(comparable);
    }
    if (functions == null) {
      notes.add("no reference eigenfunctions on the evaluation quadrature: only eigenvalues are compared");
    }
    return new SolveReference(energies, kind, exact, fdEnergies, fd == null ? null : fd.discretisation(), groups,
        q.points(), q.weights(), q.description(), functions, functions == null ? 0 : comparable, List.copyOf(notes),
        q.monteCarlo(), q.offsetPoints(), q.checkPoints(), q.checkWeights());
  }

  /**
   * Whether the learned functions are integrated by Monte Carlo: for d &gt; 3 (no grid), and in 2D and 3D when the
   * potential has a Coulomb centre (a uniform grid fine enough for the cusp, h ≪ 1/κ, across a box wide enough
   * for the highest wanted state is out of reach), in 2D only when no grid was asked for (the paper's 2D hydrogen
   * metrics are read on grids, as the experiment files ask).
   */
  static boolean monteCarlo(Problem problem, boolean gridAsked) {
    int d = problem.dimension();
    boolean coulomb = !problem.hamiltonian().potential().coulombCentres().isEmpty();
    return d > 3 && !gaussLegendre(problem, false) || d == 3 && coulomb || d == 2 && coulomb && !gridAsked;
  }

  /**
   * Whether the learned functions are integrated by the tensor-product Gauss–Legendre rule: a box whose Dirichlet
   * walls belong to the operator (its states are smooth on [−ℓ, ℓ]^d and vanish on the walls, so the rule converges
   * geometrically), without a Coulomb centre; in d ≤ 3 unless the uniform grid was asked for ({@code gridAsked}), in
   * d ≥ 4 where the training budget still affords {@value #MIN_GAUSS_LEGENDRE_POINTS} points per axis (d ≤ 6).
   */
  public static boolean gaussLegendre(Problem problem, boolean gridAsked) {
    int d = problem.dimension();
    return problem.boxIsPhysical() && problem.boundary() == Boundary.DIRICHLET
        && problem.hamiltonian().potential().coulombCentres().isEmpty()
        && (d <= 3 ? !gridAsked : gaussLegendrePoints(d, MONTE_CARLO_POINTS) >= MIN_GAUSS_LEGENDRE_POINTS);
  }

  /**
   * Points per axis of a tensor-product rule within a budget of N points: the largest n with n^d ≤ N, at most
   * {@value #MAX_GAUSS_LEGENDRE_POINTS} (d ≥ 3), 128 (2D) or 256 (1D), and at least {@value #CHECK_RULE_OFFSET} + 1 (so that the check rule has a
   * point per axis).
   */
  public static int gaussLegendrePoints(int d, int budget) {
    int n = (int) Math.floor(Math.pow(budget, 1.0 / d));
    while (Math.pow(n + 1, d) <= budget) n++;
    while (n > 1 && Math.pow(n, d) > budget) n--;
    int most = d >= 3 ? MAX_GAUSS_LEGENDRE_POINTS : MAX_GAUSS_LEGENDRE_POINTS << (3 - d);
    return Math.max(Math.min(n, most), CHECK_RULE_OFFSET + 1);
  }

  /** The uniform evaluation grid: {@code n} points per axis on the problem's box, with its boundary. */
  static Grid evaluationGrid(Problem problem, int n) {
    return new Grid(problem.dimension(), n, problem.halfWidth(), problem.boundary());
  }

  /** Exact levels in complete shells, at least L + 1 of them and through the first shell above the L-th state. */
  private static double[] exactLevels(Problem problem, int outputs) {
    int count = outputs + 1;
    double[] e = problem.exact().eigenvalues(count);
    while (e[e.length - 1] <= e[outputs - 1]) { // L ends inside the last listed shell: list the next one too
      e = problem.exact().eigenvalues(e.length + 1);
    }
    return e;
  }

  /** A reference with no energies: only the evaluation quadrature (see the class comment). */
  private static SolveReference unreferenced(Problem problem, int evalGrid, boolean gridAsked,
      SamplingDensity density, long seed, List<String> notes) {
    Quadrature q = gaussLegendre(problem, gridAsked)
        ? Quadrature.gaussLegendre(problem.dimension(), problem.halfWidth(),
            gaussLegendrePoints(problem.dimension(), MONTE_CARLO_POINTS))
        : monteCarlo(problem, gridAsked) ? Quadrature.monteCarlo(density, seed)
        : Quadrature.grid(evaluationGrid(problem, evalGrid), "uniform grid ");
    notes.add("no reference eigenvalues or eigenfunctions: the learned eigenvalues are reported as they are");
    return new SolveReference(null, "none", null, null, null, null, q.points(), q.weights(), q.description(), null,
        0, List.copyOf(notes), q.monteCarlo(), q.offsetPoints(), q.checkPoints(), q.checkWeights());
  }

  /**
   * Evaluation points, weights, a description, for a grid the points of its copy offset by h/2, and for a
   * Gauss–Legendre rule the points and weights of its coarser check rule.
   */
  record Quadrature(double[] points, double[] weights, String description, double[] offsetPoints,
      double[] checkPoints, double[] checkWeights, boolean monteCarlo) {

    private Quadrature(double[] points, double[] weights, String description, double[] offsetPoints) {
      this(points, weights, description, offsetPoints, null, null, offsetPoints == null);
    }

    static Quadrature grid(Grid grid, String kind) {
      double[] weights = new double[grid.size()];
      Arrays.fill(weights, grid.cellVolume());
      double[] points = gridPoints(grid);
      double[] offset = points.clone();
      double half = grid.spacing() / 2;
      for (int i = 0; i < offset.length; i++) offset[i] += half;
      return new Quadrature(points, weights, kind + grid.describe() + ", and its copy offset by h/2 for the"
          + " discretisation error", offset);
    }

    Quadrature described(String text) {
      return new Quadrature(points, weights, text, offsetPoints, checkPoints, checkWeights, monteCarlo);
    }

    /**
     * The tensor-product Gauss–Legendre rule with {@code n} points per axis on [−ℓ, ℓ]^d, x_i = (t_{i_1}, …, t_{i_d}),
     * w_i = Π_j ω_{i_j} with (t, ω) Hipparchus' n-point Legendre nodes and weights on [−ℓ, ℓ] (in
     * double precision: within 1e-13 relative of Hipparchus' high-precision rule up to n = 128, and about 900× faster
     * at n = 64), so Σ_i w_i g(x_i) = ∫g exactly for polynomials of degree ≤ 2n − 1 in each coordinate; with the
     * rule of n − {@value #CHECK_RULE_OFFSET} points per axis as its check. Points in lexicographic order, the last
     * axis fastest.
     */
    static Quadrature gaussLegendre(int d, double halfWidth, int n) {
      double[][] fine = tensorGaussLegendre(d, halfWidth, n);
      double[][] check = tensorGaussLegendre(d, halfWidth, n - CHECK_RULE_OFFSET);
      return new Quadrature(fine[0], fine[1], String.format(java.util.Locale.ROOT,
          "Gauss–Legendre %d^%d on [%.5g, %.5g]^%d, and the %d^%d rule for its error", n, d, -halfWidth, halfWidth,
          d, n - CHECK_RULE_OFFSET, d), null, check[0], check[1], false);
    }

    /** {points [n^d·d], weights [n^d]} of the tensor-product n-point Gauss–Legendre rule on [−ℓ, ℓ]^d. */
    static double[][] tensorGaussLegendre(int d, double halfWidth, int n) {
      GaussIntegrator rule = new GaussIntegratorFactory().legendre(n, -halfWidth, halfWidth);
      long size = 1;
      for (int j = 0; j < d; j++) size *= n;
      if (size * d > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("a Gauss–Legendre rule of " + n + "^" + d + " points is too large");
      }
      int count = (int) size;
      double[] points = new double[count * d];
      double[] weights = new double[count];
      int[] index = new int[d];
      for (int i = 0; i < count; i++) {
        double w = 1;
        for (int j = 0; j < d; j++) {
          points[i * d + j] = rule.getPoint(index[j]);
          w *= rule.getWeight(index[j]);
        }
        weights[i] = w;
        for (int j = d - 1; j >= 0 && ++index[j] == n; j--) index[j] = 0; // odometer, last axis fastest
      }
      return new double[][] {points, weights};
    }

    /** {@value #MONTE_CARLO_POINTS} points of {@link #monteCarlo(SamplingDensity, long, int)}. */
    static Quadrature monteCarlo(SamplingDensity density, long seed) {
      return monteCarlo(density, seed, MONTE_CARLO_POINTS);
    }

    /**
     * N points x_i ~ p with weights 1/(N·p(x_i)), so Σ w_i g(x_i) estimates ∫g. One stream per seed: a larger N
     * extends the points of a smaller one.
     */
    static Quadrature monteCarlo(SamplingDensity density, long seed, int n) {
      return monteCarlo(density, new Well19937c(seed ^ 0x5DEECE66DL), n);
    }

    /** N points x_i ~ p from {@code rng} with weights 1/(N·p(x_i)). */
    static Quadrature monteCarlo(SamplingDensity density, org.hipparchus.random.RandomGenerator rng, int n) {
      int d = density.dimension();
      double[] points = new double[n * d];
      density.sample(rng, points, n);
      double[] weights = new double[n];
      double[] x = new double[d];
      for (int i = 0; i < n; i++) {
        System.arraycopy(points, i * d, x, 0, d);
        double s = density.sqrtDensity(x);
        weights[i] = 1.0 / (n * s * s);
      }
      return new Quadrature(points, weights, "Monte Carlo, " + n + " points from " + density.describe(), null);
    }
  }

  /**
   * This reference on a fresh Monte Carlo quadrature drawn from an adapted training density q ({@value
   * #MONTE_CARLO_POINTS} points, weights 1/(N·q) = (p/q)/(N·p)), the reference eigenfunctions sampled there: where the
   * learned functions live, so their estimates have the smaller errors. Itself when the quadrature is not Monte Carlo
   * or q has not been fitted yet.
   *
   * @param step the evaluation's step, which seeds the draw (a run evaluated again draws the same points)
   */
  public SolveReference drawnFrom(AdaptiveDensity q, Problem problem, long seed, int step) {
    if (!monteCarlo || !q.fitted()) return this;
    Quadrature draw = adaptedDraw(q, problem.dimension(), seed, step, weights.length);
    return onPoints(problem, draw.points(), draw.weights(), draw.description());
  }

  /** N points of an adapted density q seeded by (seed, tag), weights 1/(N·q) = (p/q)/(N·p). */
  private static Quadrature adaptedDraw(AdaptiveDensity q, int d, long seed, int tag, int n) {
    double[] x = new double[n * d];
    q.sample(new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), tag, 0x4D43}), x, n);
    double[] w = new double[n];
    double[] point = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * d, point, 0, d);
      double s = q.envelope().sqrtDensity(point);
      w[i] = s == 0 ? 0 : q.weight(point) / (n * s * s);
    }
    return new Quadrature(x, w, "Monte Carlo, " + n + " points from " + q.describe(), null);
  }

  /**
   * Two quadratures of this one's kind on nodes of their own, the first to fit on and the second to check the fit
   * on points it did not see ({@link OutputLayerRitz}): the Gauss–Legendre rules with n + 1 and n + 2 points per axis
   * (n this rule's), the uniform grids with n + 1 and n + 2 points per axis (without offset copies), or two fresh
   * Monte Carlo draws of this one's size, from the adapted density {@code sampler} once it is fitted.
   */
  Quadrature[] refitRules(Problem problem, SamplingDensity density, AdaptiveDensity sampler, long seed) {
    int d = problem.dimension();
    int n = weights.length;
    Quadrature[] rules = new Quadrature[2];
    for (int r = 0; r < 2; r++) {
      if (monteCarlo) {
        int tag = -1 - r; // training steps are ≥ 0: these draws never repeat an evaluation's
        rules[r] = sampler != null && sampler.fitted() ? adaptedDraw(sampler, d, seed, tag, n)
            : Quadrature.monteCarlo(density, new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), tag, 0x5249}), n);
        continue;
      }
      int perAxis = (int) Math.round(Math.pow(n, 1.0 / d)) + 1 + r;
      if (checkPoints != null) {
        double[][] rule = Quadrature.tensorGaussLegendre(d, problem.halfWidth(), perAxis);
        rules[r] = new Quadrature(rule[0], rule[1], "Gauss–Legendre " + perAxis + "^" + d, null);
      } else {
        Grid grid = evaluationGrid(problem, perAxis);
        double[] w = new double[grid.size()];
        Arrays.fill(w, grid.cellVolume());
        rules[r] = new Quadrature(gridPoints(grid), w, "uniform grid " + grid.describe(), null);
      }
    }
    return rules;
  }

  /**
   * This reference on {@code n} Monte Carlo points of the training density (the same stream as the evaluations
   * during training, extended), the reference eigenfunctions sampled there; itself when the quadrature is a grid
   * or already has n points. A Gauss–Legendre quadrature becomes the rule with the most points per axis that n
   * affords ({@link #gaussLegendrePoints}, e.g. 16 in 5-D for 2^20), with its check rule.
   *
   * @throws IllegalArgumentException when n &lt; 2
   */
  public SolveReference withMonteCarloPoints(int n, Problem problem, SamplingDensity density, long seed) {
    if (n < 2) throw new IllegalArgumentException("--eval-points must be at least 2, got " + n);
    if (checkPoints != null) { // Gauss–Legendre: the most points per axis that n affords
      int d = problem.dimension();
      int perAxis = gaussLegendrePoints(d, n);
      if (Math.pow(perAxis, d) == weights.length) return this;
      Quadrature q = Quadrature.gaussLegendre(d, problem.halfWidth(), perAxis);
      SampledFunctions f = functions == null ? null : SampledFunctions.of(sample(
          problem.exact().eigenbasis(comparable).orElseThrow(), q.points(), d, comparable), q.weights());
      return new SolveReference(energies, kind, exact, finiteDifference, fdDescription, groups, q.points(),
          q.weights(), q.description(), f, comparable, notes, false, null, q.checkPoints(), q.checkWeights());
    }
    if (!monteCarlo || n == weights.length) return this;
    Quadrature q = Quadrature.monteCarlo(density, seed, n);
    return onPoints(problem, q.points(), q.weights(), q.description());
  }

  private SolveReference onPoints(Problem problem, double[] x, double[] w, String description) {
    int d = problem.dimension();
    SampledFunctions f = functions == null ? null
        : SampledFunctions.of(sample(problem.exact().eigenbasis(comparable).orElseThrow(), x, d, comparable), w);
    return new SolveReference(energies, kind, exact, finiteDifference, fdDescription, groups, x, w, description, f,
        comparable, notes, true, null, null, null);
  }

  /** Whether this reference has energies (false for {@code --reference none}). */
  public boolean hasEnergies() {
    return energies != null;
  }

  /** The energy of the first level strictly above mode {@code index} (0-based), or NaN if not listed. */
  public double nextLevelAbove(int index) {
    int g = groups.groupOf(index);
    return g + 1 < groups.count() ? energies[groups.start(g + 1)] : Double.NaN;
  }

  private static DegeneracyGroups numericGroups(ReferenceSolution fd) {
    int[] starts = fd.groups().stream().mapToInt(ReferenceSolution.Group::start).toArray();
    return new DegeneracyGroups(starts, fd.count());
  }

  /** The largest m ≤ L such that modes 0..m−1 are complete shells. */
  static int shellPrefix(DegeneracyGroups groups, int outputs) {
    int best = 0;
    for (int g = 0; g < groups.count(); g++) {
      if (groups.end(g) <= outputs) best = groups.end(g);
    }
    return best;
  }

  private static double[] gridPoints(Grid grid) {
    int d = grid.dimension();
    double[] out = new double[grid.size() * d];
    double[] x = new double[d];
    for (int i = 0; i < grid.size(); i++) {
      grid.point(i, x);
      System.arraycopy(x, 0, out, i * d, d);
    }
    return out;
  }

  private static org.ejml.data.DMatrixRMaj sample(ExactEigenbasis basis, double[] points, int d, int count) {
    int n = points.length / d;
    var m = new org.ejml.data.DMatrixRMaj(n, count);
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points, i * d, x, 0, d);
      for (int k = 0; k < count; k++) m.set(i, k, basis.value(k, x));
    }
    return m;
  }
}
