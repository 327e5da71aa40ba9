package org.opsvd.operators.potentials;

import org.opsvd.operators.Potential;

/** V = s·V₀. */
public record ScaledPotential(Potential base, double scale) implements Potential {

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public double value(double[] x) {
        return scale * base.value(x);
    }

    @Override
    public String describe() {
        return scale + "*(" + base.describe() + ")";
    }
}
