package org.opsvd.operators.spectra;

/**
 * Exact eigenfunctions of H = −c·Δ + ½Σω_i²x_i²: ψ_n(x) = Π_i ψ^{(i)}_{n_i}(x_i), products of
 * {@link HermiteFunctions} with b_i = ω_i/√(2c), ordered as
 * {@link HarmonicOscillatorSpectrum#eigenvalues(int)} (lexicographic quantum numbers within a shell).
 */
public final class HarmonicOscillatorEigenbasis extends SeparableEigenbasis {

    private final HarmonicOscillatorSpectrum spectrum;
    private final HermiteFunctions[] axes;

    /**
     * The lowest complete shells with at least {@code minStates} states.
     *
     * @param omega     the frequencies ω_i &gt; 0, one per axis
     * @param kinetic   the kinetic coefficient c &gt; 0
     * @param minStates ≥ 1
     */
    public HarmonicOscillatorEigenbasis(double[] omega, double kinetic, int minStates) {
        this(new HarmonicOscillatorSpectrum(omega, kinetic), omega, kinetic, minStates);
    }

    private HarmonicOscillatorEigenbasis(HarmonicOscillatorSpectrum spectrum, double[] omega, double kinetic,
            int minStates) {
        super(omega.length, spectrum.levels(minStates));
        this.spectrum = spectrum;
        this.axes = new HermiteFunctions[omega.length];
        for (int i = 0; i < omega.length; i++) {
            axes[i] = HermiteFunctions.forOscillator(omega[i], kinetic);
        }
    }

    /** The spectrum these functions belong to. */
    public HarmonicOscillatorSpectrum spectrum() {
        return spectrum;
    }

    @Override
    double axisValue(int axis, int n, double x) {
        return axes[axis].value(n, x);
    }

    /** All functions at x, each axis's Hermite functions by one recurrence. */
    @Override
    public double[] values(double[] x) {
        double[][] perAxis = new double[axes.length][];
        for (int a = 0; a < axes.length; a++) {
            int max = 0;
            for (int i = 0; i < count(); i++) {
                max = Math.max(max, quantumNumber(i, a));
            }
            perAxis[a] = axes[a].values(max, x[a]);
        }
        double[] out = new double[count()];
        for (int i = 0; i < out.length; i++) {
            double v = 1;
            for (int a = 0; a < axes.length; a++) {
                v *= perAxis[a][quantumNumber(i, a)];
            }
            out[i] = v;
        }
        return out;
    }
}
