package org.opsvd.operators.potentials;

import java.util.Arrays;
import org.opsvd.operators.SeparablePotential;
import org.opsvd.operators.SmoothPotential;

/**
 * The harmonic potential V(x) = ½ Σ_i ω_i² x_i², one angular frequency ω_i &gt; 0 per axis.
 *
 * <p>With H = −c·Δ + V each axis contributes √(2c)·ω_i·(n_i + ½); for c = ½ that is ω_i(n_i + ½).
 * The NeuralSVD paper's oscillator V = |x|² is ω_i = √2.
 */
public record HarmonicPotential(double[] omega) implements SeparablePotential, SmoothPotential {

    public HarmonicPotential {
        if (omega.length < 1) {
            throw new IllegalArgumentException("harmonic potential needs at least one frequency");
        }
        for (double w : omega) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("harmonic frequencies (--omega) must be positive and finite, got "
                        + Arrays.toString(omega));
            }
        }
        omega = omega.clone();
    }

    /** The isotropic oscillator ½ω²|x|² in d dimensions. */
    public static HarmonicPotential isotropic(int dimension, double omega) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        double[] w = new double[dimension];
        Arrays.fill(w, omega);
        return new HarmonicPotential(w);
    }

    @Override
    public double[] omega() {
        return omega.clone();
    }

    @Override
    public int dimension() {
        return omega.length;
    }

    @Override
    public double axisValue(int axis, double t) {
        return 0.5 * omega[axis] * omega[axis] * t * t;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        for (int i = 0; i < omega.length; i++) {
            out[i] = omega[i] * omega[i] * x[i];
        }
    }

    @Override
    public double laplacian(double[] x) {
        double sum = 0;
        for (double w : omega) {
            sum += w * w;
        }
        return sum;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("0.5*(");
        for (int i = 0; i < omega.length; i++) {
            if (i > 0) {
                sb.append(" + ");
            }
            if (omega[i] != 1) {
                sb.append(omega[i] * omega[i]).append('*');
            }
            sb.append(ExpressionPotential.variableName(i, omega.length)).append("^2");
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HarmonicPotential h && Arrays.equals(omega, h.omega);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(omega);
    }

    @Override
    public String toString() {
        return "HarmonicPotential" + Arrays.toString(omega);
    }
}
