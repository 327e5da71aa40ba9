package org.opsvd.solver.classical;

import org.opsvd.operators.grid.DiscreteHamiltonian;

/**
 * y = T_m((H − c)/e)·x by the three-term recurrence Y₀ = x, Y₁ = (H − c)Y₀/e,
 * Y_{k+1} = 2(H − c)Y_k/e − Y_{k−1}, with c = (a + b)/2, e = (b − a)/2 mapping [a, b] onto [−1, 1].
 * Costs m products with H; not thread-safe (three work vectors).
 */
final class ChebyshevOperator implements SymmetricOperator {

    private final SymmetricOperator h;
    private final int degree;
    private final double centre;
    private final double halfWidth;
    private final double[] prev;
    private final double[] curr;
    private final double[] hx;
    private int products;

    ChebyshevOperator(DiscreteHamiltonian h, int degree, double a, double b) {
        if (degree < 1 || !(b > a)) {
            throw new IllegalArgumentException("need degree >= 1 and a < b, got " + degree + ", [" + a + ", " + b + "]");
        }
        this.h = h::apply;
        this.degree = degree;
        this.centre = 0.5 * (a + b);
        this.halfWidth = 0.5 * (b - a);
        int n = h.size();
        this.prev = new double[n];
        this.curr = new double[n];
        this.hx = new double[n];
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
        h.apply(a, 0, hx, 0);
        double s = 1 / halfWidth;
        for (int i = 0; i < n; i++) {
            b[i] = s * (hx[i] - centre * a[i]);
        }
        for (int k = 1; k < degree; k++) {
            h.apply(b, 0, hx, 0);
            for (int i = 0; i < n; i++) {
                a[i] = 2 * s * (hx[i] - centre * b[i]) - a[i];
            }
            double[] t = a;
            a = b;
            b = t;
        }
        products += degree;
        System.arraycopy(b, 0, y, yOff, n);
    }
}
