package org.opsvd.operators;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.hipparchus.analysis.differentiation.UnivariateDifferentiableFunction;

/**
 * Any potential with its gradient and Laplacian by finite differences along each axis (Hipparchus'
 * {@link FiniteDifferencesDifferentiator}, 7 points with step h = 1e-3: truncation O(h⁶), rounding about
 * 1e-16·|V|/h² ≈ 1e-10·|V| in the second derivatives, float64).
 *
 * @param potential the potential to differentiate (smooth near the points where derivatives are asked)
 */
public record NumericallyDifferentiated(Potential potential) implements SmoothPotential {

    private static final FiniteDifferencesDifferentiator STENCIL = new FiniteDifferencesDifferentiator(7, 1e-3);
    private static final DSFactory SECOND_ORDER = new DSFactory(1, 2);

    @Override
    public int dimension() {
        return potential.dimension();
    }

    @Override
    public double value(double[] x) {
        return potential.value(x);
    }

    @Override
    public java.util.List<CoulombCentre> coulombCentres() {
        return potential.coulombCentres();
    }

    @Override
    public String describe() {
        return potential.describe();
    }

    @Override
    public void gradient(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = axis(x, i).value(SECOND_ORDER.variable(0, x[i])).getPartialDerivative(1);
        }
    }

    @Override
    public double laplacian(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += axis(x, i).value(SECOND_ORDER.variable(0, x[i])).getPartialDerivative(2);
        }
        return sum;
    }

    /** t ↦ V(x with x_i = t), differentiated. */
    private UnivariateDifferentiableFunction axis(double[] x, int i) {
        double[] y = x.clone();
        return STENCIL.differentiate((double t) -> {
            y[i] = t;
            return potential.value(y);
        });
    }
}
