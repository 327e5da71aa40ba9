package org.opsvd.operators.spectra;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An exact spectrum in coordinates y = x − c: the same levels, the eigenfunctions ψ_c(y) = ψ(y + c)
 * ({@link org.opsvd.operators.potentials.TranslatedPotential}).
 *
 * @param base  the spectrum in x
 * @param shift c (bohr), length d
 */
public record TranslatedSpectrum(ExactSpectrum base, double[] shift) implements ExactSpectrum {

    public TranslatedSpectrum {
        shift = shift.clone();
    }

    @Override
    public double[] shift() {
        return shift.clone();
    }

    @Override
    public String describe() {
        return base.describe() + " at x = y + " + Arrays.toString(shift);
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public List<Level> levels(int minStates) {
        return base.levels(minStates);
    }

    @Override
    public Optional<ExactEigenbasis> eigenbasis(int minStates) {
        return base.eigenbasis(minStates).map(b -> new ExactEigenbasis() {
            @Override
            public int dimension() {
                return b.dimension();
            }

            @Override
            public int count() {
                return b.count();
            }

            @Override
            public double energy(int i) {
                return b.energy(i);
            }

            @Override
            public double value(int i, double[] y) {
                double[] x = new double[y.length];
                for (int j = 0; j < y.length; j++) x[j] = y[j] + shift[j];
                return b.value(i, x);
            }

            @Override
            public String label(int i) {
                return b.label(i);
            }
        });
    }
}
