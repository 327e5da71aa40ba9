package org.opsvd.operators.potentials;

import org.opsvd.operators.CellAveragedPotential;

/**
 * The one-electron potential of the molecular ion H₂⁺ (or any two equal nuclei):
 * V(x) = −Z/|x − a| − Z/|x + a| with a = (R/2)·e_last, nuclei separated by R along the last axis.
 *
 * <p>The Born–Oppenheimer electronic energy excludes the nuclear repulsion Z²/R. For H₂⁺ (Z = 1, R = 2
 * bohr, d = 3, H = −½Δ + V) the ground-state electronic energy is −1.1026342 hartree; the 3D levels are
 * {@link org.opsvd.operators.spectra.TwoCentreCoulombSpectrum}.
 */
public record TwoCentreCoulombPotential(double charge, double separation, int dimension) implements CellAveragedPotential {

    public TwoCentreCoulombPotential {
        if (!(charge > 0) || !Double.isFinite(charge)) {
            throw new IllegalArgumentException("nuclear charge must be positive and finite, got " + charge);
        }
        if (!(separation > 0) || !Double.isFinite(separation)) {
            throw new IllegalArgumentException("internuclear separation must be positive and finite, got "
                    + separation);
        }
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("h2plus is defined in 2 or 3 dimensions, got " + dimension);
        }
    }

    @Override
    public double value(double[] x) {
        double half = 0.5 * separation;
        double p = 0;
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double shift = i == x.length - 1 ? half : 0;
            p += (x[i] - shift) * (x[i] - shift);
            m += (x[i] + shift) * (x[i] + shift);
        }
        return -charge / Math.sqrt(p) - charge / Math.sqrt(m);
    }

    @Override
    public double cellAverage(double[] centre, double h) {
        double half = 0.5 * separation;
        double total = 0;
        for (double nucleus : new double[] {half, -half}) {
            double[] lo = new double[centre.length];
            double[] hi = new double[centre.length];
            for (int i = 0; i < centre.length; i++) {
                double shift = i == centre.length - 1 ? nucleus : 0;
                lo[i] = centre[i] - shift - 0.5 * h;
                hi[i] = centre[i] - shift + 0.5 * h;
            }
            total += CoulombCellIntegral.integral(lo, hi);
        }
        return -charge * total / Math.pow(h, centre.length);
    }

    @Override
    public java.util.List<org.opsvd.operators.CoulombCentre> coulombCentres() {
        double[] plus = new double[dimension];
        double[] minus = new double[dimension];
        plus[dimension - 1] = 0.5 * separation;
        minus[dimension - 1] = -0.5 * separation;
        return java.util.List.of(new org.opsvd.operators.CoulombCentre(plus, charge),
                new org.opsvd.operators.CoulombCentre(minus, charge));
    }

    @Override
    public String describe() {
        return "-" + charge + "/|x - a| - " + charge + "/|x + a|, |2a| = " + separation;
    }
}
