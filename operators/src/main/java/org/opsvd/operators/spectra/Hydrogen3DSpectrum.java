package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bound states of 3D hydrogen H = −c·Δ − Z/|x| on R³.
 *
 * <p>E_n = −Z²/(4c·n²), n = 1, 2, …, degeneracy n² (spin not counted). c = ½: the Rydberg series
 * −Z²/(2n²); c = 1: −Z²/(4n²). Quantum numbers (n, l, m) with l = 0 … n−1 ascending and, for each l,
 * m = 0, +1, −1, … ±l. The eigenfunctions: {@link Hydrogen3DEigenbasis}.
 */
public final class Hydrogen3DSpectrum implements ExactSpectrum {

    private final double charge;
    private final double kinetic;

    /**
     * @param charge  the nuclear charge Z &gt; 0 (e)
     * @param kinetic the kinetic coefficient c &gt; 0
     */
    public Hydrogen3DSpectrum(double charge, double kinetic) {
        this.charge = Args.requirePositive("nuclear charge", charge);
        this.kinetic = Args.requirePositive("kinetic coefficient", kinetic);
    }

    /** E_n = −Z²/(4c·n²), n ≥ 1. */
    public double energy(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("principal quantum number must be at least 1, got " + n);
        }
        return -charge * charge / (4 * kinetic * n * (double) n);
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public List<Level> levels(int minStates) {
        Args.requireMinStates(minStates);
        List<Level> out = new ArrayList<>();
        int states = 0;
        for (int n = 1; states < minStates; n++) {
            List<List<Integer>> numbers = new ArrayList<>();
            for (int l = 0; l < n; l++) {
                for (int j = 0; j <= 2 * l; j++) {
                    numbers.add(List.of(n, l, Hydrogen2DSpectrum.magneticNumber(j)));
                }
            }
            out.add(new Level(energy(n), numbers.size(), "n=" + n, numbers));
            states += numbers.size();
        }
        return out;
    }

    @Override
    public String describe() {
        return "3D hydrogen -" + kinetic + "·Δ - " + charge + "/|x|";
    }

    @Override
    public Optional<ExactEigenbasis> eigenbasis(int minStates) {
        return Optional.of(new Hydrogen3DEigenbasis(charge, kinetic, minStates));
    }
}
