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

    static final int POINTS_2D = 64;
    static final int POINTS_3D = 24;

    /** The sketch for the lowest {@code count} eigenvalues. */
    static SpectrumSketch of(Problem problem, int count) {
        int d = problem.dimension();
        int n = d == 1 ? 512 : d == 2 ? POINTS_2D : d == 3 ? POINTS_3D : 8;
        Grid coarse = new Grid(d, n, problem.halfWidth(), problem.boundary());
        DiscreteHamiltonian h = DiscreteHamiltonian.of(problem.hamiltonian(), coarse, LaplacianStencil.ofOrder(2));
        double max = Double.NEGATIVE_INFINITY;
        for (double v : h.potentialValues()) {
            max = Math.max(max, v);
        }
        return new SpectrumSketch(h.lowerBound(), max, SpectrumEstimates.weylLevel(h, count),
                problem.hamiltonian().kinetic());
    }

    /** √((λ_count − min V)/c): the largest classically allowed wave number of the wanted states. */
    double wavenumber() {
        return Math.sqrt(Math.max(level - minV, 0) / kinetic);
    }
}
