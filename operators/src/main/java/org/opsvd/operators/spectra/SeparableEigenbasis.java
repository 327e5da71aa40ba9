package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact eigenfunctions that are products of one-dimensional ones, ψ_n(x) = Π_a φ^{(a)}_{n_a}(x_a), listed in the
 * order of a separable spectrum's levels (lexicographic quantum numbers within a shell). Subclasses give the
 * one-dimensional functions φ^{(a)}_n.
 */
abstract class SeparableEigenbasis implements ExactEigenbasis {

    private final int dimension;
    private final List<int[]> states = new ArrayList<>();
    private final double[] energies;
    private final String[] labels;

    /** The states of {@code levels}, each with the quantum numbers the level records. */
    SeparableEigenbasis(int dimension, List<Level> levels) {
        this.dimension = dimension;
        List<Double> e = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Level level : levels) {
            for (List<Integer> q : level.quantumNumbers()) {
                states.add(q.stream().mapToInt(Integer::intValue).toArray());
                e.add(level.energy());
                names.add(SeparableLevels.axisNames(dimension) + "=" + SeparableLevels.tuple(q));
            }
        }
        this.energies = e.stream().mapToDouble(Double::doubleValue).toArray();
        this.labels = names.toArray(String[]::new);
    }

    /** φ^{(axis)}_n(x). */
    abstract double axisValue(int axis, int n, double x);

    /** n_axis of ψ_i. */
    final int quantumNumber(int i, int axis) {
        return states.get(i)[axis];
    }

    /** A copy of the quantum numbers (n_1, …, n_d) of ψ_i. */
    public int[] quantumNumbers(int i) {
        return states.get(i).clone();
    }

    @Override
    public int dimension() {
        return dimension;
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
            v *= axisValue(a, n[a], x[a]);
            if (v == 0) {
                return 0; // a node or outside the support: +0, whatever the other factors' signs
            }
        }
        return v;
    }

    @Override
    public String label(int i) {
        return labels[i];
    }
}
