package org.opsvd.operators.potentials;

import java.util.Arrays;
import org.opsvd.operators.SeparablePotential;

/**
 * The periodic potential V(x) = Σ_i c_i cos(x_i) on the torus [−π, π)^d (a separable Mathieu problem).
 */
public record CosinePotential(double[] coefficients) implements SeparablePotential {

    public CosinePotential {
        if (coefficients.length < 1) {
            throw new IllegalArgumentException("cosine potential needs at least one coefficient");
        }
        for (double c : coefficients) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("cosine coefficients must be finite, got "
                        + Arrays.toString(coefficients));
            }
        }
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public int dimension() {
        return coefficients.length;
    }

    @Override
    public double axisValue(int axis, double t) {
        return coefficients[axis] * Math.cos(t);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < coefficients.length; i++) {
            if (i > 0) {
                sb.append(" + ");
            }
            sb.append(coefficients[i]).append("*cos(").append(ExpressionPotential.variableName(i, coefficients.length))
                    .append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosinePotential c && Arrays.equals(coefficients, c.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "CosinePotential" + Arrays.toString(coefficients);
    }
}
