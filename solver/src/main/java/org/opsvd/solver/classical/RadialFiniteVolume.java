package org.opsvd.solver.classical;

import java.util.function.DoubleUnaryOperator;

/**
 * The cell-centred finite-volume discretisation of the radial equation of −c·Δ + v(|x|) in d = 2 or 3
 * dimensions, one symmetric tridiagonal matrix per angular momentum.
 *
 * <p>With R(r) the radial factor (ψ = R e^{imθ} in 2D, ψ = R Y_ℓm in 3D) the equation, multiplied by the
 * radial measure r^{d−1}, is the Sturm–Liouville problem
 * <pre>
 *   −c (r^{d−1} R')' + (c·Λ·r^{d−3} + r^{d−1} v) R = E r^{d−1} R,   Λ = m² (2D), ℓ(ℓ+1) (3D).
 * </pre>
 * Multiplying by r^{d−1} removes the Coulomb singularity: r^{d−1}·(−Z/r) is −Z (2D) or −Z r (3D), smooth.
 * Cells are [ih, (i+1)h], i = 0..M−1, centres r_i = (i+½)h, M·h = R_max. Integrating over cell i:
 * <ul>
 *   <li>flux through face r_f = ih: c·r_f^{d−1}(R_i − R_{i−1})/h. At r = 0 the face weight r^{d−1} vanishes,
 *       so no boundary condition is needed there (regularity is built in; for 3D this is u = rR, u(0) = 0).
 *       At the wall R_max the Dirichlet value R = 0 sits h/2 from the last centre: flux 2c·R_max^{d−1}R_{M−1}/h;</li>
 *   <li>centrifugal and potential terms by the midpoint rule: h·(c·Λ·r_i^{d−3} + r_i^{d−1} v(r_i))·R_i
 *       (v is only evaluated at centres, never at r = 0);</li>
 *   <li>mass: the exact cell average of r^{d−1}, b_i = r_i (2D) or r_i² + h²/12 (3D).</li>
 * </ul>
 * This gives A R = E B R with A symmetric tridiagonal and B = diag(b) positive. The substitution
 * R = B^{−1/2}y (in 3D, y_i ≈ r_i R_i = u(r_i)) turns it into the standard symmetric tridiagonal problem
 * T y = E y, T = B^{−1/2} A B^{−1/2}. The scheme is second order, also for Coulomb (measured in the tests).
 *
 * <p>The angular-momentum-independent parts are computed once per grid; {@link #channel(int)} adds the
 * centrifugal term.
 */
final class RadialFiniteVolume {

    private final int dimension;
    private final double h;
    private final int cells;
    private final double[] base;
    private final double[] centrifugal;
    private final double[] offDiagonalSquared;

    /**
     * @param v         v(r), evaluated at the cell centres
     * @param dimension 2 or 3
     * @param kinetic   c &gt; 0
     * @param rMax      the wall position
     * @param cells     the number M of cells (h = rMax/M)
     * @throws IllegalArgumentException if v is not finite at a centre (the message names the r)
     */
    RadialFiniteVolume(DoubleUnaryOperator v, int dimension, double kinetic, double rMax, int cells) {
        this.dimension = dimension;
        this.cells = cells;
        this.h = rMax / cells;
        this.base = new double[cells];
        this.centrifugal = new double[cells];
        this.offDiagonalSquared = new double[Math.max(cells - 1, 0)];
        double[] mass = new double[cells];
        double h2 = h * h;
        for (int i = 0; i < cells; i++) {
            double r = (i + 0.5) * h;
            double value = v.applyAsDouble(r);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("potential is not finite at r = " + r + " (v = " + value + ")");
            }
            double faceIn = Math.pow(i * h, dimension - 1);
            double faceOut = i == cells - 1 ? 2 * Math.pow(rMax, dimension - 1)
                    : Math.pow((i + 1) * h, dimension - 1);
            double rd1 = Math.pow(r, dimension - 1);
            mass[i] = dimension == 2 ? r : r * r + h2 / 12;
            base[i] = (kinetic * (faceIn + faceOut) / h2 + rd1 * value) / mass[i];
            centrifugal[i] = kinetic * Math.pow(r, dimension - 3) / mass[i];
        }
        for (int i = 0; i < cells - 1; i++) {
            double a = kinetic * Math.pow((i + 1) * h, dimension - 1) / h2;
            offDiagonalSquared[i] = a * a / (mass[i] * mass[i + 1]);
        }
    }

    /** The cell width h = rMax / M. */
    double h() {
        return h;
    }

    /** The number M of cells. */
    int cells() {
        return cells;
    }

    /**
     * The symmetric tridiagonal T for one angular momentum: |m| in 2D, ℓ in 3D.
     */
    SymmetricTridiagonal channel(int angular) {
        double lambda = dimension == 2 ? (double) angular * angular : (double) angular * (angular + 1);
        double[] d = new double[cells];
        for (int i = 0; i < cells; i++) {
            d[i] = base[i] + lambda * centrifugal[i];
        }
        return new SymmetricTridiagonal(d, offDiagonalSquared);
    }
}
