package org.opsvd.solver.classical;

import org.opsvd.operators.grid.LaplacianStencil;

/**
 * Predicted solve times in seconds (one thread, native ARPACK, warm JIT) of the grid routes, for choosing a
 * route; calibrated on the benchmark cases in benchmarks/RESULTS.md (2026-12-04 section), good to a factor of
 * about 1.5, which is all the choice needs.
 *
 * <ul>
 *   <li>Chebyshev (finite differences or DVR): P·n·(cost of one product per point), with P = m·A products of H:
 *       m the filter degree of {@link ChebyshevFilterSolver#degree} for the sketched λ_min, cut and λ_max, and
 *       A ≈ 3·nev' + 15 applications of the filter (Lanczos, restarts, degeneracy check), nev' = nev + max(3, nev/4).
 *       One product per point costs {@link #FD_2D} s (2D stencil), {@link #FD_3D} (3D stencil) and
 *       {@link #DVR_PER_AXIS_POINT}·d·N (DVR: d dense axis products of length N).</li>
 *   <li>Shift-invert: nested-dissection Cholesky plus about 5·nev solves; fitted as a power of N per axis,
 *       2D: {@link #SI_2D_O2}·N^2.6 (order 2), {@link #SI_2D_O4}·N^2.6 (order 4), times (½ + ½·nev/21); 3D: order 2
 *       33 s at 40³ growing like N^6.6 (the facts file: fill 122 M at 60³), order 4 2.5× that.</li>
 * </ul>
 */
final class CostModel {

    /** s per H product per point, 2D stencil (including ARPACK's orthogonalisation share). */
    static final double FD_2D = 4.7e-9;
    /** s per H product per point, 3D stencil. */
    static final double FD_3D = 1.2e-8;
    /** s per multiply-add of the DVR product (per point, per axis, per term of the axis sum). */
    static final double DVR_PER_AXIS_POINT = 0.65e-9;
    /** s per N^2.6, 2D shift-invert, order 2 and 4. */
    static final double SI_2D_O2 = 1.85e-6;
    static final double SI_2D_O4 = 4.4e-6;

    private CostModel() {
    }

    /** Products of H a Chebyshev-filtered solve needs: degree × filter applications. */
    static double chebyshevProducts(SpectrumSketch s, double upper, int nev) {
        int wanted = nev + Math.max(3, nev / 4);
        double lowest = s.minV();
        double cut = lowest + 1.5 * Math.max(s.level() - lowest, 1e-3 * Math.max(1, Math.abs(lowest)));
        int m = ChebyshevFilterSolver.degree(4.0, lowest, cut, Math.max(upper, cut * (1 + 1e-9) + 1e-9));
        return (double) m * (3 * wanted + 15);
    }

    /** Finite differences, Chebyshev route, N points per axis in d dimensions. */
    static double chebyshev(SpectrumSketch s, int d, int n, double halfWidth, int order, int nev) {
        double h = 2 * halfWidth / (n + 1);
        double upper = s.maxV() + s.kinetic() * d * LaplacianStencil.ofOrder(order).absoluteSum() / (h * h);
        double points = Math.pow(n, d);
        return chebyshevProducts(s, upper, nev) * points * (d <= 2 ? FD_2D : FD_3D);
    }

    /** DVR, Chebyshev route (one grid). */
    static double dvr(SpectrumSketch s, int d, int n, double halfWidth, int nev) {
        double k = n * Math.PI / (2 * halfWidth);
        double upper = s.maxV() + s.kinetic() * d * k * k;
        return chebyshevProducts(s, upper, nev) * Math.pow(n, d) * d * n * DVR_PER_AXIS_POINT;
    }

    /** Finite differences, shift-invert route. */
    static double shiftInvert(int d, int n, int order, int nev) {
        double scale = 0.5 + 0.5 * nev / 21.0;
        if (d == 1) {
            return 1e-6 * n * nev;
        }
        if (d == 2) {
            return (order == 2 ? SI_2D_O2 : SI_2D_O4) * Math.pow(n, 2.6) * scale;
        }
        return 33 * Math.pow(n / 40.0, 6.6) * (order == 2 ? 1 : 2.5) * Math.pow(n / 40.0, 3 * (d - 3)) * scale;
    }
}
