package org.opsvd.solver.classical;

/**
 * Settings of {@link RadialReference}: the box, the grid, Richardson extrapolation and the tolerances for
 * grouping levels into shells and for flagging levels that the wall binds. Immutable; change one setting
 * with the {@code with…} methods.
 *
 * <h2>Choosing rMax</h2>
 * The wall is a Dirichlet condition at r = rMax, so every wanted state must have decayed there. A bound
 * state of energy E below the threshold v(∞) decays beyond its outer classical turning point r_t (where
 * v(r_t) = E) like exp(−κr), κ = √((v(∞) − E)/c). Take rMax ≳ r_t + 12/κ; then the wall moves E by far less
 * than 1e-6 relative. Examples with c = ½: 2D hydrogen (−1/r) n = 4 has E = −0.0408, r_t = 24.5,
 * 12/κ = 42, so rMax = 80 (the default) suffices for n ≤ 4 but not for n = 5 (rMax ≈ 100); 3D hydrogen
 * n ≤ 4 needs rMax ≈ 80. Coulomb lengths scale like c/Z, so with c = 1 double these (the default does).
 * Confining potentials (harmonic) need far less: rMax ≈ √(2E_max/ω²) + 6.
 * The solver checks every returned level by moving the wall in to 0.9·rMax (see
 * {@link RadialLevel#wallShift()}) and writes a note when that shifts it by more than
 * {@code wallTolerance}·|E|.
 *
 * <h2>Choosing h</h2>
 * The scheme is O(h²) (also for Coulomb); the extrapolated energies (from h and h/2) are then accurate to
 * O(h⁴). Measured for 2D hydrogen with c = ½: relative error of the lowest 16 levels 4e-4 at h = 0.02
 * without extrapolation; about 1e-7 with extrapolation from h = 0.02 and 0.01. The cost is
 * O(rMax/h) per level (a few ms per level at the defaults).
 *
 * @param rMax           the wall position, &gt; 0 (the grid is rounded so that rMax is a whole number of cells)
 * @param h              the cell width of the base grid, &gt; 0, at most rMax/4
 * @param extrapolate    whether to solve also on h/2 and return (4E_{h/2} − E_h)/3
 * @param groupTolerance levels a, b belong to one shell when
 *                       |E_a − E_b| ≤ groupTolerance·max(|E_a|, |E_b|, 10⁻³·|E_ground|); must exceed the
 *                       remaining discretisation error (default 1e-3: degenerate levels agree to about 1e-7
 *                       after extrapolation and to about 1e-4 at h = 0.02 without it). A larger value errs on
 *                       the safe side: near-degenerate levels merge into one shell, complete shells stay
 *                       complete
 * @param wallTolerance  a level is reported as bound by the wall when moving the wall to 0.9·rMax shifts it
 *                       by more than wallTolerance·|E| (default 1e-6; the shift overestimates the wall's
 *                       effect at rMax several-fold)
 */
public record RadialOptions(double rMax, double h, boolean extrapolate, double groupTolerance, double wallTolerance) {

    /** The default wall for c = ½ (scaled by 2c for other kinetic coefficients). */
    public static final double DEFAULT_R_MAX = 80;
    /** The default cell width for c = ½ (scaled by 2c for other kinetic coefficients). */
    public static final double DEFAULT_H = 0.02;
    /** The default relative shell-grouping tolerance. */
    public static final double DEFAULT_GROUP_TOLERANCE = 1e-3;
    /** The default relative wall-shift tolerance. */
    public static final double DEFAULT_WALL_TOLERANCE = 1e-6;

    public RadialOptions {
        if (!(rMax > 0) || !Double.isFinite(rMax)) {
            throw new IllegalArgumentException("rMax must be positive and finite, got " + rMax);
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be positive and finite, got " + h);
        }
        if (h > rMax / 4) {
            throw new IllegalArgumentException("h = " + h + " is too coarse for rMax = " + rMax
                    + ": need at least 4 cells (h ≤ rMax/4)");
        }
        if (rMax / h > 1e8) {
            throw new IllegalArgumentException("rMax/h = " + rMax / h + " cells is too many (at most 1e8)");
        }
        if (!(groupTolerance >= 0) || !Double.isFinite(groupTolerance)) {
            throw new IllegalArgumentException("groupTolerance must be ≥ 0 and finite, got " + groupTolerance);
        }
        if (!(wallTolerance > 0) || !Double.isFinite(wallTolerance)) {
            throw new IllegalArgumentException("wallTolerance must be positive and finite, got " + wallTolerance);
        }
    }

    /**
     * The defaults for kinetic coefficient c: rMax = 80·2c, h = 0.02·2c (so rMax = 80, h = 0.02 for c = ½;
     * 160 and 0.04 for c = 1, the same problem in Coulomb length units 2c/Z), with extrapolation.
     */
    public static RadialOptions defaults(double kinetic) {
        if (!(kinetic > 0) || !Double.isFinite(kinetic)) {
            throw new IllegalArgumentException("kinetic coefficient must be positive and finite, got " + kinetic);
        }
        double scale = 2 * kinetic;
        return new RadialOptions(DEFAULT_R_MAX * scale, DEFAULT_H * scale, true,
                DEFAULT_GROUP_TOLERANCE, DEFAULT_WALL_TOLERANCE);
    }

    /** These options with another wall position. */
    public RadialOptions withRMax(double newRMax) {
        return new RadialOptions(newRMax, h, extrapolate, groupTolerance, wallTolerance);
    }

    /** These options with another base cell width. */
    public RadialOptions withH(double newH) {
        return new RadialOptions(rMax, newH, extrapolate, groupTolerance, wallTolerance);
    }

    /** These options with Richardson extrapolation switched on or off. */
    public RadialOptions withExtrapolate(boolean on) {
        return new RadialOptions(rMax, h, on, groupTolerance, wallTolerance);
    }

    /** These options with another shell-grouping tolerance. */
    public RadialOptions withGroupTolerance(double tolerance) {
        return new RadialOptions(rMax, h, extrapolate, tolerance, wallTolerance);
    }

    /** These options with another wall-shift tolerance. */
    public RadialOptions withWallTolerance(double tolerance) {
        return new RadialOptions(rMax, h, extrapolate, groupTolerance, tolerance);
    }

    /** The number of cells of the base grid, M = max(4, round(rMax/h)). */
    public int cells() {
        return (int) Math.max(4, Math.round(rMax / h));
    }
}
