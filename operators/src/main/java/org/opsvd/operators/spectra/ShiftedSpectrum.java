package org.opsvd.operators.spectra;

import java.util.List;

/**
 * The spectrum of H + s for an exact spectrum of H: every level moved by s, eigenfunctions unchanged (so
 * {@link #eigenbasis} gives the base's eigenfunctions). Example: the ground-state transform of the
 * Ornstein–Uhlenbeck generator, −β⁻¹Δ + β|x|²/4 − d/2, is an isotropic oscillator shifted by −d/2.
 *
 * @param base  the spectrum of H
 * @param shift s
 */
public record ShiftedSpectrum(ExactSpectrum base, double shift) implements ExactSpectrum {

    @Override
    public String describe() {
        return base.describe() + (shift < 0 ? " − " : " + ") + Math.abs(shift);
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public List<Level> levels(int minStates) {
        return base.levels(minStates).stream()
                .map(l -> new Level(l.energy() + shift, l.degeneracy(), l.label(), l.quantumNumbers()))
                .toList();
    }

    /** The base's eigenfunctions: a constant shift keeps them (their {@code energy(i)} stays the base's). */
    @Override
    public java.util.Optional<ExactEigenbasis> eigenbasis(int minStates) {
        return base.eigenbasis(minStates);
    }
}
