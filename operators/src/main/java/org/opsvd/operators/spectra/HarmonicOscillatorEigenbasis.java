package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact eigenfunctions of H = −c·Δ + ½Σω_i²x_i²: ψ_n(x) = Π_i ψ^{(i)}_{n_i}(x_i), products of
 * {@link HermiteFunctions} with b_i = ω_i/√(2c), ordered as
 * {@link HarmonicOscillatorSpectrum#eigenvalues(int)} (lexicographic quantum numbers within a shell).
 */
public final class HarmonicOscillatorEigenbasis implements ExactEigenbasis {

    private final HarmonicOscillatorSpectrum spectrum;
    private final HermiteFunctions[] axes;
    private final List<int[]> states = new ArrayList<>();
    private final double[] energies;
    private final String[] labels;

    /**
     * The lowest complete shells with at least {@code minStates} states.
     *
     * @param omega     the frequencies ω_i &gt; 0, one per axis
     * @param kinetic   the kinetic coefficient c &gt; 0
     * @param minStates ≥ 1
     */
    public HarmonicOscillatorEigenbasis(double[] omega, double kinetic, int minStates) {
        this.spectrum = new HarmonicOscillatorSpectrum(omega, kinetic);
        this.axes = new HermiteFunctions[omega.length];
        for (int i = 0; i < omega.length; i++) {
            axes[i] = HermiteFunctions.forOscillator(omega[i], kinetic);
        }
        List<String> names = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        for (Level level : spectrum.levels(minStates)) {
            for (List<Integer> q : level.quantumNumbers()) {
                states.add(q.stream().mapToInt(Integer::intValue).toArray());
                e.add(level.energy());
                names.add(SeparableLevels.axisNames(omega.length) + "=" + SeparableLevels.tuple(q));
            }
        }
        this.energies = e.stream().mapToDouble(Double::doubleValue).toArray();
        this.labels = names.toArray(String[]::new);
    }

    /** The spectrum these functions belong to. */
    public HarmonicOscillatorSpectrum spectrum() {
        return spectrum;
    }

    /** A copy of the quantum numbers (n_1, …, n_d) of ψ_i. */
    public int[] quantumNumbers(int i) {
        return states.get(i).clone();
    }

    @Override
    public int dimension() {
        return axes.length;
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
            v *= axes[a].value(n[a], x[a]);
        }
        return v;
    }

    @Override
    public double[] values(double[] x) {
        double[][] perAxis = new double[axes.length][];
        for (int a = 0; a < axes.length; a++) {
            int max = 0;
            for (int[] n : states) {
                max = Math.max(max, n[a]);
            }
            perAxis[a] = axes[a].values(max, x[a]);
        }
        double[] out = new double[count()];
        for (int i = 0; i < out.length; i++) {
            int[] n = states.get(i);
            double v = 1;
            for (int a = 0; a < n.length; a++) {
                v *= perAxis[a][n[a]];
            }
            out[i] = v;
        }
        return out;
    }

    @Override
    public String label(int i) {
        return labels[i];
    }
}
