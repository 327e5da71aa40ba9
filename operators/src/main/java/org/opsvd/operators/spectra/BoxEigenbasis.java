package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact eigenfunctions of the particle in the box [−L, L]^d ({@link BoxSpectrum}):
 * ψ_n(x) = Π_i L^{−1/2} sin(n_i π (x_i + L)/(2L)), n_i ≥ 1, normalised on the box and 0 outside, in the order of
 * {@link BoxSpectrum#levels(int)} (lexicographic quantum numbers within a shell).
 */
public final class BoxEigenbasis implements ExactEigenbasis {

    private final double halfWidth;
    private final List<int[]> states = new ArrayList<>();
    private final double[] energies;
    private final String[] labels;

    /** The lowest complete shells of {@code spectrum} with at least {@code minStates} states. */
    public BoxEigenbasis(BoxSpectrum spectrum, int minStates) {
        this.halfWidth = spectrum.halfWidth();
        List<Double> e = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Level level : spectrum.levels(minStates)) {
            for (List<Integer> q : level.quantumNumbers()) {
                states.add(q.stream().mapToInt(Integer::intValue).toArray());
                e.add(level.energy());
                names.add(SeparableLevels.axisNames(spectrum.dimension()) + "=" + SeparableLevels.tuple(q));
            }
        }
        this.energies = e.stream().mapToDouble(Double::doubleValue).toArray();
        this.labels = names.toArray(String[]::new);
    }

    @Override
    public int dimension() {
        return states.isEmpty() ? 0 : states.get(0).length;
    }

    @Override
    public int count() {
        return energies.length;
    }

    @Override
    public double energy(int i) {
        return energies[i];
    }

    @Override
    public double value(int i, double[] x) {
        int[] n = states.get(i);
        double v = 1;
        for (int a = 0; a < n.length; a++) {
            if (Math.abs(x[a]) > halfWidth) {
                return 0;
            }
            v *= Math.sin(n[a] * Math.PI * (x[a] + halfWidth) / (2 * halfWidth)) / Math.sqrt(halfWidth);
        }
        return v;
    }

    @Override
    public String label(int i) {
        return labels[i];
    }
}
