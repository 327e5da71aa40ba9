package org.opsvd.operators.potentials;

import org.opsvd.operators.CellAveragedPotential;
import org.opsvd.operators.CentralPotential;

/**
 * The attractive Coulomb potential V(x) = −Z/|x| of a nucleus of charge Z at the origin, in d = 2 or 3.
 *
 * <p>Singular at the origin; grids use its exact cell averages, which are finite everywhere. In 2D with H = −½Δ + V the bound states are E_n = −Z²/(2(n−½)²); in 3D E_n = −Z²/(2n²).
 */
public record CoulombPotential(double charge, int dimension) implements CentralPotential, CellAveragedPotential {

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
    public double cellAverage(double[] centre, double h) {
        double[] lo = new double[centre.length];
        double[] hi = new double[centre.length];
        for (int i = 0; i < centre.length; i++) {
            lo[i] = centre[i] - 0.5 * h;
            hi[i] = centre[i] + 0.5 * h;
        }
        return -charge * CoulombCellIntegral.integral(lo, hi) / Math.pow(h, centre.length);
    }

    @Override
    public java.util.List<org.opsvd.operators.CoulombCentre> coulombCentres() {
        return java.util.List.of(new org.opsvd.operators.CoulombCentre(new double[dimension], charge));
    }

    @Override
    public String describe() {
        String r = dimension == 2 ? "sqrt(x^2+y^2)" : "sqrt(x^2+y^2+z^2)";
        return "-" + (charge == 1 ? "" : charge + "*") + "1/" + r;
    }
}
