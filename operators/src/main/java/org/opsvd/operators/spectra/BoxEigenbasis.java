package org.opsvd.operators.spectra;

/**
 * Exact eigenfunctions of the particle in the box [−L, L]^d ({@link BoxSpectrum}):
 * ψ_n(x) = Π_i L^{−1/2} sin(n_i π (x_i + L)/(2L)), n_i ≥ 1, normalised on the box and 0 outside, in the order of
 * {@link BoxSpectrum#levels(int)} (lexicographic quantum numbers within a shell).
 */
public final class BoxEigenbasis extends SeparableEigenbasis {

    private final double halfWidth;

    /** The lowest complete shells of {@code spectrum} with at least {@code minStates} states. */
    public BoxEigenbasis(BoxSpectrum spectrum, int minStates) {
        super(spectrum.dimension(), spectrum.levels(minStates));
        this.halfWidth = spectrum.halfWidth();
    }

    @Override
    double axisValue(int axis, int n, double x) {
        if (Math.abs(x) > halfWidth) {
            return 0;
        }
        return Math.sin(n * Math.PI * (x + halfWidth) / (2 * halfWidth)) / Math.sqrt(halfWidth);
    }
}
