package org.opsvd.operators.potentials;

import java.util.Arrays;
import java.util.List;
import org.opsvd.operators.CoulombCentre;
import org.opsvd.operators.Potential;

/**
 * V in coordinates y = x − c centred at c: V_c(y) = V(y + c). Its Coulomb centres move to a − c; nothing else of V
 * changes, so the spectrum is V's and the eigenfunctions are V's shifted, ψ_c(y) = ψ(y + c).
 *
 * @param base  V
 * @param shift c (bohr), length d; copied
 */
public record TranslatedPotential(Potential base, double[] shift) implements Potential {

    public TranslatedPotential {
        if (shift.length != base.dimension()) {
            throw new IllegalArgumentException("a centre in " + shift.length + "D for a " + base.dimension()
                    + "-dimensional potential");
        }
        for (double v : shift) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("centre " + Arrays.toString(shift) + " is not finite");
        }
        shift = shift.clone();
    }

    @Override
    public double[] shift() {
        return shift.clone();
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public double value(double[] y) {
        double[] x = new double[y.length];
        for (int j = 0; j < y.length; j++) x[j] = y[j] + shift[j];
        return base.value(x);
    }

    @Override
    public List<CoulombCentre> coulombCentres() {
        return base.coulombCentres().stream().map(c -> {
            double[] a = c.position();
            for (int j = 0; j < a.length; j++) a[j] -= shift[j];
            return new CoulombCentre(a, c.charge());
        }).toList();
    }

    @Override
    public String describe() {
        return base.describe() + " at x = y + " + Arrays.toString(shift);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TranslatedPotential t && base.equals(t.base) && Arrays.equals(shift, t.shift);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + Arrays.hashCode(shift);
    }
}
