package org.opsvd.solver.classical;

import org.opsvd.operators.grid.DiscreteHamiltonian;

/**
 * y = T_m((H − c)/e)·x by the three-term recurrence Y₀ = x, Y₁ = (H − c)Y₀/e,
 * Y_{k+1} = 2(H − c)Y_k/e − Y_{k−1}, with c = (a + b)/2, e = (b − a)/2 mapping [a, b] onto [−1, 1].
 * Costs m products with H, each one fused stencil pass {@link DiscreteHamiltonian#applyShifted} that also does
 * the recurrence update in place (Y_{k−1} is overwritten by Y_{k+1}), so no allocation and only two work vectors;
 * not thread-safe.
 */
final class ChebyshevOperator implements SymmetricOperator {

    private final DiscreteHamiltonian h;
    private final int degree;
    private final double centre;
    private final double halfWidth;
    private final double[] prev;
    private final double[] curr;
    private int products;

    ChebyshevOperator(DiscreteHamiltonian h, int degree, double a, double b) {
        if (degree < 1 || !(b > a)) {
            throw new IllegalArgumentException("need degree >= 1 and a < b, got " + degree + ", [" + a + ", " + b + "]");
        }
        this.h = h;
        this.degree = degree;
        this.centre = 0.5 * (a + b);
        this.halfWidth = 0.5 * (b - a);
        int n = h.size();
        this.prev = new double[n];
        this.curr = new double[n];
    }

    /** Products with H so far. */
    int products() {
        return products;
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        int n = prev.length;
        double[] a = prev;
        double[] b = curr;
        System.arraycopy(x, xOff, a, 0, n);
        double s = 1 / halfWidth;
        h.applyShifted(a, b, s, centre, 0, null);
        for (int k = 1; k < degree; k++) {
            h.applyShifted(b, a, 2 * s, centre, -1, a);
            double[] t = a;
            a = b;
            b = t;
        }
        products += degree;
        System.arraycopy(b, 0, y, yOff, n);
    }
}
