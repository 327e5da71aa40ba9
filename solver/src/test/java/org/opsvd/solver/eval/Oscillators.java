package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.spectra.HarmonicOscillatorEigenbasis;

/** The paper's 2D oscillator H = −Δ + |x|² (c = 1, ω = √2, E = 2n + 2) and helpers shared by the tests. */
final class Oscillators {

    static final double OMEGA = Math.sqrt(2);

    /**
     * A Dirichlet grid on which Riemann sums of products of the lowest 15 Hermite functions are exact to
     * ~1e-16: h = 18/73 ≈ 0.25 (aliasing error ~exp(−(π/h)²/…) far below eps) and |x| ≤ 9 (tails e^{−81}).
     */
    static final Grid FINE = Grid.dirichlet(2, 72, 9);

    private Oscillators() {
    }

    /** The five lowest shells (15 states) of the 2D oscillator. */
    static HarmonicOscillatorEigenbasis basis2d() {
        return new HarmonicOscillatorEigenbasis(new double[] {OMEGA, OMEGA}, 1.0, 15);
    }

    /** The identity (n×n) with the rotation [[c, −s], [s, c]] in rows/columns i, j (ψ̂_i = cψ_i + sψ_j, ψ̂_j = −sψ_i + cψ_j). */
    static DMatrixRMaj rotation(int n, int i, int j, double angle) {
        DMatrixRMaj r = CommonOps_DDRM.identity(n);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        r.set(i, i, c);
        r.set(j, i, s);
        r.set(i, j, -s);
        r.set(j, j, c);
        return r;
    }
}
