package org.opsvd.operators.dynamics;

import org.opsvd.operators.NumericallyDifferentiated;
import org.opsvd.operators.Potential;
import org.opsvd.operators.SmoothPotential;

/**
 * A potential with its gradient by plain central differences along each axis, step s_i = ε·max(1, |x_i|) with
 * ε = 1e-5:
 * <pre>  ∂_iV ≈ (V(x + s_i e_i) − V(x − s_i e_i)) / 2s_i,</pre>
 * float64. The gradient's error is about s²|∂³V|/6 + 1e-16|V|/s ≈ 1e-10 relative: far below an Euler–Maruyama
 * step's, at two evaluations of V per axis (a fifth of the cost of the 7-point {@link NumericallyDifferentiated},
 * which gives the Laplacian).
 *
 * @param potential the potential to differentiate (not thread-safe if it is not)
 */
public record CentralDifferences(Potential potential) implements SmoothPotential {

    private static final double EPSILON = 1e-5;

    @Override
    public int dimension() {
        return potential.dimension();
    }

    @Override
    public double value(double[] x) {
        return potential.value(x);
    }

    @Override
    public String describe() {
        return potential.describe();
    }

    @Override
    public void gradient(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double s = EPSILON * Math.max(1, Math.abs(xi));
            x[i] = xi + s;
            double plus = potential.value(x);
            x[i] = xi - s;
            double minus = potential.value(x);
            x[i] = xi;
            out[i] = (plus - minus) / (2 * s);
        }
    }

    /** ΔV by the accurate 7-point stencil of {@link NumericallyDifferentiated} (the integrator does not need it). */
    @Override
    public double laplacian(double[] x) {
        return new NumericallyDifferentiated(potential).laplacian(x);
    }
}
