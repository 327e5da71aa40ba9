package org.opsvd.operators.spectra;

import java.util.List;

/**
 * The exact point spectrum of a Schrödinger operator H = −c·Δ + V, listed from the bottom.
 *
 * <p>Lists are always cut at the end of a degenerate shell: asking for k states returns every state of
 * every level whose energy is at most that of the k-th state. Comparing a solver's lowest k eigenpairs
 * with a truncated shell is meaningless, because the basis of a shell is arbitrary.
 */
public interface ExactSpectrum {

    /** A one-line description with the operator, its parameters and c. */
    String describe();

    /**
     * The exact eigenfunctions of at least the first {@code minStates} states (complete degenerate shells), when
     * this spectrum knows them in closed form; empty otherwise (the default).
     */
    default java.util.Optional<ExactEigenbasis> eigenbasis(int minStates) {
        return java.util.Optional.empty();
    }

    /** The dimension d of the configuration space. */
    int dimension();

    /**
     * The lowest levels, ascending in energy, with complete degenerate shells, covering at least
     * {@code minStates} states.
     *
     * @throws IllegalArgumentException if {@code minStates < 1}, or if the operator has fewer than
     *                                  {@code minStates} bound states (none of the model spectra here do)
     */
    List<Level> levels(int minStates);

    /**
     * The eigenvalues of {@link #levels(int)}, each repeated by its degeneracy, ascending. The length is
     * {@link #completeShellCount(int) completeShellCount(minStates)} ≥ minStates.
     */
    default double[] eigenvalues(int minStates) {
        List<Level> levels = levels(minStates);
        double[] out = new double[levels.stream().mapToInt(Level::degeneracy).sum()];
        int i = 0;
        for (Level level : levels) {
            for (int k = 0; k < level.degeneracy(); k++) {
                out[i++] = level.energy();
            }
        }
        return out;
    }

    /** The smallest number of states ≥ k that ends a degenerate shell (e.g. 21 for k = 16, 2D oscillator). */
    default int completeShellCount(int k) {
        return levels(k).stream().mapToInt(Level::degeneracy).sum();
    }
}
