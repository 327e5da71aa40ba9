package org.opsvd.operators.potentials;

import org.opsvd.operators.SeparablePotential;

/** V ≡ 0: with Dirichlet walls at ±L, the particle in a box. */
public record ZeroPotential(int dimension) implements SeparablePotential {

    public ZeroPotential {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
    }

    @Override
    public double axisValue(int axis, double t) {
        return 0;
    }

    @Override
    public String describe() {
        return "0";
    }
}
