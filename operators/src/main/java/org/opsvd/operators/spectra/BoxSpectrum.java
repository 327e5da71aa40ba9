package org.opsvd.operators.spectra;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The particle in a box: H = −c·Δ on the cube [−L, L]^d with Dirichlet walls (V = 0 inside, ∞ outside).
 *
 * <p>Eigenfunctions Π_i sin(n_i π (x_i + L)/(2L)), n_i ≥ 1, with E = c·Σ_i (π n_i / (2L))² (hartree, for
 * L in bohr). Quantum numbers are (n_1, …, n_d), listed lexicographically within a shell; accidental
 * degeneracies (e.g. n² sums 1+1+25 = 9+9+9 in 3D) are merged into one level.
 */
public final class BoxSpectrum implements ExactSpectrum {

    private final int dimension;
    private final double halfWidth;
    private final double kinetic;
    private final SeparableLevels levels;

    /**
     * @param dimension d ≥ 1
     * @param halfWidth L &gt; 0, the box is [−L, L]^d
     * @param kinetic   the kinetic coefficient c &gt; 0
     */
    public BoxSpectrum(int dimension, double halfWidth, double kinetic) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        this.dimension = dimension;
        this.halfWidth = Args.requirePositive("box half-width", halfWidth);
        this.kinetic = Args.requirePositive("kinetic coefficient", kinetic);
        double k = Math.PI / (2 * halfWidth);
        IntToDoubleFunction axis = j -> kinetic * (k * (j + 1)) * (k * (j + 1));
        IntToDoubleFunction[] axes = new IntToDoubleFunction[dimension];
        Arrays.fill(axes, axis);
        this.levels = new SeparableLevels(axes, 1);
    }

    /** E = c·Σ (π n_i/(2L))² for n_i ≥ 1. */
    public double energy(int... n) {
        if (n.length != dimension) {
            throw new IllegalArgumentException("need " + dimension + " quantum numbers, got " + n.length);
        }
        double k = Math.PI / (2 * halfWidth);
        double e = 0;
        for (int ni : n) {
            if (ni < 1) {
                throw new IllegalArgumentException("box quantum numbers are ≥ 1, got " + ni);
            }
            e += kinetic * (k * ni) * (k * ni);
        }
        return e;
    }

    /** The half-width L. */
    public double halfWidth() {
        return halfWidth;
    }

    /** The kinetic coefficient c. */
    public double kinetic() {
        return kinetic;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<Level> levels(int minStates) {
        return levels.levels(minStates);
    }

    @Override
    public java.util.Optional<ExactEigenbasis> eigenbasis(int minStates) {
        return java.util.Optional.of(new BoxEigenbasis(this, minStates));
    }

    @Override
    public String describe() {
        return "Dirichlet box -" + kinetic + "·Δ on [-" + halfWidth + "," + halfWidth + "]^" + dimension;
    }
}
