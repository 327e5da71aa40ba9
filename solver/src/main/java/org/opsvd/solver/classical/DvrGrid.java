package org.opsvd.solver.classical;

import org.opsvd.operators.Problem;

/**
 * The grid sequence of the automatic DVR: a first n per axis from the wanted states' largest classically
 * allowed wave number k = √((λ_count − min V)/c) (the sampling theorem asks π/h &gt; k; the decaying tails ask
 * for more, and on the 2D/3D test potentials π/h ≈ 2k + 1.5 reached 1e-8–1e-10), then growth by
 * {@value #GROWTH} until two successive grids agree to {@link #TOLERANCE}.
 */
final class DvrGrid {

    /** Relative agreement of two successive DVR grids that ends the sequence. */
    static final double TOLERANCE = 1e-10;
    /** Factor between successive grids. */
    static final double GROWTH = 1.25;
    /** Grids tried at most. */
    static final int MAX_GRIDS = 5;

    private DvrGrid() {
    }

    /** The first grid (points per axis), at least 12. */
    static int initial(Problem problem, SpectrumSketch sketch) {
        double wave = 2 * sketch.wavenumber() + 1.5;
        double h = Math.PI / wave;
        int n = (int) Math.ceil(2 * problem.halfWidth() / h) - 1;
        return Math.max(12, n);
    }

    /** The grid before n, for the error estimate. */
    static int coarser(int n) {
        return Math.max(6, (int) Math.round(n / GROWTH));
    }

    /** The grid after n. */
    static int finer(int n) {
        return Math.max(n + 2, (int) Math.round(n * GROWTH));
    }
}
