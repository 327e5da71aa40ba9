package org.opsvd.solver.classical;

import org.opsvd.operators.Problem;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/**
 * What the route choice needs to know about a problem before solving it, from V on a coarse grid of the box
 * (at most {@value #POINTS_2D}² / {@value #POINTS_3D}³ points, milliseconds): min V, max V and the
 * semiclassical (Weyl) estimate of the count-th eigenvalue.
 *
 * @param minV    min V on the coarse grid (≈ a lower bound of the spectrum)
 * @param maxV    max V on the coarse grid (≈ max V on any grid of the box)
 * @param level   the Weyl estimate of λ_count
 * @param kinetic c of −c·Δ
 */
record SpectrumSketch(double minV, double maxV, double level, double kinetic) {

    static final int POINTS_2D = 48;
    static final int POINTS_3D = 20;

    /** The sketch for the lowest {@code count} eigenvalues. */
    static SpectrumSketch of(Problem problem, int count) {
        int d = problem.dimension();
        int n = d == 1 ? 256 : d == 2 ? POINTS_2D : d == 3 ? POINTS_3D : 8;
        Grid coarse = new Grid(d, n, problem.halfWidth(), problem.boundary());
        DiscreteHamiltonian h = DiscreteHamiltonian.of(problem.hamiltonian(), coarse, LaplacianStencil.ofOrder(2));
        double max = Double.NEGATIVE_INFINITY;
        for (double v : h.potentialValues()) {
            max = Math.max(max, v);
        }
        return new SpectrumSketch(h.lowerBound(), max, weylLevel(h.potentialValues(), coarse, h.kinetic(), count),
                problem.hamiltonian().kinetic());
    }

    /**
     * λ with Weyl count (2π)^{−d}·ω_d·h^d·Σ_i ((λ − V_i)₊/c)^{d/2} = count, by 50 bisection steps on
     * [min V, min V + s], s doubled from 1 until the count is reached (relative 1e-15 of the bracket is far more than
     * the route choice needs; {@link SpectrumEstimates#weylLevel} is the exact-tolerance version). The bracket does not
     * start from the potential's span: an exponential wall, e^{64} on [−64, 64], made that bracket's resolution about
     * 1e13 hartree and the DVR grid asked for 2·10^8 points.
     */
    private static double weylLevel(double[] v, Grid g, double c, int count) {
        int d = g.dimension();
        double omega = d == 1 ? 2 : d == 2 ? Math.PI : d == 3 ? 4 * Math.PI / 3 : Math.pow(Math.PI, d / 2.0)
                / org.hipparchus.special.Gamma.gamma(d / 2.0 + 1);
        double scale = g.cellVolume() * omega / Math.pow(2 * Math.PI, d);
        double lo = Double.POSITIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
        }
        double span = 1;
        while (count(v, c, d, lo + span) * scale < count) {
            span *= 2;
        }
        double hi = lo + span;
        for (int it = 0; it < 50; it++) {
            double mid = 0.5 * (lo + hi);
            if (count(v, c, d, mid) * scale < count) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double count(double[] v, double c, int d, double lambda) {
        double s = 0;
        for (double x : v) {
            double t = (lambda - x) / c;
            if (t > 0) {
                s += d == 2 ? t : d == 3 ? t * Math.sqrt(t) : d == 1 ? Math.sqrt(t) : Math.pow(t, d / 2.0);
            }
        }
        return s;
    }

    /** √((λ_count − min V)/c): the largest classically allowed wave number of the wanted states. */
    double wavenumber() {
        return Math.sqrt(Math.max(level - minV, 0) / kinetic);
    }
}
