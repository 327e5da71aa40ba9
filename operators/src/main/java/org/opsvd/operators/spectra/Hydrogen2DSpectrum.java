package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * The bound states of 2D hydrogen H = −c·Δ − Z/|x| on R².
 *
 * <p>H = 2c·[−½Δ − (Z/2c)/r], so the physicists' result (c = ½) with Z_eff = Z/(2c) gives
 * E_n = −Z² / (4c·(n − ½)²), n = 1, 2, …, with degeneracy 2n − 1 (m = −(n−1) … n−1).
 * c = ½: E_n = −Z²/(2(n−½)²) = −2Z²/(2n−1)²; c = 1, Z = 1: E_n = −1/(2n−1)², i.e. −1, −1/9 (×3),
 * −1/25 (×5), as in the NeuralSVD paper. The levels accumulate at 0, so every request is finite.
 *
 * <p>Quantum numbers (n, m); within a shell m = 0, +1, −1, +2, −2, … (see {@link #magneticNumber(int)}).
 */
public final class Hydrogen2DSpectrum implements ExactSpectrum {

    private final double charge;
    private final double kinetic;

    /**
     * @param charge  the nuclear charge Z &gt; 0 (e)
     * @param kinetic the kinetic coefficient c &gt; 0
     */
    public Hydrogen2DSpectrum(double charge, double kinetic) {
        this.charge = Args.requirePositive("nuclear charge", charge);
        this.kinetic = Args.requirePositive("kinetic coefficient", kinetic);
    }

    /** E_n = −Z²/(4c(n−½)²), n ≥ 1. */
    public double energy(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("principal quantum number must be at least 1, got " + n);
        }
        return -charge * charge / (4 * kinetic * (n - 0.5) * (n - 0.5));
    }

    /** The j-th magnetic quantum number of a shell in canonical order: 0, +1, −1, +2, −2, … (j ≥ 0). */
    public static int magneticNumber(int j) {
        int a = (j + 1) / 2;
        return j % 2 == 1 ? a : -a;
    }

    /** The nuclear charge Z. */
    public double charge() {
        return charge;
    }

    /** The kinetic coefficient c. */
    public double kinetic() {
        return kinetic;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public List<Level> levels(int minStates) {
        Args.requireMinStates(minStates);
        List<Level> out = new ArrayList<>();
        int states = 0;
        for (int n = 1; states < minStates; n++) {
            List<List<Integer>> numbers = new ArrayList<>();
            for (int j = 0; j < 2 * n - 1; j++) {
                numbers.add(List.of(n, magneticNumber(j)));
            }
            out.add(new Level(energy(n), numbers.size(), "n=" + n, numbers));
            states += numbers.size();
        }
        return out;
    }

    @Override
    public String describe() {
        return "2D hydrogen -" + kinetic + "·Δ - " + charge + "/|x|";
    }

    @Override
    public java.util.Optional<ExactEigenbasis> eigenbasis(int minStates) {
        return java.util.Optional.of(new Hydrogen2DEigenbasis(charge(), kinetic(), minStates));
    }
}
