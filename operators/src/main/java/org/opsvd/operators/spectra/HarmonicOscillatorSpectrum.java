package org.opsvd.operators.spectra;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The harmonic oscillator H = −c·Δ + ½ Σ_i ω_i² x_i² on R^d, possibly anisotropic.
 *
 * <p>Along one axis, −c·d²/dx² + ½ω²x² is a unit-mass-m oscillator with m = 1/(2c) and frequency
 * Ω = ω·√(2c), so E = √(2c)·ω_i·(n_i + ½), n_i = 0, 1, …. The d-dimensional levels are the sums.
 * Examples: c = ½, isotropic ω: E = ω(n + d/2); c = 1, V = |x|² (ω = √2), d = 2: E = 2n + 2 with
 * degeneracy n + 1. Quantum numbers are (n_1, …, n_d), listed lexicographically within a shell.
 */
public final class HarmonicOscillatorSpectrum implements ExactSpectrum {

    private final double[] omega;
    private final double kinetic;
    private final SeparableLevels levels;

    /**
     * @param omega   the angular frequencies ω_i &gt; 0 (hartree), one per axis; d = omega.length ≥ 1
     * @param kinetic the kinetic coefficient c &gt; 0
     */
    public HarmonicOscillatorSpectrum(double[] omega, double kinetic) {
        if (omega == null || omega.length == 0) {
            throw new IllegalArgumentException("need at least one frequency");
        }
        for (double w : omega) {
            Args.requirePositive("oscillator frequency", w);
        }
        this.omega = omega.clone();
        this.kinetic = Args.requirePositive("kinetic coefficient", kinetic);
        IntToDoubleFunction[] axes = new IntToDoubleFunction[omega.length];
        for (int i = 0; i < omega.length; i++) {
            double quantum = axisQuantum(i);
            axes[i] = n -> quantum * (n + 0.5);
        }
        this.levels = new SeparableLevels(axes, 0);
    }

    /** The isotropic oscillator V = ½ω²|x|² in d dimensions. */
    public static HarmonicOscillatorSpectrum isotropic(int dimension, double omega, double kinetic) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        double[] w = new double[dimension];
        Arrays.fill(w, omega);
        return new HarmonicOscillatorSpectrum(w, kinetic);
    }

    /** The isotropic oscillator written V = k·|x|², i.e. ω = √(2k). */
    public static HarmonicOscillatorSpectrum quadratic(int dimension, double k, double kinetic) {
        return isotropic(dimension, Math.sqrt(2 * Args.requirePositive("quadratic coefficient", k)), kinetic);
    }

    /** The 1D level spacing √(2c)·ω_i along an axis. */
    public double axisQuantum(int axis) {
        return Math.sqrt(2 * kinetic) * omega[axis];
    }

    /** E = Σ √(2c)·ω_i·(n_i + ½). */
    public double energy(int... n) {
        if (n.length != omega.length) {
            throw new IllegalArgumentException("need " + omega.length + " quantum numbers, got " + n.length);
        }
        double e = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] < 0) {
                throw new IllegalArgumentException("oscillator quantum numbers are ≥ 0, got " + n[i]);
            }
            e += axisQuantum(i) * (n[i] + 0.5);
        }
        return e;
    }

    /** A copy of ω. */
    public double[] omega() {
        return omega.clone();
    }

    /** The kinetic coefficient c. */
    public double kinetic() {
        return kinetic;
    }

    @Override
    public int dimension() {
        return omega.length;
    }

    @Override
    public List<Level> levels(int minStates) {
        return levels.levels(minStates);
    }

    @Override
    public String describe() {
        return "harmonic oscillator -" + kinetic + "·Δ + ½Σω_i²x_i², d=" + omega.length + ", ω="
                + Arrays.toString(omega);
    }

    @Override
    public java.util.Optional<ExactEigenbasis> eigenbasis(int minStates) {
        return java.util.Optional.of(new HarmonicOscillatorEigenbasis(omega(), kinetic(), minStates));
    }
}
