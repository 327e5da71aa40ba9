package org.opsvd.operators.potentials;

import org.opsvd.operators.CentralPotential;

/**
 * The attractive Coulomb potential V(x) = −Z/|x| of a nucleus of charge Z at the origin, in d = 2 or 3.
 *
 * <p>Singular at the origin: on a grid the origin must not be a grid point (use an even number of points
 * per axis). In 2D with H = −½Δ + V the bound states are E_n = −Z²/(2(n−½)²); in 3D E_n = −Z²/(2n²).
 */
public record CoulombPotential(double charge, int dimension) implements CentralPotential {

    public CoulombPotential {
        if (!(charge > 0) || !Double.isFinite(charge)) {
            throw new IllegalArgumentException("nuclear charge must be positive and finite, got " + charge);
        }
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("hydrogen is defined in 2 or 3 dimensions, got " + dimension);
        }
    }

    @Override
    public double radialValue(double r) {
        return -charge / r;
    }

    @Override
    public String describe() {
        String r = dimension == 2 ? "sqrt(x^2+y^2)" : "sqrt(x^2+y^2+z^2)";
        return "-" + (charge == 1 ? "" : charge + "*") + "1/" + r;
    }
}
