package org.opsvd.operators.spectra;

import java.util.List;

/**
 * One energy level (degenerate shell) of an exact spectrum.
 *
 * @param energy         the eigenvalue E (hartree, for the operator as given)
 * @param degeneracy     the number of linearly independent eigenfunctions with this energy, ≥ 1
 * @param label          a short human-readable name, e.g. {@code "n=2"} or {@code "(nx,ny)=(0,1),(1,0)"}
 * @param quantumNumbers the quantum numbers of the states in the shell, in the project's canonical order;
 *                       either empty (unknown) or exactly {@code degeneracy} entries. Stored as an
 *                       unmodifiable deep copy.
 */
public record Level(double energy, int degeneracy, String label, List<List<Integer>> quantumNumbers) {

    public Level {
        if (!Double.isFinite(energy)) {
            throw new IllegalArgumentException("level energy must be finite, got " + energy);
        }
        if (degeneracy < 1) {
            throw new IllegalArgumentException("degeneracy must be at least 1, got " + degeneracy);
        }
        if (label == null) {
            throw new IllegalArgumentException("label must not be null");
        }
        quantumNumbers = quantumNumbers == null ? List.of()
                : quantumNumbers.stream().map(List::copyOf).toList();
        if (!quantumNumbers.isEmpty() && quantumNumbers.size() != degeneracy) {
            throw new IllegalArgumentException("level '" + label + "' has degeneracy " + degeneracy + " but "
                    + quantumNumbers.size() + " sets of quantum numbers");
        }
    }

    /** A level whose states' quantum numbers are not recorded. */
    public Level(double energy, int degeneracy, String label) {
        this(energy, degeneracy, label, List.of());
    }
}
