package org.opsvd.operators.grid;

/**
 * A central finite-difference stencil for d²/dx² along one axis, applied per axis to build Δ.
 *
 * <ul>
 *   <li>{@link #SECOND_ORDER}: (1, −2, 1)/h², error O(h²); 5 points in 2D, 7 in 3D.</li>
 *   <li>{@link #FOURTH_ORDER}: (−1, 16, −30, 16, −1)/(12h²), error O(h⁴); the wide cross, 9 points in 2D,
 *       13 in 3D. Near Dirichlet walls the points beyond the wall are taken as 0 (the wall value), which
 *       keeps the matrix symmetric.</li>
 * </ul>
 */
public enum LaplacianStencil {
    SECOND_ORDER(2, new double[] {-2, 1}),
    FOURTH_ORDER(4, new double[] {-30.0 / 12, 16.0 / 12, -1.0 / 12});

    private final int order;
    private final double[] weights;

    LaplacianStencil(int order, double[] weights) {
        this.order = order;
        this.weights = weights;
    }

    /** The stencil for a given order (2 or 4). */
    public static LaplacianStencil ofOrder(int order) {
        return switch (order) {
            case 2 -> SECOND_ORDER;
            case 4 -> FOURTH_ORDER;
            default -> throw new IllegalArgumentException("finite-difference order must be 2 or 4, got " + order);
        };
    }

    /** The order of accuracy p (error O(h^p)). */
    public int order() {
        return order;
    }

    /** How far the stencil reaches: 1 or 2 points. */
    public int reach() {
        return weights.length - 1;
    }

    /** The weight of offset k (0 ≤ k ≤ reach) in units of 1/h²; symmetric in ±k. */
    public double weight(int offset) {
        return weights[Math.abs(offset)];
    }

    /** Σ_k |w_k| over the full symmetric stencil, in units of 1/h²: bounds the spectrum of −d²/dx² above. */
    public double absoluteSum() {
        double s = Math.abs(weights[0]);
        for (int k = 1; k < weights.length; k++) {
            s += 2 * Math.abs(weights[k]);
        }
        return s;
    }
}
