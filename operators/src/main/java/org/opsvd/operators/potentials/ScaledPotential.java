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
    public java.util.List<org.opsvd.operators.CoulombCentre> coulombCentres() {
        if (!(scale > 0)) {
            return java.util.List.of(); // a repulsive or vanishing multiple has no attractive cusp
        }
        return base.coulombCentres().stream()
                .map(c -> new org.opsvd.operators.CoulombCentre(c.position(), scale * c.charge())).toList();
    }

    @Override
    public String describe() {
        return scale + "*(" + base.describe() + ")";
    }
}
